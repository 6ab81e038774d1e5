package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// stopSignals stop a run as Ctrl-C does: the replications that finished
// still make a report (with -o), and spoa exits with 128 + the signal's
// number. A second signal ends spoa at once, as if it had not caught them.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

// stopSays is what spoa says of each of stopSignals.
var stopSays = map[os.Signal]string{os.Interrupt: "interrupted", syscall.SIGTERM: "stopped by SIGTERM", syscall.SIGHUP: "stopped by SIGHUP"}

// stopped is the cause of a context cancelled by a signal.
type stopped struct{ sig os.Signal }

func (s stopped) Error() string { return "stopped by " + s.sig.String() }

// stopOnSignals returns a context cancelled, with the signal as its cause,
// by the first of stopSignals; stop releases the signals.
func stopOnSignals() (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, stopSignals...)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-ch:
			signal.Stop(ch) // the next one takes its default course
			cancel(stopped{s})
		case <-done:
		}
	}()
	return ctx, func() {
		close(done)
		signal.Stop(ch)
		cancel(nil)
	}
}

// stoppedBy says what stopped a cancelled command and the exit code that
// goes with it: 128 + the signal's number, or exitInterrupt when the
// context was cancelled otherwise (a test, or a caller of mainRun).
func stoppedBy(ctx context.Context) (string, int) {
	if s, ok := context.Cause(ctx).(stopped); ok {
		if n, ok := s.sig.(syscall.Signal); ok {
			return stopSays[s.sig], 128 + int(n)
		}
	}
	return "interrupted", exitInterrupt
}
