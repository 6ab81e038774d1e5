package results

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Every section's measures have names of their own and labels, and what a
// comparison shows or an hourly profile covers is in a table.
func TestMeasureTables(t *testing.T) {
	for _, sec := range append(slices.Clone(Sections), Totals) {
		seen := map[string]bool{}
		for _, m := range sec.Measures {
			require.NotEmpty(t, m.Label, "%s %s", sec.Name, m.Name)
			require.False(t, seen[m.Name], "%s: %s twice", sec.Name, m.Name)
			seen[m.Name] = true
		}
		for _, c := range sec.compare {
			require.True(t, seen[c.measure], "%s compares %s, which it lacks", sec.Name, c.measure)
		}
	}
	for _, p := range Profiles {
		require.Contains(t, Sections, p.Section, p.Name)
	}
}

// objectKeys are the keys of the JSON object b, in the order written.
func objectKeys(t *testing.T, b []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	var keys []string
	tok, err := dec.Token()
	require.NoError(t, err)
	require.Equal(t, json.Delim('{'), tok)
	for dec.More() {
		tok, err := dec.Token()
		require.NoError(t, err)
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		require.NoError(t, dec.Decode(&skip))
	}
	return keys
}

// A section's JSON is its table: its name is the report's key for it (and
// its order's), and each row has the section's measures in table order.
func TestJSONFollowsTheTables(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteJSON(&buf, sample(t)))
	var doc map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(buf.Bytes(), &doc))
	var order map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(doc["order"], &order))
	for _, sec := range Sections {
		require.Contains(t, order, sec.Name)
		var rows map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(doc[sec.Name], &rows), sec.Name)
		require.NotEmpty(t, rows, sec.Name)
		var want []string
		for _, m := range sec.Measures {
			want = append(want, m.Name)
		}
		for name, row := range rows {
			keys := slices.DeleteFunc(objectKeys(t, row), func(k string) bool { return k == "channel" || k == byStream })
			require.Equal(t, want, keys, "%s %s", sec.Name, name)
		}
	}
	var profiles []string
	for _, p := range Profiles {
		profiles = append(profiles, p.Name)
	}
	require.Equal(t, profiles, objectKeys(t, doc["hourly"]))
}

// A report read back writes the same bytes; a name ReadJSON does not know,
// at any depth, is refused.
func TestReadJSON(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteJSON(&buf, sample(t)))
	written := buf.String()
	back, err := ReadJSON(strings.NewReader(written))
	require.NoError(t, err)
	buf.Reset()
	require.NoError(t, WriteJSON(&buf, back))
	require.Equal(t, written, buf.String())

	for _, c := range []struct{ name, from, to string }{
		{"a measure a queue lacks", `"asa_s": {`, `"asa_z": {`},
		{"a field a figure lacks", `"ci95_low"`, `"ci95_lo"`},
		{"a profile", `"arrivals": {`, `"arrivalz": {`},
		{"a stream's field", `"channel"`, `"chanel"`},
	} {
		bad := strings.Replace(written, c.from, c.to, 1)
		require.NotEqual(t, written, bad, c.name)
		_, err := ReadJSON(strings.NewReader(bad))
		require.ErrorContains(t, err, "unknown field", c.name)
	}
}

// A row's figures are read by measure name; a name its section lacks is
// a bug, except when asking whether it has one.
func TestFiguresByName(t *testing.T) {
	r := sample(t)
	q := r.Queues["q"]
	require.Equal(t, q.list[Queues.mustIndex("asa_s")], q.Get("asa_s"))
	require.Equal(t, "40s", q.Show("asa_s"))
	require.Panics(t, func() { q.Get("asa") })
	_, ok := r.Channels["call"].Lookup("redials")
	require.False(t, ok, "a channel has no redials")
	f, ok := r.Streams["calls"].Lookup("redials")
	require.True(t, ok)
	require.Equal(t, 2, f.N)
	require.Equal(t, Figure{}, r.Queues["nonesuch"].Get("asa_s"), "a row the report does not have")
}
