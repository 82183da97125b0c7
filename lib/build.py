"""``python -m lib.build --out DIR``: every dataset as CSV, plus a Frictionless datapackage.json."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import pandas as pd

from lib.datasets.corpus import Corpus
from lib.datasets.frames import build_for_command
from lib.datasets.schema import DATASET_TITLES, FIELDS
from lib.reference.paths import FIGURES_FILE, SOURCES_DIR

FRICTIONLESS_TYPES = {"i": "integer", "u": "integer", "f": "number", "b": "boolean"}


def field_type(series: pd.Series) -> str:
    """The Frictionless Table Schema type of a column."""
    if str(series.dtype) == "Int64":
        return "integer"
    return FRICTIONLESS_TYPES.get(series.dtype.kind, "string")


def datapackage(frames: dict[str, pd.DataFrame], corpus: Corpus) -> dict[str, object]:
    """A Frictionless Data Package descriptor for the datasets: fields, types, units, sources."""
    sources = [
        {"title": s.meta.get("title", s.source_id), "path": f"data/sources/{s.file}",
         "publisher": s.meta.get("publisher", "unknown"), "sha256": s.sha256}
        for s in corpus.sources.values()
    ]  # fmt: skip
    resources = []
    for name, frame in frames.items():
        fields = []
        for column in frame.columns:
            description, unit = FIELDS[column]
            spec = {"name": column, "type": field_type(frame[column]), "description": description}
            if unit:
                spec["unit"] = unit
            fields.append(spec)
        used = set(frame["source_id"]) if "source_id" in frame else set()
        resources.append(
            {
                "name": name,
                "title": DATASET_TITLES[name],
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {"fields": fields},
                "sources": [
                    s for s in sources if s["path"].split("/")[-1].rsplit(".", 1)[0] in used
                ],
            }
        )
    return {
        "profile": "data-package",
        "name": "korea-ai-policy",
        "title": "Korea AI Policy Dashboard datasets",
        "description": "Numbers behind South Korea's AI policy debate, "
        "each with its verbatim source quote.",
        "sources": sources,
        "resources": resources,
    }


def write_datasets(frames: dict[str, pd.DataFrame], corpus: Corpus, out: Path) -> list[Path]:
    """Write one CSV per dataset and ``datapackage.json`` into ``out``; return the paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in frames.items():
        path = out / f"{name}.csv"
        frame.to_csv(path, index=False)
        written.append(path)
    descriptor = out / "datapackage.json"
    descriptor.write_text(
        json.dumps(datapackage(frames, corpus), indent=2, ensure_ascii=False) + "\n"
    )
    return [*written, descriptor]


def main(argv: list[str] | None = None) -> int:
    """Run the command; return the exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m lib.build",
        description="Build every dataset from data/sources and data/figures.toml; "
        "write CSVs and datapackage.json.",
    )
    parser.add_argument(
        "--out", type=Path, default=Path("build/data"), help="output folder (default build/data)"
    )
    parser.add_argument(
        "--sources", type=Path, default=SOURCES_DIR, help="folder of source articles"
    )
    parser.add_argument("--figures", type=Path, default=FIGURES_FILE, help="curated figures file")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    built = build_for_command(args.sources, args.figures)
    if built is None:
        return 1
    corpus, frames = built
    paths = write_datasets(frames, corpus, args.out)
    elapsed = time.perf_counter() - started
    for name, frame in frames.items():
        print(f"{name}: {len(frame)} rows")
    print(f"wrote {len(paths)} files to {args.out} in {elapsed:.3f} s")
    return 1 if corpus.errors else 0


if __name__ == "__main__":
    sys.exit(main())
