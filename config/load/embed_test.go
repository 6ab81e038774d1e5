package load

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"spoa/config"
)

func TestEmbeddedScenariosLoad(t *testing.T) {
	names := config.Names()
	assert.Equal(t, []string{"blmk-current", "blmk-current-2021", "blmk-hub-2021", "blmk-hub-2021-staffed", "blmk-hub-equal", "mmc"}, names)
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
	assert.EqualError(t, err, `no embedded scenario named "nope" (known: blmk-current, blmk-current-2021, blmk-hub-2021, blmk-hub-2021-staffed, blmk-hub-equal, mmc)`)
	_, err = Embedded("nope", nil)
	assert.Error(t, err)
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
	for _, q := range s.Queues {
		if q.Name == "call_111" {
			assert.Equal(t, "9m0s", q.Service.Mean.String())
		}
	}
}
