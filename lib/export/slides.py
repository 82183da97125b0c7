"""A 16:9 deck, one slide per chart, every number cited (``python -m lib.slides`` builds it).

Bars and lines become native, editable PowerPoint charts; ordinal data (the heatmap, the growth
projections, the policy gaps, the codebook, a custom heatmap) becomes native tables whose cells
name their level and are coloured by it; a kaleido image of the figure, drawn without its own
title and caption, is the fallback for any other chart. Each chart slide has one title, one source
line (short names, 10 pt or more) at the bottom and speaker notes with the full citations (title,
publisher, date) and the verbatim excerpts behind the chart.

python-pptx neither autofits tables nor measures text, so the deck estimates how many lines each
text wraps to (generous character widths, greedy word wrap) and sizes every text box and table
row to hold it: a table shrinks to 12 pt at the least and is split across slides ("… (1 of 2)")
when it still does not fit above the source line.
"""

from __future__ import annotations

import html
import io
import math
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
import plotly.graph_objects as go
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.util import Emu, Inches, Pt

from lib.charts.builders import ORDINAL_COLOURS, scale_ticks
from lib.charts.catalog import Chart
from lib.charts.citations import APP_NAME, citation, short_name
from lib.reference.countries import country_colour

SLIDE_WIDTH, SLIDE_HEIGHT = Emu(12192000), Emu(6858000)  # 16:9
MARGIN = Inches(0.5)  # left and right
CONTENT_WIDTH = SLIDE_WIDTH - 2 * MARGIN
TITLE_TOP = Inches(0.25)
BOTTOM_MARGIN = Inches(0.15)
GAP = Inches(0.12)
MISSING_TEXT = "— not stated in the source"

# Text estimates (points): generous, so a box or row is never shorter than its text.
LINE_HEIGHT = 1.2  # of the font size
CJK_LINE_HEIGHT = 1.5  # Noto Sans CJK sets its lines further apart
BOX_INSET_X, BOX_INSET_Y = Inches(0.1), Inches(0.05)  # python-pptx's text box defaults
CELL_INSET_X, CELL_INSET_Y = Inches(0.08), Inches(0.05)
TITLE_SIZES = (28, 26, 24, 22)  # one line at the largest that fits, else wrapped at the smallest
TABLE_SIZES = (18, 16, 15, 14, 13, 12)  # the largest that fits; below 12 pt a table is split
ROW_SPARE = Inches(0.3)  # at most this much added to a row of a table that has room
SOURCE_SIZES = (11, 10)
SOURCE_LINES = 3  # at most, at 10 pt
NOTE_SIZE = 11
EMU_PER_PT = 12700


@dataclass(frozen=True)
class Theme:
    """Colours of a light or dark deck (hex strings for the fills drawn as colours)."""

    background: RGBColor
    text: RGBColor
    muted: RGBColor
    accent: RGBColor
    header_fill: str
    body_fills: tuple[str, str]  # alternating rows
    missing_fill: str
    missing_text: RGBColor
    grid: str
    ordinal: tuple[str, ...]  # fill per codebook score 1..4
    ordinal_text: tuple[RGBColor, ...]
    further: str  # how the ordinal fills read: "Darker" or "Brighter" = further along


WHITE, NEAR_BLACK = RGBColor(0xFF, 0xFF, 0xFF), RGBColor(0x11, 0x11, 0x11)
THEMES = {
    "light": Theme(
        background=RGBColor(0xFF, 0xFF, 0xFF),
        text=RGBColor(0x1F, 0x29, 0x37),
        muted=RGBColor(0x5F, 0x63, 0x68),
        accent=RGBColor(0x00, 0x72, 0xB2),
        header_fill="#DCE3EA",
        body_fills=("#FFFFFF", "#F3F5F8"),
        missing_fill="#E5E5E5",
        missing_text=RGBColor(0x55, 0x55, 0x55),
        grid="#D0D5DB",
        ordinal=tuple(ORDINAL_COLOURS),  # the codebook colours of every figure
        ordinal_text=(NEAR_BLACK, NEAR_BLACK, WHITE, WHITE),
        further="Darker",
    ),
    "dark": Theme(
        background=RGBColor(0x11, 0x14, 0x1A),
        text=RGBColor(0xF3, 0xF4, 0xF6),
        muted=RGBColor(0xB0, 0xB0, 0xB0),
        accent=RGBColor(0x56, 0xB4, 0xE9),
        header_fill="#2B3441",
        body_fills=("#1A1F27", "#212733"),
        missing_fill="#2E2E2E",
        missing_text=RGBColor(0xC8, 0xC8, 0xC8),
        grid="#3A4350",
        # The codebook's blues kept dark enough for light text: brighter = further along.
        ordinal=("#1F3A5A", "#1D4F80", "#1F65A6", "#2470BB"),
        ordinal_text=(WHITE, WHITE, WHITE, WHITE),
        further="Brighter",
    ),
}


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _hex(colour: RGBColor) -> str:
    return f"#{colour}"


# --- measuring text ----------------------------------------------------------------------------

_NARROW = set("ijlI.,;:!'|’‘`·")
_SEMI = set('frt()[]{}/\\-"“”*')
_BROAD = set("mwMW@%—…")


def _char_em(ch: str) -> float:
    """A character's advance in ems, rounded up from a wide sans (DejaVu Sans)."""
    if _is_wide(ch):
        return 1.0
    if ch == " ":
        return 0.34
    if ch in _NARROW:
        return 0.32
    if ch in _SEMI:
        return 0.46
    if ch in _BROAD:
        return 1.0
    if ch.isupper():
        return 0.76
    if ch.isdigit():
        return 0.64
    if ch.isascii():
        return 0.62
    return 0.7


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Points ``text`` takes on one line at ``size`` points."""
    return sum(_char_em(ch) for ch in text) * size * (1.1 if bold else 1.04)


def wrapped_lines(text: str, size: float, width: float, bold: bool = False) -> int:
    """Lines ``text`` wraps to at ``size`` points in ``width`` points (greedy word wrap, each
    ``\\n`` a new line, a word wider than the line broken)."""
    width = max(width, size)
    space = text_width(" ", size, bold)
    total = 0
    for paragraph in text.split("\n"):
        lines, used = 1, 0.0
        for word in paragraph.split():
            need = text_width(word, size, bold)
            if used and used + space + need > width:
                lines, used = lines + 1, 0.0
            if need > width:
                extra = math.ceil(need / width) - 1
                lines += extra
                need -= extra * width
            used += need + (space if used else 0.0)
        total += lines
    return total


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def text_height(text: str, size: float, width: float, bold: bool = False) -> float:
    """Points of height ``text`` needs at ``size`` points in ``width`` points (Korean text falls
    back to a CJK font with taller lines)."""
    spacing = CJK_LINE_HEIGHT if any(_is_wide(ch) for ch in text) else LINE_HEIGHT
    return wrapped_lines(text, size, width, bold) * size * spacing


def _pt(emu: int) -> float:
    return emu / EMU_PER_PT


def _clip(text: str, size: float, width: float, lines: int, bold=False, suffix="") -> str:
    """``text`` cut at a word, with an ellipsis, so that it and ``suffix`` fit ``lines`` lines."""
    if wrapped_lines(text + suffix, size, width, bold) <= lines:
        return text + suffix
    words = text.split()
    low, high = 0, len(words)
    while low < high:  # the most words that fit with the ellipsis
        middle = (low + high + 1) // 2
        if wrapped_lines(" ".join(words[:middle]) + " …" + suffix, size, width, bold) <= lines:
            low = middle
        else:
            high = middle - 1
    return " ".join(words[:low]) + " …" + suffix


# --- text on a slide ---------------------------------------------------------------------------


def _set_run(run, size: float, colour: RGBColor, bold: bool = False, italic: bool = False):
    """Font on the run itself (PowerPoint treats a paragraph's defaults as defaults only)."""
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run.font.color.rgb = colour


def _write(
    frame,
    lines: Sequence[str],
    size: float,
    colour: RGBColor,
    bold=False,
    italic=False,
    first_bold: bool = False,
) -> None:
    """One paragraph per line, the font set on each run and on the paragraph's end mark."""
    frame.clear()
    for number, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = line
        _set_run(run, size, colour, bold or (first_bold and number == 0), italic)
        end = paragraph._p.get_or_add_endParaRPr()
        end.set("sz", str(int(size * 100)))


def _textbox(
    slide,
    left,
    top,
    width,
    text: str,
    size: float,
    colour: RGBColor,
    bold=False,
    height: int | None = None,
) -> object:
    """A text box as tall as its wrapped text (or ``height``); returns the shape."""
    inner = _pt(width - 2 * BOX_INSET_X)
    need = Pt(text_height(text, size, inner, bold)) + 2 * BOX_INSET_Y
    shape = slide.shapes.add_textbox(left, top, width, height or need)
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = BOX_INSET_X
    frame.margin_top = frame.margin_bottom = BOX_INSET_Y
    _write(frame, text.split("\n"), size, colour, bold)
    return shape


def _title_size(title: str) -> tuple[int, int]:
    """Font size of a slide title and its height in EMU: one line at the largest size that
    fits, else wrapped at the smallest."""
    inner = _pt(CONTENT_WIDTH - 2 * BOX_INSET_X)
    size = next((s for s in TITLE_SIZES if wrapped_lines(title, s, inner, True) == 1), None)
    size = size or TITLE_SIZES[-1]
    return size, Pt(text_height(title, size, inner, True)) + 2 * BOX_INSET_Y


def _title(slide, title: str, theme: Theme) -> int:
    """The slide title; returns its bottom edge."""
    size, height = _title_size(title)
    _textbox(slide, MARGIN, TITLE_TOP, CONTENT_WIDTH, title, size, theme.text, True, height)
    return TITLE_TOP + height


# --- sources -----------------------------------------------------------------------------------


def _cited_ids(chart: Chart) -> list[str]:
    """The sources behind a chart: those of its quotes, else of its data's source_id column."""
    quotes = chart.quotes()
    if len(quotes):
        return [str(sid) for sid in dict.fromkeys(quotes["source_id"])]
    if "source_id" in chart.data.columns:
        return [str(sid) for sid in dict.fromkeys(chart.data["source_id"].dropna())]
    return []


def figure_caption(figure: go.Figure) -> str | None:
    """The figure's own "Source: …" caption as plain text (plotly's escaping and line breaks
    undone), or None."""
    for annotation in reversed(figure.layout.annotations or ()):
        text = html.unescape((annotation.text or "").replace("<br>", " "))
        if text.lstrip().startswith("Source:"):
            return " ".join(text.split())
    return None


def _dated(meta: Mapping[str, object]) -> str:
    published = str(meta.get("published") or "unknown")
    estimate = str(meta.get("published_estimate") or "")
    if published != "unknown":
        return f" ({published})"
    return f" (est. {estimate})" if estimate else ""


def _fits_source_line(text: str) -> int | None:
    """The largest source-line size at which ``text`` fits its lines, or None."""
    inner = _pt(CONTENT_WIDTH - 2 * BOX_INSET_X)
    for size in SOURCE_SIZES:
        lines = wrapped_lines(text, size, inner)
        if lines <= (2 if size > min(SOURCE_SIZES) else SOURCE_LINES):
            return size
    return None


def source_line(chart: Chart, sources: Mapping[str, Mapping[str, object]]) -> str:
    """The slide's "Source: …" line: short names (publisher: title, date), the full citations
    being in the speaker notes; a chart without known sources keeps its figure's caption."""
    ids = [sid for sid in _cited_ids(chart) if sid in sources]
    if not ids:
        caption = figure_caption(chart.figure) or "Source: not recorded."
        if _fits_source_line(caption):
            return caption
        inner = _pt(CONTENT_WIDTH - 2 * BOX_INSET_X)
        suffix = " (full citation in the speaker notes)"
        return _clip(caption, min(SOURCE_SIZES), inner, SOURCE_LINES, suffix=suffix)
    notes = "Full citations in the speaker notes."
    for limit in (70, 50, 36, 24):
        names = [short_name(sources[sid], limit) + _dated(sources[sid]) for sid in ids]
        text = f"Source: {'; '.join(names)}. {notes}"
        if _fits_source_line(text):
            return text
    for shown in range(len(ids) - 1, 0, -1):
        names = [short_name(sources[sid], 24) for sid in ids[:shown]]
        text = f"Source: {'; '.join(names)}; and {len(ids) - shown} more. {notes}"
        if _fits_source_line(text):
            return text
    return f"Source: {len(ids)} sources. {notes}"


def _source_box(slide, text: str, theme: Theme) -> int:
    """The source line at the bottom of the slide; returns its top edge."""
    size = _fits_source_line(text) or min(SOURCE_SIZES)
    inner = _pt(CONTENT_WIDTH - 2 * BOX_INSET_X)
    height = Pt(text_height(text, size, inner)) + 2 * BOX_INSET_Y
    top = SLIDE_HEIGHT - BOTTOM_MARGIN - height
    shape = _textbox(slide, MARGIN, top, CONTENT_WIDTH, text, size, theme.muted, height=height)
    shape.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    return top


def _source_height(text: str) -> int:
    size = _fits_source_line(text) or min(SOURCE_SIZES)
    return Pt(text_height(text, size, _pt(CONTENT_WIDTH - 2 * BOX_INSET_X))) + 2 * BOX_INSET_Y


# --- native charts -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Box:
    """Where a slide's content goes (EMU)."""

    left: int
    top: int
    width: int
    height: int

    def args(self) -> tuple[int, int, int, int]:
        return self.left, self.top, self.width, self.height


def _solid_fill_xml(hex_colour: str):
    """``c:spPr`` filled with ``hex_colour``, without an outline."""
    colour = hex_colour.lstrip("#").upper()
    return parse_xml(
        f'<c:spPr {nsdecls("c", "a")}><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
        "<a:ln><a:noFill/></a:ln></c:spPr>"
    )


def _fill_chart_areas(chart, theme: Theme) -> None:
    """Chart area and plot area filled with the slide's background, explicitly."""
    space = chart._chartSpace
    for old in space.findall(qn("c:spPr")):
        space.remove(old)
    space.insert(
        space.index(space.find(qn("c:chart"))) + 1, _solid_fill_xml(_hex(theme.background))
    )
    plot_area = space.find(qn("c:chart")).find(qn("c:plotArea"))
    for old in plot_area.findall(qn("c:spPr")):
        plot_area.remove(old)
    spPr = _solid_fill_xml(_hex(theme.background))
    ext = plot_area.find(qn("c:extLst"))
    if ext is not None:
        ext.addprevious(spPr)
    else:
        plot_area.append(spPr)


def _style_chart(chart, theme: Theme, legend: bool) -> None:
    chart.font.size = Pt(14)
    chart.font.color.rgb = theme.text
    chart.has_title = False  # the slide title says what the chart shows
    chart.has_legend = legend
    if legend:
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(14)
        chart.legend.font.color.rgb = theme.text
    _fill_chart_areas(chart, theme)
    for axis in (chart.category_axis, chart.value_axis):
        axis.tick_labels.font.size = Pt(13)
        axis.tick_labels.font.color.rgb = theme.text
        axis.format.line.color.rgb = _rgb(theme.grid)
        axis.has_title = False
    chart.value_axis.has_major_gridlines = True
    chart.value_axis.major_gridlines.format.line.color.rgb = _rgb(theme.grid)


def _trace_colours(chart: Chart) -> dict[str, str]:
    """Series name -> the colour its figure draws it in, where the figure says one."""
    colours = {}
    for trace in chart.figure.data:
        colour = None
        marker = getattr(trace, "marker", None)
        if marker is not None and isinstance(marker.color, str):
            colour = marker.color
        line = getattr(trace, "line", None)
        if colour is None and line is not None and isinstance(line.color, str):
            colour = line.color
        if trace.name and colour and colour.startswith("#"):
            colours[str(trace.name)] = colour
    return colours


def _bar_chart(
    slide,
    box: Box,
    categories,
    series: Mapping[str, Sequence[float | None]],
    kind,
    theme: Theme,
    colours: Sequence[str] | None = None,
    number_format: str = "General",
    series_colours: Mapping[str, str] | None = None,
):
    data = CategoryChartData()
    data.categories = [str(c) for c in categories]
    for name, values in series.items():
        data.add_series(name, [None if pd.isna(v) else float(v) for v in values])
    chart = slide.shapes.add_chart(kind, *box.args(), data).chart
    _style_chart(chart, theme, legend=len(series) > 1)
    plot = chart.plots[0]
    for plotted, name in zip(plot.series, series, strict=True):
        colour = (series_colours or {}).get(name)
        if colour and kind != XL_CHART_TYPE.LINE_MARKERS:
            plotted.format.fill.solid()
            plotted.format.fill.fore_color.rgb = _rgb(colour)
        elif colour:
            plotted.format.line.color.rgb = _rgb(colour)
    if kind == XL_CHART_TYPE.BAR_STACKED:
        return chart
    plot.has_data_labels = True
    plot.data_labels.number_format = number_format
    plot.data_labels.number_format_is_linked = False
    plot.data_labels.font.size = Pt(14)
    plot.data_labels.font.color.rgb = theme.text
    if kind in (XL_CHART_TYPE.COLUMN_CLUSTERED, XL_CHART_TYPE.BAR_CLUSTERED):
        plot.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END
    if colours:
        for point, colour in zip(plot.series[0].points, colours, strict=False):
            point.format.fill.solid()
            point.format.fill.fore_color.rgb = _rgb(colour)
    return chart


def _model_counts_bars(slide, chart: Chart, theme: Theme, box: Box) -> None:
    frame = chart.data
    _bar_chart(
        slide,
        box,
        frame["country"],
        {"AI models": frame["models"]},
        XL_CHART_TYPE.COLUMN_CLUSTERED,
        theme,
        [country_colour(c) for c in frame["country"]],
    )


def _developer_bars(slide, chart: Chart, theme: Theme, box: Box) -> None:
    frame = chart.data.sort_values("models")
    _bar_chart(
        slide,
        box,
        frame["developer"],
        {"AI models": frame["models"]},
        XL_CHART_TYPE.BAR_CLUSTERED,
        theme,
        [country_colour("South Korea")] * len(frame),
    )


def _percentage_bars(slide, chart: Chart, theme: Theme, box: Box) -> None:
    frame = chart.data.iloc[::-1]
    _bar_chart(
        slide,
        box,
        frame["label"],
        {"%": frame["value"]},
        XL_CHART_TYPE.BAR_CLUSTERED,
        theme,
        [country_colour("South Korea")] * len(frame),
        number_format='General" %"',
    )


def _repair_bars(slide, chart: Chart, theme: Theme, box: Box) -> None:
    wide = chart.data.pivot_table(
        index="source_id", columns="step", values="repairs", aggfunc="sum"
    ).fillna(0)
    _bar_chart(
        slide,
        box,
        wide.index,
        {str(step): wide[step] for step in wide.columns},
        XL_CHART_TYPE.BAR_STACKED,
        theme,
        series_colours=_trace_colours(chart),
    )


def _custom_series(chart: Chart, slide, theme: Theme, box: Box, kind) -> None:
    """A custom bar or line chart: one series per chosen column, the numbers its cells state."""
    frame = chart.data
    labels = list(dict.fromkeys(frame["label"].astype(str)))
    series = {}
    for name, group in frame.groupby("series", sort=False):
        values = dict(zip(group["label"].astype(str), group["value"], strict=True))
        series[str(name)] = [values.get(label) for label in labels]
    _bar_chart(slide, box, labels, series, kind, theme, series_colours=_trace_colours(chart))


def _custom_bars(slide, chart: Chart, theme: Theme, box: Box) -> None:
    _custom_series(chart, slide, theme, box, XL_CHART_TYPE.COLUMN_CLUSTERED)


def _custom_lines(slide, chart: Chart, theme: Theme, box: Box) -> None:
    _custom_series(chart, slide, theme, box, XL_CHART_TYPE.LINE_MARKERS)


# --- native tables -----------------------------------------------------------------------------


@dataclass
class TableSpec:
    """A table to lay out: text cells, each one's codebook score (coloured) or None."""

    header: list[str]
    rows: list[list[str]]
    scores: list[list[float | None]] = field(default_factory=list)
    key: str | None = None  # a line under the table saying how the colours read
    first_line_bold: bool = False  # cells of "level\ndetail": the level in bold


def _score(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _ordinal_key(scale: str | None, theme: Theme) -> str:
    if scale is None:
        return f"{theme.further} = further along on the codebook's scale (scores 1 to 4)."
    _, labels = scale_ticks(scale)
    return f"{theme.further} = further along: {' < '.join(labels)}."


def _heatmap_table(chart: Chart, theme: Theme) -> TableSpec:
    frame = chart.data
    countries = list(dict.fromkeys(frame["country"]))
    sectors = list(dict.fromkeys(frame["sector"]))
    cell = frame.set_index(["sector", "country"])
    rows, scores = [], []
    for sector in sectors:
        row, score = [sector], [None]
        for country in countries:
            if (sector, country) in cell.index:
                level, value = cell.loc[(sector, country), ["level", "level_score"]]
            else:
                level, value = None, None
            row.append(MISSING_TEXT if pd.isna(level) else str(level))
            score.append(_score(value))
        rows.append(row)
        scores.append(score)
    return TableSpec(["Sector", *countries], rows, scores, _ordinal_key("adoption", theme))


def _policy_table(chart: Chart, theme: Theme) -> TableSpec:
    frame = chart.data
    rows = [
        [
            r.aspect,
            MISSING_TEXT if pd.isna(r.korea) else r.korea,
            MISSING_TEXT if pd.isna(r.global_best_practice) else r.global_best_practice,
        ]
        for r in frame.itertuples()
    ]
    scores = [
        [None, _score(r.korea_score), _score(r.global_best_practice_score)]
        for r in frame.itertuples()
    ]
    header = ["Policy aspect", "South Korean framework", "Global best practice"]
    return TableSpec(header, rows, scores, _ordinal_key("policy", theme))


def _growth_table(chart: Chart, theme: Theme) -> TableSpec:
    """Focus area × (status now, projection): the level word (bold) and its detail, coloured."""
    frame = chart.data.sort_values("horizon_order", kind="stable")
    horizons = list(dict.fromkeys(frame["horizon"]))
    labels = frame.drop_duplicates("horizon").set_index("horizon")["horizon_label"]
    header = ["Focus area", *(f"{labels[h]} ({h})" for h in horizons)]
    rows, scores = [], []
    for area, group in frame.groupby("focus_area", sort=False):
        by = group.drop_duplicates("horizon").set_index("horizon")
        row, score = [str(area)], [None]
        for horizon in horizons:
            if horizon not in by.index or pd.isna(by.loc[horizon, "level"]):
                row.append(MISSING_TEXT)
                score.append(None)
                continue
            level, detail = str(by.loc[horizon, "level"]), by.loc[horizon, "detail"]
            row.append(f"{level}\n{detail}" if isinstance(detail, str) and detail else level)
            score.append(_score(by.loc[horizon, "level_score"]))
        rows.append(row)
        scores.append(score)
    return TableSpec(header, rows, scores, _ordinal_key("outlook", theme), first_line_bold=True)


def _codebook_table(chart: Chart, theme: Theme) -> TableSpec:
    """The codebook, each term's cell in the colour its score gets on the other slides."""
    frame = chart.data
    rows = [[str(r.scale), str(r.term), str(r.score), str(r.meaning)] for r in frame.itertuples()]
    scores = [[None, _score(r.score), None, None] for r in frame.itertuples()]
    return TableSpec(["Scale", "Term", "Score", "Meaning"], rows, scores)


def _custom_heatmap_table(chart: Chart, theme: Theme) -> TableSpec:
    """A custom heatmap of level words: the table's own cells, coloured by codebook score."""
    frame = chart.data
    labels = list(dict.fromkeys(frame["label"].astype(str)))
    series = list(dict.fromkeys(frame["series"].astype(str)))
    cells = {(str(r.label), str(r.series)): r for r in frame.itertuples()}
    rows, scores = [], []
    for label in labels:
        row, score = [label], [None]
        for name in series:
            found = cells.get((label, name))
            text = None if found is None else found.value_text
            missing = text is None or (isinstance(text, float) and pd.isna(text)) or text == ""
            row.append(MISSING_TEXT if missing else str(text))
            score.append(None if found is None else _score(found.level_score))
        rows.append(row)
        scores.append(score)
    return TableSpec(["", *series], rows, scores, _ordinal_key(None, theme))


def _cell_lines_height(text: str, size: float, width: int, bold_first: bool) -> float:
    """Points a cell's text needs (without the insets)."""
    inner = _pt(width - 2 * CELL_INSET_X)
    lines = text.split("\n")
    height = 0.0
    for number, line in enumerate(lines):
        height += text_height(line, size, inner, bold_first and number == 0)
    return height


def _row_height(
    cells: Sequence[str], size: float, widths: Sequence[int], bold: bool, bold_first: bool
) -> int:
    need = max(
        _cell_lines_height(text, size, width, bold or bold_first)
        for text, width in zip(cells, widths, strict=True)
    )
    return Pt(need + 2) + 2 * CELL_INSET_Y  # 2 pt spare for rounding in the renderer


def _column_widths(spec: TableSpec, size: float, total: int) -> list[int]:
    """Column widths (EMU) summing to ``total``: each at least its longest word, the rest
    shared out by how much wider each column's text would like to be."""
    pad = _pt(2 * CELL_INSET_X) + 2
    natural, minimum = [], []
    for column, title in enumerate(spec.header):
        texts = [(title, True)] + [(row[column], spec.first_line_bold) for row in spec.rows]
        longest_line = max(
            text_width(line, size, bold) for text, bold in texts for line in text.split("\n")
        )
        longest_word = max(
            (text_width(word, size, bold) for text, bold in texts for word in text.split()),
            default=0.0,
        )
        natural.append(Pt(longest_line + pad))
        minimum.append(Pt(longest_word + pad))
    if sum(natural) <= total:
        widths = [n * total / sum(natural) for n in natural]
    elif sum(minimum) <= total:
        spare = total - sum(minimum)
        wish = [n - m for n, m in zip(natural, minimum, strict=True)]
        widths = [m + spare * w / (sum(wish) or 1) for m, w in zip(minimum, wish, strict=True)]
    else:
        widths = [m * total / sum(minimum) for m in minimum]
    widths = [int(w) for w in widths]
    widths[-1] += total - sum(widths)
    return widths


@dataclass
class TableLayout:
    """A table fitted to its slides: font size, column widths, row heights, rows per slide."""

    size: float
    widths: list[int]
    header_height: int
    heights: list[int]
    pages: list[list[int]]
    key_height: int
    rows: list[list[str]]


def _key_height(spec: TableSpec) -> int:
    if not spec.key:
        return 0
    inner = _pt(CONTENT_WIDTH - 2 * BOX_INSET_X)
    return Inches(0.06) + Pt(text_height(spec.key, NOTE_SIZE, inner)) + 2 * BOX_INSET_Y


def layout_table(spec: TableSpec, width: int, height: int) -> TableLayout:
    """Fit ``spec`` into ``width`` x ``height`` EMU: the largest font at which it fits one slide,
    else the smallest, split into as few slides as it takes, evenly; a row too tall for a slide
    on its own has its cells cut (the speaker notes keep the chart's full description)."""
    key = _key_height(spec)
    rows = [list(row) for row in spec.rows]
    for size in TABLE_SIZES:
        widths = _column_widths(spec, size, width)
        header = _row_height(spec.header, size, widths, True, False)
        heights = [_row_height(row, size, widths, False, spec.first_line_bold) for row in rows]
        if header + sum(heights) + key <= height:
            heights = _even_rows(heights, height - header - key)
            return TableLayout(size, widths, header, heights, [list(range(len(rows)))], key, rows)
    room = height - header - key
    for index, row_height in enumerate(heights):
        if row_height > room:
            lines = max(int((_pt(room - 2 * CELL_INSET_Y) - 2) / (size * CJK_LINE_HEIGHT)), 1)
            rows[index] = [
                _clip(text, size, _pt(w - 2 * CELL_INSET_X), lines, spec.first_line_bold)
                for text, w in zip(rows[index], widths, strict=True)
            ]
            heights[index] = min(_row_height(rows[index], size, widths, False, False), room)
    pages = _paginate(heights, room)
    return TableLayout(size, widths, header, heights, pages, key, rows)


def _even_rows(heights: Sequence[int], room: int) -> list[int]:
    """Row heights using some of a slide's spare room: every row as tall as the tallest where
    that fits, then up to ROW_SPARE more each."""
    if not heights:
        return []
    tallest = max(heights)
    rows = [tallest] * len(heights) if tallest * len(heights) <= room else list(heights)
    extra = min(ROW_SPARE, max(room - sum(rows), 0) // len(rows))
    return [row + int(extra) for row in rows]


def _paginate(heights: Sequence[int], room: int) -> list[list[int]]:
    """Rows per slide: as few slides as greedy packing needs, the rows shared out evenly."""

    def pack(capacity: float) -> list[list[int]]:
        pages: list[list[int]] = [[]]
        used = 0
        for index, row_height in enumerate(heights):
            if pages[-1] and used + row_height > capacity:
                pages.append([])
                used = 0
            pages[-1].append(index)
            used += row_height
        return pages

    greedy = pack(room)
    even = pack(min(room, sum(heights) / len(greedy) + max(heights, default=0) / 2))
    return even if len(even) == len(greedy) else greedy


def _cell_borders(cell, hex_colour: str, width: int = Pt(1.5)) -> None:
    """Lines round a cell in the slide's background colour: the cells stand apart like the
    figures' heatmap tiles."""
    tcPr = cell._tc.get_or_add_tcPr()
    colour = hex_colour.lstrip("#").upper()
    for tag in ("lnB", "lnT", "lnR", "lnL"):  # inserted first, so they end up lnL lnR lnT lnB
        for old in tcPr.findall(qn(f"a:{tag}")):
            tcPr.remove(old)
        line = parse_xml(
            f'<a:{tag} {nsdecls("a")} w="{int(width)}" cap="flat" cmpd="sng" algn="ctr">'
            f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
            f'<a:prstDash val="solid"/></a:{tag}>'
        )
        tcPr.insert(0, line)


NO_STYLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"  # PowerPoint's "No Style, No Grid"


def _draw_table(
    slide, spec: TableSpec, layout: TableLayout, page: Sequence[int], theme: Theme, box: Box
) -> None:
    shape = slide.shapes.add_table(
        len(page) + 1, len(spec.header), box.left, box.top, box.width, box.height
    )
    table = shape.table
    table._tbl.tblPr.find(qn("a:tableStyleId")).text = NO_STYLE
    table.first_row, table.horz_banding = True, False
    for column, width in enumerate(layout.widths):
        table.columns[column].width = width
    table.rows[0].height = layout.header_height
    for r, index in enumerate(page, start=1):
        table.rows[r].height = layout.heights[index]
    shape.height = layout.header_height + sum(layout.heights[i] for i in page)
    background = _hex(theme.background)
    size = layout.size

    def style(
        cell, text: str, fill: str, colour: RGBColor, bold=False, italic=False, first_bold=False
    ) -> None:
        cell.margin_left = cell.margin_right = CELL_INSET_X
        cell.margin_top = cell.margin_bottom = CELL_INSET_Y
        cell.vertical_anchor = MSO_ANCHOR.MIDDLE
        frame = cell.text_frame
        frame.word_wrap = True
        _write(frame, text.split("\n"), size, colour, bold, italic, first_bold)
        cell.fill.solid()
        cell.fill.fore_color.rgb = _rgb(fill)
        _cell_borders(cell, background)

    for column, title in enumerate(spec.header):
        style(table.cell(0, column), title, theme.header_fill, theme.text, bold=True)
    for r, index in enumerate(page, start=1):
        body_fill = theme.body_fills[(r - 1) % 2]
        for column, text in enumerate(layout.rows[index]):
            score = spec.scores[index][column] if spec.scores else None
            cell = table.cell(r, column)
            if score is not None and 1 <= score <= len(theme.ordinal):
                step = int(score) - 1
                style(
                    cell,
                    text,
                    theme.ordinal[step],
                    theme.ordinal_text[step],
                    first_bold=spec.first_line_bold,
                )
            elif text == MISSING_TEXT:
                style(cell, text, theme.missing_fill, theme.missing_text, italic=True)
            else:
                style(cell, text, body_fill, theme.text)
    if spec.key:
        top = shape.top + shape.height + Inches(0.06)
        _textbox(slide, box.left, top, CONTENT_WIDTH, spec.key, NOTE_SIZE, theme.muted)


# --- images ------------------------------------------------------------------------------------


def slide_figure(figure: go.Figure, theme: Theme) -> go.Figure:
    """A copy of ``figure`` for a slide that has its own title and source line: no title, no
    "Source: …" caption, the room they took given back, drawn on the slide's colours."""
    copy = go.Figure(figure)
    kept, caption_lines = [], 0
    for annotation in copy.layout.annotations or ():
        if html.unescape(annotation.text or "").lstrip().startswith("Source:"):
            caption_lines += (annotation.text or "").count("<br>") + 1
        else:
            kept.append(annotation)
    margin = copy.layout.margin
    top = 80 if margin.t is None else margin.t
    bottom = 80 if margin.b is None else margin.b
    copy.layout.annotations = kept
    copy.layout.title = None
    copy.update_layout(
        margin={"t": max(top - 50, 20), "b": max(bottom - 15 * caption_lines - 12, 30)},
        paper_bgcolor=_hex(theme.background),
        plot_bgcolor=_hex(theme.background),
        font={"color": _hex(theme.text)},
    )
    return copy


def _picture(slide, chart: Chart, theme: Theme, box: Box, dark: bool) -> None:
    """The figure as a kaleido image at the box's own proportions (72 layout px an inch, so
    13 px text reads as 13 pt)."""
    from lib.export import images  # kaleido loads only when an image is drawn

    size = (max(int(box.width / 914400 * 144), 200), max(int(box.height / 914400 * 144), 200))
    image = images.figure_bytes(slide_figure(chart.figure, theme), "png", size=size, dark=dark)
    slide.shapes.add_picture(io.BytesIO(image), *box.args())


CHARTS: dict[str, Callable] = {
    "headline-percentages": _percentage_bars,
    "model-counts-by-country": _model_counts_bars,
    "korean-models-by-developer": _developer_bars,
    "repairs-by-source": _repair_bars,
}
TABLES: dict[str, Callable[[Chart, Theme], TableSpec]] = {
    "sector-adoption-heatmap": _heatmap_table,
    "growth-projections": _growth_table,
    "policy-gaps": _policy_table,
    "ordinal-codebook": _codebook_table,
}
NATIVE = {**CHARTS, **TABLES}  # every chart of the app is drawn natively


def _native(chart: Chart) -> tuple[str, Callable] | None:
    """("chart" | "table", builder) for a chart drawn natively, else None."""
    if chart.chart_id in TABLES:
        return "table", TABLES[chart.chart_id]
    if chart.chart_id in CHARTS:
        return "chart", CHARTS[chart.chart_id]
    if chart.chart_id.startswith("custom-") and {"label", "series"} <= set(chart.data.columns):
        kind = chart.chart_id.rsplit("-", 1)[-1]
        if kind == "heatmap":
            return "table", _custom_heatmap_table
        if kind in ("bar", "line"):
            return "chart", _custom_bars if kind == "bar" else _custom_lines
    return None


# --- speaker notes and the deck ----------------------------------------------------------------


def speaker_notes(chart: Chart, sources: Mapping[str, Mapping[str, object]]) -> str:
    """Full citations and the verbatim excerpts behind a chart, for the speaker notes."""
    quotes = chart.quotes()
    cited = _cited_ids(chart)
    caption = figure_caption(chart.figure)
    lines = [chart.title, "", "Sources:"]
    for sid in cited:
        if sid in sources:
            lines.append(f"- {citation(sources[sid])} [{sid}]")
        else:
            lines.append(f"- {caption or citation({'source_id': sid})} [{sid}]")
    if not cited:
        lines.append("- data/codebook.toml, the dashboard's ordinal codebook")
    if len(quotes):
        lines += ["", "Verbatim excerpts:"]
        lines += [
            f"“{row.quote}” [{row.source_id}, characters {row.quote_start}-{row.quote_end}]"
            for row in quotes.itertuples()
        ]
    if not len(quotes) and {"term", "score"} <= set(chart.data.columns):
        lines += ["", "Codebook entries:"]
        lines += [f"{r.scale}: {r.term} = {r.score} ({r.meaning})" for r in chart.data.itertuples()]
    lines += ["", f"Chart description: {chart.alt}"]
    lines += [f"Note: {note}" for note in chart.notes]
    return "\n".join(lines)


def _title_slide(new_slide, charts: Sequence[Chart], sources, theme: Theme) -> None:
    slide = new_slide()
    _textbox(slide, Inches(0.8), Inches(2.0), Inches(11.7), APP_NAME, 40, theme.text, True)
    _textbox(
        slide,
        Inches(0.8),
        Inches(3.0),
        Inches(11.7),
        "The numbers behind South Korea's AI policy debate, each cited to its source",
        20,
        theme.accent,
    )
    cited = sorted({sid for chart in charts for sid in _cited_ids(chart) if sid in sources})
    top, width = Inches(3.9), Inches(11.7)
    room = _pt(SLIDE_HEIGHT - BOTTOM_MARGIN - top - 2 * BOX_INSET_Y)
    inner = _pt(width - 2 * BOX_INSET_X)
    intro = f"Built {date.today().isoformat()} from {len(cited)} sources:"
    full = [citation(sources[sid]) for sid in cited]
    short = [short_name(sources[sid]) + _dated(sources[sid]) for sid in cited]
    text = intro
    for names, size in ((full, 12), (full, 11), (short, 11), (short, 10)):
        text = "\n".join([intro, *names])
        if text_height(text, size, inner) <= room:
            break
    else:  # too many to list: as many as fit, the rest in the speaker notes
        size = 10
        for shown in range(len(short) - 1, -1, -1):
            rest = f"… and {len(short) - shown} more, listed in the speaker notes"
            text = "\n".join([intro, *short[:shown], rest])
            if text_height(text, size, inner) <= room:
                break
    _textbox(slide, Inches(0.8), top, width, text, size, theme.muted)
    slide.notes_slide.notes_text_frame.text = "\n".join(["Sources:", *full])


def build_deck(
    charts: Sequence[Chart],
    sources: Mapping[str, Mapping[str, object]],
    theme_name: str = "light",
    progress: Callable[[int, int, str], None] | None = None,
    native: bool = True,
) -> bytes:
    """The .pptx bytes: a title slide, then one slide per chart (a table too long for one slide
    goes on as many as it takes, titled "… (1 of 2)").

    ``native=False`` puts a kaleido image on every slide instead (for comparison).
    """
    theme = THEMES[theme_name]
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    blank = deck.slide_layouts[6]

    def new_slide():
        slide = deck.slides.add_slide(blank)
        slide.background.fill.solid()
        slide.background.fill.fore_color.rgb = theme.background
        return slide

    _title_slide(new_slide, charts, sources, theme)
    for number, chart in enumerate(charts, start=1):
        if progress:
            progress(number, len(charts), chart.title)
        notes = speaker_notes(chart, sources)
        credit = source_line(chart, sources)
        area_bottom = SLIDE_HEIGHT - BOTTOM_MARGIN - _source_height(credit) - GAP
        found = _native(chart) if native else None
        if found and found[0] == "table":
            spec = found[1](chart, theme)
            longest = f"{chart.title} (10 of 10)"
            area_top = TITLE_TOP + _title_size(longest)[1] + GAP
            layout = layout_table(spec, CONTENT_WIDTH, area_bottom - area_top)
            pages = layout.pages
            for page_number, page in enumerate(pages, start=1):
                slide = new_slide()
                title = chart.title
                if len(pages) > 1:
                    title = f"{chart.title} ({page_number} of {len(pages)})"
                top = _title(slide, title, theme) + GAP
                box = Box(MARGIN, top, CONTENT_WIDTH, area_bottom - top)
                _draw_table(slide, spec, layout, page, theme, box)
                _source_box(slide, credit, theme)
                slide.notes_slide.notes_text_frame.text = notes
            continue
        slide = new_slide()
        top = _title(slide, chart.title, theme) + GAP
        box = Box(MARGIN, top, CONTENT_WIDTH, area_bottom - top)
        if found:
            found[1](slide, chart, theme, box)
        else:
            _picture(slide, chart, theme, box, theme_name == "dark")
        _source_box(slide, credit, theme)
        slide.notes_slide.notes_text_frame.text = notes
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def slide_count(deck: bytes) -> int:
    """How many slides a built deck has (a long table may take more than one)."""
    return len(Presentation(io.BytesIO(deck)).slides)
