package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"spoa/config"
	"spoa/config/load"
)

// InitOptions are the flags and argument of `spoa init`.
type InitOptions struct {
	Name   string
	Output string
	Force  bool
}

func newInitCmd(std *IO) *cobra.Command {
	opts := &InitOptions{}
	cmd := &cobra.Command{
		Use:   "init NAME",
		Short: "Write an embedded scenario out as a file to edit",
		Long: `Write an embedded scenario out as a file to edit: as YAML, comments and all
(NAME.yaml, or -o FILE.yaml or .yml), or as JSON (-o FILE.json), which reads
back into the same scenario.`,
		Example: `  spoa init blmk-hub-equal
  spoa init blmk-hub-equal -o hub.yaml
  spoa init mmc -o mmc.json
  spoa init mmc -o -`,
		Args:              badArgs(cobra.ExactArgs(1)),
		ValidArgsFunction: completeScenarios,
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Name = args[0]
			return runInit(std, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "file to write (default NAME.yaml; - for standard output)")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite an existing file")
	return cmd
}

// runInit writes the embedded scenario in the format the file's extension
// names: YAML as the embedded file is, comments and all; JSON encoded from
// the scenario read. It refuses to overwrite a file unless forced.
func runInit(std *IO, opts *InitOptions) error {
	data, err := config.Source(opts.Name)
	if err != nil {
		return badInput{fmt.Errorf("%w (see `spoa scenarios`)", err)}
	}
	name := opts.Output
	if name == "" {
		name = opts.Name + ".yaml"
	}
	// Lstat, so that a symbolic link counts as there even when what it
	// points to is not.
	if _, err := os.Lstat(name); err == nil && !opts.Force && name != "-" {
		return badInput{fmt.Errorf("%s exists; use --force to overwrite it", name)}
	}
	out, err := resolveOutput(name)
	if err != nil {
		return err
	}
	switch ext := strings.ToLower(filepath.Ext(name)); {
	case name == "-", ext == ".yaml", ext == ".yml":
	case ext == ".json":
		s, err := load.Embedded(opts.Name, nil)
		if err != nil {
			return err
		}
		if data, err = load.Encode(s, "json", ""); err != nil {
			return err
		}
	default:
		// TOML is read but not written: load.Encode, which writes a
		// scenario that reads back the same, writes YAML and JSON only.
		return badInput{fmt.Errorf("-o %s: spoa init writes YAML (.yaml, .yml) or JSON (.json); name the file so", name)}
	}
	if out.stdout() {
		_, err := std.Out.Write(data)
		return err
	}
	if err := writeFileAtomic(out.path, data); err != nil {
		return err
	}
	fmt.Fprintf(std.Err, "wrote %s\n", name)
	return nil
}
