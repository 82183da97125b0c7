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
from lib.extraction.tables import Table
from lib.reference.codebook import level_term, load_levels
from lib.reference.countries import country_colour

CHART_KINDS = ("bar", "heatmap", "line")
NUMBER = re.compile(r"-?\d+(?:,\d{3})*(?:\.\d+)?")


class ChartBuildError(ValueError):
    """The chosen columns cannot make the chosen chart; the message says what to pick instead."""


def first_number(cell: object) -> float | None:
    """The first number written in a cell (``"14 models"`` -> 14.0), or None."""
    if cell is None or (isinstance(cell, float) and pd.isna(cell)):
        return None
    match = NUMBER.search(str(cell))
    return float(match.group().replace(",", "")) if match else None


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
            records.append(
                {
                    "label": row[label_column],
                    "series": column,
                    "value_text": row[column],
                    "value": first_number(row[column]),
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


def _bars_or_lines(data: pd.DataFrame, kind: str, title: str, caption: str) -> go.Figure:
    figure = go.Figure()
    for name, group in data.groupby("series", sort=False):
        colour = country_colour(str(name))
        if kind == "bar":
            figure.add_trace(
                go.Bar(
                    x=group["label"],
                    y=group["value"],
                    name=str(name),
                    marker_color=colour,
                    text=group["value_text"],
                    textposition="outside",
                    cliponaxis=False,
                )
            )
        else:
            figure.add_trace(
                go.Scatter(
                    x=group["label"],
                    y=group["value"],
                    name=str(name),
                    mode="lines+markers",
                    line={"color": colour},
                )
            )
    figure.update_layout(barmode="group")
    return charts.finish_layout(figure, title, caption, 380)
