package main

import (
	"bufio"
	"io"
	"os"
)

// writeStreamAtomic writes what fill writes to path as writeFileAtomic
// writes data: through a temporary file beside it, renamed into place once
// complete, so that a large output (a trace) need not be held in memory
// and is still never seen half-written. If fill fails, nothing is left.
func writeStreamAtomic(path string, fill func(io.Writer) error) error {
	return replaceAtomic(path, func(dir, pattern string, mode os.FileMode) (string, error) {
		return streamTemp(dir, pattern, mode, fill)
	})
}

// writeAll is a fill that writes data.
func writeAll(data []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}

// fillFile writes what fill writes to f, buffered, and sets its mode.
func fillFile(f *os.File, mode os.FileMode, fill func(io.Writer) error) error {
	bw := bufio.NewWriterSize(f, 1<<20)
	if err := fill(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return f.Chmod(mode)
}

// streamNamedTemp writes what fill writes to a new named temporary file
// in dir and returns its name; on failure it leaves nothing behind.
func streamNamedTemp(dir, pattern string, mode os.FileMode, fill func(io.Writer) error) (string, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return "", err
	}
	err = fillFile(f, mode, fill)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}
