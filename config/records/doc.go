// Package records owns the format of contact records: one row per visit of
// a contact to a queue, as `spoa run --trace` writes them (through
// results.TraceWriter) and `spoa fit` reads them (with the columns of a
// telephony system's export mapped onto its fields).
//
// A trace's times are ISO 8601 in UTC to the millisecond, the simulation
// clock's zero (00:00 on a Monday, sim/doc.go) being Epoch, Monday
// 2024-01-01T00:00:00Z. A reader takes any ISO 8601 time, with or without
// a zone; the hour of day and the day of the week are those of the time as
// written (the local clock of the records), durations those between the
// instants.
package records
