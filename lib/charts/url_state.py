"""Parse the view state a shared link carries (``?countries=KOR,USA&sectors=...``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping


def slugify(name: str) -> str:
    """A URL id for a label: ``Manufacturing & Automation`` -> ``manufacturing-automation``."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def split_list(value: str | None) -> list[str]:
    """The items of a comma-separated parameter, trimmed, empty ones dropped."""
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def parse_choice_list(
    value: str | None, choices: Mapping[str, str]
) -> tuple[list[str] | None, list[str]]:
    """Map a comma-separated parameter onto known choices (code -> label, case-insensitive).

    Returns ``(labels, unknown)``: ``labels`` is None when the parameter is absent or none of
    its items is known (the page then shows its default view); ``unknown`` lists what was ignored.
    """
    folded = {code.casefold(): label for code, label in choices.items()}
    items = split_list(value)
    labels = [folded[item.casefold()] for item in items if item.casefold() in folded]
    unknown = [item for item in items if item.casefold() not in folded]
    return (list(dict.fromkeys(labels)) or None), unknown


def join_codes(labels: Iterable[str], choices: Mapping[str, str]) -> str:
    """The parameter value for the chosen labels, in the order of ``choices``."""
    chosen = set(labels)
    return ",".join(code for code, label in choices.items() if label in chosen)
