package main

import (
	"errors"
	"io"
	"os"
)

// errFill marks an error of the writer, not of the file system, which a
// named temporary file would not cure.
type errFill struct{ error }

func (e errFill) Unwrap() error { return e.error }

// streamTemp writes what fill writes to a temporary file in dir with no
// name until it is complete, as writeTemp does, and returns its name; it
// falls back to a named one where the file system cannot make unnamed
// files.
func streamTemp(dir, pattern string, mode os.FileMode, fill func(io.Writer) error) (string, error) {
	f, err := openUnnamed(dir, mode)
	if err != nil {
		return streamNamedTemp(dir, pattern, mode, fill)
	}
	defer f.Close()
	if err := fillFile(f, mode, func(w io.Writer) error {
		if err := fill(w); err != nil {
			return errFill{err}
		}
		return nil
	}); err != nil {
		var ef errFill
		if errors.As(err, &ef) {
			return "", ef.error
		}
		return "", err
	}
	return linkUnnamed(f, dir, pattern)
}
