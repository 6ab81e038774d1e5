package records

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// bad holds one good record and one of each kind of bad one; want is each
// bad line's number and kind.
const bad = `Start,Answer,HangUp,Finish,Skill,Result
2024-01-01T08:00:00Z,2024-01-01T08:00:30Z,,2024-01-01T08:05:00Z,q,answered
yesterday,2024-01-01T08:00:30Z,,2024-01-01T08:05:00Z,q,answered
2024-01-01T08:00:00Z,2024-01-01T07:59:00Z,,2024-01-01T08:05:00Z,q,answered
2024-01-01T08:00:00Z,2024-01-01T08:00:30Z,,2024-01-01T08:00:10Z,q,answered
2024-01-01T08:00:00Z,,2024-01-01T07:00:00Z,,q,abandoned
2024-01-01T08:00:00Z,2024-01-01T08:00:30Z,2024-01-01T08:00:40Z,,q,
2024-01-01T08:00:00Z,2024-01-01T08:00:30Z
,2024-01-01T08:00:30Z,,2024-01-01T08:05:00Z,q,answered
2024-01-01T08:00:00Z,,,2024-01-01T08:05:00Z,q,
2024-01-01T08:00:00Z,,,,q,hung up
2024-01-01T08:00:00Z,,,,q,answered
2024-01-01T08:00:00Z,2024-01-01 08:00:30,,2024-01-01T08:05:00+00:00,"q ""x",answered
2024-01-01T08:00:00Z,"2024-01-01T08:00:30Z,,2024-01-01T08:05:00Z,q,answered
`

var mapping = map[string]string{"Start": "arrive", "Answer": "answered", "HangUp": "abandoned", "Finish": "end", "Skill": "queue", "Result": "outcome"}

// readAll reads every record, returning the good ones' lines and the bad
// ones' lines and kinds.
func readAll(t *testing.T, r io.Reader) (good []int, bads map[int]string) {
	t.Helper()
	rd, err := NewReader(r, mapping)
	require.NoError(t, err)
	bads = map[int]string{}
	var rec Record
	for {
		err := rd.Next(&rec)
		var b *BadRecord
		switch {
		case err == io.EOF:
			require.NoError(t, rd.Close())
			return good, bads
		case errors.As(err, &b):
			bads[b.Line] = b.Kind
			require.Contains(t, b.Error(), "line ")
		case err != nil:
			t.Fatal(err)
		default:
			good = append(good, rec.Line)
		}
	}
}

// TestBadRecords: every kind of bad record is reported with its line, the
// good ones are read, and a bare quote spoils only its own record onward
// (CSV cannot tell where a record with a bare quote ends).
func TestBadRecords(t *testing.T) {
	want := map[int]string{
		3:  "unparseable time",
		4:  "answered before arrival",
		5:  "negative duration",
		6:  "abandoned before arrival",
		7:  "answered and abandoned",
		8:  "wrong number of columns",
		9:  "no arrival time",
		10: "ended but not answered",
		11: "unknown outcome",
		12: "outcome without its time",
		14: "not CSV",
	}
	good, bads := readAll(t, strings.NewReader(bad))
	require.Equal(t, []int{2, 13}, good)
	require.Equal(t, want, bads)

	// The same, gzipped, reads the same.
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	_, err := zw.Write([]byte(bad))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	good2, bads2 := readAll(t, &z)
	require.Equal(t, good, good2)
	require.Equal(t, bads, bads2)
}

// TestHeaderProblems: every problem with the header and the mapping is
// reported at once.
func TestHeaderProblems(t *testing.T) {
	_, err := NewReader(strings.NewReader("Start,Skill,queue\n"), map[string]string{"Start": "arrival", "Gone": "queue", "Skill": "queue"})
	require.Error(t, err)
	for _, w := range []string{
		`--map Start=arrival: no field "arrival"`,
		`--map Gone=queue: no column "Gone" in the header`,
	} {
		require.Contains(t, err.Error(), w)
	}
	_, err = NewReader(strings.NewReader("a,b\n"), nil)
	require.ErrorContains(t, err, `no column for field "arrive"`)
	_, err = NewReader(strings.NewReader("arrive,Q1,Q2\n"), map[string]string{"Q1": "queue", "Q2": "queue"})
	require.ErrorContains(t, err, `are both field "queue"`)
	_, err = NewReader(strings.NewReader(""), nil)
	require.ErrorContains(t, err, "empty")
	_, err = NewReader(bytes.NewReader([]byte{0x1f, 0x8b, 1, 2}), nil)
	require.ErrorContains(t, err, "gzip")
}

// TestTimes: ISO 8601 with or without a zone, keeping the clock time as
// written.
func TestTimes(t *testing.T) {
	for _, s := range []string{"2024-03-31T01:30:00Z", "2024-03-31T01:30:00.250+01:00", "2024-03-31 01:30:00", "2024-03-31T01:30"} {
		tm, err := ParseTime(s)
		require.NoError(t, err, s)
		require.Equal(t, 1, tm.Hour(), s)
		require.Equal(t, 31, tm.Day(), s)
	}
	_, err := ParseTime("31/03/2024 01:30")
	require.ErrorContains(t, err, "not an ISO 8601 time")
	require.Equal(t, "2024-01-01T00:00:01.500Z", FormatClock(1.5))
	require.Equal(t, "", FormatClock(math.NaN()))
}
