package results

import (
	"encoding/json"
	"io"
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

// ReadJSON reads a report written by WriteJSON.
func ReadJSON(rd io.Reader) (*Report, error) {
	var r Report
	dec := json.NewDecoder(rd)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return nil, err
	}
	return &r, nil
}
