package config

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// Set sets the value at key ("pools.nurse.staff") in a settings tree as
// read from a file, creating the mappings an absent key needs; a nil value
// removes the key. The path is checked against the Scenario's shape as it
// is walked, so a key no scenario has is refused with a suggestion. Where
// the file has a list, a segment is a 0-based index or an element's name.
func Set(tree map[string]any, key string, val any) error {
	return setPath(tree, segments(key), val)
}

// setPath walks the tree and the Scenario type side by side, creating the
// mappings an absent key needs, and refusing any path that the Scenario's
// shape does not have.
func setPath(root map[string]any, segs []string, val any) error {
	t := scenarioType
	var node any = root
	for i, seg := range segs {
		here := strings.Join(segs[:i], ".")
		if seg == "" {
			return errors.New("empty segment in the path")
		}
		last := i == len(segs)-1
		t = deref(t)
		switch t.Kind() {
		case reflect.Struct, reflect.Map:
			var elem reflect.Type
			if t.Kind() == reflect.Struct {
				j, ok := field(t, seg)
				if !ok {
					return fmt.Errorf("unknown key %q%s", seg, suggest(segs[:i], seg))
				}
				elem = t.Field(j).Type
			} else {
				elem = t.Elem()
			}
			m, ok := node.(map[string]any)
			if !ok {
				return fmt.Errorf("%s is not a mapping in the file", here)
			}
			if last {
				if val == nil {
					delete(m, seg)
				} else {
					m[seg] = val
				}
				return nil
			}
			child := m[seg]
			if child == nil {
				k := deref(elem).Kind()
				if k != reflect.Struct && k != reflect.Map {
					return fmt.Errorf("%s is not in the file, so it has no element %q", strings.Join(segs[:i+1], "."), segs[i+1])
				}
				child = map[string]any{}
				m[seg] = child
			}
			node, t = child, elem
		case reflect.Slice:
			list, ok := node.([]any)
			if !ok {
				return fmt.Errorf("%s is not a list in the file", here)
			}
			j, err := index(list, here, seg)
			if err != nil {
				return err
			}
			if last {
				if val == nil {
					return errors.New("a list element cannot be removed with --set")
				}
				list[j] = val
				return nil
			}
			node, t = list[j], t.Elem()
		default:
			return fmt.Errorf("%s is a single value, with no key %q under it", here, seg)
		}
	}
	return nil
}

// index finds a list element by 0-based index or by its name; a segment
// that is a number is always an index.
func index(list []any, here, seg string) (int, error) {
	if n, err := strconv.Atoi(seg); err == nil {
		if n < 0 || n >= len(list) {
			return 0, fmt.Errorf("index %d is out of range: %s has %d elements", n, here, len(list))
		}
		return n, nil
	}
	var names []string
	for j, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			continue
		}
		name := fmt.Sprint(m["name"])
		if name == seg {
			return j, nil
		}
		names = append(names, strconv.Quote(name))
	}
	if len(names) == 0 {
		return 0, fmt.Errorf("%s has no named elements; use a 0-based index", here)
	}
	return 0, fmt.Errorf("%s has no element named %q (names: %s)", here, seg, someNames(names))
}
