package results

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// WriteCompareJSON writes a comparison as indented JSON.
func WriteCompareJSON(w io.Writer, c *Comparison) error { return writeJSON(w, c) }

// WriteCompareCSV writes a comparison in long form, one scenario's figure
// a row, with its paired difference from the first scenario.
func WriteCompareCSV(w io.Writer, c *Comparison) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"section", "name", "measure", "scenario", "mean", "sd", "ci95_low", "ci95_high", "n",
		"diff_mean", "diff_sd", "diff_ci95_low", "diff_ci95_high"})
	for _, r := range c.Rows {
		for i, v := range r.Values {
			if v == nil {
				continue
			}
			rec := []string{r.Section, r.Name, r.Measure, c.Scenarios[i], num(v.Mean), num(v.SD), num(v.CI95Low), num(v.CI95High), strconv.Itoa(v.N)}
			if d := r.Diffs[i]; d != nil {
				rec = append(rec, num(d.Mean), num(d.SD), num(d.CI95Low), num(d.CI95High))
			} else {
				rec = append(rec, "", "", "", "")
			}
			_ = cw.Write(rec)
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteCompareTable writes the scenarios side by side, each later one
// followed by its difference from the first with the 95% CI of the paired
// difference; a * marks a difference whose interval leaves out zero.
func WriteCompareTable(w io.Writer, c *Comparison) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: seed %d, %d replication%s each, common random numbers\n", strings.Join(c.Scenarios, " vs "),
		c.Seed, c.Replications, plural(c.Replications))
	fmt.Fprintf(&b, "differences are from %s, paired replication by replication, with their 95%% CI; * where the CI leaves out 0\n", c.Scenarios[0])
	section := ""
	var tw *tabwriter.Writer
	width := 0
	for _, r := range c.Rows {
		width = max(width, len(r.Name)+1+len(label(r.Measure)))
	}
	for _, r := range c.Rows {
		if r.Section != section {
			if tw != nil {
				tw.Flush()
			}
			section = r.Section
			b.WriteString("\n")
			tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
			fmt.Fprintf(tw, "%-*s\t", width, section)
			for i, s := range c.Scenarios {
				fmt.Fprintf(tw, "%s\t", s)
				if i > 0 {
					fmt.Fprintf(tw, "difference\t95%% CI\t")
				}
			}
			fmt.Fprintln(tw)
		}
		fmt.Fprintf(tw, "%-*s\t", width, r.Name+" "+label(r.Measure))
		for i, v := range r.Values {
			fmt.Fprintf(tw, "%s\t", show(r.Measure, v, false))
			if i == 0 {
				continue
			}
			d := r.Diffs[i]
			mark := ""
			if d != nil && d.N > 1 && (d.CI95Low > 0 || d.CI95High < 0) {
				mark = " *"
			}
			ci := "-"
			if d != nil && d.Measured() {
				ci = show(r.Measure, &Figure{Mean: d.CI95Low, N: 1}, true) + " to " + show(r.Measure, &Figure{Mean: d.CI95High, N: 1}, true)
			}
			fmt.Fprintf(tw, "%s%s\t%s\t", show(r.Measure, d, true), mark, ci)
		}
		fmt.Fprintln(tw)
	}
	if tw != nil {
		tw.Flush()
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// label names a measure for a person.
func label(m string) string {
	switch m {
	case "asa_s":
		return "mean wait"
	case "wait_p90_s":
		return "90th centile wait"
	case "abandon_fraction":
		return "abandoned"
	case "within_target_fraction":
		return "within target"
	case "time_to_clinician_s":
		return "time to clinician"
	case "time_in_system_s":
		return "time in system"
	case "per_day":
		return "a day"
	case "wte":
		return "WTE"
	}
	return m
}

// show formats a figure (or a difference, signed) by what it measures:
// durations, shares in per cent (differences in percentage points), counts.
func show(measure string, f *Figure, signed bool) string {
	if f == nil || !f.Measured() {
		return "-"
	}
	x := f.Mean
	sign := ""
	if signed && x != 0 {
		sign = "+"
		if x < 0 {
			sign = "-"
			x = -x
		}
	}
	switch {
	case strings.HasSuffix(measure, "_s"):
		return sign + Dur(x)
	case strings.HasSuffix(measure, "fraction") || measure == "utilisation":
		if signed {
			return fmt.Sprintf("%s%.1f pts", sign, 100*x)
		}
		return pct(x)
	default:
		return fmt.Sprintf("%s%.1f", sign, x)
	}
}
