//go:build unix

package main

import (
	"os"
	"syscall"
)

// umask reads the process's file-creation mask (setting it back at once).
func umask() os.FileMode {
	m := syscall.Umask(0)
	syscall.Umask(m)
	return os.FileMode(m)
}
