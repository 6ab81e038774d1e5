package main

import (
	"strings"

	"github.com/spf13/cobra"

	"spoa/config"
	"spoa/results"
)

// scenarioUsage is the help of -c, which every command that reads one
// scenario shares.
const scenarioUsage = "scenario file (YAML, JSON or TOML) or embedded scenario name (see spoa scenarios); default: the embedded " + config.Default

// addScenarioFlag defines -c, completing embedded scenario names and then
// files.
func addScenarioFlag(cmd *cobra.Command, file *string) {
	cmd.Flags().StringVarP(file, "config", "c", "", scenarioUsage)
	_ = cmd.RegisterFlagCompletionFunc("config", completeScenarios)
}

// completeScenarios offers the embedded scenarios whose names start with
// what has been typed; where none does, the shell completes file names.
func completeScenarios(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	var out []cobra.Completion
	for _, n := range config.Names() {
		if strings.HasPrefix(n, toComplete) {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return nil, cobra.ShellCompDirectiveDefault
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeFormats offers a command's formats for -f.
func completeFormats[V any](formats []format[V]) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return names(formats), cobra.ShellCompDirectiveNoFileComp
	}
}

// completeSections offers a comparison's sections for --sections, after
// any already given ("streams,dest" completes to "streams,destinations").
func completeSections(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	done, last := "", toComplete
	if i := strings.LastIndex(toComplete, ","); i >= 0 {
		done, last = toComplete[:i+1], toComplete[i+1:]
	}
	var out []cobra.Completion
	for _, s := range results.CompareSections {
		if strings.HasPrefix(s, last) && !strings.Contains(","+done, ","+s+",") {
			out = append(out, done+s)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
}
