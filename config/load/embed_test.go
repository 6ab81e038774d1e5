package load

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"spoa/config"
)

func TestEmbeddedScenariosLoad(t *testing.T) {
	names := config.Names()
	assert.Equal(t, []string{"blmk-baseline", "blmk-current", "blmk-hub", "blmk-hub-2021", "mmc"}, names)
	assert.Contains(t, names, config.Default)
	for _, n := range names {
		t.Run(n, func(t *testing.T) {
			s, err := Embedded(n, nil)
			require.NoError(t, err)
			assert.Equal(t, n, s.Name, "file name and scenario name agree")
			require.NoError(t, config.Validate(s))
			d, err := Describe(n)
			require.NoError(t, err)
			assert.NotEmpty(t, d)
			assert.NotContains(t, d, "\n")
		})
	}
}

func TestSourceIsTheFileAsWritten(t *testing.T) {
	b, err := config.Source(config.Default)
	require.NoError(t, err)
	assert.Contains(t, string(b), "# BLMK single point of access", "comments kept for spoa init")

	_, err = config.Source("nope")
	assert.EqualError(t, err, `no embedded scenario named "nope" (known: blmk-baseline, blmk-current, blmk-hub, blmk-hub-2021, mmc)`)
	_, err = Embedded("nope", nil)
	assert.Error(t, err)
}

// TestBaselineWTE: the baseline's rota adds up to section 8's ~254 WTE
// (rostered staff-hours a week / 37.5), clinicians about 120.
func TestBaselineWTE(t *testing.T) {
	s, err := Embedded(config.Default, nil)
	require.NoError(t, err)
	total, clinicians := 0.0, 0.0
	for _, p := range s.Pools {
		hours := 0.0
		for _, sh := range p.Shifts {
			days := len(sh.Days)
			if days == 0 {
				days = 7
			}
			hours += sh.Count * config.Duration(sh.Length).Seconds() / 3600 * float64(days)
		}
		wte := hours / 37.5
		total += wte
		if p.Clinician {
			clinicians += wte
		}
		assert.Equal(t, 0.35, p.Shrinkage, p.Name)
	}
	assert.InDelta(t, 254, total, 2)
	assert.InDelta(t, 120, clinicians, 2)
}

// TestBaselineOverride: the default scenario takes --set by name.
func TestBaselineOverride(t *testing.T) {
	s, err := Embedded(config.Default, []string{"pools.nurse.shrinkage=0.3", "queues.call_111.service.mean=9m"})
	require.NoError(t, err)
	for _, p := range s.Pools {
		if p.Name == "nurse" {
			assert.Equal(t, 0.3, p.Shrinkage)
		}
	}
	assert.Equal(t, "9m0s", s.Queues[1].Service.Mean.String())
}
