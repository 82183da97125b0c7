"""A small chart builder for any extracted table: bar, heatmap of ordinal text, or line."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from lib.charts import builders as charts
from lib.charts.catalog import Chart
from lib.charts.citations import APP_NAME, citation
from lib.charts.plotly_text import inert_figure
from lib.charts.url_state import slugify
from lib.extraction.figures import extract_figures
from lib.extraction.tables import Table
from lib.reference.codebook import level_term, load_levels
from lib.reference.countries import COUNTRY_COLOURS, FALLBACK_COLOURS, canonical_country

CHART_KINDS = ("bar", "heatmap", "line")
# Units of the prose-figure reader that a value axis can carry, besides ISO 4217 currency codes.
AXIS_UNITS = {"%", "pp", "count", "rank"}
NUMBER = re.compile(r"-?\d+(?:,\d{3})*(?:\.\d+)?")


class ChartBuildError(ValueError):
    """The chosen columns cannot make the chosen chart; the message says what to pick instead."""


def first_number(cell: object) -> float | None:
    """The first number written in a cell (``"14 models"`` -> 14.0), or None."""
    if cell is None or (isinstance(cell, float) and pd.isna(cell)):
        return None
    match = NUMBER.search(str(cell))
    return float(match.group().replace(",", "")) if match else None


def cell_quantity(cell: object) -> tuple[float | None, str]:
    """A cell's value in base units and its unit: ``"₩100 trillion"`` -> (1e14, "KRW"),
    ``"13%"`` -> (13, "%"); a bare number has the unit ``""``."""
    number = first_number(cell)
    if number is None:
        return None, ""
    found = extract_figures(str(cell), prose=False)  # "13%" alone in a cell is its value
    if found and (found[0].unit in AXIS_UNITS or re.fullmatch(r"[A-Z]{3}", found[0].unit)):
        return float(found[0].value), found[0].unit
    return number, ""


def series_unit(column: str, units: Sequence[str]) -> str:
    """The unit of a column: its cells' common unit, else one named in its header ``(KRW bn)``."""
    named = [unit for unit in units if unit]
    if named and len(set(named)) == 1:
        return named[0]
    header = re.search(r"\(([^)]{1,20})\)\s*$", column)
    return header.group(1).strip() if header else ("mixed units" if named else "")


def suggest_title(table: Table, text: str, fallback: str) -> str:
    """A chart title from the table's caption: the short line just above it, else its header."""
    before = text[: table.start].rstrip().rsplit("\n", 1)[-1].strip()
    if 3 <= len(before) <= 90 and not before.endswith((".", ":")) and "|" not in before:
        return before
    if before.endswith(":") and 3 <= len(before) <= 91:
        return before[:-1]
    header = [c for c in table.columns if c]
    return " · ".join(header[:3]) if header else fallback


def ordinal_score(cell: object) -> float | None:
    """The codebook score of a level word a cell starts with (highest scale match), or None."""
    if cell is None or (isinstance(cell, float) and pd.isna(cell)):
        return None
    term = level_term(str(cell))
    scores = [level.score for level in load_levels() if level.term == term]
    return float(max(scores)) if scores else None


def suggest_kind(frame: pd.DataFrame, value_columns: Sequence[str]) -> str:
    """Heatmap when the cells are mostly level words, else bar."""
    cells = [cell for column in value_columns for cell in frame[column]]
    ordinal = sum(1 for cell in cells if ordinal_score(cell) is not None)
    numeric = sum(1 for cell in cells if first_number(cell) is not None)
    return "heatmap" if ordinal > numeric else "bar"


def long_frame(
    frame: pd.DataFrame,
    label_column: str,
    value_columns: Sequence[str],
    table: Table,
    text: str,
    source_id: str,
) -> pd.DataFrame:
    """One row per label and value column, with the row's verbatim quote and its span."""
    records = []
    for index, row in frame.reset_index(drop=True).iterrows():
        start, end = table.row_spans[index]
        for column in value_columns:
            value, unit = cell_quantity(row[column])  # read each cell once
            records.append(
                {
                    "label": row[label_column],
                    "series": column,
                    "value_text": row[column],
                    "value": value,
                    "unit": unit,
                    "level_score": ordinal_score(row[column]),
                    "source_id": source_id,
                    "quote": table.row_quote(text, index),
                    "quote_start": start,
                    "quote_end": end,
                }
            )
    return pd.DataFrame.from_records(records)


def table_chart(
    frame: pd.DataFrame,
    label_column: str,
    value_columns: Sequence[str],
    kind: str,
    table: Table,
    text: str,
    meta: Mapping[str, object],
    title: str,
) -> Chart:
    """Chart the chosen columns of an (edited) table beside the table's verbatim rows.

    Raises ChartBuildError with what to choose instead when the columns do not fit the chart.
    """
    if kind not in CHART_KINDS:
        raise ChartBuildError(f"chart type {kind!r} unknown: pick one of {', '.join(CHART_KINDS)}")
    if not value_columns:
        raise ChartBuildError("no value column chosen: pick at least one column to chart")
    source_id = str(meta.get("source_id", "upload"))
    data = long_frame(frame, label_column, value_columns, table, text, source_id)
    caption = f"Source: {citation(meta)}. {APP_NAME}."
    if kind == "heatmap":
        if data["level_score"].isna().all():
            raise ChartBuildError(
                "none of these cells starts with a level word of the codebook: "
                "pick bar or line for numbers"
            )
        figure = _heatmap(data, title, caption)
    else:
        if data["value"].isna().all():
            raise ChartBuildError(
                "these cells hold no numbers: pick heatmap for level words such as 'Advanced'"
            )
        figure = _bars_or_lines(data, kind, title, caption)
    figure = inert_figure(figure)  # cells, the typed title and the article's title are outside text
    described = "; ".join(f"{r.label} {r.series}: {r.value_text}" for r in data.itertuples())
    chart_id = f"custom-{slugify(title)[:40]}-{kind}"
    return Chart(
        chart_id,
        title,
        data,
        figure,
        f"{kind.title()} chart of {title}. {described}.",
    )


def _heatmap(data: pd.DataFrame, title: str, caption: str) -> go.Figure:
    labels = list(dict.fromkeys(data["label"]))
    series = list(dict.fromkeys(data["series"]))
    grid = data.pivot_table(index="label", columns="series", values="level_score", aggfunc="first")
    text = data.pivot_table(index="label", columns="series", values="value_text", aggfunc="first")
    grid, text = (
        grid.reindex(index=labels, columns=series),
        text.reindex(index=labels, columns=series),
    )
    figure = go.Figure(
        go.Heatmap(
            z=grid.to_numpy(dtype=float),
            x=series,
            y=labels,
            text=text.fillna("missing").to_numpy(),
            texttemplate="%{text}",
            colorscale=[[0, charts.ORDINAL_COLOURS[0]], [1, charts.ORDINAL_COLOURS[-1]]],
            showscale=False,
            xgap=3,
            ygap=3,
            hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
        )
    )
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(side="top")
    return charts.finish_layout(figure, title, caption, 110 * len(labels), 45)


UNIT_NAMES = {"%": "percent", "pp": "percentage points", "count": "number", "rank": "rank"}


def _unit_title(unit: str) -> str:
    """An axis title naming the unit: ``KRW`` -> ``KRW``, ``%`` -> ``percent (%)``."""
    if unit in UNIT_NAMES:
        return f"{UNIT_NAMES[unit]} ({unit})" if unit not in ("count", "rank") else UNIT_NAMES[unit]
    return unit or "value"


def series_colours(names: Sequence[str]) -> dict[str, str]:
    """A distinct colour per series from the app's colour-blind-safe palette (countries keep
    their own colour)."""
    palette = [c for c in (*COUNTRY_COLOURS.values(), *FALLBACK_COLOURS) if c != "#999999"]
    colours: dict[str, str] = {}
    for name in names:
        own = COUNTRY_COLOURS.get(canonical_country(name) or "")
        if own and own not in colours.values():
            colours[name] = own
    free = [c for c in palette if c not in colours.values()]
    for name in names:
        if name not in colours:
            colours[name] = free.pop(0) if free else palette[len(colours) % len(palette)]
    return colours


def _bars_or_lines(data: pd.DataFrame, kind: str, title: str, caption: str) -> go.Figure:
    """Bars or lines, one unit per y axis: a second unit gets a second axis on the right."""
    units = {
        name: series_unit(str(name), list(group["unit"]))
        for name, group in data.groupby("series", sort=False)
    }
    axes = list(dict.fromkeys(units.values()))
    if len(axes) > 2:
        named = ", ".join(axis or "plain numbers" for axis in axes)
        raise ChartBuildError(
            f"these columns hold {len(axes)} units ({named}): pick columns with at most two "
            "units, and chart the others separately"
        )
    colours = series_colours([str(name) for name in units])
    figure = go.Figure()
    for name, group in data.groupby("series", sort=False):
        axis = "y2" if len(axes) == 2 and units[name] == axes[1] else "y"
        colour = colours[str(name)]
        if kind == "bar":
            figure.add_trace(
                go.Bar(
                    x=group["label"],
                    y=group["value"],
                    name=f"{name} ({_unit_title(units[name])})" if len(axes) == 2 else str(name),
                    marker_color=colour,
                    text=group["value_text"],
                    textposition="outside",
                    cliponaxis=False,
                    yaxis=axis,
                    offsetgroup=str(name),
                )
            )
        else:
            figure.add_trace(
                go.Scatter(
                    x=group["label"],
                    y=group["value"],
                    name=f"{name} ({_unit_title(units[name])})" if len(axes) == 2 else str(name),
                    mode="lines+markers",
                    line={"color": colour},
                    yaxis=axis,
                )
            )
    figure.update_layout(barmode="group")
    figure.update_yaxes(title=_unit_title(axes[0]))
    if len(axes) == 2:
        figure.update_layout(
            yaxis2={"title": _unit_title(axes[1]), "overlaying": "y", "side": "right",
                    "showgrid": False, "rangemode": "tozero"},
        )  # fmt: skip
    return charts.finish_layout(figure, title, caption, 380)
