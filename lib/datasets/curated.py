"""Curated figures (``data/figures.toml``): load them and check every one against its source."""

from __future__ import annotations

import ast
import math
import operator
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path

from lib.reference.countries import iso3
from lib.reference.paths import FIGURES_FILE

NUMBER_WORDS = {
    "zero": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "half": 0.5,
}  # fmt: skip
VALUE_COLUMN = {
    "model_counts": "models",
    "korean_models_by_developer": "models",
    "key_figures": "value",
}
PROVENANCES = ("stated", "derived", "inferred")
_OPERATORS = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
}  # fmt: skip


class CurationError(ValueError):
    """A curated figure that does not match its source; the message lists every problem."""


def load_figures(path: Path = FIGURES_FILE) -> dict[str, list[dict]]:
    """The curated records, by dataset name."""
    with path.open("rb") as handle:
        return tomllib.load(handle)


def numbers_in(text: str) -> set[float]:
    """Every number a text states: digits (``1,333``, ``81.2``, ``15th``) and number words."""
    found = {
        float(match.replace(",", "")) for match in re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?", text)
    }
    found |= {
        float(NUMBER_WORDS[w]) for w in re.findall(r"[a-z]+", text.lower()) if w in NUMBER_WORDS
    }
    return found


def evaluate_formula(formula: str, names: Mapping[str, float]) -> float:
    """Evaluate an arithmetic formula over named figures (+ - * / and parentheses only)."""

    def walk(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
            return _OPERATORS[type(node.op)](walk(node.left), walk(node.right))
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
            return float(node.value)
        if isinstance(node, ast.Name):
            if node.id not in names:
                raise CurationError(f"formula {formula!r}: unknown name {node.id!r}")
            return float(names[node.id])
        raise CurationError(f"formula {formula!r}: only + - * / on names and numbers allowed")

    return walk(ast.parse(formula, mode="eval"))


def _decimals(value: float) -> int:
    text = repr(float(value))
    return 0 if text.endswith(".0") else len(text.split(".")[1])


def formula_names(figures: Mapping[str, list[dict]]) -> dict[str, float]:
    """Names a formula may use: key figure ids and ``models_<ISO3>`` from the model counts."""
    names = {
        f"models_{iso3(r['country'])}": float(r["models"]) for r in figures.get("model_counts", [])
    }
    names |= {r["figure_id"]: float(r["value"]) for r in figures.get("key_figures", [])}
    return names


def _record_problems(
    dataset: str, number: int, record: Mapping, texts: Mapping[str, str], names: Mapping[str, float]
) -> list[str]:
    """What is wrong with one curated record, if anything."""
    value_column = VALUE_COLUMN[dataset]
    name = record.get("figure_id") or record.get("country") or record.get("developer")
    where = f"{dataset} #{number} ({name})"
    source_id, quote = record.get("source_id"), record.get("quote", "")
    if source_id not in texts:
        return [f"{where}: source {source_id!r} is not among the sources"]
    problems = []
    if not quote or quote not in texts[source_id]:
        problems.append(f"{where}: quote not found verbatim in {source_id}: {quote!r}")
    value = float(record[value_column])
    provenance = record.get("provenance", "stated")
    if provenance not in PROVENANCES:
        problems.append(f"{where}: provenance {provenance!r} not in {PROVENANCES}")
    elif provenance == "stated" and value not in numbers_in(quote):
        problems.append(f"{where}: value {value:g} not in its quote {quote!r}")
    elif provenance == "derived":
        if "formula" not in record:
            return [*problems, f"{where}: derived value without a formula"]
        try:
            result = evaluate_formula(record["formula"], names)
        except CurationError as err:
            return [*problems, f"{where}: {err}"]
        if not math.isclose(round(result, _decimals(value)), value):
            problems.append(f"{where}: value {value:g} but {record['formula']} = {result:.4g}")
    elif provenance == "inferred" and not record.get("basis"):
        problems.append(f"{where}: inferred value without a basis")
    return problems


def figure_problems(figures: Mapping[str, list[dict]], texts: Mapping[str, str]) -> list[str]:
    """Every problem of every curated record against the cleaned ``texts`` (by source id).

    A quote must be found verbatim in its source; a stated value must appear in its quote; a
    derived value must equal its formula (to the value's own decimals); an inferred value needs
    a basis.
    """
    names = formula_names(figures)
    problems: list[str] = []
    for dataset, records in figures.items():
        if dataset not in VALUE_COLUMN:
            problems.append(f"{dataset}: unknown dataset (expected one of {sorted(VALUE_COLUMN)})")
            continue
        for number, record in enumerate(records, start=1):
            problems += _record_problems(dataset, number, record, texts, names)
    return problems


def verify_figures(figures: Mapping[str, list[dict]], texts: Mapping[str, str]) -> None:
    """Raise CurationError listing every problem (see :func:`figure_problems`), if any."""
    problems = figure_problems(figures, texts)
    if problems:
        raise CurationError(f"{len(problems)} curated figure(s) fail: " + "; ".join(problems))


def usable_figures(
    figures: Mapping[str, list[dict]], texts: Mapping[str, str]
) -> tuple[dict[str, list[dict]], list[str]]:
    """The records that check out against ``texts``, and the problems of those dropped.

    For a running app whose source went missing or changed: it keeps what still holds (a
    derived figure goes when one of its inputs goes) instead of failing everything.
    """
    kept = {
        dataset: list(records) for dataset, records in figures.items() if dataset in VALUE_COLUMN
    }
    dropped: list[str] = []
    while True:
        names = formula_names(kept)
        bad = {
            (dataset, number): problems
            for dataset, records in kept.items()
            for number, record in enumerate(records, start=1)
            if (problems := _record_problems(dataset, number, record, texts, names))
        }
        if not bad:
            return kept, dropped
        for problems in bad.values():
            dropped += problems
        kept = {
            dataset: [r for n, r in enumerate(records, start=1) if (dataset, n) not in bad]
            for dataset, records in kept.items()
        }
