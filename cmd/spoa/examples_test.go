package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// example is a command line shown to a reader: in a README code block, or
// in a command's help.
type example struct {
	where string
	args  []string
}

// readmeExamples are the spoa command lines of the README's code blocks:
// lines starting "spoa ", "$ spoa ", "./spoa " or "go run ./cmd/spoa ",
// with a line ending in \ joined to the next and a trailing # comment cut.
func readmeExamples(t *testing.T) []example {
	data, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	var out []example
	in := false
	lines := strings.Split(string(data), "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if strings.HasPrefix(line, "```") {
			in = !in
			continue
		}
		if !in {
			continue
		}
		line = strings.TrimPrefix(strings.TrimSpace(line), "$ ")
		var rest string
		for _, p := range []string{"spoa ", "./spoa ", "go run ./cmd/spoa "} {
			if r, ok := strings.CutPrefix(line, p); ok {
				rest = r
			}
		}
		if rest == "" {
			continue
		}
		for strings.HasSuffix(rest, `\`) && i+1 < len(lines) {
			i++
			rest = strings.TrimSuffix(rest, `\`) + " " + strings.TrimSpace(lines[i])
		}
		rest, _, _ = strings.Cut(rest, " #")
		out = append(out, example{"README.md:" + strings.Fields(rest)[0], strings.Fields(rest)})
	}
	return out
}

// helpExamples are the lines of every command's Examples.
func helpExamples() []example {
	var out []example
	root := newRoot(&IO{})
	for _, cmd := range append(root.Commands(), root) {
		for _, line := range strings.Split(cmd.Example, "\n") {
			if f := strings.Fields(line); len(f) > 1 {
				out = append(out, example{cmd.CommandPath() + " --help", f[1:]})
			}
		}
	}
	return out
}

// The README's and the help's examples run as written. Every one is
// parsed by the command line as it stands (flags, arguments, formats and
// files checked, as before a run); every one but the staffing searches of
// the BLMK hub (seconds each, even shortened) is then run to the end, in
// a directory holding the repository's config/ and the files the
// examples read (hub.yaml is blmk-hub written out by spoa init), with
// -r 1 --days 1 --warmup 0 added to what simulates, so that the test is
// quick: it shows the examples work, not that their output is as printed.
func TestExamplesRun(t *testing.T) {
	config, err := filepath.Abs("../../config")
	require.NoError(t, err)
	examples := append(readmeExamples(t), helpExamples()...)
	require.Greater(t, len(examples), 25)
	ran := 0
	for _, ex := range examples {
		t.Run(ex.where+" "+strings.Join(ex.args, " "), func(t *testing.T) {
			t.Chdir(t.TempDir())
			require.NoError(t, os.Symlink(config, "config"))
			args := slices.Clone(ex.args)
			if args[0] != "init" {
				for _, f := range []string{"hub.yaml", "hub-staffed.yaml", "blmk-baseline.yaml"} {
					code, _, stderr := spoa(t, "init", "blmk-hub", "-o", f)
					require.Equal(t, exitOK, code, stderr)
				}
			}
			if slices.Contains([]string{"run", "compare", "sweep", "staff"}, args[0]) {
				args = append(args, "-r", "1", "--days", "1", "--warmup", "0")
			}
			// Parsed: what the command would run with, or why not.
			root := newRoot(&IO{})
			cmd, rest, err := root.Find(args)
			require.NoError(t, err)
			cmd.InitDefaultVersionFlag()
			require.NoError(t, cmd.ParseFlags(rest))
			require.NoError(t, cmd.ValidateArgs(cmd.Flags().Args()))
			if args[0] == "staff" && !slices.Contains(args, "config/scenarios/mmc.yaml") {
				t.Skip("parsed only: a staffing search of the hub takes seconds even shortened")
			}
			code, _, stderr := spoa(t, args...)
			want := []int{exitOK}
			if slices.Contains(args, "--check") {
				want = append(want, exitUnmet)
			}
			require.Contains(t, want, code, stderr)
			ran++
		})
	}
	require.Greater(t, ran, 20)
}
