"""Tidy DataFrames: extracted tables and curated figures, every row with its source and quote."""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from lib.datasets.corpus import Corpus, load_corpus
from lib.datasets.curated import (
    CurationError,
    evaluate_formula,
    formula_names,
    load_figures,
    usable_figures,
    verify_figures,
)
from lib.extraction.source import Source
from lib.extraction.tables import Table
from lib.reference.codebook import level_score, level_term
from lib.reference.countries import canonical_country, country_sort_key, iso3
from lib.reference.paths import FIGURES_FILE, sources_dir

HORIZON = re.compile(r"^(?P<label>.*?)\s*\((?P<horizon>[^)]*\d{4}[^)]*)\)\s*$")
LEVEL_TEXT_SEPARATORS = " ,;:-–—"


def classify_table(table: Table) -> str | None:
    """What a table holds, judged by its header.

    One of ``country_levels``, ``projection`` or ``policy_comparison``; None for other tables.
    """
    others = table.columns[1:]
    if sum(1 for column in others if canonical_country(column)) >= 2:
        return "country_levels"
    if sum(1 for column in others if HORIZON.match(column)) >= 2:
        return "projection"
    lowered = [column.lower() for column in table.columns]
    if (
        len(lowered) == 3
        and "korea" in lowered[1]
        and ("global" in lowered[2] or "best practice" in lowered[2])
    ):
        return "policy_comparison"
    return None


def _tables_of_kind(corpus: Corpus, kind: str) -> list[tuple[Source, Table]]:
    return [
        (source, table)
        for source in corpus.sources.values()
        for table in source.tables
        if classify_table(table) == kind
    ]


def _provenance_columns(source: Source, table: Table, row_index: int) -> dict[str, object]:
    start, end = table.row_spans[row_index]
    return {
        "source_id": source.source_id,
        "quote": table.row_quote(source.text, row_index),
        "quote_start": start,
        "quote_end": end,
        "table_flags": "; ".join(table.flags),
    }


def _split_level(cell: str | None) -> tuple[str | None, str]:
    """("Struggling", "dominated by US/China") from "Struggling, dominated by US/China"."""
    if cell is None:
        return None, ""
    term = level_term(cell)
    if term is None:
        return cell, ""
    return term, cell[len(term) :].lstrip(LEVEL_TEXT_SEPARATORS)


def sector_adoption_frame(corpus: Corpus) -> pd.DataFrame:
    """One row per sector and country: the adoption level from every country-comparison table."""
    records = []
    for source, table in _tables_of_kind(corpus, "country_levels"):
        for row_index, row in enumerate(table.rows):
            for column, cell in zip(table.columns[1:], row[1:], strict=True):
                country = canonical_country(column)
                if country is None:
                    continue
                records.append(
                    {
                        "sector": row[0],
                        "country": country,
                        "country_iso3": iso3(country),
                        "level": cell,
                        "level_term": level_term(cell) if cell else None,
                        "level_score": level_score(cell, "adoption") if cell else None,
                        "is_missing": cell is None,
                        **_provenance_columns(source, table, row_index),
                    }
                )
    frame = pd.DataFrame.from_records(records, columns=_columns("sector_adoption"))
    frame["level_score"] = frame["level_score"].astype("Int64")
    order = frame["country"].map(country_sort_key)
    return (
        frame.assign(_order=order)
        .sort_values("_order", kind="stable")
        .drop(columns="_order")
        .reset_index(drop=True)
    )


def growth_projections_frame(corpus: Corpus) -> pd.DataFrame:
    """One row per focus area and horizon: level, score and the qualitative detail."""
    records = []
    for source, table in _tables_of_kind(corpus, "projection"):
        horizons = [
            (k, HORIZON.match(c)) for k, c in enumerate(table.columns) if k and HORIZON.match(c)
        ]
        for row_index, row in enumerate(table.rows):
            for order, (column_index, match) in enumerate(horizons):
                level, detail = _split_level(row[column_index])
                records.append(
                    {
                        "focus_area": row[0],
                        "horizon": match["horizon"],
                        "horizon_label": match["label"],
                        "horizon_order": order,
                        "level": level,
                        "level_score": level_score(level, "outlook") if level else None,
                        "detail": detail,
                        "is_missing": level is None,
                        **_provenance_columns(source, table, row_index),
                    }
                )
    frame = pd.DataFrame.from_records(records, columns=_columns("growth_projections"))
    frame["level_score"] = frame["level_score"].astype("Int64")
    return frame


def policy_gaps_frame(corpus: Corpus) -> pd.DataFrame:
    """One row per policy aspect: South Korea's framework against global best practice."""
    records = []
    for source, table in _tables_of_kind(corpus, "policy_comparison"):
        for row_index, (aspect, korea, best, *_) in enumerate(table.rows):
            records.append(
                {
                    "aspect": aspect,
                    "korea": korea,
                    "global_best_practice": best,
                    "korea_score": level_score(korea, "policy") if korea else None,
                    "global_best_practice_score": level_score(best, "policy") if best else None,
                    "is_missing": korea is None or best is None,
                    **_provenance_columns(source, table, row_index),
                }
            )
    frame = pd.DataFrame.from_records(records, columns=_columns("policy_gaps"))
    for column in ("korea_score", "global_best_practice_score"):
        frame[column] = frame[column].astype("Int64")
    return frame


def _quote_span(texts: Mapping[str, str], record: Mapping[str, object]) -> dict[str, object]:
    start = texts[str(record["source_id"])].find(str(record["quote"]))
    return {"quote_start": start, "quote_end": start + len(str(record["quote"]))}


def model_counts_frame(figures: Mapping[str, list[dict]], texts: Mapping[str, str]) -> pd.DataFrame:
    """AI models by country, with each country's share of the models released worldwide."""
    world = formula_names(figures).get("world_models")
    records = [
        {
            "country": r["country"],
            "country_iso3": iso3(r["country"]),
            "models": int(r["models"]),
            "share_of_world_pct": round(100 * r["models"] / world, 1) if world else None,
            "provenance": "stated",
            "source_id": r["source_id"],
            "quote": r["quote"],
            **_quote_span(texts, r),
        }
        for r in figures.get("model_counts", [])
    ]
    frame = pd.DataFrame.from_records(records, columns=_columns("model_counts"))
    return frame.sort_values("models", ascending=False, kind="stable").reset_index(drop=True)


def korean_models_by_developer_frame(
    figures: Mapping[str, list[dict]], texts: Mapping[str, str]
) -> pd.DataFrame:
    """South Korea's AI models by the corporation that developed them."""
    records = [
        {
            "developer": r["developer"],
            "models": int(r["models"]),
            "source_id": r["source_id"],
            "quote": r["quote"],
            **_quote_span(texts, r),
        }
        for r in figures.get("korean_models_by_developer", [])
    ]
    frame = pd.DataFrame.from_records(records, columns=_columns("korean_models_by_developer"))
    return frame.sort_values("models", ascending=False, kind="stable").reset_index(drop=True)


def key_figures_frame(figures: Mapping[str, list[dict]], texts: Mapping[str, str]) -> pd.DataFrame:
    """Headline figures with their provenance; derived values recomputed from their formulas."""
    names = formula_names(figures)
    records = []
    for r in figures.get("key_figures", []):
        value = float(r["value"])
        if r["provenance"] == "derived":
            value = evaluate_formula(r["formula"], names)
        records.append(
            {
                "figure_id": r["figure_id"],
                "label": r["label"],
                "value": value,
                "unit": r["unit"],
                "display": r.get("display", f"{value:g} {r['unit']}"),
                "provenance": r["provenance"],
                "formula": r.get("formula", ""),
                "basis": r.get("basis", ""),
                "source_id": r["source_id"],
                "quote": r["quote"],
                **_quote_span(texts, r),
            }
        )
    return pd.DataFrame.from_records(records, columns=_columns("key_figures"))


def sources_frame(corpus: Corpus) -> pd.DataFrame:
    """One row per source: metadata record, checksum, encoding and how much was repaired."""
    records = [
        {
            "source_id": source.source_id,
            "file": source.file,
            "title": source.meta.get("title", ""),
            "publisher": source.meta.get("publisher", "unknown"),
            "author": source.meta.get("author", "unknown"),
            "published": source.meta.get("published", "unknown"),
            "published_estimate": source.meta.get("published_estimate", ""),
            "published_basis": source.meta.get("published_basis", ""),
            "sha256": source.sha256,
            "encoding": source.encoding,
            "repairs": len(source.repairs),
            "tables": len(source.tables),
        }
        for source in corpus.sources.values()
    ]
    return pd.DataFrame.from_records(records, columns=_columns("sources"))


DATASET_COLUMNS: dict[str, list[str]] = {
    "sector_adoption": [
        "sector", "country", "country_iso3", "level", "level_term", "level_score", "is_missing",
        "source_id", "quote", "quote_start", "quote_end", "table_flags",
    ],
    "model_counts": [
        "country", "country_iso3", "models", "share_of_world_pct", "provenance", "source_id",
        "quote", "quote_start", "quote_end",
    ],
    "korean_models_by_developer": [
        "developer", "models", "source_id", "quote", "quote_start", "quote_end",
    ],
    "growth_projections": [
        "focus_area", "horizon", "horizon_label", "horizon_order", "level", "level_score", "detail",
        "is_missing", "source_id", "quote", "quote_start", "quote_end", "table_flags",
    ],
    "policy_gaps": [
        "aspect", "korea", "global_best_practice", "korea_score", "global_best_practice_score",
        "is_missing", "source_id", "quote", "quote_start", "quote_end", "table_flags",
    ],
    "key_figures": [
        "figure_id", "label", "value", "unit", "display", "provenance", "formula", "basis",
        "source_id", "quote", "quote_start", "quote_end",
    ],
    "sources": [
        "source_id", "file", "title", "publisher", "author", "published", "published_estimate",
        "published_basis", "sha256", "encoding", "repairs", "tables",
    ],
}  # fmt: skip


def _columns(dataset: str) -> list[str]:
    return DATASET_COLUMNS[dataset]


def build_datasets(
    corpus: Corpus, figures: Mapping[str, list[dict]], problems: list[str] | None = None
) -> dict[str, pd.DataFrame]:
    """Every dataset, after checking each curated figure against the cleaned sources.

    Strict by default: raises CurationError when a curated quote or value does not match its
    source. With a ``problems`` list, records that fail are left out and their problems appended
    to it instead (the running app's mode: one broken source must not take down every page).
    """
    texts = corpus.texts()
    if problems is None:
        verify_figures(figures, texts)
    else:
        figures, dropped = usable_figures(figures, texts)
        problems.extend(dropped)
    return {
        "sector_adoption": sector_adoption_frame(corpus),
        "model_counts": model_counts_frame(figures, texts),
        "korean_models_by_developer": korean_models_by_developer_frame(figures, texts),
        "growth_projections": growth_projections_frame(corpus),
        "policy_gaps": policy_gaps_frame(corpus),
        "key_figures": key_figures_frame(figures, texts),
        "sources": sources_frame(corpus),
    }


def build_for_command(
    sources: Path | None = None, figures_file: Path | None = None
) -> tuple[Corpus, dict[str, pd.DataFrame]] | None:
    """Load the corpus and build every dataset strictly, for a command-line tool.

    Prints each unreadable source and any curation failure as one ``error:`` line on stderr;
    returns None when the curated figures do not match their sources.
    """
    corpus = load_corpus(sources or sources_dir())
    for error in corpus.errors.values():
        print(f"error: {error}", file=sys.stderr)
    try:
        return corpus, build_datasets(corpus, load_figures(figures_file or FIGURES_FILE))
    except CurationError as err:
        print(f"error: {err}", file=sys.stderr)
        return None
