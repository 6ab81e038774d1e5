package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"

	"spoa/config"
	"spoa/config/load"
	"spoa/results"
)

// An output file whose extension names no format a command writes is
// refused, exit 2, before anything runs, by every command that writes a
// report; nothing is written. --progress shows that the run never started:
// it prints a line, starting with a carriage return, as a run starts.
func TestUnknownExtensionRefusedFirst(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		file string
		args []string
		want string
	}{
		{"r.md", []string{"run", "--progress", "-o"}, "-o "},
		{"r.yaml", []string{"run", "-c", "mmc", "--progress", "-o"}, "-o "},
		{"c.pdf", []string{"compare", "mmc", "mmc", "-o"}, "-o "},
		{"s.md", []string{"sweep", "-c", "mmc", "--vary", "pools.agents.staff=19,20", "--progress", "-o"}, "-o "},
		{"st.html", []string{"staff", "-c", "mmc", "--progress", "--report"}, "--report "},
	} {
		path := filepath.Join(dir, c.file)
		code, out, stderr := spoa(t, append(c.args, path)...)
		require.Equal(t, exitBadInput, code, "%v: %s", c.args, stderr)
		require.Empty(t, out)
		require.Equal(t, "spoa: "+c.want+path+": spoa cannot tell a format from "+filepath.Ext(path), strings.SplitN(stderr, ";", 2)[0], c.args)
		// Progress lines start with a carriage return; the only line is the
		// refusal.
		require.NotContains(t, stderr, "\r", "the run had started")
		require.Equal(t, 1, strings.Count(stderr, "\n"), stderr)
		require.NoFileExists(t, path)
	}
}

// spoa init writes the format the file's extension names: YAML as the
// embedded file is, JSON that reads back into the same scenario; TOML is
// refused, saying what it writes.
func TestInitWritesTheFormatNamed(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"m.yaml", "m.yml", "m.json"} {
		path := filepath.Join(dir, name)
		code, _, stderr := spoa(t, "init", "mmc", "-o", path)
		require.Equal(t, exitOK, code, stderr)
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		if name == "m.json" {
			require.True(t, strings.HasPrefix(string(data), "{"), "JSON, not YAML")
		} else {
			src, err := config.Source("mmc")
			require.NoError(t, err)
			require.Equal(t, string(src), string(data))
		}
		got, err := load.File(t.Context(), path, nil)
		require.NoError(t, err, name)
		want, err := load.Embedded("mmc", nil)
		require.NoError(t, err)
		require.Equal(t, want.Pools, got.Pools, name)
		require.Equal(t, want.Queues, got.Queues, name)
		code, out, stderr := spoa(t, "validate", "-c", path)
		require.Equal(t, exitOK, code, stderr)
		require.Contains(t, out, "scenario mmc is valid")
	}
	path := filepath.Join(dir, "m.toml")
	code, _, stderr := spoa(t, "init", "mmc", "-o", path)
	require.Equal(t, exitBadInput, code)
	require.Equal(t, "spoa: -o "+path+": spoa init writes YAML (.yaml, .yml) or JSON (.json); name the file so\n", stderr)
	require.NoFileExists(t, path)
}

// -c takes an embedded scenario's name in every command that reads one;
// a file of that name, if there is one, comes first.
func TestEmbeddedNamesEverywhere(t *testing.T) {
	for _, args := range [][]string{
		{"validate", "-c", "mmc"},
		{"run", "-c", "mmc", "-r", "2", "--days", "1", "-f", "json"},
		{"sweep", "-c", "mmc", "-r", "2", "--days", "1", "--vary", "pools.agents.staff=20,21"},
		{"staff", "-c", "mmc", "-r", "2", "--days", "1", "--per", "run", "--set", "queues.q.target.within=20s", "--set", "queues.q.target.fraction=0.5"},
	} {
		code, out, stderr := spoa(t, args...)
		require.Equal(t, exitOK, code, "%v: %s", args, stderr)
		require.Contains(t, out, "mmc", args)
	}
	// A file named like an embedded scenario is read as the file.
	t.Chdir(t.TempDir())
	require.NoError(t, os.WriteFile("mmc", []byte(small), 0o644))
	code, _, stderr := spoa(t, "validate", "-c", "mmc")
	require.Equal(t, exitBadInput, code)
	require.Contains(t, stderr, "mmc: no file type: name the file .yaml")
}

// --version prints what spoa version prints.
func TestVersionFlag(t *testing.T) {
	code, out, _ := spoa(t, "--version")
	require.Equal(t, exitOK, code)
	require.Equal(t, "spoa "+results.Version+"\n", out)
	code, out2, _ := spoa(t, "version")
	require.Equal(t, exitOK, code)
	require.Equal(t, out, out2)
}

// Every command's help has examples, at least one of them of the command
// it is the help of; each line is a spoa command line (one that prepares
// what the command reads, such as a trace for fit, is allowed) or
// carries on the line before it.
func TestEveryCommandHasExamples(t *testing.T) {
	root := newRoot(&IO{})
	root.InitDefaultCompletionCmd()
	for _, cmd := range append([]*cobra.Command{root}, root.Commands()...) {
		if cmd.Name() == "help" || cmd.Name() == "completion" {
			continue
		}
		require.NotEmpty(t, cmd.Example, cmd.Name())
		own, prev := false, ""
		for _, line := range strings.Split(cmd.Example, "\n") {
			line = strings.TrimSpace(line)
			own = own || strings.HasPrefix(line, cmd.CommandPath())
			require.True(t, strings.HasPrefix(line, "spoa ") || strings.HasSuffix(prev, `\`), "%s: %q", cmd.Name(), line)
			prev = line
		}
		require.True(t, own, "%s: no example of the command itself", cmd.Name())
	}
}

// Completion offers the embedded scenarios for -c and compare's
// arguments, the command's formats for -f and the sections for
// --sections.
func TestCompletion(t *testing.T) {
	complete := func(args ...string) []string {
		code, out, stderr := spoa(t, append([]string{cobra.ShellCompRequestCmd}, args...)...)
		require.Equal(t, exitOK, code, stderr)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		return lines[:len(lines)-1] // the last is the directive
	}
	require.Equal(t, config.Names(), complete("run", "-c", ""))
	require.Equal(t, []string{"blmk-hub-2021", "blmk-hub-2021-staffed", "blmk-hub-equal"}, complete("validate", "-c", "blmk-h"))
	require.Equal(t, []string{"blmk-current", "blmk-current-2021"}, complete("compare", "mmc", "blmk-c"))
	require.Equal(t, []string{"mmc"}, complete("staff", "-c", "m"))
	require.Equal(t, []string{"mmc"}, complete("sweep", "--config", "m"))
	require.Empty(t, complete("run", "-c", "./"), "a path: the shell completes files")
	require.Equal(t, names(reportFormats), complete("run", "-f", ""))
	require.Equal(t, names(comparisonFormats), complete("compare", "a", "b", "-f", ""))
	require.Equal(t, names(staffFormats), complete("staff", "-f", ""))
	require.Equal(t, results.CompareSections, complete("compare", "a", "b", "--sections", ""))
	require.Equal(t, []string{"streams,destinations"}, complete("compare", "a", "b", "--sections", "streams,d"))
}
