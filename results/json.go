package results

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
)

// WriteJSON writes the report as indented JSON. Map keys come out sorted,
// so one report always gives the same bytes.
func WriteJSON(w io.Writer, r *Report) error { return writeJSON(w, r) }

// writeJSON writes v as JSON indented by two spaces.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// ReadJSON reads a report written by WriteJSON. A name it does not know,
// anywhere, is refused rather than dropped: a misspelt or newer measure
// must not read as one that was never measured.
func ReadJSON(rd io.Reader) (*Report, error) {
	var r Report
	dec := json.NewDecoder(rd)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return nil, err
	}
	return &r, nil
}

// member is one key of a JSON object and its value (to read into, a
// pointer), for objects whose keys come from a table in its order.
type member struct {
	key   string
	value any
}

// object writes members as one JSON object, in order.
func object(members []member) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range members {
		if i > 0 {
			b.WriteByte(',')
		}
		key, err := json.Marshal(m.key)
		if err != nil {
			return nil, err
		}
		value, err := json.Marshal(m.value)
		if err != nil {
			return nil, err
		}
		b.Write(key)
		b.WriteByte(':')
		b.Write(value)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// readObject decodes a JSON object into the members' values by key. A key
// no member has, or an unknown field within a value, is an error: an
// UnmarshalJSON method does not inherit ReadJSON's strictness, so it
// keeps its own.
func readObject(b []byte, members []member) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	for _, key := range slices.Sorted(maps.Keys(raw)) {
		i := slices.IndexFunc(members, func(m member) bool { return m.key == key })
		if i < 0 {
			return fmt.Errorf("json: unknown field %q", key)
		}
		dec := json.NewDecoder(bytes.NewReader(raw[key]))
		dec.DisallowUnknownFields()
		if err := dec.Decode(members[i].value); err != nil {
			return err
		}
	}
	return nil
}
