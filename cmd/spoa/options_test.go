package main

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"
)

// optionsOf is the Options a command made with newCmd hands on, given
// args: its runF keeps them rather than running anything.
func optionsOf[O any](t *testing.T, newCmd func(*IO, func(context.Context, *O) error) *cobra.Command, args []string) O {
	t.Helper()
	var got *O
	cmd := newCmd(&IO{}, func(_ context.Context, o *O) error { got = o; return nil })
	cmd.SetArgs(args)
	require.NoError(t, cmd.Execute(), args)
	require.NotNil(t, got, args)
	return *got
}

// Flags fill the Options a command hands on, and nothing else does.
func TestRunFlags(t *testing.T) {
	cases := []struct {
		args []string
		want RunOptions
	}{
		{nil, RunOptions{}},
		{[]string{"-c", "a.yaml", "-r", "5", "--seed", "3", "--days", "7", "--warmup", "1", "--workers", "2"},
			RunOptions{File: "a.yaml", RunFlags: RunFlags{Reps: givenAs("5"), Seed: givenAs("3"), Days: givenAs("7"), Warmup: givenAs("1"), Workers: 2}}},
		{[]string{"--set", "pools.nurse.staff=4", "--set", "run.days=2", "-f", "json", "-o", "r.json"},
			RunOptions{RunFlags: RunFlags{Sets: []string{"pools.nurse.staff=4", "run.days=2"}, Format: "json", Output: "r.json"}}},
		{[]string{"--check", "--timing", "--progress"}, RunOptions{Check: true, Timing: true, Progress: true}},
	}
	for _, c := range cases {
		require.Equal(t, c.want, optionsOf(t, newRunCmd, c.args), c.args)
	}
}

func TestCompareFlags(t *testing.T) {
	cases := []struct {
		args []string
		want CompareOptions
	}{
		{[]string{"a.yaml", "mmc"}, CompareOptions{Scenarios: []string{"a.yaml", "mmc"}}},
		{[]string{"a.yaml", "b.yaml", "c.yaml", "-r", "4", "--sections", "queues,pools", "-f", "csv"},
			CompareOptions{Scenarios: []string{"a.yaml", "b.yaml", "c.yaml"}, Sections: []string{"queues", "pools"}, RunFlags: RunFlags{Reps: givenAs("4"), Format: "csv"}}},
	}
	for _, c := range cases {
		require.Equal(t, c.want, optionsOf(t, newCompareCmd, c.args), c.args)
	}
}

// The format comes from -f, else the output file's extension, else is a
// table; a format the command does not write, or an extension that names
// none, is bad input.
func TestPickFormat(t *testing.T) {
	for _, c := range []struct{ flag, output, want string }{
		{"", "", "table"}, {"", "-", "table"}, {"", "r.json", "json"}, {"", "R.HTM", "html"}, {"", "r.txt", "table"},
		{"", "report", "table"}, {"csv", "r.json", "csv"}, {"csv", "r.dat", "csv"},
	} {
		f, err := pickFormat(reportFormats, c.flag, "-o", c.output)
		require.NoError(t, err)
		require.Equal(t, c.want, f.name, "-f %q -o %q", c.flag, c.output)
	}
	for _, output := range []string{"r.md", "r.yaml", "r.xls", "r.pdf"} {
		_, err := pickFormat(reportFormats, "", "-o", output)
		require.ErrorAs(t, err, new(badInput), output)
		require.ErrorContains(t, err, "-o "+output+": spoa cannot tell a format from "+filepath.Ext(output), output)
	}
	_, err := pickFormat(staffFormats, "", "--report", "s.html")
	require.EqualError(t, err, "--report s.html: spoa cannot tell a format from .html; name the file .txt, .json, .csv or .xlsx, or give -f (table, json, csv, xlsx)")
	_, err = pickFormat(sweepFormats(false), "html", "-o", "")
	require.ErrorAs(t, err, new(badInput))
	require.EqualError(t, err, `--format "html": choose table, json, csv, xlsx`)
	require.Equal(t, "table, json, csv, html or xlsx", orList(reportFormats))
	for _, output := range []string{"r.xlsx", "R.XLSX", "-"} {
		f, err := pickFormat(reportFormats, "xlsx", "-o", output)
		require.NoError(t, err)
		require.Equal(t, "xlsx", f.name)
	}
	f, err := pickFormat(comparisonFormats, "", "-o", "c.xlsx")
	require.NoError(t, err)
	require.Equal(t, "xlsx", f.name)
}

// givenAs is a flag given on the command line as text.
func givenAs(text string) given { return given{text, true} }
