// Package xlsx writes the sheets of a report, comparison, sweep or
// staffing search (results.Sheet) as an Excel workbook, with excelize:
// a worksheet a sheet, the header bold and frozen, numbers as numbers,
// shares in per cent. The only package that uses excelize.
//
// The same sheets give the same bytes: excelize writes the parts of the
// workbook in sorted order with zip entries that carry no time, and the
// document's created and modified dates are set to a fixed date, not the
// clock.
package xlsx

import (
	"io"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"spoa/results"
)

// fixedDate stands for when the workbook was made, so that one scenario
// and seed give the same bytes.
const fixedDate = "2000-01-01T00:00:00Z"

// Write writes the sheets as a workbook to w.
func Write(w io.Writer, sheets []results.Sheet) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "spoa", Created: fixedDate, Modified: fixedDate, Title: title(sheets)}); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	percent, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("0.0%")})
	if err != nil {
		return err
	}
	decimal, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("#,##0.0##")})
	if err != nil {
		return err
	}
	for i, s := range sheets {
		name := s.Name
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		widths := make([]int, len(s.Head))
		for c, h := range s.Head {
			cell, _ := excelize.CoordinatesToCellName(c+1, 1)
			if err := f.SetCellStr(name, cell, h); err != nil {
				return err
			}
			widths[c] = min(max(utf8.RuneCountInString(h)/2+2, 8), 30)
		}
		if len(s.Head) > 0 {
			end, _ := excelize.CoordinatesToCellName(len(s.Head), 1)
			if err := f.SetCellStyle(name, "A1", end, bold); err != nil {
				return err
			}
		}
		for r, row := range s.Rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
				if err := setCell(f, name, cell, v, percent, decimal); err != nil {
					return err
				}
				if v.Kind == results.Text && c < len(widths) {
					widths[c] = min(max(widths[c], utf8.RuneCountInString(v.Text)+2), 60)
				}
			}
		}
		for c, wd := range widths {
			col, _ := excelize.ColumnNumberToName(c + 1)
			if err := f.SetColWidth(name, col, col, float64(wd)); err != nil {
				return err
			}
		}
		if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, XSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight"}); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}

// setCell writes one cell, a number with its format.
func setCell(f *excelize.File, sheet, cell string, v results.Cell, percent, decimal int) error {
	switch v.Kind {
	case results.Number:
		if err := f.SetCellFloat(sheet, cell, v.Num, -1, 64); err != nil {
			return err
		}
		style := decimal
		if v.Percent {
			style = percent
		}
		return f.SetCellStyle(sheet, cell, cell, style)
	case results.Text:
		return f.SetCellStr(sheet, cell, v.Text)
	case results.Bool:
		return f.SetCellBool(sheet, cell, v.Bool)
	}
	return nil
}

// title names the workbook by what its first sheet says was run.
func title(sheets []results.Sheet) string {
	if len(sheets) > 0 && len(sheets[0].Rows) > 0 && len(sheets[0].Rows[0]) > 1 {
		return "spoa: " + sheets[0].Rows[0][1].Text
	}
	return "spoa"
}

func ptr[T any](v T) *T { return &v }
