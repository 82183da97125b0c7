"""Exports: images through kaleido and Debian's chromium, data files, the cited slide deck."""

import io
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation
from pptx.util import Emu

from lib.charts.catalog import every_chart, model_counts_chart
from lib.export.data_files import data_bytes
from lib.export.images import figure_bytes, parse_size
from lib.export.slides import build_deck


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def charts(datasets, corpus):
    return every_chart(datasets, corpus)


@pytest.fixture(scope="module")
def deck(charts, corpus):
    sources = {sid: source.meta for sid, source in corpus.sources.items()}
    return Presentation(io.BytesIO(build_deck(charts, sources, "light")))


def test_png_svg_pdf(datasets):
    figure = model_counts_chart(datasets).figure
    assert png_size(figure_bytes(figure, "png")) == (1920, 1080)
    svg = ET.fromstring(figure_bytes(figure, "svg"))
    assert svg.tag.endswith("svg")
    assert "Source: Untitled: Ha Jung-woo" in ET.tostring(svg, encoding="unicode")
    assert figure_bytes(figure, "pdf").startswith(b"%PDF")
    assert png_size(figure_bytes(figure, "png", size=(1280, 720), dark=True)) == (1280, 720)


def test_size_parsing():
    assert parse_size("1920x1080") == (1920, 1080)
    with pytest.raises(ValueError, match="not WIDTHxHEIGHT"):
        parse_size("big")


def test_data_files_keep_source_and_quote(datasets):
    chart = model_counts_chart(datasets)
    csv = pd.read_csv(io.BytesIO(data_bytes(chart.data, "csv")))
    assert {"source_id", "quote"} <= set(csv.columns)
    assert csv.loc[csv["country"] == "South Korea", "models"].item() == 14
    sheet = openpyxl.load_workbook(
        io.BytesIO(data_bytes(chart.data, "xlsx", chart.chart_id))
    ).active
    header = [cell.value for cell in sheet[1]]
    assert "quote" in header and sheet.max_row == len(chart.data) + 1


def test_deck_has_title_and_one_cited_slide_per_chart(deck, charts, corpus):
    assert (deck.slide_width, deck.slide_height) == (Emu(12192000), Emu(6858000))
    slides = list(deck.slides)
    assert len(slides) == len(charts) + 1
    assert "Korea AI Policy Dashboard" in slides[0].shapes[0].text_frame.text
    texts = corpus.texts()
    for slide, chart in zip(slides[1:], charts, strict=True):
        kinds = {shape.shape_type for shape in slide.shapes}
        has_content = any(s.has_chart or s.has_table or s.shape_type == 13 for s in slide.shapes)
        assert has_content, (chart.chart_id, kinds)
        lines = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        assert any(line.startswith("Source: ") for line in lines), chart.chart_id
        notes = slide.notes_slide.notes_text_frame.text
        quotes = chart.quotes()
        for row in quotes.itertuples():
            assert f"“{row.quote}”" in notes and row.quote in texts[row.source_id]
        if chart.chart_id == "ordinal-codebook":
            assert "adoption: Nascent = 1" in notes and "data/codebook.toml" in notes
        else:
            assert len(quotes) > 0


def test_deck_uses_native_charts_and_tables(deck):
    by_title = {slide.shapes[0].text_frame.text: slide for slide in list(deck.slides)[1:]}
    bars = next(
        s for s in by_title["AI models by country (share of 271 worldwide)"].shapes if s.has_chart
    )
    series = bars.chart.plots[0].series[0]
    assert list(bars.chart.plots[0].categories) == [
        "United States",
        "China",
        "South Korea",
        "France",
        "Rest of world",
    ]
    assert list(series.values) == [125, 95, 14, 10, 27]
    table = next(
        s for s in by_title["AI policy: South Korea vs global best practice"].shapes if s.has_table
    ).table
    assert table.cell(3, 0).text == "Inclusivity In Development Processes"
    assert table.cell(3, 2).text == "— not stated in the source"
    heat = next(
        s for s in by_title["AI adoption by sector and country"].shapes if s.has_table
    ).table
    assert [heat.cell(0, c).text for c in range(4)] == [
        "Sector",
        "South Korea",
        "United States",
        "China",
    ]
    assert heat.cell(3, 1).text == "Nascent Stage"


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", *args], capture_output=True, text=True, timeout=300
    )


def test_slides_cli(tmp_path):
    out = tmp_path / "deck.pptx"
    result = run(
        "lib.slides", str(out), "--theme", "dark", "--charts", "policy-gaps,model-counts-by-country"
    )
    assert result.returncode == 0, result.stderr
    assert len(Presentation(str(out)).slides) == 3
    bad = run("lib.slides", str(out), "--charts", "nope")
    assert bad.returncode == 2 and "unknown chart id(s) nope" in bad.stderr


def test_figures_cli_writes_every_chart(tmp_path, charts):
    result = run("lib.figures", str(tmp_path), "--format", "svg", "--size", "1920x1080")
    assert result.returncode == 0, result.stderr
    assert sorted(p.stem for p in tmp_path.glob("*.svg")) == sorted(c.chart_id for c in charts)
    bad = run("lib.figures", str(tmp_path), "--size", "huge")
    assert bad.returncode == 2 and "size 'huge' is not WIDTHxHEIGHT" in bad.stderr


@pytest.mark.parametrize("module", ["lib.figures", "lib.slides"])
def test_export_commands_have_help_and_are_documented(module):
    assert run(module, "--help").returncode == 0
    assert f"python -m {module}" in Path("README.md").read_text(encoding="utf-8")


def test_hosting_files():
    assert Path("packages.txt").read_text().split() == ["chromium", "fonts-noto-cjk"]
    assert Path("packages-dev.txt").read_text().split() == ["postgresql", "haproxy"]  # tests, bench
    config = Path(".streamlit/config.toml").read_text()
    assert "gatherUsageStats = false" in config and "maxUploadSize" in config
    assert "streamlit[auth]==" in Path("requirements.txt").read_text()
