package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"spoa/config"
	"spoa/results"
	"spoa/results/html"
	"spoa/sim"
)

// RunOptions are the flags of `spoa run`.
type RunOptions struct {
	RunFlags
	File     string
	Check    bool
	Timing   bool
	Progress bool
}

func newRunCmd(std *IO, runF func(context.Context, *RunOptions) error) *cobra.Command {
	opts := &RunOptions{}
	cmd := &cobra.Command{
		Use:   "run [-c FILE]",
		Short: "Run a scenario and print or write its report",
		Long: `Run a scenario's replications and report waits, abandonment, utilisation,
flows to each destination and whether each target is met. With no -c, runs
the embedded BLMK baseline. Every key of the scenario can be overridden with
--set (for example --set pools.nurse.staff=12 --set queues.call_111.service.mean=9m).`,
		Args: badArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runRun(cmd.Context(), std, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.File, "config", "c", "", "scenario file (YAML, JSON or TOML); default: the embedded "+config.Default)
	opts.RunFlags.add(f, "table, json, csv or html")
	f.BoolVar(&opts.Check, "check", false, "exit with status 1 if any target is not met")
	f.BoolVar(&opts.Timing, "timing", false, "add wall-clock time (meta.wall_s) to the report, which then differs run to run")
	f.BoolVar(&opts.Progress, "progress", false, "show progress on stderr even when it is not a terminal")
	return cmd
}

func runRun(ctx context.Context, std *IO, opts *RunOptions) error {
	format, err := reportFormat(opts.Format, opts.Output, "table", "json", "csv", "html")
	if err != nil {
		return badInput{err}
	}
	sets, err := opts.sets()
	if err != nil {
		return err
	}
	s, source, err := loadScenario(opts.File, sets)
	if err != nil {
		return err
	}
	m, err := sim.Compile(s)
	if err != nil {
		return badInput{fmt.Errorf("%s: %w", source, err)}
	}
	start := time.Now()
	simOpts := sim.Options{Workers: opts.Workers, Progress: progress(std, opts.Progress, s.Name)}
	if simOpts.Progress != nil {
		simOpts.Progress(0, s.Run.Replications) // the run has started
	}
	stats, err := sim.Run(ctx, m, simOpts)
	if errors.Is(err, context.Canceled) {
		if simOpts.Progress != nil {
			fmt.Fprintln(std.Err)
		}
		return partialReport(std, opts.Output, format, m, s, stats)
	}
	if err != nil {
		return err
	}
	rep := results.Aggregate(m, stats)
	if opts.Timing {
		wall := time.Since(start).Seconds()
		rep.Meta.WallS = &wall
	}
	if err := writeReport(std.Out, opts.Output, format, rep); err != nil {
		return err
	}
	for _, w := range rep.Warnings {
		if format != "table" || opts.Output != "" {
			fmt.Fprintln(std.Err, "warning:", w)
		}
	}
	if opts.Check {
		for _, t := range rep.Targets {
			if !t.Met {
				fmt.Fprintf(std.Err, "target not met: %s: %.1f%% within %s, target %.1f%%\n",
					t.Queue, 100*t.Achieved.Mean, results.Dur(t.WithinS), 100*t.Fraction)
				err = errUnmet
			}
		}
	}
	return err
}

// reportFormat picks the format from -f, else from the output file's
// extension, else a table; allowed lists what the command can write.
func reportFormat(format, output string, allowed ...string) (string, error) {
	if format == "" {
		format = "table"
		ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(output)), ".")
		if ext == "htm" {
			ext = "html"
		}
		if slices.Contains(allowed, ext) {
			format = ext
		}
	}
	if !slices.Contains(allowed, format) {
		return "", fmt.Errorf("--format %q: choose %s", format, strings.Join(allowed, ", "))
	}
	return format, nil
}

// writeReport renders the report in memory, then writes it to stdout or
// to a temporary file beside the output that is renamed into place, so an
// interrupted or failed write never leaves a half-written report.
func writeReport(stdout io.Writer, output, format string, r *results.Report) error {
	write := results.WriteTable
	switch format {
	case "json":
		write = results.WriteJSON
	case "csv":
		write = results.WriteCSV
	case "html":
		write = html.Write
	}
	return emit(stdout, output, func(w io.Writer) error { return write(w, r) })
}

// emit renders in memory, then writes to stdout, or to output through a
// temporary file renamed into place.
func emit(stdout io.Writer, output string, render func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	if output == "" {
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	return writeFileAtomic(output, buf.Bytes())
}

// writeFileAtomic writes data to a temporary file beside path and renames
// it into place. The file gets the mode of the one it replaces, or 0644
// (less the umask, as os.WriteFile would give), not CreateTemp's 0600.
func writeFileAtomic(path string, data []byte) error {
	mode := os.FileMode(0o644) &^ umask()
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
