package load

import (
	"bytes"
	"io"

	"go.yaml.in/yaml/v3"
)

// yamlDocument reads a YAML file, which must hold one document whose top
// is a mapping; an empty file is an empty mapping. The parser reads
// through ctx, so that it stops when ctx is done.
func (r *reader) yamlDocument(data []byte) map[string]any {
	dec := yaml.NewDecoder(ctxReader{r.ctx, bytes.NewReader(data)})
	var doc yaml.Node
	switch err := dec.Decode(&doc); {
	case err == io.EOF:
		return map[string]any{}
	case err != nil:
		r.parseError("YAML", err)
		return nil
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == io.EOF:
	case err != nil:
		r.parseError("YAML", err)
		return nil
	case len(next.Content) > 0 && next.Content[0].ShortTag() != "!!null":
		r.add("a second YAML document begins at line %d; a scenario file holds one document", next.Line)
		return nil
	}
	return r.yamlTop(doc.Content[0])
}

// yamlTop reads the mapping at the top of a document.
func (r *reader) yamlTop(n *yaml.Node) map[string]any {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return map[string]any{}
	}
	if n.Kind != yaml.MappingNode {
		r.add("%sexpected a mapping (key: value) at the top of the file", r.at(n))
		return nil
	}
	m, _ := r.yamlValue(n, 1).(map[string]any)
	return m
}

// yamlValue builds the value of node n, a mapping or list depth deep:
// text, numbers, true and false as the YAML library reads them into an
// interface; null as nil, which a mapping leaves out (a key given as null
// is as if not given).
func (r *reader) yamlValue(n *yaml.Node, depth int) any {
	if !r.value() {
		return nil
	}
	switch n.Kind {
	case yaml.AliasNode:
		r.inAlias++
		defer func() { r.inAlias-- }()
		return r.yamlValue(n.Alias, depth)
	case yaml.ScalarNode:
		return r.yamlScalar(n)
	case yaml.SequenceNode:
		if !r.nest(depth, int64(n.Line)) {
			return nil
		}
		list := make([]any, len(n.Content))
		for i, c := range n.Content {
			r.elem(i)
			list[i] = r.yamlValue(c, depth+1)
			r.up()
		}
		return list
	case yaml.MappingNode:
		if !r.nest(depth, int64(n.Line)) {
			return nil
		}
		return r.yamlMapping(n, depth)
	}
	r.add("%sunexpected YAML node", r.at(n))
	return nil
}

// yamlMapping builds a mapping. Merge keys ("<<: *base") fill in the keys
// not given in the mapping itself, as YAML says.
func (r *reader) yamlMapping(n *yaml.Node, depth int) map[string]any {
	m := make(map[string]any, len(n.Content)/2)
	ks := make([]keyAt, 0, len(n.Content)/2)
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge" {
			merges = append(merges, v)
			continue
		}
		if k.Kind != yaml.ScalarNode {
			r.add("%sa key must be a plain name, not a list, mapping or alias", r.at(k))
			continue
		}
		ks = append(ks, keyAt{k.Value, int64(k.Line)})
		r.key(k.Value)
		if val := r.yamlValue(v, depth+1); val != nil {
			m[k.Value] = val
		}
		r.up()
	}
	r.keys(ks)
	if len(merges) == 0 {
		return m
	}
	given := make(map[string]bool, len(ks))
	for _, k := range ks {
		given[k.name] = true
	}
	for _, mg := range merges {
		from := []*yaml.Node{mg}
		if mg.Kind == yaml.SequenceNode {
			from = mg.Content
		}
		for _, f := range from {
			src, ok := r.yamlValue(f, depth).(map[string]any)
			if !ok {
				if !r.stop {
					r.add("%s<< must name a mapping to merge, or a list of them", r.at(f))
				}
				continue
			}
			for k, v := range src {
				if _, merged := m[k]; !merged && !given[k] {
					m[k] = v
				}
			}
		}
	}
	return m
}

// at is "line N: " for node n, as a problem starts.
func (r *reader) at(n *yaml.Node) string { return lineOf(r.line(int64(n.Line))) }

// yamlScalar reads a scalar as the YAML library reads one into an
// interface: text, a number (int, or uint64 above the largest int, exact),
// a float, true or false, or nil for null.
func (r *reader) yamlScalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!str":
		return n.Value
	case "!!null":
		return nil
	}
	var v any
	if err := n.Decode(&v); err != nil {
		r.add("%s%s", r.at(n), oneLine(err.Error()))
		return nil
	}
	return v
}
