package results

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// A --vary spec gives its values as a list or as a range of numbers, in
// steps of 1 or of STEP, TO included when a step reaches it within
// rounding.
func TestParseVary(t *testing.T) {
	cases := []struct {
		spec string
		key  string
		want []string
	}{
		{"pools.nurse.staff=4,6,8", "pools.nurse.staff", []string{"4", "6", "8"}},
		{"queues.call_111.patience.mean=5m, 10m", "queues.call_111.patience.mean", []string{"5m", "10m"}},
		{" Pools.Nurse.Staff = 12 ", "pools.nurse.staff", []string{"12"}},
		{"pools.nurse.staff=4..8", "pools.nurse.staff", []string{"4", "5", "6", "7", "8"}},
		{"pools.nurse.staff=4..9:2", "pools.nurse.staff", []string{"4", "6", "8"}},
		{"pools.nurse.shrinkage=0.1..0.3:0.1", "pools.nurse.shrinkage", []string{"0.1", "0.2", "0.3"}},
		{"pools.nurse.shrinkage=0.2..0.35:0.05", "pools.nurse.shrinkage", []string{"0.20", "0.25", "0.30", "0.35"}},
		{"run.days=1..2:0.25", "run.days", []string{"1.00", "1.25", "1.50", "1.75", "2.00"}},
		{"x=-1..1", "x", []string{"-1", "0", "1"}},
		{"x=-0.5..0.5:0.5", "x", []string{"-0.5", "0.0", "0.5"}},
		{"x=3..3", "x", []string{"3"}},
		{"x=0..1:0.3", "x", []string{"0.0", "0.3", "0.6", "0.9"}},
	}
	for _, c := range cases {
		v, err := ParseVary(c.spec)
		require.NoError(t, err, c.spec)
		require.Equal(t, Vary{Key: c.key, Values: c.want}, v, c.spec)
	}
}

// A spec that cannot be read is refused with a message that names it and
// says what is wrong.
func TestParseVaryErrors(t *testing.T) {
	cases := []struct{ spec, want string }{
		{"pools.nurse.staff", "expected KEY=LIST"},
		{"=4,5", "expected KEY=LIST"},
		{"pools.nurse.staff=", "expected KEY=LIST"},
		{"x=4,,5", "an empty value in the list"},
		{"x=4,5,4", "4 is listed twice"},
		{"x=4..8:0", "the step must be more than 0, not 0"},
		{"x=4..8:-1", "the step must be more than 0, not -1"},
		{"x=8..4", "FROM 8 is more than TO 4; a range counts up"},
		{"x=5m..10m", `FROM "5m" and TO "10m" are not numbers`},
		{"x=1e2..1e3", `FROM "1e2" and TO "1e3" are not numbers`},
		{"x=1..5:", `STEP "" is not a number`},
		{"x=1,2..5", "give either a list (4,6,8) or a range (4..8), not both"},
		{"x=0..100000", "100001 values, over the limit of 10000 points"},
	}
	for _, c := range cases {
		_, err := ParseVary(c.spec)
		require.Error(t, err, c.spec)
		require.Contains(t, err.Error(), "--vary "+c.spec+": ", c.spec)
		require.Contains(t, err.Error(), c.want, c.spec)
	}
}

// Several --vary make a grid: every combination, the first key varying
// slowest.
func TestGridPointsOrder(t *testing.T) {
	g, err := ParseGrid([]string{"a=1..2", "b=x,y,z", "c=5m"})
	require.NoError(t, err)
	require.Equal(t, []string{"a", "b", "c"}, g.Keys())
	var got []string
	for _, p := range g.Points() {
		got = append(got, p.Label())
	}
	require.Equal(t, []string{
		"a=1 b=x c=5m", "a=1 b=y c=5m", "a=1 b=z c=5m",
		"a=2 b=x c=5m", "a=2 b=y c=5m", "a=2 b=z c=5m",
	}, got)
	require.Equal(t, []string{"a=2", "b=y", "c=5m"}, g.Points()[4].Sets())
}

// Every problem with the specs is listed at once; a key varied twice and a
// grid over MaxPoints points are refused.
func TestParseGridErrors(t *testing.T) {
	_, err := ParseGrid(nil)
	require.ErrorContains(t, err, "give at least one key to vary")

	_, err = ParseGrid([]string{"a=1,2", "b=9..1", "A=3", "c=1..2:0"})
	require.Error(t, err)
	lines := strings.Split(err.Error(), "\n")
	require.Len(t, lines, 3, err.Error())
	require.Contains(t, lines[0], "--vary b=9..1: FROM 9 is more than TO 1")
	require.Contains(t, lines[1], "--vary A=3: a is varied twice")
	require.Contains(t, lines[2], "--vary c=1..2:0: the step must be more than 0")

	_, err = ParseGrid([]string{"a=1..100", "b=1..101"})
	require.EqualError(t, err, "--vary: the grid has 10100 points, over the limit of 10000; each point is a whole run, so sweep fewer values or coarser steps")
	// The count of a grid too large for an int is said as such, not
	// overflowed.
	specs := make([]string, 6)
	for i := range specs {
		specs[i] = string(rune('a'+i)) + "=1..9999"
	}
	_, err = ParseGrid(specs)
	require.ErrorContains(t, err, "the grid has more than ")

	g, err := ParseGrid([]string{"a=1..100", "b=1..100"})
	require.NoError(t, err)
	require.Len(t, g.Points(), MaxPoints)
}
