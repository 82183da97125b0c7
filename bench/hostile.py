"""Hostile uploads: pathological shapes through the upload path, in MB/s next to plain text.

Each shape goes through ``ingest_upload``, the path an uploaded or pasted file takes, and is
timed there. A shape over the upload budget (``MAX_FILE_BYTES``, ``MAX_LINES``) is refused
there, before any cleaning (HTML whose text runs over ``MAX_LINES``: once it is read): the
refusal is timed, and the cleaning itself is then timed through ``ingest_bytes``, so that the
budget is not what makes it fast. Times are CPU seconds of this process (``time.process_time``),
what an attacker costs the server; the best of 3 runs for plain text and for shapes under 0.5 s.
The plain-text baseline is the bundled articles repeated (each copy numbered) up to the largest
upload allowed; its time is also the time to clean a maximum-size upload.

``python -m bench.hostile`` prints the table; ``bench.run`` adds it to RESULTS.md.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from lib.cleaning.decoding import UnreadableSourceError
from lib.datasets.corpus import source_files
from lib.datasets.uploads import MAX_FILE_BYTES, MAX_LINES, count_lines, ingest_upload
from lib.extraction.document import ingest_bytes
from lib.reference.paths import SOURCES_DIR

MB = 1024 * 1024
RATIO_TARGET = 3.0  # every shape cleans at least a third as many MB/s as plain text
MAX_UPLOAD_TARGET_S = 2.0  # a maximum-size upload is cleaned in under 2 s
REPEATS_UNDER_S = 0.5  # shapes faster than this are run 3 times and the best kept


@dataclass
class Shape:
    """One input: what it is, its file name (the suffix picks the HTML path) and its bytes."""

    label: str
    name: str
    raw: bytes


def _articles() -> list[str]:
    return [path.read_bytes().decode("utf-8") for path in source_files(SOURCES_DIR)]


def _sentences() -> list[str]:
    prose = " ".join(" ".join(article.split()) for article in _articles())
    return [s for s in re.split(r"(?<=[.!?])\s+", prose) if len(s) > 40]


def _words() -> list[str]:
    return " ".join(_articles()).split()


def plain_text(size: int) -> bytes:
    """The bundled articles, repeated (each copy numbered) up to ``size`` bytes."""
    articles, out, total, copy = _articles(), [], 0, 0
    while True:
        piece = f"{articles[copy % len(articles)]}\nCopy {copy} of the corpus.\n\n".encode()
        if total + len(piece) > size:
            return b"".join(out)
        out.append(piece)
        total += len(piece)
        copy += 1


def within_line_budget(raw: bytes) -> bytes:
    """``raw`` with neighbouring lines joined (longer paragraphs) until it fits ``MAX_LINES``:
    the largest upload the budget accepts, at the byte limit."""
    lines = raw.split(b"\n")
    while len(lines) > MAX_LINES:
        lines = [b" ".join(lines[i : i + 2]) for i in range(0, len(lines), 2)]
    return b"\n".join(lines)


def _cycle(items: list[str], count: int) -> list[str]:
    return [items[i % len(items)] for i in range(count)]


def _html_page(size: int) -> bytes:
    """A news page: navigation chrome, then articles as paragraphs with a table each."""
    head = "<!doctype html><html><head><title>AI news</title><script>var a = 1;</script></head>"
    nav = "<body><nav><ul>" + "<li><a href='/x'>Section</a></li>" * 20 + "</ul></nav>"
    parts, total, copy = [head, nav], len(head) + len(nav), 0
    articles = _articles()
    while total < size:
        paragraphs = [p for p in articles[copy % len(articles)].split("\n") if p.strip()]
        body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
        table = "<table><tr><th>Sector</th><th>Korea</th></tr>" + "".join(
            f"<tr><td>Sector {copy}-{k}</td><td>High</td></tr>" for k in range(5)
        )
        piece = f"<article><h2>Copy {copy}</h2>{body}{table}</table></article>\n"
        parts.append(piece)
        total += len(piece)
        copy += 1
    parts.append("<footer>© 2025 News. All rights reserved</footer></body></html>")
    return "".join(parts).encode()


def shapes() -> list[Shape]:
    """The pathological shapes: the attacks' sizes, or as large as the budget lets an upload be."""
    sentences, words, lines = _sentences(), _words(), MAX_LINES
    chrome = ["Share this:", "Subscribe", "3 comments", "Read more", "Share it on"]
    pairs = zip(_cycle(chrome, lines // 2), _cycle(sentences, lines // 2), strict=True)
    alternation = "".join(f"{c}\n{s}\n" for c, s in pairs)
    one_line = " ".join(_cycle(words, 170_000))[:MB] + "\n"
    return [
        Shape("blank-line run (the 40 KB attack)", "a.txt", b"First.\n" + b"\n" * 40_000 + b"Last.\n"),
        Shape("blank-line run after chrome", "a.txt", b"Subscribe\n" + b"\n" * (lines - 2) + b"Last.\n"),
        Shape("chrome/text alternation", "a.txt", alternation.encode()),
        Shape("one 1 MB line of article words", "a.txt", one_line.encode()),
        Shape("1 MB of spaces after a pipe row", "a.txt", b"a | b\n" + b" " * MB + b"x\n"),
        Shape("150,000 one-number lines", "a.txt", "".join(f"{i}\n" for i in range(150_000)).encode()),
        Shape(f"{lines:,} one-number lines", "a.txt", "".join(f"{i}\n" for i in range(lines)).encode()),
        Shape(f"{lines:,} short non-ASCII lines", "a.txt", "".join(f"Café {i}\n" for i in range(lines)).encode()),
        Shape(f"{lines:,} short mojibake lines", "a.txt", "".join(f"Koreaâ€™s plan {i}\n" for i in range(lines)).encode()),
        Shape("tiny pipe tables", "a.txt", b"a | b\n---|---\nc | d\n\n" * (lines // 4)),
        Shape("cell-per-line header", "a.txt", b"Sector\n" + b"| Korea\n" * (lines - 2) + b"---|---\n"),
        Shape(
            "glued table row, a seam every 5 bytes",
            "a.txt",
            b"Sector | Korea | Japan\n---|---|---\nFinTech" + b"aHigh" * 200_000 + b"\n",
        ),
        Shape("10,000 nested <div>", "a.html", b"<html><body>" + b"<div>" * 10_000 + b"Text" + b"</div>" * 10_000),
        Shape("unclosed tags (<a <a <a ...)", "a.html", b"<html><body><p>Text</p>" + b"<a " * 300_000),
        Shape("HTML line of 100,000 <p>", "a.html", b"<html><body>" + b"".join(b"<p>%d</p>" % i for i in range(100_000))),
        Shape("10 MB HTML page", "a.html", _html_page(10 * MB)),
    ]  # fmt: skip


def _cpu(work: Callable[[], object], runs: int = 3, enough_s: float = REPEATS_UNDER_S) -> float:
    """Best CPU seconds of ``runs`` runs, stopping once one run has taken more than ``enough_s``."""
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
        if best > enough_s:
            break
    return best


def _upload(shape: Shape) -> str | None:
    """None when the upload is accepted, else the refusal's message."""
    try:
        ingest_upload(shape.name, shape.raw)
    except UnreadableSourceError as err:
        return str(err)
    return None


def measure(shape: Shape, plain_rate: float) -> dict[str, object]:
    """Bytes, lines, CPU seconds, MB/s and the ratio to plain text for one shape."""
    refusal = _upload(shape)
    if refusal:
        refusal_s = _cpu(lambda: _upload(shape))
        seconds = _cpu(lambda: ingest_bytes(shape.raw, shape.name))
    else:
        refusal_s, seconds = None, _cpu(lambda: ingest_upload(shape.name, shape.raw))
    rate = len(shape.raw) / MB / seconds
    return {
        "shape": shape.label,
        "mb": len(shape.raw) / MB,
        "lines": count_lines(shape.raw),
        "seconds": seconds,
        "mb_per_s": rate,
        "ratio": plain_rate / rate,
        "refused": refusal,
        "refusal_ms": refusal_s * 1000 if refusal_s is not None else None,
    }


def run() -> dict[str, object]:
    """Every shape's rate next to plain text's, and the time of a maximum-size upload."""
    plain = within_line_budget(plain_text(MAX_FILE_BYTES))
    max_upload_s = _cpu(lambda: ingest_upload("plain.txt", plain), enough_s=float("inf"))
    plain_rate = len(plain) / MB / max_upload_s
    print(f"plain text (bundled articles), a maximum-size upload: {len(plain) / MB:.2f} MB, "
          f"{count_lines(plain):,} lines: {max_upload_s:.2f} s CPU, {plain_rate:.2f} MB/s")  # fmt: skip
    rows = []
    for shape in shapes():
        row = measure(shape, plain_rate)
        rows.append(row)
        budget = (
            f"refused by the budget in {row['refusal_ms']:.0f} ms" if row["refused"] else "accepted"
        )
        print(f"{row['shape']:36} {row['mb']:6.2f} MB {row['lines']:>8,} lines "
              f"{row['seconds']:6.2f} s {row['mb_per_s']:6.2f} MB/s {row['ratio']:5.1f}x plain; {budget}")  # fmt: skip
    worst = max(rows, key=lambda row: row["ratio"])
    print(f"worst shape: {worst['shape']} at {worst['ratio']:.1f}x plain text's CPU per MB "
          f"(target {RATIO_TARGET:.0f}x); maximum-size upload {max_upload_s:.2f} s "
          f"(target under {MAX_UPLOAD_TARGET_S:.0f} s); line budget {MAX_LINES:,}")  # fmt: skip
    return {
        "plain_mb": len(plain) / MB,
        "plain_lines": count_lines(plain),
        "plain_mb_per_s": plain_rate,
        "max_upload_s": max_upload_s,
        "rows": rows,
        "worst_ratio": worst["ratio"],
    }


if __name__ == "__main__":
    run()
