"""Saved charts and recorded decisions as plain JSON, and back: what the library stores of a
chart (its spec, never its drawing) and of a figure review."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

import pandas as pd

from lib.charts.catalog import Chart
from lib.charts.custom import table_chart
from lib.datasets.confirmed_figures import Review
from lib.datasets.uploads import table_edits, table_frame
from lib.extraction.figures import Figure
from lib.extraction.source import Source


def _cell(value: object) -> object:
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def edited_cells(original: pd.DataFrame, edited: pd.DataFrame) -> list[dict[str, object]]:
    """The analyst's changed cells as JSON records (row is 1-based, as the edit list shows it)."""
    return [
        {k: _cell(v) if not isinstance(v, int) else v for k, v in record.items()}
        for record in table_edits(original, edited).to_dict("records")
    ]


def apply_edits(frame: pd.DataFrame, cells: Sequence[Mapping[str, object]]) -> pd.DataFrame:
    """``frame`` with the recorded edits applied (cells outside the table are ignored)."""
    frame = frame.copy()
    for cell in cells:
        row, column = int(cell["row"]) - 1, str(cell["column"])
        if 0 <= row < len(frame) and column in frame.columns:
            frame.iloc[row, frame.columns.get_loc(column)] = cell["edited_value"]
    return frame


def chart_spec(
    table: int,
    label: str,
    values: Sequence[str],
    kind: str,
    title: str,
    cells: Sequence[Mapping[str, object]] = (),
) -> dict[str, object]:
    """What to draw: table (1-based), label column, value columns, chart type, title and the
    edited cells it was drawn with."""
    return {
        "table": int(table),
        "label": str(label),
        "values": [str(v) for v in values],
        "kind": str(kind),
        "title": str(title),
        "edits": [dict(cell) for cell in cells],
    }


def chart_from_spec(source: Source, spec: Mapping[str, object], chart_key: str) -> Chart:
    """Draw a saved spec on the article as the current pipeline reads it. Raises
    ChartBuildError (one line) when the table or its columns are no longer there."""
    from lib.charts.custom import ChartBuildError

    number = int(spec["table"])
    if not 1 <= number <= len(source.tables):
        raise ChartBuildError(
            f"table {number} is no longer found in this article (it has {len(source.tables)})"
        )
    table = source.tables[number - 1]
    frame = apply_edits(table_frame(table.columns, table.rows), spec.get("edits", []))
    missing = [c for c in [spec["label"], *spec["values"]] if c not in frame.columns]
    if missing:
        raise ChartBuildError(
            f"column(s) {', '.join(map(str, missing))} no longer in table {number}"
        )
    chart = table_chart(
        frame, str(spec["label"]), list(spec["values"]), str(spec["kind"]), table, source.text,
        source.meta, str(spec["title"]),
    )  # fmt: skip
    chart.chart_id = f"saved-{chart_key}"
    chart.notes += [
        f"Edited by {cell.get('author', 'the analyst')}: {cell['label']} · {cell['column']}: "
        f"{cell['edited_value']!r} (source: {cell['source_value']!r})"
        for cell in spec.get("edits", [])
    ]
    return chart


def review_payload(review: Review) -> dict[str, object]:
    """A figure review as the library records it: the decision and the figure it was made on."""
    return {
        "key": review.key,
        "status": review.status,
        "value": review.value,
        "unit": review.unit,
        "noun": review.noun,
        "qualifier": review.qualifier,
        "figure": dataclasses.asdict(review.figure),
    }


def review_from_payload(source_id: str, payload: Mapping[str, object]) -> Review:
    """The review a recorded payload describes."""
    return Review(
        source_id=source_id,
        figure=Figure(**payload["figure"]),
        status=str(payload["status"]),
        value=payload.get("value"),
        unit=payload.get("unit"),
        noun=payload.get("noun"),
        qualifier=payload.get("qualifier"),
    )
