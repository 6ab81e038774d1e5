package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
)

// emit writes v in format f: rendered in memory, then to stdout, or to
// output through a temporary file renamed into place, so that an
// interrupted or failed write never leaves a half-written file.
func emit[V any](stdout io.Writer, output string, f format[V], v V) error {
	var buf bytes.Buffer
	if err := f.write(&buf, v); err != nil {
		return err
	}
	if output == "" {
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	return writeFileAtomic(output, buf.Bytes())
}

// writeFileAtomic writes data to a temporary file beside path and renames
// it into place. The file gets the mode of the one it replaces, or 0644
// (less the umask, as os.WriteFile would give), not CreateTemp's 0600.
func writeFileAtomic(path string, data []byte) error {
	mode := os.FileMode(0o644) &^ umask()
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
