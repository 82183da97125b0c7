"""Doubling a hostile input at most about doubles the work of the ingest: steps, not seconds.

A step is one Python call or line event in ``lib/`` or in the standard library's HTML parser
(``html.parser``, ``_markupbase``), counted with ``sys.settrace`` around ``ingest_bytes``, the
path every upload takes. Counts are deterministic, so the bound is tight: a quadratic step (a
rescan of neighbours per line, a table re-split per candidate header) makes the ratio about 4.
Work done inside C (a regex backtracking, ``str.count`` from the start of the text) is not seen
here; ``bench/hostile.py`` times those shapes.
"""

from __future__ import annotations

import _markupbase
import contextlib
import html.parser
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import lib
from lib.cleaning.decoding import UnreadableSourceError
from lib.extraction.document import ingest_bytes

WATCHED = (str(Path(lib.__file__).parent), html.parser.__file__, _markupbase.__file__)
MAX_RATIO = 2.3
N = 200  # lines (or repeats) in the smaller input; the larger has 2 * N


class TooMuchWork(Exception):
    """Raised from the tracer once the count passes its limit, so a quadratic run stops early."""


class StepCounter:
    """Counts call and line events in watched code while it is installed with sys.settrace."""

    def __init__(self, limit: float = float("inf")) -> None:
        self.steps = 0
        self.limit = limit

    def _count(self) -> None:
        self.steps += 1
        if self.steps > self.limit:
            raise TooMuchWork(f"more than {self.limit:,.0f} steps")

    def on_call(self, frame, event, arg):  # noqa: ANN001 - sys.settrace's signature
        if not frame.f_code.co_filename.startswith(WATCHED):
            return None
        self._count()
        return self.on_line

    def on_line(self, frame, event, arg):  # noqa: ANN001
        if event == "line":
            self._count()
        return self.on_line


def counted(work: Callable[[], object], limit: float = float("inf")) -> int:
    """Steps that ``work()`` takes in watched code."""
    counter = StepCounter(limit)
    sys.settrace(counter.on_call)
    try:
        work()
    finally:
        sys.settrace(None)
    return counter.steps


def steps(raw: bytes, name: str, limit: float = float("inf")) -> int:
    """Steps taken by ``ingest_bytes(raw, name)`` (a documented refusal counts as done)."""

    def ingest() -> None:
        with contextlib.suppress(UnreadableSourceError):
            ingest_bytes(raw, name)

    return counted(ingest, limit)


SENTENCE = "The ministry said the {n}th plan would fund new data centres next year."
SHAPES: dict[str, tuple[str, Callable[[int], str]]] = {
    "blank-run": ("a.txt", lambda n: "First line.\n" + "\n" * n + "Last line.\n"),
    "blank-run-after-chrome": ("a.txt", lambda n: "Subscribe\n" + "\n" * n + "Last line.\n"),
    "chrome-text-alternation": (
        "a.txt",
        lambda n: "".join(f"Share this:\n{SENTENCE.format(n=i)}\n" for i in range(n)),
    ),
    "chrome-blank-alternation": (
        "a.txt",
        lambda n: "".join(f"{i} comments\n\n{SENTENCE.format(n=i)}\n\n" for i in range(n)),
    ),
    "one-number-lines": ("a.txt", lambda n: "".join(f"{i}\n" for i in range(n))),
    "level-word-lines": (
        "a.txt",
        lambda n: "Sector Status (2025)\n" + "".join(f"Sector {i} High\n" for i in range(n)),
    ),
    "tiny-pipe-tables": ("a.txt", lambda n: "a | b\n---|---\nc | d\n\n" * n),
    "long-pipe-table": (
        "a.txt",
        lambda n: "Sector | Korea\n---|---\n" + "".join(f"Row {i} | High |\n" for i in range(n)),
    ),
    "widening-pipe-rows": (
        "a.txt",
        lambda n: (
            "A | B\n---|---\n" + "".join(f"r{i} |" + " x |" * (i % 7) + "\n" for i in range(n))
        ),
    ),
    "cell-per-line-header": ("a.txt", lambda n: "Sector\n" + "| Korea\n" * n + "---|---\n"),
    "glued-row": (
        "a.txt",
        lambda n: "Sector | Korea | Japan\n---|---|---\n" + "FinTech" + "aB" * n + "High\n",
    ),
    "mojibake-lines": (
        "a.txt",
        lambda n: "".join(f"Koreaâ€™s plan {i}\n" for i in range(n)),
    ),
    "one-long-line": ("a.txt", lambda n: "word " * (20 * n) + "\n"),
    "nested-html": ("a.html", lambda n: "<html><body>" + "<div>" * n + "text" + "</div>" * n),
    "nested-html-titled": (
        "a.html",
        lambda n: (
            "<html><head><title>Text</title></head><body>" + "<div>" * n + "Text" + "</div>" * n
        ),
    ),
    "nested-blocks-before-the-title": (  # each nested <div> was read whole for a title
        "a.html",
        lambda n: (
            "<html><head><title>Q</title></head><body>"
            + "<div><span>" * n
            + "<i></i>" * n
            + "x"
            + "</span></div>" * n
            + f"<p>{SENTENCE.format(n=1)}</p></body></html>"
        ),
    ),
    "nested-asides-in-article": (
        "a.html",
        lambda n: (
            f"<html><body><article><p>{SENTENCE.format(n=1)}</p>"
            + "<aside><p>The fund will reach 14 firms by 2027, the ministry said.</p>" * n
            + "</aside>" * n
            + f"<p>{SENTENCE.format(n=2)}</p></article></body></html>"
        ),
    ),
    "unclosed-html-tags": ("a.html", lambda n: "<html><body><p>Text</p>" + "<a " * n),
    "unclosed-html-comments": ("a.html", lambda n: "<html><body><p>Text</p>" + "<!-- x " * n),
    "html-table": (
        "a.html",
        lambda n: (
            "<table>"
            + "".join(f"<tr><td>r{i}</td><td>High</td></tr>" for i in range(n))
            + "</table>"
        ),
    ),
}


@pytest.fixture(scope="module", autouse=True)
def warm_caches():
    """Caches filled on first use (codebook, compiled patterns) are not part of the growth."""
    for name, build in SHAPES.values():
        steps(build(8).encode("utf-8"), name)


@pytest.mark.parametrize("shape", list(SHAPES))
def test_doubling_the_input_at_most_doubles_the_steps(shape):
    name, build = SHAPES[shape]
    small = steps(build(N).encode("utf-8"), name)
    try:
        large = steps(build(2 * N).encode("utf-8"), name, limit=MAX_RATIO * small)
    except TooMuchWork:
        pytest.fail(f"{shape}: {2 * N} took more than {MAX_RATIO}x the {small:,} steps of {N}")
    assert small > N  # the counter saw the work
    assert large / small <= MAX_RATIO, f"{shape}: {small:,} -> {large:,} steps"


QUADRATIC = "def pairs(n):\n    for i in range(n):\n        for _ in range(i):\n            pass\n"


def test_the_counter_sees_a_quadratic_in_lib_and_nothing_outside():
    in_lib: dict[str, Callable[[int], None]] = {}
    exec(compile(QUADRATIC, str(Path(WATCHED[0]) / "example.py"), "exec"), in_lib)
    outside: dict[str, Callable[[int], None]] = {}
    exec(compile(QUADRATIC, "elsewhere/example.py", "exec"), outside)

    small, large = (counted(lambda n=n: in_lib["pairs"](n)) for n in (N, 2 * N))
    assert 3.9 < large / small < 4.1
    assert counted(lambda: outside["pairs"](N)) == 0


MAX_STEPS_PER_BLANK_LINE = 5  # splitting the text into lines; no stage reads blank lines one by one


@pytest.mark.parametrize("shape", ["blank-run", "blank-run-after-chrome"])
def test_a_blank_line_costs_only_its_split(shape):
    """A run of blank lines is one item to every rule: each more blank line costs the few steps
    of splitting the text into lines (it cost 13 when each stage read every line)."""
    name, build = SHAPES[shape]
    small, large = (steps(build(n).encode("utf-8"), name) for n in (10 * N, 20 * N))
    assert 0 < (large - small) / (10 * N) <= MAX_STEPS_PER_BLANK_LINE
