package main

import (
	"fmt"
	"io"
	"os"
)

// progressLine shows on stderr each scenario's replications done, on one
// line rewritten in place, when stderr is a terminal or force is set;
// otherwise it is nil, and nothing is shown.
func progressLine(std *IO, force bool) func(scenario string, done, total int) {
	if !std.Terminal && !force {
		return nil
	}
	return func(scenario string, done, total int) {
		fmt.Fprintf(std.Err, "\r%s: %d/%d replications", scenario, done, total)
		if done == total {
			fmt.Fprintln(std.Err)
		}
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
