package config

import (
	"strconv"
	"strings"
	"unicode"
)

// Problem is one thing wrong with a scenario, at a path into the file
// ("queues[1].routes") so that a planner can find it without a debugger.
// Path is empty when the problem is with the file as a whole.
type Problem struct {
	Path string
	Msg  string
}

func (p Problem) String() string {
	if p.Path == "" {
		return p.Msg
	}
	return p.Path + ": " + p.Msg
}

// Problems is every problem found in one scenario. Listing them all, rather
// than stopping at the first, lets a planner fix a file in one pass.
type Problems struct {
	// Source names the file (or embedded scenario) the problems are in;
	// empty when the scenario was built in memory.
	Source string
	List   []Problem
}

// Error prints one problem a line, as "FILE: PATH: MESSAGE".
func (ps *Problems) Error() string {
	var b strings.Builder
	for i, p := range ps.List {
		if i > 0 {
			b.WriteByte('\n')
		}
		if ps.Source != "" {
			b.WriteString(oneLine(ps.Source))
			b.WriteString(": ")
		}
		b.WriteString(oneLine(p.String()))
	}
	return b.String()
}

// asError returns nil when there is no problem: a nil *Problems inside an
// error interface would not compare equal to nil.
func asError(source string, list []Problem) error {
	if len(list) == 0 {
		return nil
	}
	return &Problems{Source: source, List: list}
}

// oneLine writes control characters (a newline or tab in a key of the
// file, say) as Go escapes, so that each problem stays on its one line and
// every line starts with the file's name. Found by fuzzing.
func oneLine(s string) string {
	if strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
