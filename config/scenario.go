package config

// Scenario is one scenario file, decoded and nothing more: plain data with
// the names the file uses. Validate checks it; sim.Compile turns it into
// indices.
type Scenario struct {
	Name        string `mapstructure:"name" json:"name"`
	Description string `mapstructure:"description" json:"description,omitempty"`
	Run         Run    `mapstructure:"run" json:"run"`
	// Demand scales every stream's arrivals (1.1 is 10% more contacts);
	// absent means 1. It multiplies with each stream's own Demand.
	Demand  *float64 `mapstructure:"demand" json:"demand,omitempty"`
	Streams []Stream `mapstructure:"streams" json:"streams"`
	Queues  []Queue  `mapstructure:"queues" json:"queues"`
	Pools   []Pool   `mapstructure:"pools" json:"pools"`
	// Destinations say more of some destinations: where contacts that reach
	// one go on to (an ambulance conveys to A&E, or treats at the scene).
	Destinations []Destination `mapstructure:"destinations" json:"destinations,omitempty"`
	// Staffing says how `spoa staff` may roster, and what its answer is
	// set beside; absent, the defaults (staffing.go).
	Staffing *Staffing `mapstructure:"staffing" json:"staffing,omitempty"`
}

// Channels a stream can name; the first is the default.
var Channels = []string{"call", "text", "chat"}

// ChannelOf is a stream's channel, "call" when none is given.
func (s Stream) ChannelOf() string {
	if s.Channel == "" {
		return Channels[0]
	}
	return s.Channel
}

// Run says how long and how often a scenario is simulated.
type Run struct {
	// Days measured after the warm-up; fractions of a day are allowed.
	Days float64 `mapstructure:"days" json:"days"`
	// WarmupDays simulated first and not measured.
	WarmupDays float64 `mapstructure:"warmup_days" json:"warmup_days"`
	// Replications: independent runs of the same horizon.
	Replications int `mapstructure:"replications" json:"replications"`
	// Seed from which every random stream is derived.
	Seed uint64 `mapstructure:"seed" json:"seed"`
}

// Stream is a source of demand entering one queue.
type Stream struct {
	Name string `mapstructure:"name" json:"name"`
	// Channel is how the contacts come in: "call" (the default; waits on
	// the line and may abandon), "text" (waits without abandoning, whatever
	// the queue's patience) or "chat" (may abandon; one staff member holds
	// up to the queue's concurrency chats at once).
	Channel  string   `mapstructure:"channel" json:"channel,omitempty"`
	Arrivals Arrivals `mapstructure:"arrivals" json:"arrivals"`
	Enter    string   `mapstructure:"enter" json:"enter"`
	Redial   *Redial  `mapstructure:"redial" json:"redial,omitempty"`
	// Demand scales this stream's arrivals, times the scenario's Demand;
	// absent means 1.
	Demand *float64 `mapstructure:"demand" json:"demand,omitempty"`
}

// Scale is the factor a stream's arrival rate is multiplied by: the
// scenario's demand times the stream's, each 1 when absent. With both
// absent it is exactly 1, so the rate, and every figure, is unchanged.
func (s *Scenario) Scale(st Stream) float64 {
	return factor(s.Demand) * factor(st.Demand)
}

// StreamPerHour is a stream's mean rate in contacts an hour, scaled by
// demand.
func (s *Scenario) StreamPerHour(st Stream) float64 {
	return st.Arrivals.MeanPerHour() * s.Scale(st)
}

func factor(d *float64) float64 {
	if d == nil {
		return 1
	}
	return *d
}

// MeanPerHour is the mean rate in contacts an hour, from PerHour or
// PerDay (whichever is given; a file giving both is refused by Validate).
func (a Arrivals) MeanPerHour() float64 {
	if a.PerDay != 0 {
		return a.PerDay / 24
	}
	return a.PerHour
}

// Arrivals is a non-homogeneous Poisson rate: PerHour or PerDay (one of
// them) shaped by an hour-of-day profile (24 weights, from 00:00) and a
// day-of-week profile (7 weights, Monday first). Weights are relative: they
// are scaled to mean 1, so PerDay stays the mean number of contacts a day.
type Arrivals struct {
	PerHour float64   `mapstructure:"per_hour" json:"per_hour,omitempty"`
	PerDay  float64   `mapstructure:"per_day" json:"per_day,omitempty"`
	Hourly  []float64 `mapstructure:"hourly" json:"hourly,omitempty"`
	Weekly  []float64 `mapstructure:"weekly" json:"weekly,omitempty"`
	// DayCV makes days vary more than Poisson, as real days do: each
	// day's rate is multiplied by a factor drawn from a gamma of mean 1
	// and this coefficient of variation (0 or absent: every day alike).
	// A day's count then has variance mean + DayCV²·mean².
	DayCV float64 `mapstructure:"day_cv" json:"day_cv,omitempty"`
}

// MaxDayCV is the largest day_cv accepted: a day twice as busy as the mean
// is then about one day in six.
const MaxDayCV = 1

// Redial: a caller who abandons tries again with Probability, after a
// delay drawn from Delay, joining the same queue as a new offer.
type Redial struct {
	Probability float64 `mapstructure:"probability" json:"probability"`
	Delay       Dist    `mapstructure:"delay" json:"delay"`
}

// Queue holds contacts waiting for one kind of work.
type Queue struct {
	Name string `mapstructure:"name" json:"name"`
	// Priority: 1 is most urgent; lower numbers are always offered first.
	Priority int `mapstructure:"priority" json:"priority"`
	// Patience, when set, is how long a caller waits before hanging up.
	// A queue without it (call-backs, texts) never abandons.
	Patience *Dist `mapstructure:"patience" json:"patience,omitempty"`
	// Service is the handling time; ServiceBy overrides it for named pools.
	Service   Dist            `mapstructure:"service" json:"service"`
	ServiceBy map[string]Dist `mapstructure:"service_by" json:"service_by,omitempty"`
	// ServedBy lists the pools that serve this queue, most preferred first.
	ServedBy []string `mapstructure:"served_by" json:"served_by"`
	Target   *Target  `mapstructure:"target" json:"target,omitempty"`
	// Concurrency k > 1 makes this a chat queue: one staff member holds up
	// to k of its contacts at once, and takes no other work while holding
	// any. 0 or 1 means one contact at a time.
	Concurrency int `mapstructure:"concurrency" json:"concurrency,omitempty"`
	// Routes: after service a contact goes, by probability, to another
	// queue or, for any name that is not a queue, to that destination.
	Routes map[string]float64 `mapstructure:"routes" json:"routes"`
	// RoutesAt: routes that hold instead of Routes at times of the week
	// (routes_at.go); the first window that holds the time a contact's
	// service ends decides.
	RoutesAt []TimedRoutes `mapstructure:"routes_at" json:"routes_at,omitempty"`
	// AbandonTo: where, by probability, callers who give up waiting here
	// (and do not redial) end: destinations only. Without it they are
	// counted as abandoned and reach no destination.
	AbandonTo map[string]float64 `mapstructure:"abandon_to" json:"abandon_to,omitempty"`
}

// Target: Fraction of served contacts answered Within the time, judged
// over the whole run or in each hour of the week (Per).
type Target struct {
	Within   Duration `mapstructure:"within" json:"within"`
	Fraction float64  `mapstructure:"fraction" json:"fraction"`
	// Per is "run" (the default, also when empty): the share over the
	// measured days must reach Fraction; or "hour": the share in each hour
	// of the week (168, from Monday 00:00) in which anyone was served must.
	Per string `mapstructure:"per" json:"per,omitempty"`
}

// The periods a target is judged over (Target.Per).
const (
	PerRun  = "run"
	PerHour = "hour"
)

// Pers are the values Target.Per may take; the first is the default.
var Pers = []string{PerRun, PerHour}

// ByHour reports whether the target is judged in each hour of the week.
func (t Target) ByHour() bool { return t.Per == PerHour }

// Pool is a group of interchangeable staff. The number on duty is Staff (a
// constant), Hourly (24 counts, from 00:00, every day) or the sum of Shifts;
// exactly one of the three is given. Shrinkage is the share of rostered
// time not available for contacts (breaks, training, sickness).
type Pool struct {
	Name      string    `mapstructure:"name" json:"name"`
	Staff     *float64  `mapstructure:"staff" json:"staff,omitempty"`
	Hourly    []float64 `mapstructure:"hourly" json:"hourly,omitempty"`
	Shifts    []Shift   `mapstructure:"shifts" json:"shifts,omitempty"`
	Shrinkage float64   `mapstructure:"shrinkage" json:"shrinkage,omitempty"`
	// Clinician marks pools whose first contact with a patient counts for
	// the streams' time to clinician.
	Clinician bool `mapstructure:"clinician" json:"clinician,omitempty"`
}

// Shift adds Count staff from Start ("08:00") for Length on each of Days
// (mon … sun; every day when empty). A shift may run past midnight.
type Shift struct {
	Start  TimeOfDay `mapstructure:"start" json:"start"`
	Length Duration  `mapstructure:"length" json:"length"`
	Count  float64   `mapstructure:"count" json:"count"`
	Days   []Weekday `mapstructure:"days" json:"days,omitempty"`
}

// Dist names a distribution and its parameters. Which fields apply depends
// on Dist (the table in dists.go): lognormal's and gamma's sd is of the
// distribution itself, not of its log; weibull takes a shape and a scale
// or a mean; normal is truncated at zero (redrawn while negative).
type Dist struct {
	Dist  DistKind `mapstructure:"dist" json:"dist"`
	Mean  Duration `mapstructure:"mean" json:"mean,omitempty"`
	SD    Duration `mapstructure:"sd" json:"sd,omitempty"`
	Shape float64  `mapstructure:"shape" json:"shape,omitempty"`
	Scale Duration `mapstructure:"scale" json:"scale,omitempty"`
	Min   Duration `mapstructure:"min" json:"min,omitempty"`
	Mode  Duration `mapstructure:"mode" json:"mode,omitempty"`
	Max   Duration `mapstructure:"max" json:"max,omitempty"`
}
