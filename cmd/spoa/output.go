package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// output is where a command writes: standard output, or a regular file,
// resolved and checked before any work is done, so that a run is never
// thrown away for want of a place to put its report, and nothing but a
// regular file is ever replaced.
type output struct {
	// path is the file written, symlinks resolved; "" for standard output.
	path string
	// given is the path as the command line gave it, for messages.
	given string
}

func (o output) stdout() bool { return o.path == "" }

// resolveOutput checks the -o path: "" or "-" is standard output; anything
// else must be, or become, a regular file in a directory spoa can write
// in, and not one of the scenario files the command reads (inputs).
func resolveOutput(given string, inputs ...string) (output, error) {
	return resolveOutputFlag("-o", given, inputs...)
}

// resolveOutputFlag is resolveOutput for the file a flag other than -o
// names, which its messages name.
func resolveOutputFlag(flag, given string, inputs ...string) (output, error) {
	if given == "" || given == "-" {
		return output{}, nil
	}
	bad := func(format string, args ...any) (output, error) {
		return output{}, badInput{fmt.Errorf("%s %s: "+format, append([]any{flag, given}, args...)...)}
	}
	path := given
	if st, err := os.Lstat(given); err == nil && st.Mode()&os.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(given)
		if err != nil {
			return bad("a symbolic link to nothing that can be written (%v)", unwrapPath(err))
		}
		path = target
	}
	st, err := os.Stat(path)
	switch {
	case err == nil && !st.Mode().IsRegular():
		return bad("not a regular file (a directory, device, pipe or socket), which spoa never replaces; name a file, or leave out -o for standard output")
	case err == nil:
		for _, in := range inputs {
			if ist, ierr := os.Stat(in); ierr == nil && os.SameFile(st, ist) {
				return bad("this is the scenario file %s; writing there would replace it", in)
			}
		}
	case !errors.Is(err, os.ErrNotExist):
		return bad("%v", unwrapPath(err))
	}
	// The report goes to a temporary file beside the target that is then
	// renamed over it: try that now, before the run.
	dir := filepath.Dir(path)
	if dst, err := os.Stat(dir); err != nil || !dst.IsDir() {
		return bad("no directory %s to write it in", dir)
	}
	probe, err := os.CreateTemp(dir, tempPattern(path))
	if err != nil {
		return bad("cannot write in %s (%v)", dir, unwrapPath(err))
	}
	probe.Close()
	os.Remove(probe.Name())
	return output{path: path, given: given}, nil
}

// unwrapPath drops the operation and path from an *os.PathError, which
// the message already names.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// emit writes v in format f: rendered in memory, then to stdout, or to the
// output file through writeFileAtomic, so that an interrupted or failed
// write never leaves a half-written file.
func emit[V any](stdout io.Writer, out output, f format[V], v V) error {
	var buf bytes.Buffer
	if err := f.write(&buf, v); err != nil {
		return err
	}
	if out.stdout() {
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	return writeFileAtomic(out.path, buf.Bytes())
}

// writeFileAtomic writes data to a temporary file beside path and renames
// it into place. The file gets the mode of the one it replaces, or 0644
// (less the umask, as os.WriteFile would give), not CreateTemp's 0600.
func writeFileAtomic(path string, data []byte) error {
	return replaceAtomic(path, func(dir, pattern string, mode os.FileMode) (string, error) {
		return writeTemp(dir, pattern, data, mode)
	})
}

// replaceAtomic has write make a complete temporary file beside path (in
// dir, named by pattern, with mode: the mode of the file it replaces, or
// 0644 less the umask) and renames it over path.
func replaceAtomic(path string, write func(dir, pattern string, mode os.FileMode) (string, error)) error {
	mode := os.FileMode(0o644) &^ umask()
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	name, err := write(filepath.Dir(path), tempPattern(path), mode)
	if err != nil {
		return err
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return err
	}
	return nil
}

// tempPattern names the temporary file a report to path is written
// through, as os.CreateTemp takes a pattern: hidden, beside it.
func tempPattern(path string) string { return "." + filepath.Base(path) + ".*.tmp" }
