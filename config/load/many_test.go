package load

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"spoa/config"
)

// manyStreams is a scenario of n queues and n streams, each stream entering
// a queue that does not exist.
func manyStreams(n int) string {
	var b strings.Builder
	b.WriteString("name: many\nrun: {days: 1, replications: 1}\nstreams:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {name: s%d, arrivals: {per_hour: 1}, enter: x%d}\n", i, i)
	}
	b.WriteString("queues:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {name: q%d, priority: 1, service: {dist: constant, mean: 1m}, served_by: [a], routes: {done: 1}}\n", i)
	}
	b.WriteString("pools: [{name: a, staff: 1}]\n")
	return b.String()
}

// 5000 streams entering unknown queues printed 270 MB: each message listed
// every queue's name. A message names a few, and says how many more; the
// problems listed stop at config.MaxShown, with a line saying how many
// more there are.
func TestManyProblemsStayShort(t *testing.T) {
	start := time.Now()
	_, err := Bytes([]byte(manyStreams(5000)), "yaml", "many.yaml", nil)
	took := time.Since(start)
	var ps *config.Problems
	require.ErrorAs(t, err, &ps)
	require.Len(t, ps.List, 5000, "every problem is found")
	msg := err.Error()
	lines := strings.Split(msg, "\n")
	require.Len(t, lines, config.MaxShown+1)
	assert.Equal(t, `many.yaml: streams[0].enter: no queue named "x0" (known: q0, q1, q2, q3, q4 and 4995 more)`, lines[0])
	assert.Equal(t, "many.yaml: … and 4950 more problems", lines[config.MaxShown])
	assert.Less(t, len(msg), 10_000)
	assert.Less(t, took, 2*time.Second)
	t.Logf("%d bytes of message in %v", len(msg), took)

	_, err = Bytes([]byte(manyStreams(5000)), "yaml", "many.yaml", []string{"queues.nurse.priority=2"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `many.yaml: queues.nurse.priority: --set: queues has no element named "nurse" (names: "q0", "q1", "q2", "q3", "q4" and 4995 more)`)
}

// A queue served by many pools, each with its own service time, is checked
// in time proportional to its lists, not their product: 100,000 pools took
// seconds, each looked up in served_by from its start.
func TestLongListsCheckedQuickly(t *testing.T) {
	const n = 100_000
	s, err := Bytes([]byte(ok), "yaml", "t.yaml", nil)
	require.NoError(t, err)
	staff := 1.0
	q := &s.Queues[0]
	q.ServedBy, q.ServiceBy, s.Pools = nil, map[string]config.Dist{}, nil
	for i := range n {
		name := fmt.Sprintf("p%d", i)
		s.Pools = append(s.Pools, config.Pool{Name: name, Staff: &staff})
		q.ServedBy = append(q.ServedBy, name)
		q.ServiceBy[name] = q.Service
	}
	start := time.Now()
	require.NoError(t, config.Validate(s))
	took := time.Since(start)
	t.Logf("%v", took)
	assert.Less(t, took, time.Second)
}
