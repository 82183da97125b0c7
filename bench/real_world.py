"""Real-world input, nothing lost: how much article our cleaning keeps, how much chrome it leaves.

``python -m bench.real_world`` scores the corpus in ``tests/fixtures/real_world/`` (its README
says what each file tests) and prints compact tables; it writes nothing.

* Pages: each HTML page against its ``NAME.expected.txt`` (the article) and ``NAME.chrome.txt``
  (lines that must not survive), for our pipeline (``ingest_bytes(raw, name).text``) and for
  trafilatura alone (``trafilatura.extract(raw, **TRAFILATURA)``, given the page's bytes).
  Text is compared as tokens: a word, or one CJK/kana/Thai character; punctuation and the
  table markup are not tokens. *kept* is the share of the expected tokens' characters found,
  in order, in the output (difflib.SequenceMatcher over the tokens); *extra* is the share of
  the output's token characters that are not matched to the article; *chrome* counts the
  chrome lines present in the output (whitespace collapsed); *lines* counts the expected lines
  that come out as one whole line (a paragraph broken in two, or glued to chrome, does not);
  *exact* is yes when the output's non-blank lines are the expected ones.
* Encodings: ``decode_bytes(raw)`` against ``charset_normalizer.from_bytes(raw).best()``, exact
  match with ``encodings/expected/NAME`` (a leading BOM ignored). The mojibake case (stage
  "repair") is scored after the repair: ``repair_mojibake`` for ours, ``ftfy.fix_text`` (with
  our ``FTFY_CONFIG``, which keeps curly quotes) on charset-normalizer's text.
* Correct text: each ``correct/*.txt`` through ``ingest_bytes``; it must come out unchanged.
* Speed: ms per page for both extractors, and the ingest-vs-floor ratio of ``bench.ingest`` on
  a small corpus of the bundled plain-text sources.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from difflib import SequenceMatcher
from importlib.metadata import version
from os import sched_getaffinity
from pathlib import Path

import charset_normalizer
import ftfy
import trafilatura

from bench.ingest import _floor_chunk, _ingest_chunk, _timed, write_corpus
from bench.prose_figures import _ingest_without_figures_chunk
from lib.cleaning.decoding import UnreadableSourceError, decode_bytes
from lib.cleaning.mojibake import FTFY_CONFIG, repair_mojibake
from lib.extraction.document import ingest_bytes

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "real_world"
TRAFILATURA = {
    "include_tables": True,
    "favor_recall": True,
    "include_comments": False,
    "output_format": "txt",
}
# Pages written after the cleaning was tuned, each set by someone who had not seen it; a set
# is scored as it came in (its README records that first measure) and after any mending.
HELD_OUT = {
    name: CORPUS / name
    for name in ("held_out", "held_out_2", "held_out_3", "held_out_4", "held_out_5")
}
THROUGHPUT_ARTICLES = 400
CLEANING_TARGET = 1.5  # plain-text cleaning ingest, x the read + ftfy floor
PAGE_REPEATS = 3
# One token per CJK ideograph, kana or Thai character (those scripts do not space their words);
# otherwise a run of letters and digits. Punctuation and pipes are not tokens.
SINGLE = "\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
TOKEN = re.compile(rf"[{SINGLE}]|[^\W_{SINGLE}]+")
TABLE_RULE = re.compile(r"[\s|:\-]+")


def load_encoding_cases():
    """The cases of ``make_encodings.py`` (a script beside the fixtures, not a package)."""
    path = CORPUS / "make_encodings.py"
    spec = importlib.util.spec_from_file_location("real_world_make_encodings", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module.CASES


def _normal(text: str) -> str:
    return " ".join(text.split())


def _lines(text: str) -> list[str]:
    """Non-blank lines, whitespace collapsed, table pipes at the ends and rule lines dropped."""
    out = []
    for line in text.splitlines():
        if not line.strip() or TABLE_RULE.fullmatch(line):
            continue
        out.append(_normal(line.strip().strip("|")))
    return out


def score(output: str, expected: str, chrome: list[str]) -> dict[str, float | int | bool]:
    """kept/extra shares, chrome lines left, whole lines and exactness of ``output``."""
    want, got = TOKEN.findall(expected), TOKEN.findall(output)
    matcher = SequenceMatcher(None, want, got, autojunk=False)
    matched = sum(
        len(token)
        for block in matcher.get_matching_blocks()
        for token in want[block.a : block.a + block.size]
    )
    want_chars = sum(map(len, want)) or 1
    got_chars = sum(map(len, got))
    flat = _normal(output)
    out_lines = set(_lines(output))
    exp_lines = _lines(expected)
    return {
        "kept": matched / want_chars,
        "extra": (got_chars - matched) / got_chars if got_chars else 0.0,
        "extra_chars": got_chars - matched,
        "chars": got_chars,
        "chrome": sum(1 for line in chrome if _normal(line) in flat),
        "chrome_total": len(chrome),
        "lines": sum(1 for line in exp_lines if line in out_lines),
        "lines_total": len(exp_lines),
        "exact": _lines(output) == exp_lines,
    }


def ours(raw: bytes, name: str) -> str:
    try:
        return ingest_bytes(raw, name).text
    except UnreadableSourceError as err:
        return f"<refused: {err}>"


def theirs(raw: bytes, name: str) -> str:
    return trafilatura.extract(raw, **TRAFILATURA) or ""


def pages(folder: Path = CORPUS / "pages") -> dict[str, dict[str, dict]]:
    """Scores per page of ``folder``, for ours and trafilatura."""
    results: dict[str, dict[str, dict]] = {}
    for page in sorted(folder.glob("*.html")):
        raw = page.read_bytes()
        expected = page.with_suffix(".expected.txt").read_text(encoding="utf-8")
        chrome = [
            line
            for line in page.with_suffix(".chrome.txt").read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        results[page.stem] = {
            label: score(extract(raw, page.name), expected, chrome)
            for label, extract in (("ours", ours), ("trafilatura", theirs))
        }
    return results


def _total(rows: list[dict]) -> dict[str, float | int]:
    keys = ("chrome", "chrome_total", "lines", "lines_total", "extra_chars", "chars")
    total = {key: sum(row[key] for row in rows) for key in keys}
    total["exact"] = sum(1 for row in rows if row["exact"])
    total["kept"] = sum(row["kept"] for row in rows) / len(rows)
    total["extra"] = sum(row["extra"] for row in rows) / len(rows)
    return total


def print_pages(results: dict[str, dict[str, dict]], title: str = "Pages") -> None:
    settings = ", ".join(f"{key}={value!r}" for key, value in TRAFILATURA.items())
    print(f"## {title}: ours = ingest_bytes(raw, name).text; trafilatura "
          f"{version('trafilatura')} = trafilatura.extract(raw, {settings})")  # fmt: skip
    print(f"{'page':<28} | {'ours: kept extra chrome   lines exact':<38} | "
          f"{'trafilatura: kept extra chrome   lines exact'}")  # fmt: skip
    for name, row in results.items():
        cells = []
        for label in ("ours", "trafilatura"):
            s = row[label]
            cells.append(
                f"{s['kept']:6.1%} {s['extra']:6.1%} {s['chrome']:>3}/{s['chrome_total']:<3} "
                f"{s['lines']:>3}/{s['lines_total']:<3} {'yes' if s['exact'] else 'no':>4}"
            )
        print(f"{name:<28} | {cells[0]:<38} | {cells[1]}")
    cells = []
    for label in ("ours", "trafilatura"):
        t = _total([row[label] for row in results.values()])
        cells.append(
            f"{t['kept']:6.1%} {t['extra']:6.1%} {t['chrome']:>3}/{t['chrome_total']:<3} "
            f"{t['lines']:>3}/{t['lines_total']:<3} {t['exact']:>2}/{len(results)}"
        )
    print(f"{'mean (kept, extra); sums':<28} | {cells[0]:<38} | {cells[1]}")
    summary = []
    for label in ("ours", "trafilatura"):
        t = _total([row[label] for row in results.values()])
        summary.append(
            f"{label}: {t['chrome'] / t['chrome_total']:.1%} of chrome lines left, "
            f"{t['extra_chars']:,} of {t['chars']:,} output token chars not in the article"
        )
    print("; ".join(summary))
    print("kept = share of the article's text found in order; extra = share of the output that "
          "is not the article; chrome = chrome lines left; lines = article lines output whole")  # fmt: skip


def _decode_ours(raw: bytes, stage: str) -> tuple[str, str]:
    try:
        text, encoding, _ = decode_bytes(raw)
    except UnreadableSourceError as err:
        return "refused", str(err)
    if stage == "repair":
        text, _ = repair_mojibake(text)
    return encoding, text


def _decode_cn(raw: bytes, stage: str) -> tuple[str, str]:
    best = charset_normalizer.from_bytes(raw).best()
    if best is None:
        return "none", ""
    text = str(best)
    if stage == "repair":
        text = ftfy.fix_text(text, FTFY_CONFIG)  # our settings: curly quotes kept
    return best.encoding, text


def encodings() -> list[dict[str, object]]:
    rows = []
    for case in load_encoding_cases():
        raw = (CORPUS / "encodings" / case.name).read_bytes()
        expected = (CORPUS / "encodings" / "expected" / case.name).read_text(encoding="utf-8")
        row: dict[str, object] = {"name": case.name, "stage": case.stage}
        for label, decode in (("ours", _decode_ours), ("cn", _decode_cn)):
            encoding, text = decode(raw, case.stage)
            row[label] = (encoding, text.lstrip("\ufeff") == expected)
        rows.append(row)
    return rows


def print_encodings(rows: list[dict[str, object]]) -> None:
    print()
    print(f"## Decoding: ours = decode_bytes(raw); cn = charset_normalizer "
          f"{charset_normalizer.__version__} from_bytes(raw).best() (exact match with expected/)")  # fmt: skip
    print(f"{'file':<28} | {'ours':<22} | {'charset-normalizer'}")
    for row in rows:
        cells = []
        for label in ("ours", "cn"):
            encoding, ok = row[label]
            cells.append(f"{'ok ' if ok else 'BAD'} {encoding}")
        note = "  (after mojibake repair / ftfy)" if row["stage"] == "repair" else ""
        print(f"{row['name']:<28} | {cells[0]:<22} | {cells[1]}{note}")
    for label, title in (("ours", "ours"), ("cn", "charset-normalizer")):
        good = sum(1 for row in rows if row[label][1])
        print(f"{title}: {good}/{len(rows)} exact")


def correct() -> list[tuple[str, bool, str]]:
    rows = []
    for path in sorted((CORPUS / "correct").glob("*.txt")):
        raw = path.read_bytes()
        try:
            source = ingest_bytes(raw, path.name)
        except UnreadableSourceError as err:
            rows.append((path.name, False, f"refused: {err}"))
            continue
        same = source.text == raw.decode("utf-8")
        changes = [r for r in source.repairs if r.before != r.after]
        detail = "; ".join(f"{r.rule}: {r.before[:24]!r} -> {r.after[:24]!r}" for r in changes[:3])
        rows.append((path.name, same, "" if same else f"{len(changes)} repairs, e.g. {detail}"))
    return rows


def print_correct(rows: list[tuple[str, bool, str]]) -> None:
    print()
    print("## Correct text through ingest_bytes (must come out byte-for-byte unchanged)")
    for name, same, detail in rows:
        print(f"{name:<12} {'unchanged' if same else 'CHANGED'}  {detail}")
    print(f"unchanged: {sum(1 for _, same, _ in rows if same)}/{len(rows)}")


def speed() -> dict[str, float]:
    page_raws = [(p.name, p.read_bytes()) for p in sorted((CORPUS / "pages").glob("*.html"))]
    timings = {}
    for label, extract in (("ours", ours), ("trafilatura", theirs)):
        started = time.perf_counter()
        for _ in range(PAGE_REPEATS):
            for name, raw in page_raws:
                extract(raw, name)
        timings[label] = (time.perf_counter() - started) / (PAGE_REPEATS * len(page_raws))
    with (
        tempfile.TemporaryDirectory() as tmp,
        ProcessPoolExecutor(len(sched_getaffinity(0))) as pool,
    ):
        paths = write_corpus(Path(tmp), THROUGHPUT_ARTICLES)
        _timed(pool, _ingest_chunk, paths[:100])  # warm the workers' imports
        _timed(pool, _floor_chunk, paths[:100])
        timings["ingest_s"] = _timed(pool, _ingest_chunk, paths)
        timings["cleaning_s"] = _timed(pool, _ingest_without_figures_chunk, paths)
        timings["floor_s"] = _timed(pool, _floor_chunk, paths)
    return timings


def print_speed(t: dict[str, float]) -> None:
    print()
    print("## Speed")
    print(f"HTML pages: ours {t['ours'] * 1000:.1f} ms/page, trafilatura "
          f"{t['trafilatura'] * 1000:.1f} ms/page (one process, {PAGE_REPEATS} rounds)")  # fmt: skip
    print(f"plain-text ingest ({THROUGHPUT_ARTICLES} articles from the bundled sources, "
          f"{len(sched_getaffinity(0))} workers): {THROUGHPUT_ARTICLES / t['ingest_s']:.0f}/s, "
          f"floor (read + ftfy.fix_text) {THROUGHPUT_ARTICLES / t['floor_s']:.0f}/s, "
          f"ratio {t['ingest_s'] / t['floor_s']:.2f} with figure extraction, "
          f"{t['cleaning_s'] / t['floor_s']:.2f} for the cleaning alone (target <= "
          f"{CLEANING_TARGET})")  # fmt: skip


def run() -> dict[str, object]:
    """Every score, printed as it comes; the figures for RESULTS.md."""
    results: dict[str, object] = {"pages": pages()}
    print_pages(results["pages"])
    for key, folder in HELD_OUT.items():
        if folder.is_dir():
            results[key] = pages(folder)
            print()
            print_pages(results[key], f"Held-out pages, {folder.name}/ (written after the tuning)")
    results["encodings"] = encodings()
    print_encodings(results["encodings"])
    results["correct"] = correct()
    print_correct(results["correct"])
    results["speed"] = speed()
    print_speed(results["speed"])
    return results


def _pages_rows(label: str, scored: dict[str, dict[str, dict]]) -> list[str]:
    rows = []
    for who in ("ours", "trafilatura"):
        t = _total([row[who] for row in scored.values()])
        rows.append(
            f"| {label} ({len(scored)} pages) | {who} | {t['kept']:.1%} | {t['extra']:.1%} | "
            f"{t['chrome']}/{t['chrome_total']} | {t['lines']}/{t['lines_total']} | "
            f"{t['exact']}/{len(scored)} |"
        )
    return rows


def markdown(results: dict[str, object]) -> str:
    """The section of RESULTS.md."""
    t = results["speed"]
    rows = results["encodings"]
    cleaning = t["cleaning_s"] / t["floor_s"]
    verdict = "met" if cleaning <= CLEANING_TARGET else "**missed**"
    lines = [
        "",
        "## 10. Real-world input (`python -m bench.real_world`)",
        "",
        "Pages in `tests/fixtures/real_world/`: kept = share of the article's text found in order;",
        "extra = share of the output that is not the article; chrome = chrome lines left; lines =",
        "article lines output whole; exact = output lines are the article's. Each held-out set",
        "was written after the cleaning was tuned, by someone who had not seen it.",
        "",
        "| pages | extractor | kept | extra | chrome left | lines whole | exact |",
        "|---|---|---|---|---|---|---|",
        *_pages_rows("tuned on", results["pages"]),
        *(row for key in HELD_OUT if key in results for row in _pages_rows(key, results[key])),
        "",
        f"- Decoding, exact: ours {sum(1 for r in rows if r['ours'][1])}/{len(rows)}, "
        f"charset-normalizer alone {sum(1 for r in rows if r['cn'][1])}/{len(rows)}.",
        f"- Correct text unchanged: {sum(1 for _, same, _ in results['correct'] if same)}/"
        f"{len(results['correct'])}.",
        f"- HTML: ours {t['ours'] * 1000:.1f} ms a page, trafilatura alone "
        f"{t['trafilatura'] * 1000:.1f} ms.",
        f"- Plain-text ingest of {THROUGHPUT_ARTICLES} articles: the cleaning {cleaning:.2f}× the "
        f"read + ftfy floor ({verdict}: ≤ {CLEANING_TARGET}×); with figure extraction "
        f"{t['ingest_s'] / t['floor_s']:.2f}×.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    run()


if __name__ == "__main__":
    main()
