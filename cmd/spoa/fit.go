package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"spoa/config/fit"
	"spoa/config/load"
	"spoa/config/records"
	"spoa/sim"
)

// FitOptions are the flags of `spoa fit`.
type FitOptions struct {
	File   string
	Maps   []string
	Output string
	Report string
	Format string
	Name   string
	MaxBad float64
}

// fitFormats are what `spoa fit` writes its report as.
var fitFormats = []format[*fit.Result]{tableOf(fit.WriteTable), jsonOf(fit.WriteJSON)}

func newFitCmd(std *IO, runF func(context.Context, *FitOptions) error) *cobra.Command {
	opts := &FitOptions{}
	cmd := &cobra.Command{
		Use:   "fit FILE [--map COLUMN=FIELD]… [-o scenario.yaml]",
		Short: "Fit a scenario to contact records (a telephony export, or a trace)",
		Long: `Read contact records, one row per contact's visit to a queue (CSV, plain or
gzip), and fit arrival rates by hour and weekday, how much days vary, service
times, patience (abandoned and answered callers together), routing shares and
staff; write the fit report, and with -o the scenario, commented, to run and
edit. Fields: ` + strings.Join(records.Fields, ", ") + `; only arrive is
required. A column named otherwise is mapped with --map COLUMN=FIELD. Times are
ISO 8601. Bad records are counted and listed with their line numbers; if more
than --max-bad of the records are bad, nothing is written (exit 2).`,
		Example: `  spoa run -c config/scenarios/mmc.yaml -r 1 --days 28 --trace calls.csv
  spoa fit calls.csv -o fitted.yaml
  spoa fit export.csv.gz --map CallStart=arrive --map AnswerTime=answered \
      --map HangUp=abandoned --map CallEnd=end --map Skill=queue -o fitted.yaml --report fit.json`,
		Args: badArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runFit(cmd.Context(), std, opts)
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&opts.Maps, "map", nil, "COLUMN=FIELD: the file's column COLUMN holds FIELD (repeatable)")
	f.StringVarP(&opts.Output, "output", "o", "", "write the fitted scenario to this file (.yaml, .yml or .json)")
	f.StringVar(&opts.Report, "report", "", "write the fit report to this file instead of standard output")
	f.StringVarP(&opts.Format, "format", "f", "", orList(fitFormats)+" for the report (default: from --report's extension, else table)")
	f.StringVar(&opts.Name, "name", "", "the fitted scenario's name (default: the records file's, without extensions)")
	f.Float64Var(&opts.MaxBad, "max-bad", 0.01, "the largest share of bad records the fit goes ahead with")
	return cmd
}

func runFit(ctx context.Context, std *IO, opts *FitOptions) error {
	var errs []error
	mapping := map[string]string{}
	for _, m := range opts.Maps {
		col, field, ok := strings.Cut(m, "=")
		col, field = strings.TrimSpace(col), strings.TrimSpace(field)
		switch {
		case !ok || col == "" || field == "":
			errs = append(errs, fmt.Errorf("--map %q: expected COLUMN=FIELD", m))
		case mapping[col] != "":
			errs = append(errs, fmt.Errorf("--map %q: column %s is already mapped to %s", m, col, mapping[col]))
		default:
			mapping[col] = field
		}
	}
	if !(opts.MaxBad >= 0 && opts.MaxBad <= 1) {
		errs = append(errs, fmt.Errorf("--max-bad %g: expected a share from 0 to 1", opts.MaxBad))
	}
	f, err := pickFormat(fitFormats, opts.Format, "--report", opts.Report)
	if err != nil {
		errs = append(errs, err)
	}
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(opts.Output)), ".")
	if opts.Output != "" && ext != "yaml" && ext != "yml" && ext != "json" {
		errs = append(errs, fmt.Errorf("-o %s: the scenario is written as .yaml, .yml or .json", opts.Output))
	}
	if len(errs) > 0 {
		return badInput{errors.Join(errs...)}
	}
	out, err := resolveOutput(opts.Output, opts.File)
	if err != nil {
		return err
	}
	rep, err := resolveOutputFlag("--report", opts.Report, opts.File)
	if err != nil {
		return err
	}
	if !out.stdout() && out.path == rep.path {
		return badInput{fmt.Errorf("--report %s: the scenario goes there too (-o); name another file", opts.Report)}
	}
	if opts.Output == "-" {
		return badInput{errors.New("-o -: name a file for the scenario; standard output is for the report")}
	}

	file, err := os.Open(opts.File)
	if err != nil {
		return badInput{fmt.Errorf("%s: %w", opts.File, unwrapPath(err))}
	}
	defer file.Close()
	rd, err := records.NewReader(file, mapping)
	if err != nil {
		return badInput{prefixEach(opts.File, err)}
	}
	fitter := fit.New(fit.Options{})
	if err := fitter.ReadAll(ctx, rd); err != nil {
		if errors.Is(err, context.Canceled) {
			return err
		}
		return badInput{fmt.Errorf("%s: %w", opts.File, err)}
	}
	res := fitter.Result()
	for _, k := range res.Bad {
		fmt.Fprintf(std.Err, "%s: %d bad record%s (%s): %s; e.g. %s\n", opts.File, k.Count, plural(int(k.Count)), k.Kind, badLines(k), k.Examples[0])
	}
	if res.BadCount > 0 && float64(res.BadCount) > opts.MaxBad*float64(res.Records) {
		return badInput{fmt.Errorf("%s: %d of %d records are bad, more than --max-bad %g allows: nothing was written", opts.File, res.BadCount, res.Records, opts.MaxBad)}
	}
	if res.Used == 0 {
		return badInput{fmt.Errorf("%s: no usable records: nothing was written", opts.File)}
	}
	name := opts.Name
	if name == "" {
		name = strings.SplitN(filepath.Base(opts.File), ".", 2)[0]
	}
	s := res.Scenario(name)
	if _, err := sim.Compile(s); err != nil {
		return fmt.Errorf("the fitted scenario does not run (a bug in spoa fit): %w", err)
	}
	if !out.stdout() {
		data, err := load.Encode(s, ext, res.Comment())
		if err != nil {
			return err
		}
		if err := writeFileAtomic(out.path, data); err != nil {
			return err
		}
	}
	if err := emit(std.Out, rep, f, res); err != nil {
		return err
	}
	if out.stdout() {
		fmt.Fprintln(std.Err, "spoa fit: no -o FILE.yaml given, so no scenario written")
	} else {
		fmt.Fprintf(std.Err, "spoa fit: scenario written to %s (run it: spoa run -c %s)\n", opts.Output, opts.Output)
	}
	return nil
}

// badLines lists a kind of bad record's first line numbers.
func badLines(k fit.BadKind) string {
	s := make([]string, len(k.Lines))
	for i, l := range k.Lines {
		s[i] = fmt.Sprint(l)
	}
	out := "line " + strings.Join(s, ", ")
	if k.Count > int64(len(k.Lines)) {
		out += fmt.Sprintf(" and %d more", k.Count-int64(len(k.Lines)))
	}
	return out
}

// prefixEach names the file in each of the joined errors.
func prefixEach(file string, err error) error {
	var out []error
	for _, e := range leaves(err) {
		out = append(out, fmt.Errorf("%s: %w", file, e))
	}
	return errors.Join(out...)
}
