package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"spoa/results"
)

// workbook is an .xlsx read back: each sheet's rows of raw cell values
// (numbers as written, not as formatted), and the file to ask more of.
type workbook struct {
	t    *testing.T
	f    *excelize.File
	path string
}

func openWorkbook(t *testing.T, path string) workbook {
	t.Helper()
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return workbook{t, f, path}
}

// cell is the value in the sheet's row whose first cell is row and the
// column headed col; it must be a number cell.
func (wb workbook) num(sheet, row, col string) float64 {
	wb.t.Helper()
	rows, err := wb.f.GetRows(sheet, excelize.Options{RawCellValue: true})
	require.NoError(wb.t, err, sheet)
	c := slices.Index(rows[0], col)
	require.GreaterOrEqual(wb.t, c, 0, "%s: no column %q in %q", sheet, col, rows[0])
	for i, r := range rows[1:] {
		if len(r) > 0 && r[0] == row {
			name, _ := excelize.CoordinatesToCellName(c+1, i+2)
			typ, err := wb.f.GetCellType(sheet, name)
			require.NoError(wb.t, err)
			require.Contains(wb.t, []excelize.CellType{excelize.CellTypeNumber, excelize.CellTypeUnset}, typ, "%s!%s is a number", sheet, name)
			x, err := strconv.ParseFloat(r[c], 64)
			require.NoError(wb.t, err, "%s!%s", sheet, name)
			return x
		}
	}
	wb.t.Fatalf("%s: no row %q", sheet, row)
	return 0
}

func near(t *testing.T, want, got float64, what string) {
	t.Helper()
	require.InDelta(t, want, got, 1e-9*math.Max(1, math.Abs(want)), what)
}

// runBoth runs spoa with args, once writing the workbook and once JSON,
// and reads the JSON into v.
func runBoth(t *testing.T, dir, name string, v any, args ...string) workbook {
	t.Helper()
	x := filepath.Join(dir, name+".xlsx")
	code, _, stderr := spoa(t, append(args, "-o", x)...)
	require.Contains(t, []int{exitOK, exitUnmet}, code, stderr)
	code, out, stderr := spoa(t, append(args, "-f", "json")...)
	require.Contains(t, []int{exitOK, exitUnmet}, code, stderr)
	require.NoError(t, json.Unmarshal([]byte(out), v))
	return openWorkbook(t, x)
}

// spoa run -o report.xlsx: a sheet a section; figures a day where the
// table shows them a day; shares as shares of 1 (shown in per cent);
// each figure the report's.
func TestRunWorkbook(t *testing.T) {
	dir := t.TempDir()
	var r results.Report
	args := []string{"run", "-c", "blmk-hub-equal", "-r", "2", "--days", "2", "--warmup", "1"}
	wb := runBoth(t, dir, "run", &r, args...)
	require.Equal(t, []string{"run", "queues", "pools", "streams", "channels", "destinations", "targets", "by hour of day", "by hour of week", "warnings"}, wb.f.GetSheetList())
	for _, q := range r.Order.Queues {
		fig := r.Queues[q]
		near(t, fig.Get("offered").Mean/r.Days, wb.num("queues", q, "offered a day"), q+" offered")
		near(t, fig.Get("abandon_fraction").Mean, wb.num("queues", q, "abandoned (%)"), q+" abandoned")
		if f := fig.Get("asa_s"); f.Measured() {
			near(t, f.Mean, wb.num("queues", q, "mean wait (s)"), q+" mean wait")
		}
	}
	for _, p := range r.Order.Pools {
		near(t, r.Pools[p].Get("utilisation").Mean, wb.num("pools", p, "utilisation (%)"), p)
		near(t, r.Pools[p].Get("staff_hours").Mean/r.Days, wb.num("pools", p, "staff hours a day (hours)"), p)
		near(t, r.Pools[p].Get("wte").Mean, wb.num("pools", p, "WTE (WTE)"), p)
	}
	for _, d := range r.Order.Destinations {
		near(t, r.Destinations[d].Get("per_day").Mean, wb.num("destinations", d, "contacts a day"), d)
		near(t, r.Destinations[d].PerDayStream["nhs111"].Mean, wb.num("destinations", d, "from nhs111 a day"), d)
	}
	for _, tg := range r.Targets {
		near(t, tg.Achieved.Mean, wb.num("targets", tg.Queue, "achieved (%)"), tg.Queue)
		near(t, tg.Fraction, wb.num("targets", tg.Queue, "target (%)"), tg.Queue)
		if f := r.Hourly["service_level"][tg.Queue][9]; f.Measured() { // an empty cell where nobody was answered
			near(t, f.Mean, wb.num("by hour of day", "9", tg.Queue+" answered within target (%)"), tg.Queue)
		}
	}
	near(t, r.Hourly["arrivals"]["nhs111"][14].Mean, wb.num("by hour of day", "14", "nhs111 arrivals a day"), "arrivals")
	near(t, float64(r.Replications), wb.num("run", "replications", "value"), "replications")

	// The same scenario and seed give the same bytes.
	again := filepath.Join(dir, "again.xlsx")
	code, _, stderr := spoa(t, append(args, "-o", again)...)
	require.Equal(t, exitOK, code, stderr)
	a, err := os.ReadFile(wb.path)
	require.NoError(t, err)
	b, err := os.ReadFile(again)
	require.NoError(t, err)
	require.Equal(t, a, b, "same scenario and seed, same workbook")
}

// spoa compare -o c.xlsx: a sheet a section, each scenario's figure and
// the paired difference with its CI, as the comparison has them.
func TestCompareWorkbook(t *testing.T) {
	var c results.Comparison
	wb := runBoth(t, t.TempDir(), "compare", &c, "compare", "blmk-current", "blmk-hub-equal", "-r", "3", "--days", "2", "--warmup", "1")
	checked := 0
	for _, row := range c.Rows {
		if row.Section != "streams" || row.Measure != "asa_s" {
			continue
		}
		rows, err := wb.f.GetRows("streams", excelize.Options{RawCellValue: true})
		require.NoError(t, err)
		for i, r := range rows {
			if len(r) > 1 && r[0] == row.Name && r[1] == "mean wait" {
				x := func(col string) float64 {
					v, err := strconv.ParseFloat(r[slices.Index(rows[0], col)], 64)
					require.NoError(t, err, "row %d %s", i, col)
					return v
				}
				near(t, row.Values[0].Mean, x("blmk-current"), row.Name)
				near(t, row.Values[1].Mean, x("blmk-hub-equal"), row.Name)
				near(t, row.Diffs[1].Mean, x("blmk-hub-equal − blmk-current"), row.Name)
				near(t, row.Diffs[1].CI95Low, x("95% CI low"), row.Name)
				checked++
			}
		}
	}
	require.Equal(t, 5, checked, "every stream's mean wait")
	require.Contains(t, wb.f.GetSheetList(), "destinations")
}

// spoa sweep -o s.xlsx: a row a point, as the sweep's JSON has them.
func TestSweepWorkbook(t *testing.T) {
	var sw struct {
		Points []struct {
			WTE         float64            `json:"wte"`
			Utilisation map[string]float64 `json:"utilisation"`
			Targets     []results.TargetResult
		} `json:"points"`
	}
	wb := runBoth(t, t.TempDir(), "sweep", &sw, "sweep", "-c", "mmc", "-r", "2", "--days", "2", "--vary", "pools.agents.staff=19,21",
		"--set", "queues.q.target.within=20s", "--set", "queues.q.target.fraction=0.8")
	require.Len(t, sw.Points, 2)
	for i, staff := range []string{"19", "21"} {
		near(t, sw.Points[i].WTE, wb.num("sweep", staff, "WTE"), staff)
		near(t, sw.Points[i].Utilisation["agents"], wb.num("sweep", staff, "agents utilisation (%)"), staff)
		near(t, sw.Points[i].Targets[0].Achieved.Mean, wb.num("sweep", staff, "q 80.0% in 20s achieved (%)"), staff)
	}
}

// spoa staff --report st.xlsx: each pool's hours and WTE, and its staff
// by hour of the week, as the search's JSON has them.
func TestStaffWorkbook(t *testing.T) {
	var st struct {
		Pools []struct {
			Name        string  `json:"name"`
			WTE         float64 `json:"wte"`
			OnDutyHours float64 `json:"on_duty_hours"`
			OnDuty      []int   `json:"on_duty"`
			Own         []int   `json:"scenario_on_duty"`
		} `json:"pools"`
		Total struct {
			WTE float64 `json:"wte"`
		} `json:"total"`
	}
	dir := t.TempDir()
	x := filepath.Join(dir, "staff.xlsx")
	args := []string{"staff", "-c", "mmc", "-r", "2", "--days", "2", "--set", "queues.q.target.within=20s", "--set", "queues.q.target.fraction=0.8"}
	code, _, stderr := spoa(t, append(args, "--report", x)...)
	require.Equal(t, exitOK, code, stderr)
	code, out, stderr := spoa(t, append(args, "-f", "json")...)
	require.Equal(t, exitOK, code, stderr)
	require.NoError(t, json.Unmarshal([]byte(out), &st))
	wb := openWorkbook(t, x)
	require.Equal(t, []string{"search", "pools", "by hour of week", "shifts"}, wb.f.GetSheetList())
	p := st.Pools[0]
	near(t, p.WTE, wb.num("pools", p.Name, "WTE"), "WTE")
	near(t, p.OnDutyHours, wb.num("pools", p.Name, "on duty (hours a week)"), "on duty")
	near(t, st.Total.WTE, wb.num("pools", "total", "WTE"), "total")
	rows, err := wb.f.GetRows("by hour of week", excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	require.Len(t, rows, 1+168)
	for h := range 168 {
		require.Equal(t, strconv.Itoa(p.OnDuty[h]), rows[1+h][4], "hour %d", h)
		require.Equal(t, strconv.Itoa(p.Own[h]), rows[1+h][7], "hour %d", h)
	}
}

// A workbook is not text: -f xlsx with no file is refused.
func TestWorkbookNotToTerminal(t *testing.T) {
	code, out, stderr := spoa(t, "run", "-c", "mmc", "-f", "xlsx")
	require.Equal(t, exitBadInput, code)
	require.Empty(t, out)
	require.Contains(t, stderr, "a workbook is not text")
}
