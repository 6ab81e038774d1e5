package load

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// MaxFileSize is the largest scenario file read, in bytes. The largest
// embedded scenario is 20 KB; 4 MiB is two hundred times that, and bounds
// what a file can cost to read, parse and check (a second or so at most).
const MaxFileSize = 4 << 20

// readFile reads a scenario file, refusing anything but a regular file
// (after following symbolic links): a device such as /dev/zero never ends,
// and a named pipe blocks until something writes to it. A regular file is
// read through a limit of MaxFileSize, and reading stops when ctx is done.
func readFile(ctx context.Context, path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := regular(info); err != nil {
		return nil, err
	}
	// O_NONBLOCK: should the file be replaced by a pipe after the check
	// above, opening it does not wait for a writer; the check below then
	// refuses it.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := regular(info); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(ctxReader{ctx, f}, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, errTooLarge
	}
	return data, nil
}

var errTooLarge = fmt.Errorf("it is larger than the limit of %d MiB for a scenario file", MaxFileSize>>20)

// regular refuses what is not a regular file, saying what it is.
func regular(info fs.FileInfo) error {
	m := info.Mode()
	var what string
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		what = "a directory"
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeDevice != 0:
		what = "a device"
	default:
		what = "a special file"
	}
	return fmt.Errorf("it is %s; a scenario is read only from a regular file", what)
}

// ctxReader stops reading once ctx is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// fileProblem is a problem with the file as a whole, as a *config.Problems
// naming it, so that a caller treats it as any bad input; an interrupted
// read is passed on as ctx's error.
func fileProblem(ctx context.Context, path string, err error) error {
	if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		return err
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return problem(path, "cannot read the file: "+err.Error())
}
