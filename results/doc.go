// Package results turns the replications of a run into a Report — every
// figure a mean with its standard deviation and 95% confidence interval over
// replications — and writes it as a table, JSON or CSV.
//
// Writers take an io.Writer and never touch files; the command line writes
// to a temporary file and renames it, so no half-written report is left.
package results
