package load

import (
	"encoding"
	"errors"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/go-viper/mapstructure/v2"

	"spoa/config"
)

// decode turns the settings tree into a Scenario, strictly: an unknown key
// or a value of the wrong type is a problem with its path, and every one is
// returned, not only the first. The scenario is returned even when there
// are problems, so that Validate can still report the rest.
func decode(tree map[string]any) (*config.Scenario, []config.Problem) {
	var s config.Scenario
	d, err := mapstructure.NewDecoder(&mapstructure.DecoderConfig{
		Result:      &s,
		ErrorUnused: true,
		DecodeHook:  mapstructure.DecodeHookFuncValue(strictHook),
		TagName:     "mapstructure",
		// Keys are matched as written: the reader has refused any not in
		// lower case, and mapstructure would otherwise match "Days" to days.
		MatchName: func(key, field string) bool { return key == field },
	})
	if err != nil {
		panic("config: bad decoder config: " + err.Error())
	}
	var out []config.Problem
	flatten(d.Decode(tree), &out)
	return &s, out
}

var (
	durationType = reflect.TypeOf(config.Duration(0))
	textType     = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()
)

// strictHook checks every value against the type it is decoded into before
// mapstructure sees it, so that type errors read "expected a number, got
// "ten"" rather than mapstructure's "expected type 'float64', got
// unconvertible type 'string'", and so that 2.5 replications is an error
// rather than silently 2. It also reads Durations, and the typed values
// that read themselves from text (a time of day, a weekday, a
// distribution's name), so that they reach the Scenario already checked.
func strictHook(from, to reflect.Value) (any, error) {
	in := from.Interface()
	if to.Type() == durationType {
		return toDuration(from)
	}
	got := describe(from)
	if reflect.PointerTo(to.Type()).Implements(textType) {
		if from.Kind() != reflect.String {
			return nil, fmt.Errorf("expected text, got %s", got)
		}
		v := reflect.New(to.Type())
		if err := v.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(from.String())); err != nil {
			return nil, err
		}
		return v.Elem().Interface(), nil
	}
	switch to.Kind() {
	case reflect.Float32, reflect.Float64:
		if !isNumber(from) {
			return nil, fmt.Errorf("expected a number, got %s", got)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n, ok := wholeNumber(from); !ok || !n.fitsInt(to) {
			return nil, fmt.Errorf("expected a whole number, got %s", got)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if n, ok := wholeNumber(from); !ok || !n.fitsUint(to) {
			return nil, fmt.Errorf("expected a whole number, 0 or more, got %s", got)
		}
	case reflect.String:
		if from.Kind() != reflect.String {
			return nil, fmt.Errorf("expected text, got %s", got)
		}
	case reflect.Bool:
		if from.Kind() != reflect.Bool {
			return nil, fmt.Errorf("expected true or false, got %s", got)
		}
	case reflect.Slice, reflect.Array:
		if k := from.Kind(); k != reflect.Slice && k != reflect.Array {
			return nil, fmt.Errorf("expected a list, got %s", got)
		}
	case reflect.Struct, reflect.Map:
		if from.Kind() != reflect.Map {
			return nil, fmt.Errorf("expected a mapping (key: value), got %s", got)
		}
	}
	return in, nil
}

// toDuration reads "9m". A bare number other than 0 is refused: nothing
// says whether 9 is seconds or minutes, and guessing wrong by a factor of
// 60 would go unnoticed.
func toDuration(from reflect.Value) (any, error) {
	if from.Kind() == reflect.String {
		text := strings.TrimSpace(from.String())
		d, err := time.ParseDuration(text)
		if _, nerr := strconv.ParseFloat(text, 64); err != nil && nerr == nil {
			return nil, fmt.Errorf(`%s has no unit: write a duration such as "%ss" or "%sm"`, text, text, text)
		}
		if err != nil {
			return nil, fmt.Errorf(`expected a duration such as "45s", "9m" or "1h30m", got %q`, from.String())
		}
		return config.Duration(d), nil
	}
	if isNumber(from) {
		if n, ok := wholeNumber(from); ok && n.zero() {
			return config.Duration(0), nil
		}
		n := describe(from)
		return nil, fmt.Errorf(`%s has no unit: write a duration such as "%ss" or "%sm"`, n, n, n)
	}
	return nil, fmt.Errorf(`expected a duration such as "45s", "9m" or "1h30m", got %s`, describe(from))
}

func isNumber(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

// whole is a whole number as the file gave it: an integer exactly, or a
// float64 with no fraction. An integer is never put through a float64,
// which holds only 53 bits: a seed of 2^53+1 would be read as 2^53.
type whole struct {
	v reflect.Value // of kind Int…, Uint… or Float…
}

// wholeNumber reports v as a whole number when it is a number with no
// fraction.
func wholeNumber(v reflect.Value) (whole, bool) {
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return whole{v}, true
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		return whole{v}, f == math.Trunc(f) && !math.IsInf(f, 0)
	}
	return whole{}, false
}

func (n whole) zero() bool { return n.v.IsZero() }

// fitsInt reports whether n fits the signed integer to, exactly.
func (n whole) fitsInt(to reflect.Value) bool {
	switch n.v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return !to.OverflowInt(n.v.Int())
	case reflect.Float32, reflect.Float64:
		f := n.v.Float() // 2^63 is exact as a float64; MaxInt64 is not
		return f >= math.MinInt64 && f < 1<<63 && !to.OverflowInt(int64(f))
	}
	u := n.v.Uint()
	return u <= math.MaxInt64 && !to.OverflowInt(int64(u))
}

// fitsUint reports whether n fits the unsigned integer to, exactly.
func (n whole) fitsUint(to reflect.Value) bool {
	switch n.v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		i := n.v.Int()
		return i >= 0 && !to.OverflowUint(uint64(i))
	case reflect.Float32, reflect.Float64:
		f := n.v.Float() // 2^64 is exact as a float64; MaxUint64 is not
		return f >= 0 && f < 1<<64 && !to.OverflowUint(uint64(f))
	}
	return !to.OverflowUint(n.v.Uint())
}

// describe shows a value from the file the way the user wrote it.
func describe(v reflect.Value) string {
	switch v.Kind() {
	case reflect.String:
		return strconv.Quote(v.String())
	case reflect.Map:
		return "a mapping"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Float32, reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'g', -1, 64)
	}
	return fmt.Sprint(v.Interface())
}

// flatten walks mapstructure's error tree (errors.Join of *DecodeError,
// wrapped once in "decoding failed due to the following error(s)") into
// our problems. mapstructure names paths "queues[0].routes[ed]"; map keys
// become ".ed" so that paths read the same as --set paths.
func flatten(err error, out *[]config.Problem) {
	if err == nil {
		return
	}
	var de *mapstructure.DecodeError
	switch e := err.(type) {
	case *mapstructure.DecodeError:
		de = e
	case interface{ Unwrap() []error }:
		for _, c := range e.Unwrap() {
			flatten(c, out)
		}
		return
	case interface{ Unwrap() error }:
		flatten(e.Unwrap(), out)
		return
	default:
		*out = append(*out, config.Problem{Msg: err.Error()})
		return
	}
	path := cleanPath(de.Name())
	inner := de.Unwrap()
	var ute *mapstructure.UnconvertibleTypeError
	msg := inner.Error()
	switch {
	case strings.HasPrefix(msg, "has invalid keys: "):
		for _, k := range strings.Split(strings.TrimPrefix(msg, "has invalid keys: "), ", ") {
			*out = append(*out, config.Problem{Path: join(path, k), Msg: "unknown key" + config.Suggest(path, k)})
		}
		return
	case errors.As(inner, &ute):
		msg = fmt.Sprintf("expected %s, got %s", ute.Expected.Type(), describe(reflect.ValueOf(ute.Value)))
	}
	*out = append(*out, config.Problem{Path: path, Msg: msg})
}

var mapKey = regexp.MustCompile(`\[([^\]]*[^\]0-9][^\]]*)\]`)

func cleanPath(name string) string { return mapKey.ReplaceAllString(name, ".$1") }

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
