//go:build !linux

package main

import "os"

// writeTemp writes data to a named temporary file in dir and returns its
// name.
func writeTemp(dir, pattern string, data []byte, mode os.FileMode) (string, error) {
	return writeNamedTemp(dir, pattern, data, mode)
}
