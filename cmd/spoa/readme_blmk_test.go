package main

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// readmeRuns are the commands of the README's "Does the hub help?"
// section with the output the README shows for each: every block in it
// that starts with "$ spoa compare" or "$ spoa run". A command may go on
// over lines ending in a backslash.
func readmeRuns(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	text := string(b)
	start := strings.Index(text, "\n## Does the hub help?")
	require.GreaterOrEqual(t, start, 0, "README has no \"Does the hub help?\" section")
	section := text[start+1:]
	if end := strings.Index(section, "\n## "); end >= 0 {
		section = section[:end]
	}
	runs := map[string]string{}
	blocks := strings.Split(section, "```")
	for i := 1; i < len(blocks); i += 2 {
		block := strings.TrimPrefix(blocks[i], "\n")
		if !strings.HasPrefix(block, "$ spoa compare") && !strings.HasPrefix(block, "$ spoa run") {
			continue
		}
		lines := strings.Split(block, "\n")
		cmd := strings.TrimPrefix(lines[0], "$ ")
		k := 1
		for strings.HasSuffix(cmd, "\\") {
			cmd = strings.TrimSuffix(cmd, "\\") + " " + strings.TrimSpace(lines[k])
			k++
		}
		runs[cmd] = strings.Join(lines[k:], "\n")
	}
	return runs
}

// TestReadmeBLMKTables: the README's answer to "does the hub help?" is
// what the commands it gives print, figure for figure.
func TestReadmeBLMKTables(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the README's BLMK comparisons")
	}
	runs := readmeRuns(t)
	require.GreaterOrEqual(t, len(runs), 2, "the section shows its runs")
	for cmd, want := range runs {
		t.Run(cmd, func(t *testing.T) {
			args := strings.Fields(cmd)[1:]
			code, out, stderr := spoa(t, args...)
			require.Equal(t, 0, code, stderr)
			require.Equal(t, trimLines(want), trimLines(out))
		})
	}
}

// trimLines drops trailing spaces from each line, and blank lines from the
// end, which a Markdown block may not keep.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}
