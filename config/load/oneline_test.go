package load

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A key with a newline in it (JSON allows one) split its problem over two
// lines, the second not naming the file (found by FuzzParse; the input is
// kept in testdata/fuzz/FuzzParse). Control characters are written as
// escapes, one problem a line.
func TestProblemsStayOnOneLine(t *testing.T) {
	src := `{"name": "x", "run": {"days": 1, "replications": 1, "da\nys": 2}}`
	_, err := Bytes([]byte(src), "json", "t.json", []string{"queues.0.pri\tority=2"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `t.json: run.da\nys: unknown key (did you mean "days"?)`)
	for _, line := range strings.Split(err.Error(), "\n") {
		assert.True(t, strings.HasPrefix(line, "t.json: "), "%q", line)
	}
}
