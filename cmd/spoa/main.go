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
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"spoa/config"
	"spoa/results"
	"spoa/sim"
)

// Exit codes. A signal that stops spoa (signals.go) gives 128 + its
// number: 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP. A crash of the
// Go runtime itself (out of memory, say) is made to end by SIGABRT, 134
// to a shell, so that it is never taken for bad input: the runtime's own
// exit status for a crash is 2.
const (
	exitOK        = 0
	exitUnmet     = 1 // --check found a target not met
	exitBadInput  = 2 // the scenario or the command line is wrong; nothing was run
	exitFailed    = 3 // the run failed, the report could not be written, or spoa has a bug
	exitInterrupt = 130
)

func main() {
	debug.SetTraceback("crash")
	ctx, stop := stopOnSignals()
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

func mainRun(ctx context.Context, args []string, out, errw io.Writer) (code int) {
	defer func() {
		// A panic here is a bug in spoa, not bad input.
		if p := recover(); p != nil {
			fmt.Fprintf(errw, "spoa: internal error (a bug in spoa; please report it): %v\n%s", p, debug.Stack())
			code = exitFailed
		}
	}()
	std := &IO{Out: out, Err: errw, Terminal: isTerminal(errw)}
	root := newRoot(std)
	root.SetArgs(args)
	root.SetOut(out)
	root.SetErr(errw)
	err := root.ExecuteContext(ctx)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errUnmet):
		return exitUnmet
	case errors.As(err, new(*config.Problems)):
		n := 0
		for _, e := range leaves(err) {
			if probs, ok := e.(*config.Problems); ok {
				fmt.Fprintln(errw, probs.Error())
				n += len(probs.List)
			} else {
				fmt.Fprintln(errw, "spoa:", e)
				n++
			}
		}
		fmt.Fprintf(errw, "%d problem%s: nothing was run\n", n, plural(n))
		return exitBadInput
	case errors.As(err, new(badInput)), strings.HasPrefix(err.Error(), "unknown command"):
		fmt.Fprintln(errw, "spoa:", err)
		return exitBadInput
	case errors.Is(err, context.Canceled):
		sig, code := stoppedBy(ctx)
		fmt.Fprintf(errw, "spoa: %s; %s\n", sig, interruptNote(err))
		return code
	case errors.As(err, new(*sim.InternalError)):
		fmt.Fprintln(errw, "spoa: internal error (a bug in spoa; please report it):", err)
		return exitFailed
	default:
		fmt.Fprintln(errw, "spoa:", err)
		return exitFailed
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
		Example: `  spoa run
  spoa run -c blmk-hub-equal -o report.html
  spoa compare blmk-current blmk-hub-equal
  spoa init blmk-hub-equal -o hub.yaml
  spoa validate -c hub.yaml
  spoa --version`,
		Version:       results.Version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetVersionTemplate("spoa {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return badInput{err} })
	root.AddCommand(newRunCmd(std, nil), newCompareCmd(std, nil), newSweepCmd(std, nil), newStaffCmd(std, nil), newFitCmd(std, nil), newMergeCmd(std, nil), newValidateCmd(std), newScenariosCmd(std), newInitCmd(std), newVersionCmd(std))
	return root
}

// leaves lists the errors joined in err (errors.Join), or err alone.
func leaves(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, leaves(e)...)
		}
		return out
	}
	return []error{err}
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
