"""The record of one repair made to a source text, so every change is traceable."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Repair:
    """One change made by a cleaning step.

    ``start``/``end`` are character offsets and ``line`` the 1-based line number, all in the text
    the step received (each step's input is the previous step's output).
    """

    step: str
    rule: str
    line: int
    start: int
    end: int
    before: str
    after: str

    def to_dict(self) -> dict[str, object]:
        """The repair as a JSON-ready dict."""
        return asdict(self)

    def describe(self) -> str:
        """One human-readable line: what, where, before -> after."""
        return f"{self.step}/{self.rule} line {self.line}: {self.before!r} -> {self.after!r}"


def line_number(text: str, offset: int) -> int:
    """The 1-based line number of character ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1
