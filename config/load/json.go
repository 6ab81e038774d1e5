package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
)

// jsonDocument reads a JSON file, which must hold one object. The parser
// is encoding/json's, read token by token, so that keys are seen as
// written (a key given twice, which json.Unmarshal silently resolves to
// the last) and numbers as written: a whole number is read exactly over
// the range of int64 and uint64, not rounded through float64.
func (r *reader) jsonDocument(data []byte) map[string]any {
	dec := json.NewDecoder(ctxReader{r.ctx, bytes.NewReader(data)})
	dec.UseNumber()
	r.line = func(pos int64) int { return lineAt(data, pos) }
	tok, ok := r.jsonToken(dec)
	if !ok {
		return nil
	}
	if tok != json.Delim('{') {
		r.add("expected an object {…} at the top of the file")
		return nil
	}
	m := r.jsonObject(dec, 1)
	if r.stop || len(r.problems) > 0 {
		return m
	}
	switch _, err := dec.Token(); {
	case err == io.EOF:
	case err != nil:
		r.jsonError(err)
	default:
		r.add("a second JSON value begins at line %d; a scenario file holds one object", r.line(dec.InputOffset()))
	}
	return m
}

// jsonValue builds the value that starts with tok, depth deep if it is an
// object or array.
func (r *reader) jsonValue(dec *json.Decoder, tok json.Token, depth int) any {
	if !r.value() {
		return nil
	}
	switch t := tok.(type) {
	case json.Delim:
		if !r.nest(depth, dec.InputOffset()) {
			return nil
		}
		if t == '{' {
			return r.jsonObject(dec, depth)
		}
		return r.jsonArray(dec, depth)
	case json.Number:
		v, err := number(t)
		if err != nil {
			r.add("%s%s", lineOf(r.line(dec.InputOffset())), err)
		}
		return v
	}
	return tok // text, true, false or nil
}

func (r *reader) jsonObject(dec *json.Decoder, depth int) map[string]any {
	m := map[string]any{}
	var ks []keyAt
	for !r.stop && dec.More() {
		tok, ok := r.jsonToken(dec)
		if !ok {
			return nil
		}
		k, _ := tok.(string)
		ks = append(ks, keyAt{k, dec.InputOffset()})
		if tok, ok = r.jsonToken(dec); !ok {
			return nil
		}
		r.key(k)
		if v := r.jsonValue(dec, tok, depth+1); v != nil {
			m[k] = v
		}
		r.up()
	}
	if !r.jsonEnd(dec) {
		return nil
	}
	r.keys(ks)
	return m
}

func (r *reader) jsonArray(dec *json.Decoder, depth int) []any {
	list := []any{}
	for i := 0; !r.stop && dec.More(); i++ {
		tok, ok := r.jsonToken(dec)
		if !ok {
			return nil
		}
		r.elem(i)
		list = append(list, r.jsonValue(dec, tok, depth+1))
		r.up()
	}
	if !r.jsonEnd(dec) {
		return nil
	}
	return list
}

// jsonToken reads the next token, reporting whether there was one.
func (r *reader) jsonToken(dec *json.Decoder) (json.Token, bool) {
	tok, err := dec.Token()
	if err != nil {
		r.jsonError(err)
		return nil, false
	}
	return tok, true
}

// jsonEnd reads the brace or bracket that closes an object or array, and
// reports whether reading goes on.
func (r *reader) jsonEnd(dec *json.Decoder) bool {
	if r.stop {
		return false
	}
	_, ok := r.jsonToken(dec)
	return ok
}

// number reads a JSON number as YAML's reader reads one: a whole number as
// an int64 if in range, else as a uint64 if in range, else as a float64.
func number(n json.Number) (any, error) {
	if i, err := strconv.ParseInt(string(n), 10, 64); err == nil {
		return i, nil
	}
	if u, err := strconv.ParseUint(string(n), 10, 64); err == nil {
		return u, nil
	}
	f, err := strconv.ParseFloat(string(n), 64)
	if err != nil {
		return nil, errors.New("the number " + string(n) + " is out of range")
	}
	return f, nil
}

// jsonError records a parser error, with its line when known; reading
// stops.
func (r *reader) jsonError(err error) {
	r.stop = true
	var se *json.SyntaxError
	switch {
	case r.ctx.Err() != nil:
		r.parseError("JSON", err)
	case errors.As(err, &se):
		r.add("cannot read JSON: line %d: %s", r.line(se.Offset), oneLine(se.Error()))
	case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
		r.add("cannot read JSON: unexpected end of JSON input")
	default:
		r.parseError("JSON", err)
	}
}

// lineAt is the line of byte offset off in data, counting from 1.
func lineAt(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}
