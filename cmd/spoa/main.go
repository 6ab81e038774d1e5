// Command spoa simulates the BLMK single point of access urgent care hub:
// run a scenario and read its waits, abandonment, staff utilisation and
// flows to each destination. See README.md.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/spf13/cobra"

	"spoa/config"
)

// Exit codes.
const (
	exitOK        = 0
	exitUnmet     = 1 // targets not met with --check, or the run failed
	exitBadInput  = 2 // the scenario or the command line is wrong
	exitInterrupt = 130
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := mainRun(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// IO is where a command writes; tests pass buffers. No command reads
// standard input.
type IO struct {
	Out, Err io.Writer
	// Terminal: stderr is a terminal, so progress may be shown.
	Terminal bool
}

// badInput marks an error as the user's (exit 2), as opposed to a failure
// of the run.
type badInput struct{ err error }

func (b badInput) Error() string { return b.err.Error() }
func (b badInput) Unwrap() error { return b.err }

// errUnmet is returned when --check finds a target not met.
var errUnmet = errors.New("targets not met")

func mainRun(ctx context.Context, args []string, out, errw io.Writer) int {
	std := &IO{Out: out, Err: errw, Terminal: isTerminal(errw)}
	root := newRoot(std)
	root.SetArgs(args)
	root.SetOut(out)
	root.SetErr(errw)
	err := root.ExecuteContext(ctx)
	var probs *config.Problems
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errUnmet):
		return exitUnmet
	case errors.As(err, &probs):
		fmt.Fprintln(errw, probs.Error())
		fmt.Fprintf(errw, "%d problem%s: nothing was run\n", len(probs.List), plural(len(probs.List)))
		return exitBadInput
	case errors.As(err, new(badInput)), strings.HasPrefix(err.Error(), "unknown command"):
		fmt.Fprintln(errw, "spoa:", err)
		return exitBadInput
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(errw, "spoa: interrupted;", interruptNote(err))
		return exitInterrupt
	default:
		fmt.Fprintln(errw, "spoa:", err)
		return exitUnmet
	}
}

func newRoot(std *IO) *cobra.Command {
	root := &cobra.Command{
		Use:   "spoa",
		Short: "Simulate the BLMK single point of access urgent care hub",
		Long: `spoa simulates the proposed single point of access (SPoA) urgent care hub for
Bedfordshire, Luton and Milton Keynes: streams of 111, 999 and NurseLine
contacts, queues, staff pools on a rota, abandonment and routing to GP
out-of-hours, A&E, ambulances and self-care. With no scenario file it runs
the embedded BLMK baseline.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return badInput{err} })
	root.AddCommand(newRunCmd(std, nil), newCompareCmd(std, nil), newValidateCmd(std), newScenariosCmd(std), newInitCmd(std), newVersionCmd(std))
	return root
}

// badArgs marks a command's argument errors as bad input (exit 2).
func badArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return badInput{fmt.Errorf("%s: %w", cmd.CommandPath(), err)}
		}
		return nil
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
