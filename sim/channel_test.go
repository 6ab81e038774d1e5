package sim

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"spoa/config"
)

// c staff serving only exponential chats, each holding up to k at once,
// is M/M/(c·k): waits agree with Erlang C for c·k servers.
func TestChatConcurrencyErlangC(t *testing.T) {
	const c, k, perHour = 6, 3, 90.0 // 18 slots, load 15 with 10-minute chats
	s := mmc(perHour, 10*time.Minute, 0, c, 200, 12)
	s.Streams[0].Channel = "chat"
	s.Queues[0].Concurrency = k
	st := simulate(t, s)
	lambda, mu := perHour*perSec, 1/600.0
	got, half := across(st, meanWait(0))
	assertClose(t, "chat mean wait (s)", got, half, MMcWait(c*k, lambda, mu), 0.05)
	got, half = across(st, waitedShare(0))
	assertClose(t, "chats that waited", got, half, ErlangC(c*k, lambda/mu), 0.03)
	// Staff holding any chat count as busy: utilisation is the share of
	// time a staff member holds at least one, above the slot occupancy.
	got, _ = across(st, utilisation(0))
	require.Greater(t, got, lambda/mu/(c*k))
	require.LessOrEqual(t, got, 1.0)
}

// A staff member holding chats takes no call: with one agent serving a
// chat queue (k=2) and a call queue, busy staff never exceed those on duty,
// and calls wait while chats are held.
func TestChatBlocksCalls(t *testing.T) {
	s := mmc(0, 0, 0, 0, 50, 4)
	s.Streams = []config.Stream{
		{Name: "calls", Arrivals: config.Arrivals{PerHour: 2}, Enter: "call"},
		{Name: "chats", Channel: "chat", Arrivals: config.Arrivals{PerHour: 2}, Enter: "chat"},
	}
	s.Queues = []config.Queue{
		{Name: "call", Priority: 1, Service: expo(10 * time.Minute), ServedBy: []string{"agents"}, Routes: map[string]float64{"done": 1}},
		{Name: "chat", Priority: 2, Concurrency: 2, Service: expo(20 * time.Minute), ServedBy: []string{"agents"}, Routes: map[string]float64{"done": 1}},
	}
	s.Pools = []config.Pool{{Name: "agents", Staff: staff(1)}}
	st := simulate(t, s)
	for _, r := range st {
		require.LessOrEqual(t, r.Pools[0].Busy, r.Pools[0].OnDuty+1e-6)
		require.Greater(t, r.Queues[0].Waited, int64(0), "calls wait behind chats")
	}
	// Busy time is calls' work plus the time at least one chat is held,
	// which is less than the chats' total work (two overlap).
	callWork := 2 * 24 * 50 * 600.0
	chatWork := 2 * 24 * 50 * 1200.0
	got, _ := across(st, func(s Stats) float64 { return s.Pools[0].Busy })
	require.Less(t, got, 0.99*(callWork+chatWork))
	require.Greater(t, got, callWork+chatWork/2)
}

// Texts wait without abandoning, whatever the queue's patience; calls to
// the same queue abandon.
func TestTextsDoNotAbandon(t *testing.T) {
	s := mmc(0, 0, 0, 0, 30, 4)
	pat := expo(time.Minute)
	s.Streams = []config.Stream{
		{Name: "calls", Arrivals: config.Arrivals{PerHour: 60}, Enter: "q"},
		{Name: "texts", Channel: "text", Arrivals: config.Arrivals{PerHour: 60}, Enter: "q"},
	}
	s.Queues = []config.Queue{{Name: "q", Priority: 1, Patience: &pat, Service: expo(10 * time.Minute), ServedBy: []string{"agents"}, Routes: map[string]float64{"done": 1}}}
	s.Pools = []config.Pool{{Name: "agents", Staff: staff(20)}}
	st := simulate(t, s)
	for _, r := range st {
		require.Greater(t, r.Streams[0].Abandoned, int64(100))
		require.Zero(t, r.Streams[1].Abandoned)
		require.Equal(t, r.Queues[0].Abandoned, r.Streams[0].Abandoned)
	}
}
