package load

import (
	"testing"

	"github.com/stretchr/testify/require"

	"spoa/config"
)

// Every embedded scenario, written as YAML and as JSON, reads back into
// the same scenario (the same hash), and the YAML keeps durations as
// written and the comment at its head.
func TestEncodeReadsBack(t *testing.T) {
	for _, name := range config.Names() {
		s, err := Embedded(name, nil)
		require.NoError(t, err)
		for _, format := range []string{"yaml", "json"} {
			data, err := Encode(s, format, "written by a test\nsecond line")
			require.NoError(t, err)
			back, err := Bytes(data, format, name+"."+format, nil)
			require.NoError(t, err, "%s as %s:\n%s", name, format, data)
			require.Equal(t, config.Hash(s), config.Hash(back), "%s as %s", name, format)
			if format == "yaml" {
				require.Contains(t, string(data), "# written by a test\n# second line\n")
			}
		}
	}
	_, err := Encode(&config.Scenario{}, "toml", "")
	require.ErrorContains(t, err, `not "toml"`)
}
