package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// buildSpoa builds the spoa binary into a temporary directory.
func buildSpoa(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("sends SIGINT")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool to build the binary with")
	}
	bin := filepath.Join(t.TempDir(), "spoa")
	out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, "go build: %s", out)
	return bin
}

// lockedBuffer collects a process's stderr while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// interruptRun starts `spoa run` with args, waits until its progress on
// stderr shows want, sends sig, and returns the exit code (-1 when a
// signal ended the process), stderr and how long the process took to exit
// after the signal.
func interruptRun(t *testing.T, bin string, sig os.Signal, want string, args ...string) (int, string, time.Duration) {
	t.Helper()
	var stderr lockedBuffer
	cmd := exec.Command(bin, append([]string{"run", "--progress"}, args...)...)
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	deadline := time.After(60 * time.Second)
wait:
	for !strings.Contains(stderr.String(), want) {
		select {
		case err := <-exited:
			t.Fatalf("spoa exited before showing %q (%v):\n%s", want, err, stderr.String())
		case <-deadline:
			_ = cmd.Process.Kill()
			t.Fatalf("no %q on stderr after 60s:\n%s", want, stderr.String())
		case <-time.After(5 * time.Millisecond):
			continue wait
		}
	}
	sent := time.Now()
	require.NoError(t, cmd.Process.Signal(sig))
	var err error
	select {
	case err = <-exited:
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("spoa still running 30s after %v:\n%s", sig, stderr.String())
	}
	took := time.Since(sent)
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else {
		require.NoError(t, err)
	}
	return code, stderr.String(), took
}

// noTempFiles checks that dir holds exactly the files named.
func noTempFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	require.ElementsMatch(t, names, got, "no temporary file left behind")
}

// TestInterrupt sends SIGINT to a real spoa process part-way through a run
// with -o. It exits promptly with status 130; the output file is either the
// previous one untouched (no replication had finished) or a complete report
// marked partial (some had), and no temporary file is left.
func TestInterrupt(t *testing.T) {
	bin := buildSpoa(t)
	file := writeFile(t, "long.yaml", long)

	t.Run("none finished: the previous file is untouched", func(t *testing.T) {
		dir := t.TempDir()
		out := filepath.Join(dir, "report.json")
		previous := []byte(`{"previous": "report"}` + "\n")
		require.NoError(t, os.WriteFile(out, previous, 0o644))
		// One replication of 20,000 days: minutes of work, interrupted as
		// soon as the run has started.
		code, stderr, took := interruptRun(t, bin, os.Interrupt, "long: 0/1 replications",
			"-c", file, "--days", "20000", "-o", out)
		t.Logf("exited %v after SIGINT", took)
		require.Equal(t, exitInterrupt, code, stderr)
		require.Less(t, took, 10*time.Second, "prompt exit")
		require.Contains(t, stderr, "no replication had finished, so "+out+" is left as it was")
		data, err := os.ReadFile(out)
		require.NoError(t, err)
		require.Equal(t, previous, data)
		noTempFiles(t, dir, "report.json")
	})

	t.Run("some finished: a complete report marked partial", func(t *testing.T) {
		dir := t.TempDir()
		out := filepath.Join(dir, "report.json")
		code, stderr, took := interruptRun(t, bin, os.Interrupt, "long: 2/200 replications",
			"-c", file, "--days", "100", "-r", "200", "--workers", "1", "-o", out)
		t.Logf("exited %v after SIGINT", took)
		require.Equal(t, exitInterrupt, code, stderr)
		require.Less(t, took, 10*time.Second, "prompt exit")
		require.Contains(t, stderr, "wrote a partial report of the ")
		data, err := os.ReadFile(out)
		require.NoError(t, err)
		require.True(t, json.Valid(data), "a complete JSON document")
		var r struct {
			Replications int `json:"replications"`
			Queues       map[string]struct {
				Offered struct{ N int } `json:"offered"`
			} `json:"queues"`
			Meta struct {
				Partial   bool `json:"partial"`
				Completed int  `json:"completed_replications"`
				Requested int  `json:"requested_replications"`
			} `json:"meta"`
		}
		require.NoError(t, json.Unmarshal(data, &r))
		require.True(t, r.Meta.Partial)
		require.Equal(t, 200, r.Meta.Requested)
		require.GreaterOrEqual(t, r.Meta.Completed, 2)
		require.Less(t, r.Meta.Completed, 200)
		require.Equal(t, r.Meta.Completed, r.Replications)
		require.Equal(t, r.Meta.Completed, r.Queues["q"].Offered.N, "figures over the finished replications")
		noTempFiles(t, dir, "report.json")
	})
}

// SIGTERM and SIGHUP (a batch scheduler's stop, a closed terminal) stop a
// run as Ctrl-C does: a complete report of the replications that finished,
// and 128 + the signal's number.
func TestStopSignals(t *testing.T) {
	bin := buildSpoa(t)
	file := writeFile(t, "long.yaml", long)
	for _, c := range []struct {
		sig  syscall.Signal
		code int
		says string
	}{{syscall.SIGTERM, 143, "spoa: stopped by SIGTERM;"}, {syscall.SIGHUP, 129, "spoa: stopped by SIGHUP;"}} {
		t.Run(c.sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "report.json")
			code, stderr, _ := interruptRun(t, bin, c.sig, "long: 2/200 replications",
				"-c", file, "--days", "30", "-r", "200", "--workers", "1", "-o", out)
			require.Equal(t, c.code, code, stderr)
			require.Contains(t, stderr, c.says)
			require.Contains(t, stderr, "wrote a partial report of the ")
			data, err := os.ReadFile(out)
			require.NoError(t, err)
			require.Contains(t, string(data), `"partial": true`)
			noTempFiles(t, dir, "report.json")
		})
	}
}

// A crash is never taken for bad input: SIGQUIT, like any fatal error of
// the Go runtime, ends spoa by SIGABRT rather than with the runtime's
// usual exit status 2.
func TestCrashIsNotBadInput(t *testing.T) {
	bin := buildSpoa(t)
	file := writeFile(t, "long.yaml", long)
	var stderr lockedBuffer
	cmd := exec.Command(bin, "run", "--progress", "-c", file)
	cmd.Stderr = &stderr
	cmd.Env = append(os.Environ(), "GOTRACEBACK=none")
	require.NoError(t, cmd.Start())
	for !strings.Contains(stderr.String(), "0/1 replications") {
		time.Sleep(5 * time.Millisecond)
	}
	require.NoError(t, cmd.Process.Signal(syscall.SIGQUIT))
	err := cmd.Wait()
	var ee *exec.ExitError
	require.ErrorAs(t, err, &ee)
	ws, ok := ee.Sys().(syscall.WaitStatus)
	require.True(t, ok)
	require.True(t, ws.Signaled(), "ended by a signal, not exit status %d", ws.ExitStatus())
	require.Equal(t, syscall.SIGABRT, ws.Signal())
}
