package results

import "iter"

// Figures are what a section reports of one of its rows (a queue, a pool,
// a stream …): a Figure for each of the section's measures, in its order.
// The zero value, a row the report does not have, has none.
type Figures struct {
	section *Section
	list    []Figure
}

// Get returns the figure of the named measure: the zero Figure for a row
// the report does not have. It panics if the section has no such measure,
// a misspelt name being a bug.
func (f Figures) Get(measure string) Figure {
	if f.section == nil {
		return Figure{}
	}
	return f.list[f.section.mustIndex(measure)]
}

// Lookup returns the figure of the named measure, and whether the row has
// that measure: a channel has no redials, though a stream does.
func (f Figures) Lookup(measure string) (Figure, bool) {
	if f.section == nil {
		return Figure{}, false
	}
	i := indexOf(f.section.Measures, measure)
	if i < 0 {
		return Figure{}, false
	}
	return f.list[i], true
}

// Show writes the named measure's mean in its unit, or "-" where no
// replication measured it.
func (f Figures) Show(measure string) string {
	if f.section == nil {
		return "-"
	}
	return f.section.Measure(measure).Unit.Show(f.Get(measure))
}

// Spread writes how sure a figure is, in its unit: "± 12s", the reach of
// its 95% confidence interval; "n=1, no CI" from one replication; "" when
// it was never measured.
func (f Figures) Spread(measure string) string {
	fig := f.Get(measure)
	switch {
	case !fig.Measured():
		return ""
	case !fig.HasCI():
		return "n=1, no CI"
	}
	return "± " + f.section.Measure(measure).Unit.Format(fig.HalfWidth())
}

// CI writes a figure's 95% confidence interval in its unit, "lo–hi", or
// why there is none.
func (f Figures) CI(measure string) string {
	return f.Get(measure).CIText(f.section.Measure(measure).Unit.Format)
}

// All yields each of the section's measures with its figure, in order.
func (f Figures) All() iter.Seq2[Measure, Figure] {
	return func(yield func(Measure, Figure) bool) {
		if f.section == nil {
			return
		}
		for i, m := range f.section.Measures {
			if !yield(m, f.list[i]) {
				return
			}
		}
	}
}

// members are the figures as JSON object members, keyed by measure.
func (f Figures) members() []member {
	var out []member
	for m, fig := range f.All() {
		out = append(out, member{m.Name, fig})
	}
	return out
}

// MarshalJSON writes one object, a key for each measure in the section's
// order (encoding/json would sort a map's keys).
func (f Figures) MarshalJSON() ([]byte, error) { return object(f.members()) }

// read decodes a row of sec from a JSON object: its measures and, for a
// row that has more (a stream's channel), the extra members. Any other
// key is refused, as ReadJSON refuses unknown fields everywhere.
func (f *Figures) read(sec *Section, b []byte, extra ...member) error {
	f.section, f.list = sec, make([]Figure, len(sec.Measures))
	members := extra
	for i, m := range sec.Measures {
		members = append(members, member{m.Name, &f.list[i]})
	}
	return readObject(b, members)
}
