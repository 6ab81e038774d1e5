package config

import (
	"cmp"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// The shape of Scenario, read from its mapstructure tags, is what --set
// paths are resolved against, what unknown keys are compared with for a
// suggestion, and what orders problems as the file is laid out.

var scenarioType = reflect.TypeOf(Scenario{})

// segments splits "queues[1].routes.ed" into queues, 1, routes, ed.
func segments(path string) []string {
	path = strings.ReplaceAll(path, "[", ".")
	path = strings.ReplaceAll(path, "]", "")
	return strings.Split(path, ".")
}

func deref(t reflect.Type) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// keyOf is the file key of a struct field: its mapstructure tag.
func keyOf(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("mapstructure"), ",")
	if name == "" {
		return strings.ToLower(f.Name)
	}
	return name
}

// field finds the field of struct type t written as key in a file.
func field(t reflect.Type, key string) (int, bool) {
	for i := range t.NumField() {
		if keyOf(t.Field(i)) == key {
			return i, true
		}
	}
	return 0, false
}

// keys lists the keys a struct type accepts, in declaration order.
func keys(t reflect.Type) []string {
	out := make([]string, t.NumField())
	for i := range out {
		out[i] = keyOf(t.Field(i))
	}
	return out
}

// typeAt is the type found at a path, or nil when the path leaves the
// shape (an unknown key, or an index into a number).
func typeAt(segs []string) reflect.Type {
	t := scenarioType
	for _, seg := range segs {
		t = deref(t)
		switch {
		case t == nil:
			return nil
		case t.Kind() == reflect.Struct:
			i, ok := field(t, seg)
			if !ok {
				return nil
			}
			t = t.Field(i).Type
		case t.Kind() == reflect.Slice || t.Kind() == reflect.Map:
			t = t.Elem()
		default:
			return nil
		}
	}
	return deref(t)
}

// Suggest returns ` (did you mean "patience"?)` when key is one or two
// edits from a key the struct at path parent ("queues[0]") accepts, or the
// list of accepted keys otherwise; a typo must be easy to fix, not only
// refused.
func Suggest(parent, key string) string {
	return suggest(segmentsOf(parent), key)
}

func segmentsOf(path string) []string {
	if path == "" {
		return nil
	}
	return segments(path)
}

func suggest(parent []string, key string) string {
	t := typeAt(parent)
	if t == nil || t.Kind() != reflect.Struct {
		return ""
	}
	known := keys(t)
	if s := nearest(key, known); s != "" {
		return s
	}
	return " (keys here: " + strings.Join(known, ", ") + ")"
}

// nearest returns ` (did you mean "hour"?)` when value is one or two
// edits from one of the values a key takes, and "" otherwise.
func nearest(value string, values []string) string {
	best, bestD := "", 3
	for _, v := range values {
		if d := editDistance(value, v); d < bestD {
			best, bestD = v, d
		}
	}
	if best == "" {
		return ""
	}
	return " (did you mean " + strconv.Quote(best) + "?)"
}

// editDistance is the Levenshtein distance, for suggestions only.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// rank is one path segment's place in the file: a struct field by its
// declaration order (unknown keys after the known ones), a list element by
// index, a map key by name.
type rank struct {
	n int
	s string
}

func ranks(path string) []rank {
	if path == "" {
		return nil // the file as a whole comes first
	}
	t := scenarioType
	segs := segments(path)
	out := make([]rank, len(segs))
	for i, seg := range segs {
		t = deref(t)
		var next reflect.Type
		switch {
		case t == nil:
			out[i] = rank{0, seg}
		case t.Kind() == reflect.Struct:
			if j, ok := field(t, seg); ok {
				out[i], next = rank{j, ""}, t.Field(j).Type
			} else {
				out[i] = rank{t.NumField(), seg}
			}
		case t.Kind() == reflect.Slice:
			n, err := strconv.Atoi(seg)
			if err != nil {
				n = int(^uint(0) >> 1)
			}
			out[i], next = rank{n, seg}, t.Elem()
		case t.Kind() == reflect.Map:
			out[i], next = rank{0, seg}, t.Elem()
		default:
			out[i] = rank{0, seg}
		}
		t = next
	}
	return out
}

// SortProblems puts problems in file order, stably, so that output is the
// same from run to run although maps are iterated in random order. Each
// path is ranked once, so that a hundred thousand problems sort in moments.
func SortProblems(ps []Problem) {
	type ranked struct {
		p Problem
		r []rank
	}
	rs := make([]ranked, len(ps))
	for i, p := range ps {
		rs[i] = ranked{p, ranks(p.Path)}
	}
	slices.SortStableFunc(rs, func(a, b ranked) int {
		return slices.CompareFunc(a.r, b.r, func(x, y rank) int {
			return cmp.Or(cmp.Compare(x.n, y.n), cmp.Compare(x.s, y.s))
		})
	})
	for i := range rs {
		ps[i] = rs[i].p
	}
}
