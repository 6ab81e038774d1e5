package sim

// What a report says of the scenario behind it: the demand and the rota
// by hour of the week, as the model has them compiled.

// PerHourOfWeek is the stream's mean arrivals in hour h of the week
// (0 is Monday 00:00–01:00): its rate shaped by the hour of day and day
// of the week.
func (s *Stream) PerHourOfWeek(h int) float64 { return s.rate.perSecond[h] * hour }

// OnDutyAtHourOfWeek is the number the pool's rota has on duty at the
// start of hour h of the week, after shrinkage.
func (p *Pool) OnDutyAtHourOfWeek(h int) int { return p.rota.at(float64(h) * hour) }
