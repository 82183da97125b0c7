"""A chart's data as CSV or XLSX, cited and safe to open in a spreadsheet.

Each row keeps its ``source_id`` and quote and gains the source's title, publisher and URL and the
chart's period and units; the XLSX adds a README sheet (citation, licence note, notes, what each
column means).

Text that a spreadsheet would read as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return) gets the usual guard, a leading apostrophe, so it stays text; numbers stay
numbers. CSV quotes every text cell, so a line break inside a quote cannot split a row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from lib.charts.citations import APP_NAME, citation
from lib.datasets.schema import FIELDS

DATA_FORMATS = ("csv", "xlsx")
LICENCE_NOTE = (
    "Quotes are verbatim excerpts of the cited articles, kept so every number can be checked; "
    "the articles' copyright stays with their publishers. Cite the article, not this file."
)
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(cell: object) -> object:
    """``cell`` with a leading apostrophe when it is text a spreadsheet would run as a formula."""
    if isinstance(cell, str) and cell.startswith(FORMULA_TRIGGERS):
        return "'" + cell
    return cell


def formula_safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells are guarded; numeric columns are left as they are."""
    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(formula_safe)
    return safe


@dataclass
class DataContext:
    """What a data file says about its rows: chart title, time frame, notes, the sources cited."""

    title: str = ""
    period: str = ""
    notes: Sequence[str] = ()
    sources: Mapping[str, Mapping[str, object]] = field(default_factory=dict)


def _units(frame: pd.DataFrame) -> str:
    """The units of the frame's numeric columns, from the schema: ``models: models; ...``."""
    parts = [
        f"{column}: {FIELDS[column][1]}"
        for column in frame.columns
        if column in FIELDS
        and FIELDS[column][1] not in ("", "characters")  # quote offsets are not quantities
        and pd.api.types.is_numeric_dtype(frame[column])
    ]
    return "; ".join(parts)


def cited_frame(frame: pd.DataFrame, context: DataContext) -> pd.DataFrame:
    """``frame`` with the source's title, publisher and URL, the period and the unit per row."""
    cited = frame.copy()
    if "source_id" in cited.columns:
        meta = {sid: context.sources.get(sid, {}) for sid in cited["source_id"].unique()}
        for column in ("title", "publisher", "url"):
            cited[f"source_{column}"] = cited["source_id"].map(
                lambda sid, column=column: str(meta[sid].get(column) or "unknown")
            )
    cited["period"] = context.period or "not stated"
    if "unit" not in cited.columns:
        cited["unit"] = _units(frame) or "see columns"
    return cited


def readme_frame(frame: pd.DataFrame, context: DataContext) -> pd.DataFrame:
    """The README sheet: what the data is, where it comes from, and what each column means."""
    rows = [("Data", context.title or "chart data"), ("Period", context.period or "not stated")]
    rows += [("Note", note) for note in context.notes]
    source_ids = frame["source_id"].unique() if "source_id" in frame.columns else []
    for sid in source_ids:
        meta = context.sources.get(sid, {"source_id": sid})
        url = str(meta.get("url") or "unknown")
        rows.append(("Source", f"{citation(meta)}. URL: {url}. Source id: {sid}."))
    rows += [("Compiled by", APP_NAME), ("Licence", LICENCE_NOTE)]
    for column in cited_frame(frame, context).columns:
        described = FIELDS.get(column, _EXTRA_FIELDS.get(column, ("", "")))
        meaning = described[0] + (f" (unit: {described[1]})" if described[1] else "")
        rows.append((f"Column {column}", meaning or "as named"))
    return pd.DataFrame(rows, columns=["item", "value"])


_EXTRA_FIELDS = {
    "source_title": ("Headline of the source article", ""),
    "source_publisher": ("Publisher of the source article, or unknown", ""),
    "source_url": ("URL of the source article, or unknown", ""),
    "period": ("Time frame the numbers refer to", ""),
    "series": ("Which column of the source table the value comes from", ""),
    "value_text": ("The cell as the source table gives it", ""),
}


def data_bytes(
    frame: pd.DataFrame, fmt: str, sheet: str = "data", context: DataContext | None = None
) -> bytes:
    """The chart's data (``source_id``, quote, sources cited) as CSV or XLSX, formula-safe."""
    context = context or DataContext()
    safe = formula_safe_frame(cited_frame(frame, context))
    if fmt == "csv":
        return safe.to_csv(index=False, quoting=csv.QUOTE_NONNUMERIC).encode("utf-8")
    if fmt == "xlsx":
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            safe.to_excel(writer, sheet_name=sheet[:31], index=False)
            readme = formula_safe_frame(readme_frame(frame, context))
            readme.to_excel(writer, sheet_name="README", index=False)
        return buffer.getvalue()
    raise ValueError(f"format {fmt!r} not one of {', '.join(DATA_FORMATS)}")
