"""Figures the analyst reviewed: proposals from the prose extractor, confirmed, edited or rejected.

The extractor (``lib.extraction.figures``) proposes every figure an article states; the analyst
confirms one, edits it (value, unit, noun, qualifier) or rejects it. A :class:`Review` keeps the
decision with the figure as it was extracted, so an edit is always shown beside the extracted
value and a review can be stored apart from the session (the team library) and checked again.

Confirmed and edited figures become rows of the ``key_figures`` dataset
(:func:`confirmed_figures_frame`): provenance ``stated``, the verbatim quote and its span,
``figure_id`` ``confirmed-<source>-<start>``. A figure whose quote is no longer at its span in
the source text (``text[quote_start:quote_end] != quote``) is flagged and left out, as curated
figures are (``lib.datasets.curated``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import pandas as pd

from lib.datasets.curated import CurationError
from lib.datasets.frames import DATASET_COLUMNS
from lib.extraction.figures.record import (
    AT_LEAST,
    AT_MOST,
    DURATION,
    EXACT,
    POINTS,
    QUALIFIERS,
    RANK,
    TIMES,
    UP_TO,
    Figure,
)
from lib.extraction.source import Source

PROPOSED, CONFIRMED, EDITED, REJECTED = "proposed", "confirmed", "edited", "rejected"
STATUSES = (PROPOSED, CONFIRMED, EDITED, REJECTED)
CHARTED = (CONFIRMED, EDITED)  # the statuses whose figures join the key figures
ID_PREFIX = "confirmed-"
QUALIFIER_WORDS = {
    EXACT: "exact",
    "approx": "about",
    AT_LEAST: "at least",
    AT_MOST: "at most",
    UP_TO: "up to",
}
SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def review_key(source_id: str, start: int, end: int) -> str:
    """The key of a figure's review: its source and its span (``<source>:<start>-<end>``)."""
    return f"{source_id}:{int(start)}-{int(end)}"


@dataclass(frozen=True)
class Review:
    """The analyst's decision on one extracted figure.

    ``figure`` is the figure as extracted (the snapshot the decision was made on);
    ``value``, ``unit``, ``noun`` and ``qualifier`` are the analyst's, or None to keep the
    extracted ones. ``conversions`` are the figures restating this one in another currency.
    """

    source_id: str
    figure: Figure
    status: str = PROPOSED
    value: float | None = None
    unit: str | None = None
    noun: str | None = None
    qualifier: str | None = None
    conversions: tuple[Figure, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"status {self.status!r} not one of {', '.join(STATUSES)}")
        if self.qualifier is not None and self.qualifier not in QUALIFIERS:
            raise ValueError(f"qualifier {self.qualifier!r} not one of {', '.join(QUALIFIERS)}")

    @property
    def key(self) -> str:
        return review_key(self.source_id, self.figure.start, self.figure.end)

    @property
    def values(self) -> tuple[float, str, str | None, str]:
        """(value, unit, noun, qualifier) as the analyst left them."""
        figure = self.figure
        return (
            figure.value if self.value is None else self.value,
            figure.unit if self.unit is None else self.unit,
            figure.noun if self.noun is None else (self.noun or None),
            figure.qualifier if self.qualifier is None else self.qualifier,
        )

    @property
    def extracted(self) -> tuple[float, str, str | None, str]:
        """(value, unit, noun, qualifier) as the extractor read them."""
        figure = self.figure
        return figure.value, figure.unit, figure.noun, figure.qualifier

    @property
    def is_edited(self) -> bool:
        """True when the analyst changed any of value, unit, noun or qualifier."""
        (value, *rest), (old, *old_rest) = self.values, self.extracted
        return not math.isclose(float(value), float(old)) or rest != old_rest

    @property
    def charted(self) -> bool:
        return self.status in CHARTED

    def edit_note(self) -> str:
        """``extracted 240000000000 KRW · up to → edited 250000000000 KRW · up to``, or ``""``."""
        if not self.is_edited:
            return ""
        return f"extracted {describe(*self.extracted)} → edited {describe(*self.values)}"


def confirm(review: Review) -> Review:
    """The review with the figure confirmed (kept as edited when the analyst edited it)."""
    return _with(review, status=EDITED if review.is_edited else CONFIRMED)


def reject(review: Review) -> Review:
    return _with(review, status=REJECTED)


def edit(review: Review, value: float, unit: str, noun: str | None, qualifier: str) -> Review:
    """The review with the analyst's values; status ``edited``, or ``confirmed`` when they are
    the extracted ones after all."""
    edited = _with(review, value=value, unit=unit.strip(), noun=(noun or "").strip(),
                   qualifier=qualifier)  # fmt: skip
    return _with(edited, status=EDITED if edited.is_edited else CONFIRMED)


def _with(review: Review, **changes: object) -> Review:
    return replace(review, **changes)


def plain_number(value: float) -> str:
    """A value as typed in a form: ``240000000000``, ``13.5`` (no exponent, no separators)."""
    number = float(value)
    if number.is_integer():
        return str(int(number))
    return f"{number:.12g}" if abs(number) >= 1e-4 else repr(number)


def parse_number(text: str) -> float:
    """``"240,000,000,000"`` -> 240000000000.0; ValueError with what to type otherwise."""
    cleaned = str(text).replace(",", "").replace("_", "").strip()
    try:
        number = float(cleaned)
    except ValueError:
        raise ValueError(f"{text!r} is not a number: type digits, e.g. 240000000000") from None
    if not math.isfinite(number):
        raise ValueError(f"{text!r} is not a finite number")
    return number


def describe(value: float, unit: str, noun: str | None, qualifier: str) -> str:
    """``240000000000 KRW · up to · noun: teams``: a figure's fields, for the edit note."""
    parts = [f"{plain_number(value)} {unit}"]
    if qualifier != EXACT:
        parts.append(QUALIFIER_WORDS.get(qualifier, qualifier))
    if noun:
        parts.append(f"noun: {noun}")
    return " · ".join(parts)


def _compact(value: float) -> str:
    """``240 billion``, ``1.5 trillion``, ``1,333``, ``13.5``."""
    number = float(value)
    for scale, word in SCALE_WORDS:
        if abs(number) >= scale:
            return f"{number / scale:,.6g} {word}"
    return f"{int(number):,}" if number.is_integer() else f"{number:,.6g}"


def _ordinal(value: float) -> str:
    number = int(value)
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    if 10 <= number % 100 <= 20:
        suffix = "th"
    return f"{number}{suffix}"


def is_money(unit: str) -> bool:
    """True for an ISO 4217 currency code (three capital letters)."""
    return len(unit) == 3 and unit.isupper() and unit.isalpha()


def display(
    value: float, unit: str, noun: str | None = None, qualifier: str = EXACT, per: str | None = None
) -> str:
    """The figure as a reader says it: ``up to 240 billion KRW``, ``about 30%``, ``3rd``."""
    if unit == "%":
        text = f"{_compact(value)}%"
    elif unit == POINTS:
        text = f"{_compact(value)} pp"
    elif unit == RANK and float(value).is_integer():
        text = _ordinal(value)
    elif unit == TIMES:
        text = f"{_compact(value)}×"
    elif unit == DURATION:
        text = f"{_compact(value)} {noun or 'units of time'}"
    elif unit == "count":
        text = f"{_compact(value)} {noun}" if noun else _compact(value)
    else:
        text = f"{_compact(value)} {unit}"
    if per:
        text += f" a {per}"
    words = QUALIFIER_WORDS.get(qualifier, qualifier)
    return text if qualifier == EXACT else f"{words} {text}"


def proposals(figures: Sequence[Figure]) -> list[tuple[Figure, tuple[Figure, ...]]]:
    """The figures to review, in text order, each with the conversions restating it.

    A conversion (``conversion_of`` set) belongs to its figure and is not reviewed on its own;
    one whose figure is not among ``figures`` is reviewed as a figure.
    """
    starts = {figure.start for figure in figures if figure.conversion_of is None}
    conversions: dict[int, list[Figure]] = {}
    for figure in figures:
        if figure.conversion_of is not None and figure.conversion_of in starts:
            conversions.setdefault(figure.conversion_of, []).append(figure)
    return [
        (figure, tuple(conversions.get(figure.start, ())))
        for figure in sorted(figures, key=lambda f: f.start)
        if figure.conversion_of is None or figure.conversion_of not in starts
    ]


def review_for(
    source_id: str,
    figure: Figure,
    conversions: tuple[Figure, ...],
    reviews: Mapping[str, Review],
) -> Review:
    """The analyst's review of ``figure``, or a fresh proposal.

    A review made on a different extraction of the same span (the source changed since) does
    not apply: the figure is proposed again.
    """
    found = reviews.get(review_key(source_id, figure.start, figure.end))
    if found is not None and found.figure == figure:
        return found
    return Review(source_id, figure, conversions=conversions)


def figure_id(review: Review) -> str:
    return f"{ID_PREFIX}{review.source_id}-{review.figure.start}"


def figure_label(review: Review) -> str:
    """What the figure counts and its unit: ``national AI teams (KRW)``; the mention stands in
    when there is no noun (``240 billion won (KRW)``)."""
    _, unit, noun, _ = review.values
    return f"{noun or review.figure.mention} ({unit})"


def _basis(review: Review) -> str:
    note = review.edit_note()
    basis = f"Edited by the analyst: {note}." if note else "Confirmed by the analyst."
    if review.conversions and not note:
        also = "; ".join(f"{c.mention} ({display(c.value, c.unit)})" for c in review.conversions)
        basis += f" The article also states it as {also}."
    return basis


def _text_of(source: Source | str) -> str:
    return source if isinstance(source, str) else source.text


def quote_problem(review: Review, sources: Mapping[str, Source | str]) -> str | None:
    """Why a reviewed figure cannot be charted any more, or None when its quote still holds."""
    figure = review.figure
    where = f"{figure_id(review)} ({figure_label(review)})"
    if review.source_id not in sources:
        return f"{where}: source {review.source_id!r} is not among the sources"
    text = _text_of(sources[review.source_id])
    if text[figure.quote_start : figure.quote_end] != figure.quote:
        return (
            f"{where}: quote no longer matches characters {figure.quote_start}-"
            f"{figure.quote_end} of {review.source_id}: {figure.quote!r}"
        )
    return None


def confirmed_figures_frame(
    sources: Mapping[str, Source | str],
    reviews: Iterable[Review] | Mapping[str, Review],
    problems: list[str] | None = None,
) -> pd.DataFrame:
    """The confirmed and edited figures as ``key_figures`` rows, in source and text order.

    ``sources`` maps source ids to sources (or their cleaned text). Each row is provenance
    ``stated`` with its verbatim quote and span; ``basis`` records the analyst's decision and
    any edit beside the extracted value. A figure whose quote is no longer at its span (or
    whose source is gone) is flagged: without ``problems`` a CurationError lists every flag,
    with it the flagged rows are left out and their problems appended to it.
    """
    if isinstance(reviews, Mapping):
        reviews = reviews.values()
    charted = sorted(
        (review for review in reviews if review.charted),
        key=lambda r: (r.source_id, r.figure.start),
    )
    flags, records = [], []
    for review in charted:
        problem = quote_problem(review, sources)
        if problem:
            flags.append(problem)
            continue
        value, unit, noun, qualifier = review.values
        figure = review.figure
        records.append(
            {
                "figure_id": figure_id(review),
                "label": figure_label(review),
                "value": float(value),
                "unit": unit,
                "display": display(value, unit, noun, qualifier, figure.per),
                "provenance": "stated",
                "formula": "",
                "basis": _basis(review),
                "source_id": review.source_id,
                "quote": figure.quote,
                "quote_start": figure.quote_start,
                "quote_end": figure.quote_end,
            }
        )
    if flags and problems is None:
        raise CurationError(f"{len(flags)} confirmed figure(s) fail: " + "; ".join(flags))
    if problems is not None:
        problems.extend(flags)
    return pd.DataFrame.from_records(records, columns=DATASET_COLUMNS["key_figures"])


def is_confirmed(key_figures: pd.DataFrame) -> pd.Series:
    """Which rows of a ``key_figures`` frame the analyst confirmed (the rest are curated)."""
    return key_figures["figure_id"].astype(str).str.startswith(ID_PREFIX)


def with_confirmed(
    data: Mapping[str, pd.DataFrame],
    confirmed: pd.DataFrame,
    extra_sources: pd.DataFrame | None = None,
) -> dict[str, pd.DataFrame]:
    """``data`` with the confirmed figures joined to ``key_figures`` (and ``extra_sources``,
    e.g. uploads, to ``sources``); the frames of ``data`` are not changed."""
    joined = dict(data)
    if len(confirmed):
        joined["key_figures"] = pd.concat([data["key_figures"], confirmed], ignore_index=True)
    if extra_sources is not None and len(extra_sources):
        joined["sources"] = pd.concat([data["sources"], extra_sources], ignore_index=True)
    return joined
