package config

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestProblemsError(t *testing.T) {
	ps := &Problems{Source: "f.yaml", List: []Problem{{Path: "run.days", Msg: "bad"}, {Msg: "whole file"}}}
	assert.Equal(t, "f.yaml: run.days: bad\nf.yaml: whole file", ps.Error())
	assert.Equal(t, "run.days: bad", (&Problems{List: ps.List[:1]}).Error())
}
