"""The record of one figure stated in an article's prose."""

from __future__ import annotations

from dataclasses import asdict, dataclass

EXACT, APPROX, AT_LEAST, AT_MOST, UP_TO = "exact", "approx", "at_least", "at_most", "up_to"
QUALIFIERS = (EXACT, APPROX, AT_LEAST, AT_MOST, UP_TO)
PERCENT, POINTS, COUNT, RANK = "%", "pp", "count", "rank"
DURATION, TIMES = "duration", "times"


@dataclass(frozen=True)
class Figure:
    """A number an article states, in base units, with where it is and what it counts.

    ``unit`` is an ISO 4217 code for money, ``%``, ``pp`` (percentage points), ``count``,
    ``rank``, ``duration`` (``noun`` says days, months…), ``times`` (a multiple) or a measure
    symbol (``GW``, ``nm``…). ``text[start:end]`` is the mention (``240 billion KRW``,
    ``100조 원``); ``quote`` is the sentence holding it, ``text[quote_start:quote_end]``.
    ``conversion_of`` is the ``start`` of the figure this one restates in another currency.
    ``per`` is the period of a rate (``year`` for "annually", "연간").
    """

    value: int | float
    unit: str
    start: int
    end: int
    mention: str
    quote: str
    quote_start: int
    quote_end: int
    noun: str | None = None
    qualifier: str = EXACT
    conversion_of: int | None = None
    per: str | None = None

    @property
    def is_money(self) -> bool:
        """True when the unit is a currency code."""
        return len(self.unit) == 3 and self.unit.isupper() and self.unit.isalpha()

    def to_dict(self) -> dict[str, object]:
        """The figure in the ``lib.ingest --json`` contract shape."""
        return asdict(self)
