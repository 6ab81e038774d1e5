package config

import (
	"fmt"
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

// MaxShown is how many problems Error lists. A file can hold thousands of
// one mistake (5000 streams entering unknown queues printed 270 MB); the
// first fifty show what to fix, and a last line says how many more there
// are.
const MaxShown = 50

// Error prints one problem a line, as "FILE: PATH: MESSAGE", at most
// MaxShown of them, then "FILE: … and N more problems".
func (ps *Problems) Error() string {
	var b strings.Builder
	lines := 0
	line := func(s string) {
		if lines++; lines > 1 {
			b.WriteByte('\n')
		}
		if ps.Source != "" {
			b.WriteString(oneLine(ps.Source))
			b.WriteString(": ")
		}
		b.WriteString(oneLine(s))
	}
	for i, p := range ps.List {
		if i == MaxShown {
			line(fmt.Sprintf("… and %d more problems", len(ps.List)-MaxShown))
			break
		}
		line(p.String())
	}
	return b.String()
}

// someNames lists names a reference could have used, so that a typo is
// easy to spot: the first few, and how many more there are, so that a
// message stays short however many names there are.
func someNames(names []string) string {
	const shown = 5
	if len(names) <= shown {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:shown], ", "), len(names)-shown)
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
