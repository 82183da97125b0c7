"""``python -m bench.prose_figures``: how well and how fast figures are read from prose.

Quality: precision, recall and F1 (a match is an overlapping span with the same value and unit)
on the curated quotes of ``data/figures.toml``, on the gold sentences per language, and on the
held-out sentences; quantulum3 (a dev-only dependency) on the same English text beside them.
Speed: extraction alone (characters per second, and 10× the text for the scaling), and ingest
with extraction against ingest without it and the read + ``ftfy.fix_text`` floor of
``bench/ingest.py``, in the same pool of worker processes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from os import sched_getaffinity
from pathlib import Path

from bench.ingest import _floor_chunk, _ingest_chunk, _timed, write_corpus
from lib.datasets.corpus import load_corpus
from lib.datasets.curated import load_figures
from lib.extraction.document import ingest_bytes
from lib.extraction.figures import Figure, extract_figures
from lib.extraction.figures.evaluation import (
    Expected,
    Found,
    GoldSentence,
    Score,
    load_gold,
    score_sentences,
)

TESTS = Path(__file__).resolve().parents[1] / "tests" / "extraction"
GOLD = TESTS / "gold_figures.toml"
HOLDOUT = TESTS / "gold_figures_holdout.toml"
SIZES = (200, 1000)
ROUNDS = 3
INGEST_TARGET = 2.0
CURATED_UNITS = {
    "models": ("count", 1), "corporations": ("count", 1), "rank": ("rank", 1), "%": ("%", 1),
    "KRW tn": ("KRW", 10**12), "KRW bn": ("KRW", 10**9), "USD m": ("USD", 10**6),
    "USD bn per year": ("USD", 10**9), "days": ("duration", 1),
}  # fmt: skip


def curated_sentences() -> tuple[list[GoldSentence], Callable[[str], list[Figure]]]:
    """Each curated quote (stated key figures, model counts) as a gold sentence whose expected
    figures are the curated ones (curated records carry no span: the quote is the span), and an
    extractor giving the figures found inside that quote when its whole source is read."""
    corpus = load_corpus()
    figures = load_figures()
    by_quote: dict[tuple[str, str], list[tuple[float, str]]] = {}
    for record in figures["key_figures"]:
        if record["provenance"] == "stated":
            unit, factor = CURATED_UNITS[record["unit"]]
            key = (record["source_id"], record["quote"])
            by_quote.setdefault(key, []).append((record["value"] * factor, unit))
    for dataset in ("model_counts", "korean_models_by_developer"):
        for record in figures[dataset]:
            key = (record["source_id"], record["quote"])
            by_quote.setdefault(key, []).append((record["models"], "count"))
    sentences, found_in_source = [], {}
    for (source_id, quote), values in by_quote.items():
        source = corpus.sources[source_id]
        offset = source.text.find(quote)
        found_in_source[quote] = [
            replace(f, start=f.start - offset, end=f.end - offset)
            for f in source.figures
            if offset <= f.start and f.end <= offset + len(quote)
        ]
        expected = tuple(
            Expected(0, len(quote), value, unit) for value, unit in dict.fromkeys(values)
        )
        sentences.append(GoldSentence("en", quote, expected))
    return sentences, lambda quote: found_in_source[quote]


def quantulum_extractor() -> Callable[[str], list[Found]] | str:
    """quantulum3's parser mapped to this extractor's units, or why it cannot be used."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except Exception as err:  # noqa: BLE001 - any failure to import is reported, not raised
        return f"quantulum3 unavailable ({type(err).__name__}: {err})"

    def unit_of(quantity) -> str:
        unit = quantity.unit
        if getattr(unit, "currency_code", None):
            return unit.currency_code
        if unit.name == "percentage":
            return "%"
        if unit.entity.name == "dimensionless":
            return "count"
        if unit.entity.name == "time":
            return "duration"
        return unit.name

    def extract(text: str) -> list[Found]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            quantities = parser.parse(text)
        return [Found(q.span[0], q.span[1], q.value, unit_of(q)) for q in quantities]

    return extract


def describe(label: str, score: Score) -> str:
    line = (
        f"{label:<34} P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}  "
        f"({score.matched}/{score.expected} expected, {score.found} found)"
    )
    if score.conversions_expected:
        line += f", conversions {score.conversions_agree}/{score.conversions_expected}"
    return line


def quality() -> dict[str, object]:
    """Scores on the curated quotes, the gold set per language and the held-out set."""
    results: dict[str, object] = {}
    rival = quantulum_extractor()
    curated, in_source = curated_sentences()
    gold, holdout = load_gold(GOLD), load_gold(HOLDOUT)
    sets = [("curated quotes (en)", curated)]
    for lang in ("en", "ko"):
        sets.append((f"gold {lang}", [s for s in gold if s.lang == lang]))
        sets.append((f"held-out {lang}", [s for s in holdout if s.lang == lang]))
    for label, sentences in sets:
        score = score_sentences(
            sentences, in_source if label.startswith("curated") else extract_figures
        )
        results[label] = score
        print(describe(label, score))
        if score.matched and not label.startswith("curated"):  # curated records have no qualifier
            print(f"{'':<34} qualifiers agree on {score.qualifier_agree}/{score.matched} matched")
        for miss in score.misses:
            print(f"{'':<34} miss: {miss}")
        for alarm in score.false_alarms:
            print(f"{'':<34} not expected: {alarm}")
        if label.endswith("(en)") or label.endswith(" en"):
            if isinstance(rival, str):
                print(f"{'':<34} {rival}")
            else:
                rival_score = score_sentences(sentences, rival)
                results["quantulum3 " + label] = rival_score
                print(describe("  quantulum3 on the same text", rival_score))
    return results


def _ingest_without_figures_chunk(paths: list[str]) -> int:
    tables = 0
    for path in paths:
        tables += len(ingest_bytes(Path(path).read_bytes(), path, figures=False).tables)
    return tables


def _best_seconds(work: Callable[[], object], repeats: int = 5) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def speed() -> dict[str, object]:
    """Extraction alone, its scaling, and ingest with and without it against the floor."""
    corpus = load_corpus()
    texts = [source.text for source in corpus.sources.values()]
    gold = load_gold(GOLD)
    korean = "\n".join(s.text for s in gold if s.lang == "ko")
    english = "\n".join(texts)
    results: dict[str, object] = {}
    for label, text in (("sources (en)", english), ("gold sentences (ko)", korean)):
        one = _best_seconds(lambda text=text: extract_figures(text))
        ten = _best_seconds(lambda text=text: extract_figures(text * 10), repeats=3)
        results[label] = {"chars": len(text), "seconds": one, "scaling_10x": ten / one}
        print(f"extract {label}: {len(text):,} chars in {one * 1e3:.2f} ms "
              f"({len(text) / one / 1e6:.2f} M chars/s); 10x the text: {ten / one:.1f}x the time")  # fmt: skip
    workers = len(sched_getaffinity(0))
    rows = []
    with tempfile.TemporaryDirectory() as tmp, ProcessPoolExecutor(workers) as pool:
        paths = write_corpus(Path(tmp), max(SIZES))
        for work in (_ingest_chunk, _ingest_without_figures_chunk, _floor_chunk):
            _timed(pool, work, paths[:200])  # warm the workers' imports
        for size in SIZES:
            times: dict[str, float] = {}
            for _ in range(ROUNDS):  # interleaved, best of each: the machine is shared
                for name, work in (("with", _ingest_chunk), ("without", _ingest_without_figures_chunk),
                                   ("floor", _floor_chunk)):  # fmt: skip
                    seconds = _timed(pool, work, paths[:size])
                    times[name] = min(times.get(name, seconds), seconds)
            with_figures, without, floor = times["with"], times["without"], times["floor"]
            rows.append({"articles": size, "with_s": with_figures, "without_s": without,
                         "floor_s": floor, "ratio": with_figures / floor,
                         "ratio_without": without / floor})  # fmt: skip
            print(f"ingest {size:>5} articles (best of {ROUNDS}): with figures {with_figures:.2f} s "
                  f"({with_figures / floor:.2f}x floor), without {without:.2f} s "
                  f"({without / floor:.2f}x), floor {floor:.2f} s; extraction adds "
                  f"{(with_figures - without) / floor:.2f}x the floor")  # fmt: skip
    worst = max(row["ratio"] for row in rows)
    verdict = "met" if worst <= INGEST_TARGET else "MISSED"
    print(
        f"ingest with extraction <= {INGEST_TARGET:.0f}x the floor: {verdict} (worst {worst:.2f}x)"
    )
    results.update(workers=workers, rows=rows)
    return results


def run() -> dict[str, object]:
    """Quality, then speed."""
    print("== quality (match: overlapping span, same value and unit)")
    results = quality()
    print("== speed")
    results.update(speed())
    return results


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return the exit code."""
    argparse.ArgumentParser(
        prog="python -m bench.prose_figures",
        description="Precision, recall and F1 of the prose-figure extractor (and quantulum3's), "
        "and its throughput against the ingest floor.",
    ).parse_args(argv)
    run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
