"""The ordinal codebook (``data/codebook.toml``): level words to scores, per scale."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from lib.reference.paths import CODEBOOK_FILE


@dataclass(frozen=True)
class Level:
    """One level word of a scale and its ordinal score."""

    scale: str
    term: str
    score: int
    meaning: str


@cache
def load_levels() -> tuple[Level, ...]:
    """Every level of every scale in the codebook."""
    with CODEBOOK_FILE.open("rb") as handle:
        book = tomllib.load(handle)
    return tuple(
        Level(scale, level["term"], int(level["score"]), level["meaning"])
        for scale, spec in book["scales"].items()
        for level in spec["levels"]
    )


@cache
def scale_labels() -> dict[str, str]:
    """Scale name -> its label."""
    with CODEBOOK_FILE.open("rb") as handle:
        return {name: spec["label"] for name, spec in tomllib.load(handle)["scales"].items()}


@cache
def vocabulary() -> tuple[str, ...]:
    """All level terms of all scales, longest first (so "Very High" wins over "High")."""
    return tuple(sorted({level.term for level in load_levels()}, key=len, reverse=True))


def level_term(cell: str) -> str | None:
    """The level term a cell starts with, in the codebook's spelling, or None."""
    lowered = cell.strip().lower()
    for term in vocabulary():
        if lowered.startswith(term.lower()) and (
            len(lowered) == len(term) or not lowered[len(term)].isalnum()
        ):
            return term
    return None


def level_score(cell: str, scale: str) -> int | None:
    """The ordinal score of the level a cell starts with, on ``scale``; None when unknown."""
    term = level_term(cell)
    for level in load_levels():
        if level.scale == scale and level.term == term:
            return level.score
    return None
