package shard

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"spoa/sim"
)

// FormatName and FormatVersion mark a part file. A change to what a part
// holds gets a new FormatVersion, which an older spoa refuses to merge.
const (
	FormatName    = "spoa-part"
	FormatVersion = 2
)

// Kinds of part.
const (
	KindRun   = "run"
	KindSweep = "sweep"
)

// Part is what one shard writes, as JSON. Float64 statistics go through
// encoding/json, which writes the shortest decimal that reads back to the
// same bits, so they return exactly; a NaN or infinity, which the engine
// never produces, could not be written at all (WritePart fails).
type Part struct {
	Format        string `json:"format"`         // FormatName
	FormatVersion int    `json:"format_version"` // FormatVersion
	Version       string `json:"spoa_version"`   // results.Version of the spoa that ran it
	Kind          string `json:"kind"`           // KindRun or KindSweep
	Shard         int    `json:"shard"`          // I, from 1
	Shards        int    `json:"shards"`         // N
	// Scenario, Seed, Replications, Days and WarmupDays are the run's (a
	// sweep's: its first point's, as results.Sweep gives them).
	// Replications are the whole run's, every shard's together.
	Scenario     string  `json:"scenario"`
	Seed         uint64  `json:"seed"`
	Replications int     `json:"replications"`
	Days         float64 `json:"days"`
	WarmupDays   float64 `json:"warmup_days"`
	// ConfigSHA256 is the run's scenario's hash (config.Hash), or a
	// sweep's: the hash of its points' hashes in order (SweepHash).
	ConfigSHA256 string `json:"config_sha256"`
	// Keys and Points are a sweep's varied keys and number of points.
	Keys   []string `json:"keys,omitempty"`
	Points int      `json:"points,omitempty"`
	// Runs: a run's part has one, the shard's replications; a sweep's
	// has one a point of its block, each with all its replications.
	Runs []Run `json:"runs"`
	// Checksum is the hex SHA-256 of the part's JSON with Checksum empty,
	// so that a damaged or edited file is refused.
	Checksum string `json:"checksum"`
}

// Run is one scenario's replications in a part.
type Run struct {
	// Point is the sweep point's place in the grid, from 0, and Values
	// its values of the sweep's keys; unused for a run.
	Point  int      `json:"point"`
	Values []string `json:"values,omitempty"`
	// Scenario is the scenario as JSON (as config.Hash reads it, after
	// every override), so that a merge can rebuild the model without the
	// file; ConfigSHA256 is its hash.
	Scenario     json.RawMessage `json:"scenario"`
	ConfigSHA256 string          `json:"config_sha256"`
	// First is the index of the first replication held (from 0, as the
	// engine numbers them); Stats are replications First, First+1, ….
	First int         `json:"first"`
	Stats []sim.Stats `json:"stats"`
}

// sum is the checksum of p: the SHA-256 of its JSON with Checksum empty.
func (p *Part) sum() (string, error) {
	c := *p
	c.Checksum = ""
	b, err := json.Marshal(&c)
	if err != nil {
		return "", err
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:]), nil
}

// WritePart writes p as JSON, with its checksum.
func WritePart(w io.Writer, p *Part) error {
	sum, err := p.sum()
	if err != nil {
		return fmt.Errorf("a shard's statistics cannot be written: %w", err)
	}
	c := *p
	c.Checksum = sum
	b, err := json.Marshal(&c)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// ReadPart reads a part written by WritePart and checks that it is whole:
// complete JSON of a part of this format, with its checksum right. What
// it holds is checked against its scenario by Check, and against the
// other parts by Merge.
func ReadPart(data []byte) (*Part, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("empty; run its shard again")
	}
	var head struct {
		Format        string `json:"format"`
		FormatVersion int    `json:"format_version"`
		Version       string `json:"spoa_version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) && bytes.HasPrefix(bytes.TrimSpace(data), []byte(`{"format":"`+FormatName+`"`)) {
			return nil, fmt.Errorf("truncated or damaged (%v, at byte %d of %d); run its shard again", err, syn.Offset, len(data))
		}
		return nil, fmt.Errorf("not a spoa part file (%v)", err)
	}
	if head.Format != FormatName {
		return nil, fmt.Errorf("not a spoa part file (no \"format\": %q); spoa merge reads what spoa run --shard or spoa sweep --shard write", FormatName)
	}
	if head.FormatVersion != FormatVersion {
		return nil, fmt.Errorf("a part in format %d, written by spoa %s; this spoa reads format %d: merge with the spoa that wrote it", head.FormatVersion, head.Version, FormatVersion)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	p := &Part{}
	if err := dec.Decode(p); err != nil {
		return nil, fmt.Errorf("damaged: %v; run its shard again", err)
	}
	if dec.More() {
		return nil, errors.New("damaged: more after the part's end; run its shard again")
	}
	sum, err := p.sum()
	if err != nil {
		return nil, fmt.Errorf("damaged: %v; run its shard again", err)
	}
	if sum != p.Checksum {
		return nil, errors.New("damaged or edited: its checksum does not match what it holds; run its shard again")
	}
	return p, nil
}
