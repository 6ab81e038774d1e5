package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"spoa/config/load"
	"spoa/results"
	"spoa/sim"
	"spoa/sim/staffing"
)

// StaffOptions are the flags of `spoa staff`.
type StaffOptions struct {
	RunFlags
	File     string
	Block    time.Duration
	Per      string
	Report   string
	MaxSims  int
	Check    bool
	Progress bool
}

// staffFormats are what `spoa staff` prints.
var staffFormats = []format[*results.Staffing]{
	tableOf(results.WriteStaffTable), jsonOf(results.WriteStaffJSON), csvOf(results.WriteStaffCSV), xlsxOf(sheets(results.StaffSheets)),
}

func newStaffCmd(std *IO, runF func(context.Context, *StaffOptions) error) *cobra.Command {
	opts := &StaffOptions{}
	cmd := &cobra.Command{
		Use:   "staff [-c FILE] [--block 1h] [--per hour|run] [-o staffed.yaml]",
		Short: "Find the fewest staff, and a shift rota, that meet every target",
		Long: `Find the fewest staff on duty in each pool, block by block of the week, such
that every target holds, then shifts that cover them, then WTE.

The search starts from Erlang A (where callers give up) or Erlang C, pool by
pool and hour by hour, then corrects it by simulation with common random
numbers: adding staff where a target fails, removing them where every target
still holds, until no single staff member can be taken from any block
without breaking a target. Targets are judged as --per says: in every hour
(of the day where demand is alike every day, of the week otherwise; the
default) or over the whole run. Shifts start on the hours and last the
lengths the scenario's staffing key allows (every hour, 4h to 12h, when it
says nothing); the least rostered hours possible for such shifts (a linear
programme's bound) is printed beside them. The shift rota is simulated once
more, with shrinkage, to verify it. Work that waits without giving up
(call-backs) may be carried from a busy hour into a quieter one, so long
as its pool's hours over the day or week cover it.

To staff a rota to what a service achieves rather than to its standards,
give those levels with --set and judge them over the run: blmk-current's
rota is the last example below, at December 2016's national figures.

The report goes to standard output (or --report FILE); -o writes the
scenario with each pool's rota replaced by its shifts, which spoa run
accepts. Ctrl-C stops the search and prints the best rota found so far,
marked partial.`,
		Example: `  spoa staff -c config/scenarios/mmc.yaml --set queues.q.target.within=20s --set queues.q.target.fraction=0.8
  spoa staff -c hub.yaml -o hub-staffed.yaml
  spoa staff -c hub.yaml --per run --block 4h -f csv --report staff.csv
  spoa staff -c hub.yaml --set demand=1.1 -o hub-plus-10pc.yaml
  spoa staff -c blmk-current --per run --set queues.call_111.target.fraction=0.86 --set queues.callback_111.target.fraction=0.40`,
		Args: badArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runStaff(cmd.Context(), std, opts)
		},
	}
	f := cmd.Flags()
	addScenarioFlag(cmd, &opts.File)
	opts.RunFlags.add(f, orList(staffFormats))
	_ = cmd.RegisterFlagCompletionFunc("format", completeFormats(staffFormats))
	f.Lookup("output").Usage = "write the staffed scenario to this file (.yaml, .yml or .json), for spoa run"
	f.Lookup("format").Usage = orList(staffFormats) + " for the report (default: from --report's extension, else table)"
	f.DurationVar(&opts.Block, "block", time.Hour, "staff stay at one number for blocks of this long: 1h, 2h, 3h, 4h, 6h, 8h, 12h, 24h or 168h")
	f.StringVar(&opts.Per, "per", staffing.PerHour, "judge targets in every hour (hour) or over the whole run (run)")
	f.StringVar(&opts.Report, "report", "", "write the report to this file instead of standard output")
	f.IntVar(&opts.MaxSims, "max-simulations", 5000, "stop after this many simulations, with the best rota so far")
	f.BoolVar(&opts.Check, "check", false, "exit with status 1 if the shift rota found does not meet every target")
	f.BoolVar(&opts.Progress, "progress", false, "show progress on stderr even when it is not a terminal")
	return cmd
}

func runStaff(ctx context.Context, std *IO, opts *StaffOptions) error {
	f, err := pickFormat(staffFormats, opts.Format, "--report", opts.Report)
	if err != nil {
		return err
	}
	report, err := resolveOutputFlag("--report", opts.Report, opts.File)
	if err != nil {
		return err
	}
	scenarioOut, err := resolveOutput(opts.Output, opts.File)
	if err != nil {
		return err
	}
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(opts.Output)), ".")
	if !scenarioOut.stdout() && ext != "yaml" && ext != "yml" && ext != "json" {
		return badInput{fmt.Errorf("-o %s: the staffed scenario is written as YAML (.yaml, .yml) or JSON (.json); name the file so", opts.Output)}
	}
	if opts.Output == "-" {
		return badInput{errors.New("-o -: the report goes to standard output; name a file for the staffed scenario")}
	}
	sets, err := opts.sets()
	if err != nil {
		return err
	}
	so := staffing.Options{Block: opts.Block, Per: opts.Per, MaxEvaluations: opts.MaxSims, Workers: opts.Workers}
	if opts.MaxSims < 1 {
		return badInput{fmt.Errorf("--max-simulations %d: give 1 or more", opts.MaxSims)}
	}
	s, source, err := loadScenario(ctx, opts.File, sets)
	if err != nil {
		return err
	}
	m, err := sim.Compile(s)
	if err != nil {
		return compileError(source, err)
	}
	if opts.Progress || std.Terminal {
		so.Progress = func(p staffing.Progress) {
			best := ""
			if p.OnDutyHours > 0 {
				best = fmt.Sprintf(", best so far %.0f staff-hours a week on duty", p.OnDutyHours)
			}
			fmt.Fprintf(std.Err, "\r%s: %d/%d simulations, %s%s\033[K", s.Name, p.Evaluations, p.Max, p.Phase, best)
		}
	}
	r, err := staffing.Search(ctx, s, so)
	if so.Progress != nil {
		fmt.Fprintln(std.Err)
	}
	if r == nil {
		if ctx.Err() != nil {
			return interrupted{"the search had not begun"}
		}
		return badInput{fmt.Errorf("%s: %w", source, err)}
	}
	st := results.NewStaffing(m, s, r, err)
	if werr := emit(std.Out, report, f, st); werr != nil {
		return werr
	}
	if r.Scenario != nil && !scenarioOut.stdout() {
		data, werr := load.Encode(r.Scenario, ext, staffedComment(source, st))
		if werr == nil {
			werr = writeFileAtomic(scenarioOut.path, data)
		}
		if werr != nil {
			return werr
		}
	}
	switch {
	case errors.Is(err, context.Canceled):
		return interrupted{"printed the best rota found so far, marked partial"}
	case errors.Is(err, staffing.ErrBound):
		return fmt.Errorf("%w; raise --max-simulations to search further (the best rota so far is printed, marked partial)", err)
	case err != nil:
		return err
	}
	if opts.Check && !r.Verified {
		fmt.Fprintf(std.Err, "the shift rota misses: %s\n", strings.Join(r.Misses, ", "))
		return errUnmet
	}
	return nil
}

// staffedComment heads the staffed scenario: where it came from and how
// far to trust it.
func staffedComment(source string, st *results.Staffing) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Written by spoa staff from %s: each pool's rota is replaced by the shifts\n", source)
	fmt.Fprintf(&b, "found (%.1f WTE in all, against the scenario's own %.1f), and every target is\n", st.Total.WTE, st.Total.ScenarioWTE)
	fmt.Fprintf(&b, "judged per %s, as the search judged it, over %d replications of %s days, seed %d.\n",
		st.Per, st.Replications, strings.TrimSuffix(fmt.Sprintf("%g", st.Days), ".0"), st.Seed)
	switch {
	case st.Partial:
		fmt.Fprintf(&b, "PARTIAL: the search stopped early (%s); this is the best\nrota found so far, and it was not simulated again.\n", st.Stopped)
	case st.Verified:
		b.WriteString("Simulated with these shifts and shrinkage, it meets every target.\n")
	default:
		fmt.Fprintf(&b, "Simulated with these shifts and shrinkage, it misses: %s.\n", strings.Join(st.Misses, ", "))
	}
	return b.String()
}
