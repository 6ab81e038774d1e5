// Package html writes a report as one self-contained HTML page, with
// charts drawn by gonum/plot as inline SVG. It is a package of its own so
// that a program that only needs the figures (the results package) does
// not carry the plotting library.
package html
