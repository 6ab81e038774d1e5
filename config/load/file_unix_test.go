//go:build unix

package load

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"spoa/config"
)

// A device never ends (spoa run -c /dev/zero read until memory ran out)
// and a named pipe blocks until something writes to it (spoa validate on a
// fifo ignored Ctrl-C); a symbolic link named .yaml is followed to what it
// names. Only a regular file is read, and anything else is refused at once.
func TestSpecialFilesRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "f.yaml")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	link := func(name, to string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.Symlink(to, p))
		return p
	}
	for _, tc := range []struct{ path, what string }{
		{"/dev/zero", "a device"},
		{link("zero.yaml", "/dev/zero"), "a device"},
		{link("random.yaml", "/dev/urandom"), "a device"},
		{fifo, "a named pipe"},
		{link("pipe.json", fifo), "a named pipe"},
	} {
		start := time.Now()
		_, err := File(context.Background(), tc.path, nil)
		var ps *config.Problems
		require.ErrorAs(t, err, &ps, tc.path)
		assert.Equal(t, tc.path+": cannot read the file: it is "+tc.what+"; a scenario is read only from a regular file", err.Error())
		assert.Less(t, time.Since(start), time.Second, "refused at once")
	}
}
