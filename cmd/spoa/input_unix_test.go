//go:build unix

package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestSpecialFilesEnd runs the real binary on what is not a regular file:
// `spoa run -c /dev/zero` read forever, its memory growing, and ignored
// Ctrl-C; `spoa validate -c f.yaml` on a named pipe still ran 10 s after
// SIGINT. Each is now refused at once as bad input (exit status 2). One
// still running after two seconds is sent SIGINT and must end within a
// second, so that a failure shows as such rather than as a hung test.
func TestSpecialFilesEnd(t *testing.T) {
	bin := buildSpoa(t)
	dir := t.TempDir()
	fifo, zero, random := filepath.Join(dir, "f.yaml"), filepath.Join(dir, "zero.yaml"), filepath.Join(dir, "random.yaml")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	require.NoError(t, os.Symlink("/dev/zero", zero))
	require.NoError(t, os.Symlink("/dev/urandom", random))
	for _, args := range [][]string{
		{"run", "-c", "/dev/zero"},
		{"run", "-c", zero},
		{"validate", "-c", random},
		{"validate", "-c", fifo},
		{"compare", fifo, "mmc"},
	} {
		t.Run(args[0]+" "+filepath.Base(args[len(args)-1]), func(t *testing.T) {
			var stderr lockedBuffer
			cmd := exec.Command(bin, args...)
			cmd.Stderr = &stderr
			require.NoError(t, cmd.Start())
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			var err error
			select {
			case err = <-exited:
			case <-time.After(2 * time.Second):
				require.NoError(t, cmd.Process.Signal(os.Interrupt))
				select {
				case err = <-exited:
					t.Fatalf("ended only on SIGINT: %v\n%s", err, stderr.String())
				case <-time.After(time.Second):
					_ = cmd.Process.Kill()
					t.Fatalf("still running a second after SIGINT:\n%s", stderr.String())
				}
			}
			var ee *exec.ExitError
			require.True(t, errors.As(err, &ee), "exit status: %v", err)
			require.Equal(t, exitBadInput, ee.ExitCode(), stderr.String())
			require.Contains(t, stderr.String(), "a scenario is read only from a regular file")
		})
	}
}
