package load

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"spoa/config"
)

// A file larger than MaxFileSize is refused, naming the limit, without
// reading more than the limit; one of exactly the limit is read.
func TestFileSizeLimit(t *testing.T) {
	dir := t.TempDir()
	// Comment lines: a document with nothing in it, cheap to parse.
	line := "#" + strings.Repeat("-", 62) + "\n"
	fill := bytes.Repeat([]byte(line), MaxFileSize/len(line))
	fill = append(fill, bytes.Repeat([]byte("\n"), MaxFileSize-len(fill))...)
	at := filepath.Join(dir, "at.yaml")
	require.NoError(t, os.WriteFile(at, fill, 0o644))
	over := filepath.Join(dir, "over.yaml")
	require.NoError(t, os.WriteFile(over, append(fill, '\n'), 0o644))

	_, err := File(context.Background(), at, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), at+": name: missing", "read and checked")

	_, err = File(context.Background(), over, nil)
	var ps *config.Problems
	require.ErrorAs(t, err, &ps)
	assert.Equal(t, over+": cannot read the file: it is larger than the limit of 4 MiB for a scenario file", err.Error())
}

func TestDirectoryRefused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "d.yaml")
	require.NoError(t, os.Mkdir(dir, 0o755))
	_, err := File(context.Background(), dir, nil)
	var ps *config.Problems
	require.ErrorAs(t, err, &ps)
	assert.Equal(t, dir+": cannot read the file: it is a directory; a scenario is read only from a regular file", err.Error())
}

// File stops when its context is done, returning the context's error
// rather than a problem with the scenario: before reading, and while a
// large document is being read.
func TestFileStopsWhenCancelled(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "mmc.yaml")
	src, err := config.Source("mmc")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(small, src, 0o644))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = File(ctx, small, nil)
	require.ErrorIs(t, err, context.Canceled)

	// Four MB of numbers: seconds to read in full here.
	big := filepath.Join(dir, "big.yaml")
	body := "name: x\ndescription: [" + strings.Repeat("1.5, ", (MaxFileSize-100)/5) + "1]\n"
	require.NoError(t, os.WriteFile(big, []byte(body), 0o644))
	const after = 50 * time.Millisecond
	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(after, cancel)
	start := time.Now()
	_, err = File(ctx, big, nil)
	stopped := time.Since(start)
	t.Logf("cancelled after %v, stopped after %v", after, stopped)
	require.ErrorIs(t, err, context.Canceled)
	assert.Less(t, stopped, after+300*time.Millisecond, "stops within moments of the cancellation")
}
