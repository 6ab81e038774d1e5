package sim

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"spoa/config"
)

// Extreme values the knobs of FuzzExtremes set parameters to.
var (
	extremeDurations = []time.Duration{0, 1, time.Microsecond, time.Second, time.Minute, time.Hour,
		1000 * time.Hour, 100000 * time.Hour, math.MaxInt64 / 2, math.MaxInt64}
	extremeFloats = []float64{0, 1e-300, 1e-9, 0.001, 0.01, 0.5, 1, 3, 1e3, 1e5, 1e6, 1e300}
)

// tweak sets one parameter of s, chosen by what, to an extreme value chosen
// by v. It may well make s invalid; the fuzz target only runs what
// config.Validate accepts.
func tweak(s *config.Scenario, what, v byte) {
	dur := config.Duration(extremeDurations[int(v)%len(extremeDurations)])
	f := extremeFloats[int(v)%len(extremeFloats)]
	q := &s.Queues[int(what>>4)%len(s.Queues)]
	p := &s.Pools[int(what>>4)%len(s.Pools)]
	st := &s.Streams[int(what>>4)%len(s.Streams)]
	dist := func(d *config.Dist) {
		switch v % 7 {
		case 0:
			d.Mean = dur
		case 1:
			d.SD = dur
		case 2:
			d.Shape = f
		case 3:
			d.Scale = dur
		case 4:
			d.Min = dur
		case 5:
			d.Mode = dur
		default:
			d.Max = dur
		}
	}
	switch what % 16 {
	case 0:
		dist(&q.Service)
	case 1:
		if q.Patience == nil {
			q.Patience = &config.Dist{Dist: config.Constant}
		}
		dist(q.Patience)
	case 2:
		q.Service.Dist = config.DistKinds()[int(v)%len(config.DistKinds())]
	case 3:
		if q.Patience != nil {
			q.Patience.Dist = config.DistKinds()[int(v)%len(config.DistKinds())]
		}
	case 4:
		n := float64(v % 8)
		if v >= 200 {
			n = f
		}
		p.Staff, p.Hourly, p.Shifts = &n, nil, nil
	case 5:
		p.Shrinkage = f
	case 6:
		st.Arrivals.PerHour, st.Arrivals.PerDay = f, 0
	case 7:
		if st.Redial == nil {
			st.Redial = &config.Redial{Delay: config.Dist{Dist: config.Constant, Mean: config.Duration(time.Second)}}
		}
		st.Redial.Probability = math.Min(f, 1)
	case 8:
		if st.Redial != nil {
			dist(&st.Redial.Delay)
		}
	case 9:
		s.Run.Days = f
	case 10:
		s.Run.WarmupDays = f
	case 11:
		q.Concurrency = int(v % 101)
	case 12:
		if len(p.Shifts) > 0 {
			p.Shifts[0].Length = dur
		}
	case 13:
		if len(p.Shifts) > 0 {
			p.Shifts[0].Count = f
		}
	case 14:
		if st.Arrivals.Hourly != nil {
			st.Arrivals.Hourly[int(v)%24] = f
		}
	default:
		q.Priority = int(v)
	}
}

// FuzzExtremes drives the engine with valid scenarios pushed to extremes:
// a generated scenario (RandomScenario) with parameters set, by the
// fuzzer's knobs, to values such as a nanosecond, 292 years, 1e-300 or 1e6.
// Whatever config.Validate accepts must compile, and a short run of it must
// neither panic nor hang and must conserve contacts. FuzzCompile's text
// mutations rarely reach a valid scenario; this reaches nothing else.
//
//	go test -run XXX -fuzz FuzzExtremes -fuzztime 3m -fuzzminimizetime 0s ./sim/
func FuzzExtremes(f *testing.F) {
	f.Add(uint64(1), []byte{})
	f.Add(uint64(2), []byte{0x02, 0x03, 0x00, 51}) // a weibull service of shape 0.001: panicked, now refused
	f.Add(uint64(2), []byte{0x02, 0x03, 0x00, 16}) // shape 0.01, the least accepted
	f.Add(uint64(3), []byte{0x01, 0x00, 0x04, 0x00, 0x07, 0x06, 0x08, 0x00})
	f.Add(uint64(4), []byte{0x06, 0x0a, 0x09, 0x05})
	// Found by fuzzing: zero patience and a redial probability of 1, so
	// callers rang every second for a week; ran until the fuzzer called it
	// hung, and now stops at the event budget.
	f.Add(uint64(2), []byte("\xff\xff\x7f\f\a\x06\x01\x00"))
	f.Add(uint64(5), []byte{0x0b, 0x03, 0x0c, 0x08, 0x0d, 0x09})
	f.Fuzz(func(t *testing.T, seed uint64, knobs []byte) {
		s := RandomScenario(seed % 1000)
		for i := 0; i+1 < len(knobs) && i < 16; i += 2 {
			tweak(s, knobs[i], knobs[i+1])
		}
		if config.Validate(s) != nil {
			return
		}
		_, err := Compile(s)
		js, _ := json.Marshal(s)
		require.NoError(t, err, "Compile refused a valid scenario:\n%s", js)
		shortRun(t, s)
	})
}
