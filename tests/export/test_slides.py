"""The slide deck, opened as PowerPoint opens it: everything on its slide, readable, one title.

Geometry is checked from the .pptx itself (python-pptx does not autofit tables, so a row is only
as tall as its text if the deck made it so): every shape inside the slide, every table above its
slide's source line with rows tall enough for their wrapped text (estimated here independently
of the deck's own estimate), source lines of 10 pt or more, ordinal data kept as level words, one
title and one source line on a custom chart, and a dark theme that is dark throughout.
"""

from __future__ import annotations

import io
import math
import unicodedata

import pandas as pd
import plotly.graph_objects as go
import pytest
from pptx import Presentation
from pptx.util import Emu, Pt

from lib.charts.catalog import Chart, codebook_chart, codebook_frame, every_chart
from lib.charts.custom import table_chart
from lib.datasets.uploads import table_frame
from lib.export import images
from lib.export.slides import build_deck
from lib.extraction.document import ingest_bytes

SLIDE_W, SLIDE_H = Emu(12192000), Emu(6858000)
EMU_PER_PT = 12700
DARK_FILL = 0.2  # relative luminance below which a fill counts as dark
LIGHT_TEXT = 0.35  # and above which text counts as light
LEVEL_WORDS = ["Struggling", "Emerging", "Early stages", "Moderate", "High", "Very High"]

UPLOAD = (
    "Korea's AI sectors in 2025\n\n"
    "Sector | Korea | Japan | Models |\n---|---|---|---|\n"
    "Healthcare | Intermediate Adoption | Advanced Deployment | 14 models |\n"
    "Finance | Advanced Deployment | Pioneering Implementation | 9 models |\n"
    "Manufacturing and robotics | Nascent Stage | Intermediate Adoption | 3 models |\n"
)
UPLOAD_META = {
    "title": "Uploaded table of Korea's AI sectors",
    "publisher": "Test Daily",
    "published": "2025-06-01",
}


# --- building the decks ------------------------------------------------------------------------


def custom_charts() -> tuple[list[Chart], dict[str, dict]]:
    source = ingest_bytes(UPLOAD.encode("utf-8"), "upload.txt")
    source.meta = {"source_id": source.source_id, **UPLOAD_META}
    table = source.tables[0]
    frame = table_frame(table.columns, table.rows)
    args = (table, source.text, source.meta)
    charts = [
        table_chart(frame, "Sector", ["Korea", "Japan"], "heatmap", *args, "Sector adoption"),
        table_chart(frame, "Sector", ["Models"], "bar", *args, "Models per sector"),
    ]
    return charts, {source.source_id: source.meta}


@pytest.fixture(scope="module")
def every_app_chart(datasets, corpus):
    return every_chart(datasets, corpus)


@pytest.fixture(scope="module")
def built(every_app_chart, corpus):
    """Both themes, native and image decks: (charts, Presentation, figures sent to kaleido)."""
    customs, upload_sources = custom_charts()
    charts = [*every_app_chart, *customs]
    sources = {sid: s.meta for sid, s in corpus.sources.items()} | upload_sources
    decks = {}
    real = images.figure_bytes
    for native in (True, False):
        for theme in ("light", "dark"):
            drawn: list[go.Figure] = []

            def record(figure, *args, drawn=drawn, **kwargs):
                drawn.append(go.Figure(figure))
                return real(figure, *args, **kwargs)

            chosen = charts if native else customs  # images of every chart would take a while
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(images, "figure_bytes", record)
                data = build_deck(chosen, sources, theme, native=native)
            decks[theme, native] = (chosen, Presentation(io.BytesIO(data)), drawn)
    return decks


THEMES_AND_KINDS = [
    ("light", True),
    ("dark", True),
    ("light", False),
    ("dark", False),
]


# --- reading a slide ---------------------------------------------------------------------------


def texts(slide) -> list:
    return [s for s in slide.shapes if s.has_text_frame and s.text_frame.text.strip()]


def source_lines(slide) -> list:
    return [s for s in texts(slide) if s.text_frame.text.startswith("Source: ")]


def chart_slides(deck) -> list:
    return list(deck.slides)[1:]


def bottom(shape) -> int:
    if shape.has_table:
        return shape.top + sum(row.height for row in shape.table.rows)
    return shape.top + shape.height


def font_size(run, paragraph) -> Emu | None:
    return run.font.size or paragraph.font.size


def colour(font):
    try:
        return font.color.rgb
    except AttributeError:  # no colour set: the theme's default (black text)
        return None


def luminance(rgb) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def wrapped_lines(text: str, size: Emu, width: int) -> int:
    """Lines ``text`` takes at ``size`` in ``width`` EMU: half an em a character (a full em for
    CJK), greedy word wrap. Lenient on purpose: a row must be at least this tall."""
    em = size / EMU_PER_PT

    def chars(word: str) -> float:
        return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in word)

    per_line = max(width / EMU_PER_PT / em, 1.0)  # characters of half an em
    total = 0
    for paragraph in text.split("\n"):
        lines, used = 1, 0.0
        for word in paragraph.split():
            need = chars(word)
            if used and used + 0.5 + need > per_line:
                lines, used = lines + 1, 0.0
            if need > per_line:
                lines += math.ceil(need / per_line) - 1
                need = need % per_line
            used += need + (0.5 if used else 0)
        total += lines
    return total


def needed_height(frame, width: int, top: int, bottom_margin: int, side: int) -> int:
    """EMU the text of a text frame needs: 1.15 lines of its biggest font a line."""
    height = top + bottom_margin
    for paragraph in frame.paragraphs:
        sizes = [font_size(run, paragraph) for run in paragraph.runs] or [paragraph.font.size]
        size = max(s or Pt(18) for s in sizes)
        text = paragraph.text.replace("\v", "\n")  # line breaks inside the paragraph
        height += wrapped_lines(text, size, width - 2 * side) * 1.15 * size
    return int(height)


# --- the tests ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("theme", "native"), THEMES_AND_KINDS)
def test_every_shape_is_inside_its_slide(built, theme, native):
    _, deck, _ = built[theme, native]
    assert (deck.slide_width, deck.slide_height) == (SLIDE_W, SLIDE_H)
    for number, slide in enumerate(deck.slides, start=1):
        for shape in slide.shapes:
            where = (theme, native, number, shape.name)
            assert shape.left >= 0 and shape.top >= 0, where
            assert shape.left + shape.width <= SLIDE_W, where
            assert bottom(shape) <= SLIDE_H, where


@pytest.mark.parametrize(("theme", "native"), THEMES_AND_KINDS)
def test_content_sits_between_the_title_and_the_source_line(built, theme, native):
    _, deck, _ = built[theme, native]
    for number, slide in enumerate(chart_slides(deck), start=2):
        (source,) = source_lines(slide)
        title = slide.shapes[0]
        for shape in slide.shapes:
            if shape.has_table or shape.has_chart or shape.shape_type == 13:  # 13: picture
                where = (theme, native, number, title.text_frame.text, shape.name)
                assert bottom(shape) <= source.top, where
                assert shape.top >= title.top + title.height, where


@pytest.mark.parametrize(("theme", "native"), THEMES_AND_KINDS)
def test_table_rows_are_tall_enough_for_their_text(built, theme, native):
    _, deck, _ = built[theme, native]
    for number, slide in enumerate(chart_slides(deck), start=2):
        for shape in (s for s in slide.shapes if s.has_table):
            table = shape.table
            for r, row in enumerate(table.rows):
                for c, column in enumerate(table.columns):
                    cell = table.cell(r, c)
                    need = needed_height(
                        cell.text_frame,
                        column.width,
                        cell.margin_top,
                        cell.margin_bottom,
                        max(cell.margin_left, cell.margin_right),
                    )
                    assert row.height >= need, (theme, number, r, c, cell.text)


@pytest.mark.parametrize(("theme", "native"), THEMES_AND_KINDS)
def test_text_boxes_hold_their_text(built, theme, native):
    _, deck, _ = built[theme, native]
    for number, slide in enumerate(deck.slides, start=1):
        for shape in texts(slide):
            frame = shape.text_frame
            need = needed_height(
                frame, shape.width, frame.margin_top, frame.margin_bottom, frame.margin_left
            )
            assert shape.height >= need, (theme, number, frame.text[:60])


@pytest.mark.parametrize(("theme", "native"), THEMES_AND_KINDS)
def test_source_lines_are_10_pt_or_more(built, theme, native):
    charts, deck, _ = built[theme, native]
    for slide in chart_slides(deck):
        (source,) = source_lines(slide)
        for paragraph in source.text_frame.paragraphs:
            for run in paragraph.runs:  # on the run: PowerPoint treats defRPr as a default only
                size = run.font.size
                assert size is not None and size >= Pt(10), (source.text_frame.text, size)


def test_full_citations_are_in_the_speaker_notes(built, corpus):
    charts, deck, _ = built["light", True]
    slides = {s.shapes[0].text_frame.text: s for s in chart_slides(deck)}
    for chart in charts:
        notes = slides[chart.title].notes_slide.notes_text_frame.text
        for sid in dict.fromkeys(chart.quotes()["source_id"]):
            meta = corpus.sources[sid].meta if sid in corpus.sources else UPLOAD_META
            assert str(meta["title"]) in notes, (chart.chart_id, sid)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_growth_slide_keeps_the_level_words(built, theme):
    _, deck, _ = built[theme, True]
    (slide,) = [s for s in chart_slides(deck) if s.shapes[0].text_frame.text.startswith("AI focus")]
    words = []
    for shape in slide.shapes:
        if shape.has_chart:
            chart = shape.chart
            assert chart.chart_type is None or "LINE" not in str(chart.chart_type), chart.chart_type
            axis = chart.value_axis
            assert (axis.minimum_scale, axis.maximum_scale) != (0.5, 4.5)
            assert not axis.has_title
            words += [str(c) for c in chart.plots[0].categories]
        if shape.has_table:
            words += [cell.text for row in shape.table.rows for cell in row.cells]
        if shape.has_text_frame:
            words.append(shape.text_frame.text)
    shown = "\n".join(words)
    for word in LEVEL_WORDS:
        assert word in shown, word


@pytest.mark.parametrize(("theme", "native"), THEMES_AND_KINDS)
def test_custom_chart_has_one_title_and_one_source_line(built, theme, native):
    charts, deck, drawn = built[theme, native]
    customs = [c for c in charts if c.chart_id.startswith("custom-")]
    slides = {s.shapes[0].text_frame.text: s for s in chart_slides(deck)}
    for chart in customs:
        slide = slides[chart.title]
        titled = [s for s in texts(slide) if chart.title in s.text_frame.text]
        assert len(titled) == 1, chart.chart_id
        (source,) = source_lines(slide)
        assert "Test Daily" in source.text_frame.text
        assert "&" not in source.text_frame.text  # plotly's escaping stays out of the slide
    pictures = [s for s in chart_slides(deck) for s in s.shapes if s.shape_type == 13]
    assert len(pictures) == len(drawn)
    for figure in drawn:  # what the pictures were drawn from: no title, no caption
        assert not figure.layout.title.text, figure.layout.title.text
        captions = [a.text for a in figure.layout.annotations if "Source:" in (a.text or "")]
        assert not captions


@pytest.mark.parametrize(("theme", "native"), [("dark", True), ("dark", False)])
def test_dark_theme_is_dark_throughout(built, theme, native):
    _, deck, _ = built[theme, native]
    for number, slide in enumerate(deck.slides, start=1):
        background = slide.background.fill.fore_color.rgb
        assert luminance(background) < DARK_FILL, number
        for shape in texts(slide):
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    rgb = colour(run.font)
                    assert rgb is not None and luminance(rgb) > LIGHT_TEXT, (number, run.text)
                    assert contrast(rgb, background) >= 4.5, (number, run.text)
        for shape in slide.shapes:
            if shape.has_table:
                for row in shape.table.rows:
                    for cell in row.cells:
                        assert cell.fill.type is not None, (number, cell.text)  # not the style's
                        fill = cell.fill.fore_color.rgb
                        assert luminance(fill) < DARK_FILL, (number, cell.text, fill)
                        for paragraph in cell.text_frame.paragraphs:
                            for run in paragraph.runs:
                                rgb = colour(run.font)
                                assert rgb is not None, (number, cell.text)
                                assert luminance(rgb) > LIGHT_TEXT, (number, cell.text)
                                assert contrast(rgb, fill) >= 4.5, (number, cell.text)
            if shape.has_chart:
                chart = shape.chart
                space = chart._chartSpace
                for fill in space.xpath("./c:spPr/a:solidFill/a:srgbClr") + space.xpath(
                    "./c:chart/c:plotArea/c:spPr/a:solidFill/a:srgbClr"
                ):
                    assert luminance(bytes.fromhex(fill.get("val"))) < DARK_FILL, number
                assert space.xpath("./c:spPr/a:solidFill"), "chart area left to the viewer"
                fonts = [chart.font, chart.category_axis.tick_labels.font]
                fonts += [chart.value_axis.tick_labels.font]
                fonts += [chart.legend.font] if chart.has_legend else []
                for font in fonts:
                    rgb = colour(font)
                    assert rgb is not None and luminance(rgb) > LIGHT_TEXT, number


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_table_text_contrasts_with_its_cell(built, theme):
    _, deck, _ = built[theme, True]
    for slide in chart_slides(deck):
        for shape in (s for s in slide.shapes if s.has_table):
            for row in shape.table.rows:
                for cell in row.cells:
                    fill = cell.fill.fore_color.rgb
                    for paragraph in cell.text_frame.paragraphs:
                        for run in paragraph.runs:
                            rgb = colour(run.font) or colour(paragraph.font)
                            assert contrast(rgb, fill) >= 4.5, (theme, cell.text, fill, rgb)


def test_a_long_table_is_split_across_slides_with_its_header():
    frame = pd.concat([codebook_frame()] * 4, ignore_index=True)
    frame["meaning"] = frame["meaning"] + ", as the sources describe it at some length"
    base = codebook_chart()
    chart = Chart(base.chart_id, base.title, frame, base.figure, base.alt)
    deck = Presentation(io.BytesIO(build_deck([chart], {}, "light")))
    slides = chart_slides(deck)
    assert len(slides) > 1
    total = len(slides)
    rows = []
    for number, slide in enumerate(slides, start=1):
        assert slide.shapes[0].text_frame.text == f"{chart.title} ({number} of {total})"
        (table,) = [s for s in slide.shapes if s.has_table]
        (source,) = source_lines(slide)
        assert bottom(table) <= source.top
        cells = [[cell.text for cell in row.cells] for row in table.table.rows]
        assert cells[0] == ["Scale", "Term", "Score", "Meaning"]
        cells_text = [c.text_frame for row in table.table.rows for c in row.cells]
        for run in (r for frame in cells_text for p in frame.paragraphs for r in p.runs):
            assert run.font.size >= Pt(10)
        rows += cells[1:]
    assert [row[1] for row in rows] == frame["term"].tolist()
    assert [row[3] for row in rows] == frame["meaning"].tolist()
