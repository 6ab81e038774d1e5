package load

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"spoa/config"
)

// Encode writes a scenario as a file of format ("yaml", "yml" or "json")
// that File reads back into the same scenario: its keys as the file
// format names them, in the order of the scenario's types, durations as
// "9m". comment, if any, heads a YAML file, one "# " line per line.
func Encode(s *config.Scenario, format, comment string) ([]byte, error) {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, err
	}
	switch strings.ToLower(format) {
	case "json":
		return append(data, '\n'), nil
	case "yaml", "yml":
	default:
		return nil, fmt.Errorf("spoa writes a scenario as YAML (.yaml, .yml) or JSON (.json), not %q", format)
	}
	// JSON is YAML: read it as a node tree, which keeps the order of the
	// keys, and write it back in YAML's block style, short lists of
	// numbers and mappings of scalars on one line.
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	restyle(&doc)
	if comment != "" {
		doc.HeadComment = "# " + strings.ReplaceAll(strings.TrimSpace(comment), "\n", "\n# ")
	}
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// durationKeys are the keys whose values are durations.
var durationKeys = map[string]bool{"mean": true, "sd": true, "scale": true, "min": true, "mode": true, "max": true, "within": true, "length": true}

// shortDuration writes "10m0s" as "10m" and "8h0m0s" as "8h", as a planner
// would.
func shortDuration(v string) string {
	if len(v) > 2 && strings.HasSuffix(v, "m0s") {
		v = strings.TrimSuffix(v, "0s")
	}
	if len(v) > 2 && strings.HasSuffix(v, "h0m") {
		v = strings.TrimSuffix(v, "0m")
	}
	return v
}

// restyle sets a node tree read from JSON to block style, except lists of
// scalars and mappings of scalars and short lists (a shift and its days),
// which stay on one line, and quotes strings only where YAML needs it.
func restyle(n *yaml.Node) {
	n.Style = 0
	if n.Kind == yaml.ScalarNode {
		return
	}
	flat := n.Kind != yaml.DocumentNode && len(n.Content) > 0
	for i, c := range n.Content {
		restyle(c)
		shortList := c.Kind == yaml.SequenceNode && c.Style == yaml.FlowStyle && len(c.Content) <= 7
		if c.Kind != yaml.ScalarNode && !(n.Kind == yaml.MappingNode && shortList) {
			flat = false
		}
		if n.Kind == yaml.MappingNode && i%2 == 1 && c.Kind == yaml.ScalarNode && durationKeys[n.Content[i-1].Value] {
			c.Value = shortDuration(c.Value)
		}
	}
	if flat && len(n.Content) <= 48 {
		n.Style = yaml.FlowStyle
	}
}
