// Package results turns the replications of a run into a Report — every
// figure a mean with its standard deviation and 95% confidence interval over
// replications — and writes it as a table, JSON or CSV (results/html writes
// it as a web page). It also sets scenarios side by side (Compare), and runs
// a scenario or a comparison from loaded scenarios in one call
// (Simulate, CompareScenarios).
//
// Each section of a report (queues, pools, streams, channels,
// destinations) is a table of measures (measures.go): a measure's name,
// label, unit and computation are written there once, and the report,
// every writer and comparisons read them from there.
//
// Writers take an io.Writer and never touch files; the command line writes
// to a temporary file and renames it, so no half-written report is left.
package results
