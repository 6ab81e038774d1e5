package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
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

// commandLines are the spoa command lines of a text: lines starting
// "spoa ", "$ spoa ", "./spoa " or "go run ./cmd/spoa " (in a README, only
// inside code blocks), with a line ending in \ joined to the next and a
// trailing # comment cut. A line whose first word ends in a colon
// ("spoa fit: scenario written to …") is output, not a command.
func commandLines(where, text string, blocks bool) []example {
	var out []example
	in := !blocks
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if blocks && strings.HasPrefix(line, "```") {
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
		for strings.HasSuffix(strings.TrimSpace(rest), `\`) && i+1 < len(lines) {
			i++
			rest = strings.TrimSuffix(strings.TrimSpace(rest), `\`) + " " + strings.TrimSpace(lines[i])
		}
		rest, _, _ = strings.Cut(rest, " #")
		f := strings.Fields(rest)
		if len(f) == 0 || strings.HasSuffix(f[0], ":") {
			continue
		}
		out = append(out, example{where, f})
	}
	return out
}

// exampleSets are the README's command lines, and each command's Examples,
// each a sequence a reader would follow in one directory: a later line
// may read what an earlier one wrote.
func exampleSets(t *testing.T) [][]example {
	data, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	sets := [][]example{commandLines("README.md", string(data), true)}
	root := newRoot(&IO{})
	for _, cmd := range append(root.Commands(), root) {
		if ex := commandLines(cmd.CommandPath()+" --help", cmd.Example, false); len(ex) > 0 {
			sets = append(sets, ex)
		}
	}
	return sets
}

// inputsMissing lists the files an example reads that are not there: a
// step of the reader's own (an edited file) that no example makes.
func inputsMissing(args []string) []string {
	var out []string
	for i, a := range args {
		if i > 0 && slices.Contains([]string{"-o", "--report", "--trace", "--output"}, args[i-1]) {
			continue
		}
		for _, ext := range []string{".yaml", ".yml", ".json", ".csv", ".gz", ".toml"} {
			if strings.HasSuffix(a, ext) && !strings.HasPrefix(a, "config/") {
				if _, err := os.Stat(a); err != nil {
					out = append(out, a)
				}
			}
		}
	}
	return out
}

// The README's and the help's examples run as written, each set in order
// in a directory of its own holding the repository's config/ and the
// files the examples read (hub.yaml and hub-staffed.yaml, blmk-hub-equal
// written out by spoa init). Every one is parsed by the
// command line as it stands (flags, arguments, formats and files checked,
// as before a run). Every one is then run to the end but the staffing
// searches of the BLMK hub (seconds each, even shortened) and those that
// read a file the reader makes by hand; -r 1 --days 1 --warmup 0 are
// added to what simulates (-r N for a shard of N), a shard example runs
// every shard, and a * names the files it matches, as a shell would. So
// the test shows the examples work, not that their output is as printed.
func TestExamplesRun(t *testing.T) {
	config, err := filepath.Abs("../../config")
	require.NoError(t, err)
	sets := exampleSets(t)
	total, ran := 0, 0
	for _, set := range sets {
		total += len(set)
		t.Run(set[0].where, func(t *testing.T) {
			t.Chdir(t.TempDir())
			require.NoError(t, os.Symlink(config, "config"))
			for _, f := range []string{"hub.yaml", "hub-staffed.yaml"} {
				code, _, stderr := spoa(t, "init", "blmk-hub-equal", "-o", f)
				require.Equal(t, exitOK, code, stderr)
			}
			for _, ex := range set {
				ran += runExample(t, ex.args)
			}
		})
	}
	require.Greater(t, total, 25)
	require.Greater(t, ran, 20)
}

// runExample parses and, unless it is one of those only parsed, runs one
// example; it returns how many runs it made.
func runExample(t *testing.T, given []string) int {
	t.Helper()
	args := slices.Clone(given)
	if args[0] == "init" {
		args = append(args, "--force")
	}
	shards := 0
	if i := slices.Index(args, "--shard"); i >= 0 && i+1 < len(args) {
		_, n, _ := strings.Cut(args[i+1], "/")
		shards, _ = strconv.Atoi(n)
	}
	if slices.Contains([]string{"run", "compare", "sweep", "staff"}, args[0]) {
		r := "1"
		if shards > 0 {
			r = strconv.Itoa(shards)
		}
		args = withFlag(args, "-r", r)
		args = withFlag(args, "--days", "1")
		args = append(args, "--warmup", "0")
	}
	var expanded []string
	for _, a := range args {
		if strings.Contains(a, "*") {
			m, err := filepath.Glob(a)
			require.NoError(t, err)
			expanded = append(expanded, m...)
			continue
		}
		expanded = append(expanded, a)
	}
	args = expanded
	line := strings.Join(given, " ")
	// Parsed: what the command would run with, or why not.
	root := newRoot(&IO{})
	cmd, rest, err := root.Find(args)
	require.NoError(t, err, line)
	cmd.InitDefaultVersionFlag()
	require.NoError(t, cmd.ParseFlags(rest), line)
	require.NoError(t, cmd.ValidateArgs(cmd.Flags().Args()), line)
	if args[0] == "staff" && !slices.Contains(args, "config/scenarios/mmc.yaml") {
		t.Logf("parsed only (a staffing search of the hub takes seconds even shortened): %s", line)
		return 0
	}
	if missing := inputsMissing(args); len(missing) > 0 {
		t.Logf("parsed only (%s made by hand): %s", strings.Join(missing, ", "), line)
		return 0
	}
	runs := []([]string){args}
	if shards > 0 { // "… to --shard N/N"
		runs = nil
		for i := 1; i <= shards; i++ {
			a := slices.Clone(args)
			at := slices.Index(a, "--shard")
			a[at+1] = fmt.Sprintf("%d/%d", i, shards)
			if o := slices.Index(a, "-o"); o >= 0 {
				a[o+1] = strings.Replace(a[o+1], "-1.", fmt.Sprintf("-%d.", i), 1)
			}
			runs = append(runs, a)
		}
	}
	for _, a := range runs {
		code, _, stderr := spoa(t, a...)
		want := []int{exitOK}
		if slices.Contains(a, "--check") {
			want = append(want, exitUnmet)
		}
		require.Contains(t, want, code, "%s: %s", strings.Join(a, " "), stderr)
	}
	return 1
}

// withFlag sets flag to value: in place where the example gives it, else
// added.
func withFlag(args []string, flag, value string) []string {
	if i := slices.Index(args, flag); i >= 0 && i+1 < len(args) {
		args[i+1] = value
		return args
	}
	return append(args, flag, value)
}
