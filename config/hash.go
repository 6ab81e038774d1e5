package config

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// Hash is the hex SHA-256 of the scenario's canonical JSON (struct fields
// in declaration order, map keys sorted, durations as "9m0s"), taken after
// --set overrides, so that a report says exactly which scenario produced
// it. A scenario JSON cannot encode (a NaN, which Validate refuses) hashes
// to "".
func Hash(s *Scenario) string {
	b, err := json.Marshal(s)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
