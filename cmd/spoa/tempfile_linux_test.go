package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// A report being written has no name in its directory until it is
// complete, so that a process killed while writing (SIGKILL, which
// nothing can catch) leaves nothing behind.
func TestTempFileUnnamedUntilComplete(t *testing.T) {
	dir := t.TempDir()
	f, err := openUnnamed(dir, 0o640)
	if err != nil {
		t.Skipf("this file system makes no unnamed files (%v); writeTemp falls back to a named one", err)
	}
	defer f.Close()
	_, err = f.Write([]byte("report"))
	require.NoError(t, err)
	noTempFiles(t, dir)

	name, err := linkUnnamed(f, dir, ".r.json.*.tmp")
	require.NoError(t, err)
	require.Equal(t, dir, filepath.Dir(name))
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	require.Equal(t, "report", string(data))

	// And writeFileAtomic leaves the report alone, with its mode.
	out := filepath.Join(dir, "r.json")
	require.NoError(t, os.Remove(name))
	require.NoError(t, writeFileAtomic(out, []byte("whole")))
	noTempFiles(t, dir, "r.json")
	st, err := os.Stat(out)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o644)&^umask(), st.Mode().Perm())
}
