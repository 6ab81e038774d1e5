//go:build !linux

package main

import (
	"io"
	"os"
)

// writeTemp writes data to a named temporary file in dir and returns its
// name.
func writeTemp(dir, pattern string, data []byte, mode os.FileMode) (string, error) {
	return streamNamedTemp(dir, pattern, mode, writeAll(data))
}

// streamTemp writes what fill writes to a named temporary file in dir and
// returns its name.
func streamTemp(dir, pattern string, mode os.FileMode, fill func(io.Writer) error) (string, error) {
	return streamNamedTemp(dir, pattern, mode, fill)
}
