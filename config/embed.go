package config

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// Default is the scenario run when no file is given.
const Default = "blmk-hub-2021-staffed"

// Embedded scenarios ship inside the binary, so that `spoa run` works with
// no file and `spoa init` can write one out to edit.
//
//go:embed scenarios/*.yaml
var scenarios embed.FS

// Names lists the embedded scenarios, sorted.
func Names() []string {
	entries, err := fs.ReadDir(scenarios, "scenarios")
	if err != nil {
		panic("config: embedded scenarios missing: " + err.Error())
	}
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	slices.Sort(names)
	return names
}

// Source returns an embedded scenario's file as written, comments and all,
// for `spoa init`.
func Source(name string) ([]byte, error) {
	b, err := scenarios.ReadFile(path.Join("scenarios", name+".yaml"))
	if err != nil {
		return nil, fmt.Errorf("no embedded scenario named %q (known: %s)", name, strings.Join(Names(), ", "))
	}
	return b, nil
}
