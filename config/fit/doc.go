// Package fit turns contact records (package records) into a scenario and
// says how sure it is: arrival rates by hour of day and day of week, how
// much days vary, service times by maximum likelihood, patience from
// abandoned and answered contacts together (an answered contact is a
// censored observation of patience), routing shares and staff seen
// working, each with its confidence interval and the number of records
// behind it.
//
// Records are read once, as a stream: memory holds per-hour tables, a
// bounded random sample of each queue's durations (for the goodness of
// fit, Weibull patience and Kaplan–Meier), and nothing that grows with the
// number of records beyond that.
package fit
