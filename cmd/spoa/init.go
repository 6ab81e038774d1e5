package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"spoa/config"
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
		Args:  badArgs(cobra.ExactArgs(1)),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Name = args[0]
			return runInit(std, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "file to write (default NAME.yaml; - for standard output)")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite an existing file")
	return cmd
}

// runInit writes the embedded scenario's file as it is, comments and all,
// refusing to overwrite a file unless forced.
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
