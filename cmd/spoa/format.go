package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"spoa/results"
	"spoa/results/html"
)

// format is one way a command can write what it made (V: a report or a
// comparison).
type format[V any] struct {
	name  string
	write func(io.Writer, V) error
}

// reportFormats are what `spoa run` writes, in the order its help lists.
var reportFormats = []format[*results.Report]{
	{"table", results.WriteTable}, {"json", results.WriteJSON}, {"csv", results.WriteCSV}, {"html", html.Write},
}

// comparisonFormats are what `spoa compare` writes.
var comparisonFormats = []format[*results.Comparison]{
	{"table", results.WriteCompareTable}, {"json", results.WriteCompareJSON}, {"csv", results.WriteCompareCSV},
}

// pickFormat picks the format named by -f, else by the output file's
// extension, else a table.
func pickFormat[V any](formats []format[V], flag, output string) (format[V], error) {
	name := flag
	if name == "" {
		name = "table"
		ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(output)), ".")
		if ext == "htm" {
			ext = "html"
		}
		if slices.Contains(names(formats), ext) {
			name = ext
		}
	}
	i := slices.Index(names(formats), name)
	if i < 0 {
		return format[V]{}, badInput{fmt.Errorf("--format %q: choose %s", name, strings.Join(names(formats), ", "))}
	}
	return formats[i], nil
}

func names[V any](formats []format[V]) []string {
	out := make([]string, len(formats))
	for i, f := range formats {
		out[i] = f.name
	}
	return out
}

// orList writes the formats' names for help: "table, json or csv".
func orList[V any](formats []format[V]) string {
	n := names(formats)
	return strings.Join(n[:len(n)-1], ", ") + " or " + n[len(n)-1]
}
