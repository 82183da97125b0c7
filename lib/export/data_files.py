"""A chart's data as CSV or XLSX, safe to open in a spreadsheet.

Text that a spreadsheet would read as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return) gets the usual guard, a leading apostrophe, so it stays text; numbers stay
numbers. CSV quotes every text cell, so a line break inside a quote cannot split a row.
"""

from __future__ import annotations

import csv
import io

import pandas as pd

DATA_FORMATS = ("csv", "xlsx")
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


def data_bytes(frame: pd.DataFrame, fmt: str, sheet: str = "data") -> bytes:
    """The chart's data (with ``source_id`` and ``quote`` kept) as CSV or XLSX, formula-safe."""
    safe = formula_safe_frame(frame)
    if fmt == "csv":
        return safe.to_csv(index=False, quoting=csv.QUOTE_NONNUMERIC).encode("utf-8")
    if fmt == "xlsx":
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            safe.to_excel(writer, sheet_name=sheet[:31], index=False)
        return buffer.getvalue()
    raise ValueError(f"format {fmt!r} not one of {', '.join(DATA_FORMATS)}")
