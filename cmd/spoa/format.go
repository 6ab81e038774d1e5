package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"spoa/results"
	"spoa/results/html"
	"spoa/results/xlsx"
)

// format is one way a command can write what it made (V: a report or a
// comparison).
type format[V any] struct {
	name string
	// exts are the file extensions that name the format, without the dot:
	// "-o report.htm" is html.
	exts  []string
	write func(io.Writer, V) error
	// binary: not text (a workbook), so never written to standard output
	// unless -o - asks for it.
	binary bool
}

// The formats every command shares; each command lists those it writes.
const (
	tableFormat = "table"
	xlsxFormat  = "xlsx"
)

func tableOf[V any](write func(io.Writer, V) error) format[V] {
	return format[V]{name: tableFormat, exts: []string{"txt", "text"}, write: write}
}
func jsonOf[V any](write func(io.Writer, V) error) format[V] {
	return format[V]{name: "json", exts: []string{"json"}, write: write}
}
func csvOf[V any](write func(io.Writer, V) error) format[V] {
	return format[V]{name: "csv", exts: []string{"csv"}, write: write}
}
func htmlOf[V any](write func(io.Writer, V) error) format[V] {
	return format[V]{name: "html", exts: []string{"html", "htm"}, write: write}
}
func xlsxOf[V any](write func(io.Writer, V) error) format[V] {
	return format[V]{name: xlsxFormat, exts: []string{"xlsx"}, write: write, binary: true}
}

// reportFormats are what `spoa run` writes, in the order its help lists.
var reportFormats = []format[*results.Report]{
	tableOf(results.WriteTable), jsonOf(results.WriteJSON), csvOf(results.WriteCSV), htmlOf(html.Write), xlsxOf(sheets(results.ReportSheets)),
}

// comparisonFormats are what `spoa compare` writes.
var comparisonFormats = []format[*results.Comparison]{
	tableOf(results.WriteCompareTable), jsonOf(results.WriteCompareJSON), csvOf(results.WriteCompareCSV), htmlOf(html.WriteCompare), xlsxOf(sheets(results.CompareSheets)),
}

// pickFormat picks the format named by -f (given), else by the extension
// of the file the output flag (flag: "-o", "--report") names, else a
// table. An extension that names none of the command's formats is bad
// input, found before anything runs: writing a table into report.md or
// report.xlsx would look like success.
func pickFormat[V any](formats []format[V], given, flag, output string) (format[V], error) {
	if given != "" {
		i := slices.IndexFunc(formats, func(f format[V]) bool { return f.name == given })
		if i < 0 {
			return format[V]{}, badInput{fmt.Errorf("--format %q: choose %s", given, strings.Join(names(formats), ", "))}
		}
		if formats[i].binary && output == "" {
			return format[V]{}, badInput{fmt.Errorf("--format %s: a workbook is not text; name a file with %s FILE (or %s - to send it down a pipe)", given, flag, flag)}
		}
		return formats[i], nil
	}
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(output)), ".")
	if output == "" || output == "-" || ext == "" {
		return formats[0], nil
	}
	for _, f := range formats {
		if slices.Contains(f.exts, ext) {
			return f, nil
		}
	}
	return format[V]{}, badInput{fmt.Errorf("%s %s: spoa cannot tell a format from .%s; name the file %s, or give -f (%s)",
		flag, output, ext, extList(formats), strings.Join(names(formats), ", "))}
}

// sheets writes what toSheets turns into sheets as an Excel workbook.
func sheets[V any](toSheets func(V) []results.Sheet) func(io.Writer, V) error {
	return func(w io.Writer, v V) error { return xlsx.Write(w, toSheets(v)) }
}

func names[V any](formats []format[V]) []string {
	out := make([]string, len(formats))
	for i, f := range formats {
		out[i] = f.name
	}
	return out
}

// extList writes the extensions that name the formats: ".txt, .json or .csv".
func extList[V any](formats []format[V]) string {
	var exts []string
	for _, f := range formats {
		exts = append(exts, "."+f.exts[0])
	}
	return strings.Join(exts[:len(exts)-1], ", ") + " or " + exts[len(exts)-1]
}

// orList writes the formats' names for help: "table, json or csv".
func orList[V any](formats []format[V]) string {
	n := names(formats)
	return strings.Join(n[:len(n)-1], ", ") + " or " + n[len(n)-1]
}
