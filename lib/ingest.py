"""``python -m lib.ingest FILE [FILE ...] [--json]``: clean files, extract tables and figures.

With ``--json`` it prints a JSON array, one object per file read:
``{"file", "encoding", "text", "repairs", "tables", "figures"}``; each figure has ``value``,
``unit``, ``start``, ``end``, ``quote``, ``noun``, ``qualifier``, ``conversion_of`` (and
``mention``, ``quote_start``, ``quote_end``, ``per``). Without it, a readable report.
A file that cannot be read as text gets a one-line error on stderr; the others are still
processed; the exit code is 1 if any file failed, else 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from lib.cleaning.errors import UnreadableSourceError
from lib.extraction.document import Source, ingest_bytes
from lib.extraction.figures import Figure


def source_record(path: str, source: Source) -> dict[str, object]:
    """The JSON object for one ingested file."""
    return {
        "file": path,
        "encoding": source.encoding,
        "text": source.text,
        "repairs": [repair.to_dict() for repair in source.repairs],
        "tables": [table.to_dict() for table in source.tables],
        "figures": [figure.to_dict() for figure in source.figures],
    }


def report(path: str, source: Source) -> str:
    """A readable summary of one ingested file."""
    lines = [f"== {path}", f"encoding: {source.encoding}", f"characters: {len(source.text)}"]
    lines.append(f"repairs: {len(source.repairs)}")
    lines += [f"  {repair.describe()}" for repair in source.repairs]
    lines.append(f"tables: {len(source.tables)}")
    for number, table in enumerate(source.tables, start=1):
        lines.append(
            f"  table {number} (chars {table.start}-{table.end}): {' | '.join(table.columns)}"
        )
        lines += [f"    {' | '.join('—' if c is None else c for c in row)}" for row in table.rows]
        lines += [f"    flag: {flag}" for flag in table.flags]
    lines.append(f"figures: {len(source.figures)}")
    lines += [f"  {describe_figure(figure)}" for figure in source.figures]
    return "\n".join(lines)


def describe_figure(figure: Figure) -> str:
    """One report line for a figure: value, unit, qualifier, noun, where and what it restates."""
    details = [f"chars {figure.start}-{figure.end} {figure.mention!r}"]
    if figure.qualifier != "exact":
        details.append(figure.qualifier)
    if figure.noun:
        details.append(f"of {figure.noun}")
    if figure.per:
        details.append(f"per {figure.per}")
    if figure.conversion_of is not None:
        details.append(f"restates the figure at {figure.conversion_of}")
    return f"{figure.value:,} {figure.unit}: " + ", ".join(details)


def main(argv: list[str] | None = None) -> int:
    """Run the command; return the exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m lib.ingest",
        description="Decode, repair and clean article files, and extract their tables and the "
        "figures stated in their prose.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="article files (.txt, .md, .html)")
    parser.add_argument(
        "--json", action="store_true", help="print a JSON array instead of a report"
    )
    args = parser.parse_args(argv)
    records, failed = [], False
    for path in args.files:
        try:
            raw = Path(path).read_bytes()
            source = ingest_bytes(raw, path)
        except (OSError, UnreadableSourceError) as err:
            reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
            print(f"error: {path}: {reason}", file=sys.stderr)
            failed = True
            continue
        if args.json:
            records.append(source_record(path, source))
        else:
            print(report(path, source))
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=1))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
