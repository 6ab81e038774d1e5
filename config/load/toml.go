package load

import (
	"errors"

	"github.com/pelletier/go-toml/v2"
)

// tomlDocument reads a TOML file. go-toml's parser recurses into nested
// arrays and tables (a million nested arrays overflowed the stack), so the
// text's depth is measured first (tomlDepth), and go-toml sees only a
// document no deeper than maxDepth. Its tree is then walked for the keys
// it cannot refuse itself: keys not in lower case, and quoted keys with a
// dot in them. (go-toml refuses a key given twice.)
func (r *reader) tomlDocument(data []byte) map[string]any {
	r.line = func(int64) int { return 0 }
	if line, deep := tomlDepth(data, maxDepth); deep {
		r.add("line %d: nested more than %d deep; a scenario needs about 6 levels", line, maxDepth)
		return nil
	}
	tree := map[string]any{}
	if err := toml.Unmarshal(data, &tree); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) && r.ctx.Err() == nil {
			row, _ := de.Position()
			r.add("cannot read TOML: line %d: %s", row, oneLine(de.Error()))
			return nil
		}
		r.parseError("TOML", err)
		return nil
	}
	if err := r.ctx.Err(); err != nil {
		r.stop, r.err = true, err
		return nil
	}
	r.tomlValue(tree, 1)
	return tree
}

// tomlValue walks what go-toml read, checking keys and depth.
func (r *reader) tomlValue(v any, depth int) {
	if !r.value() {
		return
	}
	switch t := v.(type) {
	case map[string]any:
		if !r.nest(depth, 0) {
			return
		}
		ks := sortedKeys(t)
		for _, k := range ks {
			r.key(k.name)
			r.tomlValue(t[k.name], depth+1)
			r.up()
		}
		r.keys(ks)
	case []any:
		if !r.nest(depth, 0) {
			return
		}
		for i, e := range t {
			r.elem(i)
			r.tomlValue(e, depth+1)
			r.up()
		}
	}
}

// tomlDepth measures how deeply TOML text nests without parsing it, and
// reports the first line where it goes deeper than limit. It counts, outside
// strings and comments, open brackets and braces, the dots of keys, and
// the names in a table header twice each (any of them may be an array of
// tables: a list, and a table in it), so that it never counts less than the
// depth of the tree go-toml builds.
func tomlDepth(data []byte, limit int) (line int, deep bool) {
	var (
		open []byte // brackets and braces open, innermost last
		// dots[0] counts the dots of the key being read at the top of a
		// table, dots[i] those in the i-th open bracket or brace; all is
		// their sum.
		dots   = []int{0}
		all    = 0
		header = 1 // depth of the current table
		atKey  = true
		n      = len(data)
	)
	line = 1
	depth := func() int { return header + len(open) + all }
	if depth() > limit {
		return line, true
	}
	for i := 0; i < n; i++ {
		c := data[i]
		switch {
		case c == '\n':
			line++
			if len(open) == 0 {
				atKey, all, dots[0] = true, all-dots[0], 0
			}
		case c == '#':
			for i+1 < n && data[i+1] != '\n' {
				i++
			}
		case c == '"' || c == '\'':
			i, line = skipString(data, i, line)
		case c == '[' && atKey && len(open) == 0: // a table header
			names := 1
			for i++; i < n && data[i] != ']' && data[i] != '\n'; i++ {
				switch data[i] {
				case '.':
					names++
				case '"', '\'':
					i, line = skipString(data, i, line)
				}
			}
			for i+1 < n && data[i+1] == ']' {
				i++
			}
			header, atKey, all, dots[0] = 1+2*names, false, all-dots[0], 0
			if header > limit {
				return line, true
			}
		case c == '[' || c == '{':
			open = append(open, c)
			dots = append(dots, 0)
			atKey = c == '{'
			if depth() > limit {
				return line, true
			}
		case c == ']' || c == '}':
			if len(open) > 0 {
				all -= dots[len(dots)-1]
				open, dots = open[:len(open)-1], dots[:len(dots)-1]
			}
			atKey = false
		case c == ',' && len(open) > 0 && open[len(open)-1] == '{':
			all -= dots[len(dots)-1]
			atKey, dots[len(dots)-1] = true, 0
		case c == '=' && atKey:
			atKey = false
		case c == '.' && atKey:
			dots[len(dots)-1]++
			all++
			if depth() > limit {
				return line, true
			}
		}
	}
	return 0, false
}

// skipString steps over the string that starts at data[i] (basic "…" or
// literal '…', or multi-line, tripled) and returns the index of its last
// byte and the line it ends on. An unterminated string ends at the line's
// end, or the text's; the parser reports it.
func skipString(data []byte, i, line int) (int, int) {
	q, n := data[i], len(data)
	if i+2 < n && data[i+1] == q && data[i+2] == q { // multi-line
		for i += 3; i < n; i++ {
			switch {
			case data[i] == '\n':
				line++
			case data[i] == '\\' && q == '"':
				if i+1 < n && data[i+1] == '\n' {
					line++
				}
				i++
			case data[i] == q && i+2 < n && data[i+1] == q && data[i+2] == q:
				for i+3 < n && data[i+3] == q { // up to two quotes may end the text
					i++
				}
				return i + 2, line
			}
		}
		return n - 1, line
	}
	for i++; i < n; i++ {
		switch {
		case data[i] == '\n':
			return i - 1, line
		case data[i] == '\\' && q == '"':
			i++
		case data[i] == q:
			return i, line
		}
	}
	return n - 1, line
}
