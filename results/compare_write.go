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
		width = max(width, len(r.Name)+1+len(r.MeasureOf().Label))
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
		m := r.MeasureOf()
		fmt.Fprintf(tw, "%-*s\t", width, r.Name+" "+m.Label)
		for i, v := range r.Values {
			fmt.Fprintf(tw, "%s\t", show(m, v))
			if i == 0 {
				continue
			}
			d := r.Diffs[i]
			mark := ""
			if d != nil && d.N > 1 && (d.CI95Low > 0 || d.CI95High < 0) {
				mark = " *"
			}
			change, ci := "-", "-"
			if d != nil && d.Measured() {
				change = m.Unit.FormatChange(d.Mean)
				ci = "n=1, no CI"
				if d.HasCI() {
					ci = m.Unit.FormatChange(d.CI95Low) + " to " + m.Unit.FormatChange(d.CI95High)
				}
			}
			fmt.Fprintf(tw, "%s%s\t%s\t", change, mark, ci)
		}
		fmt.Fprintln(tw)
	}
	if tw != nil {
		tw.Flush()
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// show writes a scenario's figure, or "-" where it has none.
func show(m Measure, f *Figure) string {
	if f == nil {
		return "-"
	}
	return m.Unit.Show(*f)
}
