"""A 16:9 deck, one slide per chart, every number cited (``python -m lib.slides`` builds it).

Bars and lines become native, editable PowerPoint charts; the heatmap, the policy-gap table and
the codebook become native tables with coloured cells; a kaleido image is the fallback for any
other chart. Each chart slide has a source line at the bottom and speaker notes with the full
citation (title, publisher, date) and the verbatim excerpts behind the chart.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt

from lib.charts.builders import ORDINAL_COLOURS, scale_ticks
from lib.charts.catalog import Chart
from lib.charts.citations import APP_NAME, citation
from lib.reference.countries import country_colour

SLIDE_WIDTH, SLIDE_HEIGHT = Emu(12192000), Emu(6858000)  # 16:9
CHART_BOX = (Inches(0.5), Inches(1.15), Inches(12.33), Inches(5.3))
MISSING_TEXT = "— not stated in the source"


@dataclass(frozen=True)
class Theme:
    """Colours of a light or dark deck."""

    background: RGBColor
    text: RGBColor
    muted: RGBColor
    accent: RGBColor


THEMES = {
    "light": Theme(
        RGBColor(0xFF, 0xFF, 0xFF),
        RGBColor(0x1F, 0x29, 0x37),
        RGBColor(0x6B, 0x6B, 0x6B),
        RGBColor(0x00, 0x72, 0xB2),
    ),
    "dark": Theme(
        RGBColor(0x11, 0x14, 0x1A),
        RGBColor(0xF3, 0xF4, 0xF6),
        RGBColor(0xB0, 0xB0, 0xB0),
        RGBColor(0x56, 0xB4, 0xE9),
    ),
}


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _text(slide, box, text: str, size: int, theme: Theme, colour=None, bold=False) -> None:
    frame = slide.shapes.add_textbox(*box).text_frame
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    paragraph.text = text
    paragraph.font.size = Pt(size)
    paragraph.font.bold = bold
    paragraph.font.color.rgb = colour or theme.text


def _style_chart(chart, theme: Theme, legend: bool) -> None:
    chart.font.size = Pt(14)
    chart.font.color.rgb = theme.text
    chart.has_title = False  # the slide title says what the chart shows
    chart.has_legend = legend
    if legend:
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False


def _bar_chart(
    slide,
    categories,
    series: Mapping[str, Sequence[float]],
    kind,
    theme: Theme,
    colours: Sequence[str] | None = None,
    number_format: str = "0",
):
    data = CategoryChartData()
    data.categories = list(categories)
    for name, values in series.items():
        data.add_series(name, [float(v) for v in values])
    chart = slide.shapes.add_chart(kind, *CHART_BOX, data).chart
    _style_chart(chart, theme, legend=len(series) > 1)
    plot = chart.plots[0]
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


def _table(
    slide,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    theme: Theme,
    fills: Sequence[Sequence[str | None]] | None = None,
) -> None:
    shape = slide.shapes.add_table(len(rows) + 1, len(header), *CHART_BOX)
    table = shape.table
    for column, title in enumerate(header):
        cell = table.cell(0, column)
        cell.text = title
        cell.text_frame.paragraphs[0].font.size = Pt(16)
        cell.text_frame.paragraphs[0].font.bold = True
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = value
            paragraph = cell.text_frame.paragraphs[0]
            paragraph.font.size = Pt(15)
            fill = fills[r - 1][c] if fills else None
            if fill:
                cell.fill.solid()
                cell.fill.fore_color.rgb = _rgb(fill)
                dark_fill = fill in ORDINAL_COLOURS[2:]
                paragraph.font.color.rgb = (
                    RGBColor(0xFF, 0xFF, 0xFF) if dark_fill else RGBColor(0x11, 0x11, 0x11)
                )
            elif value == MISSING_TEXT:
                cell.fill.solid()
                cell.fill.fore_color.rgb = RGBColor(0xE5, 0xE5, 0xE5)
                paragraph.font.italic = True
                paragraph.font.color.rgb = RGBColor(0x55, 0x55, 0x55)


def _ordinal_fill(score: object) -> str | None:
    return None if pd.isna(score) else ORDINAL_COLOURS[int(score) - 1]


def _heatmap_table(slide, chart: Chart, theme: Theme) -> None:
    frame = chart.data
    countries = list(dict.fromkeys(frame["country"]))
    sectors = list(dict.fromkeys(frame["sector"]))
    cell = frame.set_index(["sector", "country"])
    rows, fills = [], []
    for sector in sectors:
        row, fill = [sector], [None]
        for country in countries:
            level, score = cell.loc[(sector, country), ["level", "level_score"]]
            row.append(MISSING_TEXT if pd.isna(level) else level)
            fill.append(_ordinal_fill(score))
        rows.append(row)
        fills.append(fill)
    _table(slide, ["Sector", *countries], rows, theme, fills)


def _policy_table(slide, chart: Chart, theme: Theme) -> None:
    frame = chart.data
    rows = [
        [
            r.aspect,
            MISSING_TEXT if pd.isna(r.korea) else r.korea,
            MISSING_TEXT if pd.isna(r.global_best_practice) else r.global_best_practice,
        ]
        for r in frame.itertuples()
    ]
    fills = [
        [None, _ordinal_fill(r.korea_score), _ordinal_fill(r.global_best_practice_score)]
        for r in frame.itertuples()
    ]
    _table(
        slide,
        ["Policy aspect", "South Korean framework", "Global best practice"],
        rows,
        theme,
        fills,
    )


def _codebook_table(slide, chart: Chart, theme: Theme) -> None:
    rows = [[r.scale, r.term, str(r.score), r.meaning] for r in chart.data.itertuples()]
    _table(slide, ["Scale", "Term", "Score", "Meaning"], rows, theme)


def _growth_lines(slide, chart: Chart, theme: Theme) -> None:
    frame = chart.data.sort_values("horizon_order")
    horizons = list(dict.fromkeys(frame["horizon_label"] + " (" + frame["horizon"] + ")"))
    series = {
        area: group.sort_values("horizon_order")["level_score"].astype(float).tolist()
        for area, group in frame.groupby("focus_area", sort=False)
    }
    data = CategoryChartData()
    data.categories = horizons
    for name, values in series.items():
        data.add_series(name, values)
    native = slide.shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, *CHART_BOX, data).chart
    _style_chart(native, theme, legend=True)
    axis = native.value_axis
    axis.minimum_scale, axis.maximum_scale, axis.major_unit = 0.5, 4.5, 1
    axis.has_title = True
    ticks, labels = scale_ticks("outlook")
    axis.axis_title.text_frame.text = " · ".join(
        f"{t} {label}" for t, label in zip(ticks, labels, strict=True)
    )
    axis.axis_title.text_frame.paragraphs[0].font.size = Pt(11)


def _model_counts_bars(slide, chart: Chart, theme: Theme) -> None:
    frame = chart.data
    _bar_chart(
        slide,
        frame["country"],
        {"AI models": frame["models"]},
        XL_CHART_TYPE.COLUMN_CLUSTERED,
        theme,
        [country_colour(c) for c in frame["country"]],
    )


def _developer_bars(slide, chart: Chart, theme: Theme) -> None:
    frame = chart.data.sort_values("models")
    _bar_chart(
        slide,
        frame["developer"],
        {"AI models": frame["models"]},
        XL_CHART_TYPE.BAR_CLUSTERED,
        theme,
        [country_colour("South Korea")] * len(frame),
    )


def _percentage_bars(slide, chart: Chart, theme: Theme) -> None:
    frame = chart.data.iloc[::-1]
    _bar_chart(
        slide,
        frame["label"],
        {"%": frame["value"]},
        XL_CHART_TYPE.BAR_CLUSTERED,
        theme,
        [country_colour("South Korea")] * len(frame),
        number_format='General" %"',
    )


def _repair_bars(slide, chart: Chart, theme: Theme) -> None:
    wide = chart.data.pivot_table(
        index="source_id", columns="step", values="repairs", aggfunc="sum"
    ).fillna(0)
    _bar_chart(
        slide,
        wide.index,
        {str(step): wide[step] for step in wide.columns},
        XL_CHART_TYPE.BAR_STACKED,
        theme,
    )


NATIVE: dict[str, Callable] = {
    "headline-percentages": _percentage_bars,
    "sector-adoption-heatmap": _heatmap_table,
    "model-counts-by-country": _model_counts_bars,
    "korean-models-by-developer": _developer_bars,
    "growth-projections": _growth_lines,
    "policy-gaps": _policy_table,
    "repairs-by-source": _repair_bars,
    "ordinal-codebook": _codebook_table,
}


def speaker_notes(chart: Chart, sources: Mapping[str, Mapping[str, object]]) -> str:
    """Full citations and the verbatim excerpts behind a chart, for the speaker notes."""
    quotes = chart.quotes()
    cited = list(dict.fromkeys(quotes["source_id"])) if len(quotes) else []
    lines = [chart.title, "", "Sources:"]
    lines += [f"- {citation(sources.get(sid, {'source_id': sid}))} [{sid}]" for sid in cited] or [
        "- data/codebook.toml, the dashboard's ordinal codebook"
    ]
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


def build_deck(
    charts: Sequence[Chart],
    sources: Mapping[str, Mapping[str, object]],
    theme_name: str = "light",
    progress: Callable[[int, int, str], None] | None = None,
    native: bool = True,
) -> bytes:
    """The .pptx bytes: a title slide, then one slide per chart.

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

    title = new_slide()
    _text(
        title, (Inches(0.8), Inches(2.2), Inches(11.7), Inches(1.2)), APP_NAME, 40, theme, bold=True
    )
    _text(
        title,
        (Inches(0.8), Inches(3.4), Inches(11.7), Inches(0.8)),
        "The numbers behind South Korea's AI policy debate, each cited to its source",
        20,
        theme,
        theme.accent,
    )
    cited = {sid for chart in charts for sid in chart.quotes()["source_id"]}
    listed = "\n".join(citation(sources[sid]) for sid in sorted(cited) if sid in sources)
    _text(
        title,
        (Inches(0.8), Inches(4.4), Inches(11.7), Inches(2.6)),
        f"Built {date.today().isoformat()} from {len(cited)} sources:\n{listed}",
        12,
        theme,
        theme.muted,
    )
    for number, chart in enumerate(charts, start=1):
        if progress:
            progress(number, len(charts), chart.title)
        slide = new_slide()
        _text(
            slide,
            (Inches(0.5), Inches(0.3), Inches(12.3), Inches(0.8)),
            chart.title,
            28,
            theme,
            bold=True,
        )
        builder = NATIVE.get(chart.chart_id) if native else None
        if builder:
            builder(slide, chart, theme)
        else:
            from lib.export.images import figure_bytes

            image = figure_bytes(chart.figure, "png", dark=theme_name == "dark")
            slide.shapes.add_picture(io.BytesIO(image), *CHART_BOX)
        caption = chart.figure.layout.annotations[-1].text.replace("<br>", " ")
        source_box = (Inches(0.5), Inches(6.6), Inches(12.3), Inches(0.7))
        _text(slide, source_box, caption, 11 if len(caption) < 250 else 8, theme, theme.muted)
        slide.shapes[-1].text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
        slide.notes_slide.notes_text_frame.text = speaker_notes(chart, sources)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
