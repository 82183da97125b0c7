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


class LineCounter:
    """1-based line numbers (``"\\n"`` count + 1) of offsets in one text, for its repairs.

    Counting goes on from the offset asked for last, so a step that asks in increasing order of
    offset (as it walks its text) reads the text once in all, however many repairs it logs;
    counting from the start for each repair would read it once per repair.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._offset = 0
        self._line = 1

    def line_at(self, offset: int) -> int:
        """The 1-based line number of character ``offset``: the newlines before it, plus one."""
        if offset < self._offset:  # asked out of order: count again from the start
            self._offset, self._line = 0, 1
        self._line += self._text.count("\n", self._offset, offset)
        self._offset = offset
        return self._line
