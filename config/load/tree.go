package load

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"spoa/config"
)

// A scenario is read into a tree of map[string]any, []any and values, which
// decode.go turns into a Scenario. Each format has its usual Go parser
// (yaml.go, json.go, toml.go), but the tree is built here, so that what the
// file says is read as written: a key is not lower-cased, a
// dot in a key does not nest, a number is not rounded through float64, a
// key given twice or a second document is a problem, not a silent choice.
// A problem with the document's keys or shape stops the reading: the
// scenario's meaning is checked only once its keys are sound.

// maxDepth is how deeply mappings and lists may nest, the top-level mapping
// counting 1. A scenario needs 5 (queues, a queue, its service_by, a
// distribution); deeper is refused before the parsers' recursion or any
// later walk of the tree sees it.
const maxDepth = 100

// maxAliased is how many values YAML aliases may repeat in all: an alias
// stands for everything its anchor names, so a few lines of aliases of
// aliases can stand for billions of values.
const maxAliased = 100_000

// reader builds one document's tree and collects the problems with it.
type reader struct {
	ctx      context.Context
	problems []config.Problem
	// msg prefixes every problem's message ("--set: " for a value).
	msg string
	// path is the place being read, one segment a level, written out only
	// when a problem names it.
	path []segment
	// values counts values read, to look at ctx every few thousand;
	// aliased those repeated by YAML aliases, and inAlias is above 0 while
	// an alias is expanded.
	values, aliased, inAlias int
	// stop is set when reading cannot go on: ctx is done, the document is
	// too deep, or aliases repeat too much. err is ctx's error.
	stop bool
	err  error
	// line turns a position the parser gives into a line of the file
	// (0 when unknown); it is called only to write a problem.
	line func(pos int64) int
}

// segment is a key in a mapping, or an index in a list.
type segment struct {
	key   string
	index int
	elem  bool
}

func newReader(ctx context.Context) *reader {
	return &reader{ctx: ctx, line: func(pos int64) int { return int(pos) }}
}

// where writes the current path as problems give it: queues[0].service.
func (r *reader) where() string { return r.prefix(len(r.path)) }

// prefix writes the first n segments of the current path, and "…" after
// them if there are more: a path a hundred deep says no more than its
// start does.
func (r *reader) prefix(n int) string {
	var b strings.Builder
	for i, s := range r.path {
		if i == n {
			b.WriteString(".…")
			break
		}
		switch {
		case s.elem:
			fmt.Fprintf(&b, "[%d]", s.index)
		case b.Len() > 0:
			b.WriteByte('.')
			b.WriteString(s.key)
		default:
			b.WriteString(s.key)
		}
	}
	return b.String()
}

func (r *reader) key(k string) { r.path = append(r.path, segment{key: k}) }
func (r *reader) elem(i int)   { r.path = append(r.path, segment{index: i, elem: true}) }
func (r *reader) up()          { r.path = r.path[:len(r.path)-1] }

// add records a problem at the current path.
func (r *reader) add(format string, args ...any) {
	r.problems = append(r.problems, config.Problem{Path: r.where(), Msg: r.msg + fmt.Sprintf(format, args...)})
}

// value counts one value read and reports whether reading goes on; every
// 4096 values it looks at ctx.
func (r *reader) value() bool {
	if r.stop {
		return false
	}
	r.values++
	if r.values&4095 == 0 {
		if err := r.ctx.Err(); err != nil {
			r.stop, r.err = true, err
			return false
		}
	}
	if r.inAlias > 0 {
		if r.aliased++; r.aliased > maxAliased {
			r.add("YAML aliases repeat more than %d values: an alias stands for everything its anchor names", maxAliased)
			r.stop = true
			return false
		}
	}
	return true
}

// nest reports whether a mapping or list at depth (the top-level mapping
// is 1) may be read; the first that may not is a problem, and reading
// stops. pos is where it starts in the file.
func (r *reader) nest(depth int, pos int64) bool {
	if depth <= maxDepth {
		return true
	}
	r.problems = append(r.problems, config.Problem{Path: r.prefix(3),
		Msg: fmt.Sprintf("%s%snested more than %d deep; a scenario needs about 6 levels", r.msg, lineOf(r.line(pos)), maxDepth)})
	r.stop = true
	return false
}

// lineOf is "line N: ", as a problem starts, or nothing for line 0
// (unknown).
func lineOf(line int) string { return lineNote("line %d: ", line) }

// keyAt is a key of a mapping and its position in the file.
type keyAt struct {
	name string
	pos  int64
}

// keys checks the keys of the mapping at the current path, in the order
// written. A key given twice is a problem (which one counts is a guess);
// so is a key not in lower case (mapstructure would match it to a field
// whatever its case, and with "days" and "DAYS" both given, to either);
// and so is a key with a dot in it, which --set paths would take for
// nesting.
func (r *reader) keys(ks []keyAt) {
	first := make(map[string]int, len(ks))
	lower := map[string]int{}
	for i, k := range ks {
		if _, seen := first[k.name]; !seen {
			first[k.name] = i
		}
		if l := strings.ToLower(k.name); l != k.name {
			if _, seen := lower[l]; !seen {
				lower[l] = i
			}
		}
	}
	for i, k := range ks {
		l := strings.ToLower(k.name)
		switch j := first[k.name]; {
		case j < i:
			r.key(k.name)
			r.add("%sgiven twice%s", lineOf(r.line(k.pos)), lineNote(" (first at line %d)", r.line(ks[j].pos)))
			r.up()
		case strings.Contains(k.name, "."):
			r.add("%skey %q contains a dot: write it as nested keys, %s", lineOf(r.line(k.pos)), k.name, nested(k.name))
		case l != k.name:
			also := ""
			if j, ok := first[l]; ok {
				also = fmt.Sprintf(", and %q is given too%s", l, lineNote(" (line %d)", r.line(ks[j].pos)))
			} else if j := lower[l]; j != i {
				also = fmt.Sprintf(", and so is %q%s", ks[j].name, lineNote(" (line %d)", r.line(ks[j].pos)))
			}
			r.key(k.name)
			r.add("%skeys are lower case: write %q%s", lineOf(r.line(k.pos)), l, also)
			r.up()
		}
	}
}

// lineNote is format with line in it, such as " (line 3)", or nothing
// for line 0 (unknown).
func lineNote(format string, line int) string {
	if line <= 0 {
		return ""
	}
	return fmt.Sprintf(format, line)
}

// nested writes "run.days" as the nesting it was probably meant for:
// "run: {days: …}".
func nested(k string) string {
	parts := strings.Split(k, ".")
	out := "…"
	for i := len(parts) - 1; i >= 0; i-- {
		out = parts[i] + ": " + out
		if i > 0 {
			out = "{" + out + "}"
		}
	}
	return out
}

// sortedKeys lists a map's keys in order, for parsers that give a map
// rather than the keys as written (TOML).
func sortedKeys(m map[string]any) []keyAt {
	out := make([]keyAt, 0, len(m))
	for k := range m {
		out = append(out, keyAt{name: k})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// readTree reads data in format into a tree. It returns the problems with
// the document (its syntax, keys or shape), or ctx's error if ctx was done
// first.
func readTree(ctx context.Context, data []byte, format string) (map[string]any, []config.Problem, error) {
	r := newReader(ctx)
	var tree map[string]any
	switch strings.ToLower(format) {
	case "yaml", "yml":
		tree = r.yamlDocument(data)
	case "json":
		tree = r.jsonDocument(data)
	case "toml":
		tree = r.tomlDocument(data)
	case "":
		return nil, []config.Problem{{Msg: "no file type: name the file .yaml, .yml, .json or .toml"}}, nil
	default:
		return nil, []config.Problem{{Msg: fmt.Sprintf("unknown file type %q: use .yaml, .yml, .json or .toml", format)}}, nil
	}
	if r.err != nil {
		return nil, nil, r.err
	}
	if len(r.problems) > 0 {
		return nil, r.problems, nil
	}
	return tree, nil, nil
}

// parseError records a parser's error, or notes that ctx stopped it.
func (r *reader) parseError(format string, err error) {
	if ctxErr := r.ctx.Err(); ctxErr != nil {
		r.stop, r.err = true, ctxErr
		return
	}
	r.add("cannot read %s: %s", format, oneLine(err.Error()))
}

// oneLine folds a parser's message onto one line, so that it stays one
// problem a line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
