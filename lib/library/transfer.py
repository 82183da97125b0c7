"""Export a library to a folder and import it back: how a team moves from SQLite to PostgreSQL.

The folder is a Frictionless data package (``datapackage.json``):

- ``raw/<id><ext>``: every article's bytes, unchanged (the SHA-256 in ``articles.json`` checks it);
- ``articles.json``, ``history.json``, ``charts.json``: the records, lossless, for import;
- ``articles.csv``, ``tables.csv``, ``figures.csv``, ``history.csv``: the same for people, text
  cells formula-safe (a spreadsheet never runs them).
"""

from __future__ import annotations

import csv
import hashlib
import json
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from lib.export.data_files import formula_safe
from lib.library import schema
from lib.library.engine import write_transaction
from lib.library.store import Library, LibraryError, derived_record

PACKAGE = "datapackage.json"


def _suffix(file_name: str) -> str:
    return Path(file_name).suffix.lower() or ".txt"


def _write_csv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_NONNUMERIC)
        writer.writerow(header)
        writer.writerows([[formula_safe(cell) for cell in row] for row in rows])


def _json(path: Path, value: object) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def export_library(library: Library, directory: Path) -> dict[str, int]:
    """Write the whole library (retired articles included) into ``directory``; return counts."""
    directory.mkdir(parents=True, exist_ok=True)
    raw_dir = directory / "raw"
    raw_dir.mkdir(exist_ok=True)
    articles = library.articles(include_retired=True)
    records, table_rows, figure_rows = [], [], []
    for article in articles:
        raw = library.raw(article.id)
        raw_path = raw_dir / f"{article.id}{_suffix(article.file_name)}"
        raw_path.write_bytes(raw)
        record = {
            **{k: v for k, v in article.__dict__.items() if k not in ("tables", "figures")},
            "added_at": article.added_at.isoformat(),
            "raw_path": raw_path.relative_to(directory).as_posix(),
        }
        records.append(record)
        for number, table in enumerate(library.derived_tables(article.id), start=1):
            for row_number, row in enumerate(table["rows"], start=1):
                for column, cell in zip(table["columns"], row, strict=False):
                    table_rows.append([article.id, number, row_number, column, cell])
        source = library.ingest(article.id)
        reviews = library.latest_payloads(article.id, "figure_review", "key")
        for figure in source.figures:
            key = f"{article.id}:{figure.start}-{figure.end}"
            review = reviews.get(key, {})
            figure_rows.append(
                [article.id, figure.start, figure.end, figure.value, figure.unit,
                 figure.noun or "", figure.qualifier, figure.mention, figure.quote,
                 review.get("status", "proposed"), review.get("author", "")]
            )  # fmt: skip
    history = [{**change.__dict__, "at": change.at.isoformat()} for change in library.history()]
    charts = [
        {**chart.__dict__, "created_at": chart.created_at.isoformat()} for chart in library.charts()
    ]
    _json(directory / "articles.json", records)
    _json(directory / "history.json", history)
    _json(directory / "charts.json", charts)
    article_header = ["id", "title", "publisher", "published", "url", "file_name", "sha256",
                      "added_by", "added_at", "bundled", "retired", "version"]  # fmt: skip
    _write_csv(
        directory / "articles.csv",
        article_header,
        [[str(r[k]) if isinstance(r[k], bool) else r[k] for k in article_header] for r in records],
    )
    _write_csv(directory / "tables.csv", ["article_id", "table", "row", "column", "value"],
               table_rows)  # fmt: skip
    _write_csv(
        directory / "figures.csv",
        ["article_id", "start", "end", "value", "unit", "noun", "qualifier", "mention", "quote",
         "review", "reviewed_by"],
        figure_rows,
    )  # fmt: skip
    _write_csv(
        directory / "history.csv",
        ["seq", "article_id", "kind", "author", "at", "version", "payload"],
        [[h["seq"], h["article_id"], h["kind"], h["author"], h["at"], h["version"],
          json.dumps(h["payload"], ensure_ascii=False, sort_keys=True)] for h in history],
    )  # fmt: skip
    _json(directory / PACKAGE, _descriptor(records))
    return {"articles": len(records), "history": len(history), "charts": len(charts),
            "table_cells": len(table_rows), "figures": len(figure_rows)}  # fmt: skip


def _descriptor(records: list[dict]) -> dict:
    def csv_resource(name: str, fields: list[tuple[str, str]]) -> dict:
        return {
            "name": name.replace("_", "-"),
            "path": f"{name}.csv",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {"fields": [{"name": n, "type": t} for n, t in fields]},
        }

    return {
        "name": "korea-ai-policy-library",
        "title": "Korea AI Policy Dashboard: team library export",
        "created": datetime.now().astimezone().isoformat(timespec="seconds"),
        "resources": [
            csv_resource("articles", [("id", "string"), ("title", "string"),
                                      ("publisher", "string"), ("published", "string"),
                                      ("url", "string"), ("file_name", "string"),
                                      ("sha256", "string"), ("added_by", "string"),
                                      ("added_at", "datetime"), ("bundled", "boolean"),
                                      ("retired", "boolean"), ("version", "integer")]),
            csv_resource("tables", [("article_id", "string"), ("table", "integer"),
                                    ("row", "integer"), ("column", "string"),
                                    ("value", "string")]),
            csv_resource("figures", [("article_id", "string"), ("start", "integer"),
                                     ("end", "integer"), ("value", "number"), ("unit", "string"),
                                     ("noun", "string"), ("qualifier", "string"),
                                     ("mention", "string"), ("quote", "string"),
                                     ("review", "string"), ("reviewed_by", "string")]),
            csv_resource("history", [("seq", "integer"), ("article_id", "string"),
                                     ("kind", "string"), ("author", "string"),
                                     ("at", "datetime"), ("version", "integer"),
                                     ("payload", "string")]),
            {"name": "articles-json", "path": "articles.json", "format": "json"},
            {"name": "history-json", "path": "history.json", "format": "json"},
            {"name": "charts-json", "path": "charts.json", "format": "json"},
            *[
                {"name": f"raw-{r['id'].lower()}", "path": r["raw_path"],
                 "title": r["title"][:200], "hash": f"sha256:{r['sha256']}"}
                for r in records
            ],
        ],
    }  # fmt: skip


def import_library(library: Library, directory: Path) -> dict[str, int]:
    """Load an export into ``library``: articles (checked against their SHA-256), their whole
    history with its original authors and times, and saved charts. Articles already in the
    library (same bytes) are skipped with their history. Returns counts."""
    if not (directory / PACKAGE).exists():
        raise LibraryError(f"{directory} is not a library export (no {PACKAGE}): give the folder "
                           "that `python -m lib.library export` wrote.")  # fmt: skip
    records = json.loads((directory / "articles.json").read_text(encoding="utf-8"))
    history = json.loads((directory / "history.json").read_text(encoding="utf-8"))
    charts = json.loads((directory / "charts.json").read_text(encoding="utf-8"))
    counts = {"articles": 0, "skipped": 0, "history": 0, "charts": 0}
    imported: set[str] = set()
    for record in records:
        raw = (directory / record["raw_path"]).read_bytes()
        if hashlib.sha256(raw).hexdigest() != record["sha256"]:
            raise LibraryError(
                f"{record['raw_path']} does not match its SHA-256 in articles.json: the export "
                "was changed; export again from the original library."
            )
        with write_transaction(library.engine) as connection:
            found = connection.scalar(
                select(schema.articles.c.id).where(schema.articles.c.sha256 == record["sha256"])
            )
            if found:
                counts["skipped"] += 1
                continue
            columns = {c.name for c in schema.articles.c} - {"raw"}
            row = {k: record[k] for k in columns}
            row["added_at"] = datetime.fromisoformat(record["added_at"])
            connection.execute(schema.articles.insert().values(raw=raw, **row))
            for change in (h for h in history if h["article_id"] == record["id"]):
                connection.execute(
                    schema.history.insert().values(
                        article_id=change["article_id"], kind=change["kind"],
                        payload=json.dumps(change["payload"], ensure_ascii=False, sort_keys=True),
                        author=change["author"], at=datetime.fromisoformat(change["at"]),
                        version=change["version"],
                    )
                )  # fmt: skip
                counts["history"] += 1
            Library._bump(connection)
        imported.add(record["id"])
        counts["articles"] += 1
    for record in (r for r in records if r["id"] in imported):
        source = library.ingest(record["id"])
        with write_transaction(library.engine) as connection:
            connection.execute(
                schema.extractions.insert().values(article_id=record["id"],
                                                   **derived_record(source))
            )  # fmt: skip
    for chart in charts:
        if library.chart(chart["id"]) is None and library.article(chart["article_id"]):
            with write_transaction(library.engine) as connection:
                connection.execute(
                    schema.charts.insert().values(
                        id=chart["id"], article_id=chart["article_id"], title=chart["title"],
                        spec=json.dumps(chart["spec"], ensure_ascii=False, sort_keys=True),
                        created_by=chart["created_by"],
                        created_at=datetime.fromisoformat(chart["created_at"]),
                    )
                )  # fmt: skip
                Library._bump(connection)
            counts["charts"] += 1
    return counts
