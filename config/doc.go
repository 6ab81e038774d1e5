// Package config is the scenario: plain data with the names a file uses
// (scenario.go), the typed values a file's text is decoded into, and the
// checks that say what is wrong with one, every problem with its path in
// the file (validate*.go).
//
// Package load reads files into a Scenario; there, decode
// turns the tree of maps and lists it reads into a Scenario strictly, and
// Set applies a --set override to that tree. Scenarios built in memory
// (tests, a staffing search) are checked by Validate the same way.
// sim.Compile turns a valid Scenario into indices.
//
// The embedded scenarios (scenarios/*.yaml) live here as bytes; load reads
// them.
package config
