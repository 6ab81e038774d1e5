package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"spoa/config"
	"spoa/config/load"
	"spoa/results"
	"spoa/sim"
)

func newValidateCmd(std *IO) *cobra.Command {
	var file string
	var sets []string
	cmd := &cobra.Command{
		Use:   "validate [-c FILE]",
		Short: "Check a scenario and list every problem, with its path in the file",
		Args:  badArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, source, err := loadScenario(file, sets)
			if err != nil {
				return err
			}
			m, err := sim.Compile(s)
			if err != nil {
				return badInput{fmt.Errorf("%s: %w", source, err)}
			}
			wte := 0.0
			for i := range m.Pools {
				wte += m.Pools[i].WTE()
			}
			fmt.Fprintf(std.Out, "%s: scenario %s is valid: %d streams (%.0f contacts a day), %d queues, %d pools (%.1f WTE), %d destinations\n",
				source, s.Name, len(m.Streams), perDay(m), len(m.Queues), len(m.Pools), wte, len(m.Dests))
			return nil
		},
	}
	cmd.Flags().StringVarP(&file, "config", "c", "", "scenario file; default: the embedded "+config.Default)
	cmd.Flags().StringArrayVar(&sets, "set", nil, "override a scenario key: path=value (repeatable)")
	return cmd
}

func perDay(m *sim.Model) float64 {
	t := 0.0
	for _, s := range m.Streams {
		t += s.PerDay
	}
	return t
}

func newScenariosCmd(std *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "scenarios",
		Short: "List the embedded scenarios",
		Args:  badArgs(cobra.NoArgs),
		RunE: func(*cobra.Command, []string) error {
			for _, n := range config.Names() {
				mark := " "
				if n == config.Default {
					mark = "*"
				}
				desc, err := load.Describe(n)
				if err != nil {
					return err
				}
				fmt.Fprintf(std.Out, "%s %-20s %s\n", mark, n, desc)
			}
			fmt.Fprintln(std.Out, "\n* runs when no scenario file is given; `spoa init NAME` writes one out to edit")
			return nil
		},
	}
}

func newInitCmd(std *IO) *cobra.Command {
	var output string
	var force bool
	cmd := &cobra.Command{
		Use:   "init NAME",
		Short: "Write an embedded scenario out as a file to edit",
		Args:  badArgs(cobra.ExactArgs(1)),
		RunE: func(_ *cobra.Command, args []string) error {
			data, err := config.Source(args[0])
			if err != nil {
				return badInput{fmt.Errorf("%w (see `spoa scenarios`)", err)}
			}
			if output == "" {
				output = args[0] + ".yaml"
			}
			if output == "-" {
				_, err := std.Out.Write(data)
				return err
			}
			if _, err := os.Stat(output); err == nil && !force {
				return badInput{fmt.Errorf("%s exists; use --force to overwrite it", output)}
			}
			if err := writeFileAtomic(output, data); err != nil {
				return err
			}
			fmt.Fprintf(std.Err, "wrote %s\n", output)
			return nil
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "file to write (default NAME.yaml; - for standard output)")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing file")
	return cmd
}

func newVersionCmd(std *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print spoa's version",
		Args:  badArgs(cobra.NoArgs),
		Run:   func(*cobra.Command, []string) { fmt.Fprintln(std.Out, "spoa", results.Version) },
	}
}
