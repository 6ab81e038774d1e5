package load

import (
	"strings"
	"testing"
	"time"

	"github.com/pelletier/go-toml/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"spoa/config"
)

// nestedRun is a scenario whose run is k mappings deep ({a: {a: … 1}}), so
// that the document is k+1 deep, written in format.
func nestedRun(format string, k int) string {
	switch format {
	case "json":
		return `{"name": "x", "run": ` + strings.Repeat(`{"a": `, k) + "1" + strings.Repeat("}", k) + "}"
	case "toml":
		return "name = \"x\"\nrun = " + strings.Repeat("{a = ", k) + "1" + strings.Repeat("}", k) + "\n"
	}
	return "name: x\nrun: " + strings.Repeat("{a: ", k) + "1" + strings.Repeat("}", k)
}

// A 10 KB file nested 2000 deep took 34 s to validate (viper walked its
// settings in time cubic in the depth), and a TOML array nested a million
// deep overflowed the stack. Nesting deeper than maxDepth is refused before
// any recursive parser sees it, at once, naming the limit; a scenario
// exactly maxDepth deep is read through and checked as any other, quickly.
func TestDeepNestingRefusedAtOnce(t *testing.T) {
	cases := []struct {
		name, format, data string
		sets               []string
	}{
		{"YAML mappings", "yaml", nestedRun("yaml", 2000), nil},
		{"JSON objects", "json", nestedRun("json", 2000), nil},
		{"TOML inline tables", "toml", nestedRun("toml", 2000), nil},
		{"TOML array a million deep", "toml", "name = \"x\"\ndescription = " + strings.Repeat("[", 1e6) + strings.Repeat("]", 1e6) + "\n", nil},
		{"TOML dotted key", "toml", "name = \"x\"\nrun" + strings.Repeat(".a", 2000) + " = 1\n", nil},
		{"TOML table header", "toml", "name = \"x\"\n[run" + strings.Repeat(".a", 2000) + "]\nb = 1\n", nil},
		{"YAML block indentation", "yaml", "name: x\nrun:\n" + indented(500), nil},
		{"YAML block sequences", "yaml", "name: x\ndescription:\n" + strings.Repeat("- ", 5000) + "1\n", nil},
		{"--set value", "yaml", ok, []string{"run=" + strings.Repeat("{a: ", 2000) + "1" + strings.Repeat("}", 2000)}},
		{"--set list", "yaml", ok, []string{"streams.s.arrivals.hourly=" + strings.Repeat("[", 5000) + strings.Repeat("]", 5000)}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			_, err := Bytes([]byte(tc.data), tc.format, "deep."+tc.format, tc.sets)
			took := time.Since(start)
			var ps *config.Problems
			require.ErrorAs(t, err, &ps)
			require.Len(t, ps.List, 1, "%v", err)
			assert.Contains(t, err.Error(), "nested more than 100 deep")
			assert.Less(t, took, time.Second, "refused at once")
			t.Logf("%v: %v", took, err)
		})
	}
}

// indented is a YAML block mapping n deep, one key a line.
func indented(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString(strings.Repeat(" ", i) + "a:\n")
	}
	b.WriteString(strings.Repeat(" ", n+1) + "b: 1\n")
	return b.String()
}

// At the limit a document is read, decoded and checked: its problem is the
// unknown key, not its depth; one level more is refused.
func TestDepthLimit(t *testing.T) {
	for _, format := range []string{"yaml", "json", "toml"} {
		t.Run(format, func(t *testing.T) {
			start := time.Now()
			_, err := Bytes([]byte(nestedRun(format, maxDepth-1)), format, "x."+format, nil)
			took := time.Since(start)
			require.Error(t, err)
			assert.NotContains(t, err.Error(), "deep")
			assert.Contains(t, err.Error(), "run.a: unknown key")
			assert.Less(t, took, 500*time.Millisecond, "a document %d deep is checked quickly", maxDepth)

			_, err = Bytes([]byte(nestedRun(format, maxDepth)), format, "x."+format, nil)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "nested more than 100 deep")
		})
	}
}

// tomlDepth never counts less than the depth of the tree go-toml builds,
// whatever the strings, comments, dotted keys and arrays of tables, and in
// ordinary documents not much more.
func TestTOMLDepthNeverUndercounts(t *testing.T) {
	docs := []string{
		mmcTOML,
		"a = 1",
		"a = [[1], [[2]]]\nb = {c = {d = [1.5, 2.5]}}",
		"a.b.c = 1\nx = 'y.z[[['\n",
		"[t]\nu.v = [{w = 1}, {w.x = [2]}]\n",
		"[[q]]\nname = \"a]b\" # [[[ not nesting\n[q.service]\nmean = '''\n[[[\n'''\n[[q.list]]\nx = 1\n",
		"s = \"\"\"\n{ \\\"\"\" [\n\"\"\"\nt = [\n  1,\n  [2],\n]\n",
		"\"a.b\" = 1\n'c.d'.e = {f.g.h = 1, i = [[[]]]}\n",
		"[a]\n[a.b.c]\nd = 1\n[[x.y]]\n[[x.y]]\nz = [{q = [1]}]\n",
	}
	for _, doc := range docs {
		tree := map[string]any{}
		require.NoError(t, toml.Unmarshal([]byte(doc), &tree), doc)
		real := treeDepth(tree)
		_, deep := tomlDepth([]byte(doc), real-1)
		assert.True(t, deep, "depth %d not seen in:\n%s", real, doc)
		_, deep = tomlDepth([]byte(doc), 2*real+1)
		assert.False(t, deep, "depth %d counted as over %d in:\n%s", real, 2*real+1, doc)
	}
}

// treeDepth is how deeply maps and lists nest in v, the top counting 1.
func treeDepth(v any) int {
	d := 0
	switch t := v.(type) {
	case map[string]any:
		for _, e := range t {
			d = max(d, treeDepth(e))
		}
	case []any:
		for _, e := range t {
			d = max(d, treeDepth(e))
		}
	default:
		return 0
	}
	return d + 1
}
