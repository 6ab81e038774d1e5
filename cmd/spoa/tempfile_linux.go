package main

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// writeTemp writes data to a temporary file in dir and returns its name.
// On Linux the file is written with no name at all (O_TMPFILE) and is
// given one only once it is complete, just before it is renamed over the
// report: a process killed while writing leaves nothing behind, where a
// named temporary file would stay. Where the file system cannot make
// unnamed files, it falls back to a named one.
func writeTemp(dir, pattern string, data []byte, mode os.FileMode) (string, error) {
	if name, err := writeUnnamed(dir, pattern, data, mode); err == nil {
		return name, nil
	}
	return streamNamedTemp(dir, pattern, mode, writeAll(data))
}

func writeUnnamed(dir, pattern string, data []byte, mode os.FileMode) (string, error) {
	f, err := openUnnamed(dir, mode)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if err := fillFile(f, mode, writeAll(data)); err != nil {
		return "", err
	}
	return linkUnnamed(f, dir, pattern)
}

// openUnnamed opens a new file in dir that has no name.
func openUnnamed(dir string, mode os.FileMode) (*os.File, error) {
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_WRONLY|unix.O_CLOEXEC, uint32(mode.Perm()))
	if err != nil {
		return nil, err
	}
	return os.NewFile(uintptr(fd), dir), nil
}

// linkUnnamed gives the unnamed file f a name in dir made from pattern
// (its * replaced by a random string), through /proc, which needs no
// privilege.
func linkUnnamed(f *os.File, dir, pattern string) (string, error) {
	src := "/proc/self/fd/" + strconv.Itoa(int(f.Fd()))
	for range 100 {
		name := filepath.Join(dir, strings.Replace(pattern, "*", strconv.FormatUint(rand.Uint64(), 36), 1))
		err := unix.Linkat(unix.AT_FDCWD, src, unix.AT_FDCWD, name, unix.AT_SYMLINK_FOLLOW)
		if !errors.Is(err, unix.EEXIST) {
			return name, err
		}
	}
	return "", errors.New("no free name for a temporary file in " + dir)
}
