"""``python -m bench.run`` (``make bench``): run every benchmark, print figures, write RESULTS.md."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bench import exports, hostile, ingest, library, pages, prose_figures, real_world, sessions
from bench.common import machine

RESULTS = Path(__file__).with_name("RESULTS.md")
COLD_TARGET, WARM_TARGET_S, INGEST_TARGET, GROWTH_TARGET = 1.2, 0.3, 2.0, 11.0
RSS_TARGET = 1.5  # peak server memory after every page, × the minimal app's


def verdict(ok: bool, detail: str) -> str:
    return f"met ({detail})" if ok else f"**missed** ({detail})"


def render(
    facts: dict,
    page: dict,
    ing: dict,
    exp: dict,
    host: dict,
    figs: dict,
    seconds: float,
) -> str:
    """RESULTS.md: machine, versions, date, every figure, and each target met or missed by how much."""
    floor = page["floor_cold_s"]
    worst_cold = max(page["cold_s"].values()) / floor
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`python -m bench.run`). Ratios are against a floor measured in the",
        "same run on the same machine, because these machines are noisy.",
        "",
        *[f"- **{key}**: {value}" for key, value in facts.items()],
        f"- **total bench time**: {seconds:.0f} s",
        "",
        "## Targets",
        "",
        "| target | result |",
        "|---|---|",
        f"| cold time-to-chart ≤ {COLD_TARGET}× floor | "
        + verdict(worst_cold <= COLD_TARGET, f"worst page {worst_cold:.2f}× the floor's {floor:.2f} s") + " |",
        f"| warm page switch ≤ {WARM_TARGET_S} s median | "
        + verdict(page["warm_median_s"] <= WARM_TARGET_S,
                  f"{page['warm_median_s']:.2f} s; the four-page floor {page['floor_warm_median_s']:.2f} s, "
                  f"{page['warm_median_s'] / page['floor_warm_median_s']:.2f}×") + " |",
        f"| peak server memory ≤ {RSS_TARGET}× the minimal app's | "
        + verdict(page["app_memory_mb"] <= RSS_TARGET * page["floor_memory_mb"],
                  f"{page['app_memory_mb']:.0f} MB, "
                  f"{page['app_memory_mb'] / page['floor_memory_mb']:.2f}× the floor's "
                  f"{page['floor_memory_mb']:.0f} MB") + " |",
        f"| ingest ≤ {INGEST_TARGET:.0f}× the ftfy floor | "
        + verdict(max(r["ratio"] for r in ing["rows"]) <= INGEST_TARGET,
                  f"worst {max(r['ratio'] for r in ing['rows']):.2f}×") + " |",
        f"| 10× the articles ≤ {GROWTH_TARGET:.0f}× the time | "
        + verdict(ing["growth_10x"] <= GROWTH_TARGET, f"{ing['growth_10x']:.2f}×") + " |",
        f"| every hostile upload shape ≤ {hostile.RATIO_TARGET:.0f}× plain text's CPU per MB | "
        + verdict(host["worst_ratio"] <= hostile.RATIO_TARGET, f"worst {host['worst_ratio']:.1f}×") + " |",
        f"| maximum-size upload cleaned in < {hostile.MAX_UPLOAD_TARGET_S:.0f} s | "
        + verdict(host["max_upload_s"] < hostile.MAX_UPLOAD_TARGET_S, f"{host['max_upload_s']:.2f} s") + " |",
        "",
        "Why the misses, where there are any:",
        "",
        "- Cold time-to-chart (a plain `streamlit run app.py`, as Community Cloud runs it): the",
        "  browser loads plotly's renderer from the session's first message (`ui/preload.py`)",
        "  while the server's first run imports pandas and the data layer (about 1 s here), which",
        "  the floor does not import; the chart can only be sent after them. The parsed corpus is",
        "  read from its prepared artefact (`var/cache`) and the team library after the chart.",
        "- Warm page switch: the server runs a chart page in about 50 ms; the rest is the browser",
        "  drawing the page. The four-page floor, one bar chart a page, switches in "
        f"{page['floor_warm_median_s']:.2f} s on the same machine,",
        "  so 0.3 s leaves a richer page almost nothing.",
        "- Memory: importing pandas 3 (with numpy and pyarrow) adds about 80 MB to a Streamlit",
        f"  process; the minimal chart drawn from a DataFrame peaks at {page['pandas_floor_memory_mb']:.0f} MB "
        f"({page['pandas_floor_memory_mb'] / page['floor_memory_mb']:.2f}× the minimal app).",
        "- Hostile shapes: every step is linear, but short lines pay a fixed cost per line (ftfy on",
        "  each line that shows some badness, each number in prose read as a figure), so shapes of",
        "  tiny lines clean fewer MB/s than prose; the line budget (`MAX_LINES`) bounds what one",
        "  upload of them can cost.",
        "",
        f"## 1. Page time-to-chart (median of {pages.COLD_RUNS} cold rounds, each the floor then every page; "
        "navigation → the page's own plotly chart visible)",
        "",
        "| page | cold (fresh server + browser context) | × floor | warm page switch |",
        "|---|---|---|---|",
        f"| floor: one plotly bar chart | {floor:.2f} s | 1.00 | |",
        *[f"| /{'' if path == 'overview' else path} | {t:.2f} s | {t / floor:.2f} | {page['warm_s'][path]:.2f} s |"
          for path, t in page["cold_s"].items()],
        "",
        "## 2. Ingest throughput and scaling (synthetic corpus from the five sources, "
        f"{ing['workers']} worker processes)",
        "",
        "| articles | ingest | articles/s | floor (read + ftfy.fix_text) | articles/s | ratio |",
        "|---|---|---|---|---|---|",
        *[f"| {r['articles']:,} | {r['ingest_s']:.2f} s | {r['ingest_per_s']:,.0f} | {r['floor_s']:.2f} s | "
          f"{r['floor_per_s']:,.0f} | {r['ratio']:.2f} |" for r in ing["rows"]],
        "",
        f"Time for 10,000 articles is {ing['growth_10x']:.2f}× the time for 1,000.",
        "",
        "## 3. Exports",
        "",
        f"- PNG 1920×1080: cold {exp['png_cold_s']:.2f} s (process starts its kaleido server), "
        f"warm {exp['png_warm_s']:.2f} s (median of 5)",
        f"- Slide deck ({exp['slides']} slides): native PowerPoint charts and tables {exp['deck_native_s']:.2f} s, "
        f"kaleido images on every slide {exp['deck_images_s']:.2f} s",
        "",
        "## 4. Memory",
        "",
        f"- Peak server RSS after visiting every page: {page['app_memory_mb']:.0f} MB; "
        f"minimal app after its page: {page['floor_memory_mb']:.0f} MB "
        f"({page['app_memory_mb'] / page['floor_memory_mb']:.2f}×).",
        f"- The same minimal chart drawn from a pandas DataFrame: {page['pandas_floor_memory_mb']:.0f} MB "
        f"({page['pandas_floor_memory_mb'] / page['floor_memory_mb']:.2f}× the minimal app); the app is "
        f"{page['app_memory_mb'] / page['pandas_floor_memory_mb']:.2f}× that.",
        "",
        "## 5. Concurrent analysts",
        "",
        "Measured by a client of Streamlit's websocket protocol, with one real Chromium beside it;",
        "see section 9 (`python -m bench.sessions`).",
        "",
        "## 6. Hostile uploads (`python -m bench.hostile`)",
        "",
        "Pathological shapes through the upload path, CPU seconds. Plain text is the bundled articles",
        f"repeated to a maximum-size upload: {host['plain_mb']:.2f} MB, {host['plain_lines']:,} lines, "
        f"{host['max_upload_s']:.2f} s, {host['plain_mb_per_s']:.2f} MB/s. A shape over the budget is",
        "refused first (time shown); its cleaning is then timed through `ingest_bytes`.",
        "",
        "| shape | MB | lines | CPU | MB/s | × plain per MB | upload budget |",
        "|---|---|---|---|---|---|---|",
        *[f"| {r['shape']} | {r['mb']:.2f} | {r['lines']:,} | {r['seconds']:.2f} s | {r['mb_per_s']:.2f} | "
          f"{r['ratio']:.1f} | " + (f"refused in {r['refusal_ms']:.0f} ms" if r["refused"] else "accepted") + " |"
          for r in host["rows"]],
        "",
        "## 7. Figures from prose (`python -m bench.prose_figures`)",
        "",
        "A match is an overlapping span with the same value and unit.",
        "",
        "| set | found | expected | precision | recall | F1 |",
        "|---|---|---|---|---|---|",
        *[f"| {label} | {score.found} | {score.expected} | {score.precision:.3f} | {score.recall:.3f} | {score.f1:.3f} |"
          for label, score in figs.items() if hasattr(score, "f1")],
        "",
        *[f"- ingest of {r['articles']:,} articles with extraction: {r['ratio']:.2f}× the read + ftfy floor "
          f"(without extraction {r['ratio_without']:.2f}×; target ≤ {prose_figures.INGEST_TARGET:.0f}×)"
          for r in figs.get("rows", [])],
        "",
    ]  # fmt: skip
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks; return the exit code."""
    argparse.ArgumentParser(
        prog="python -m bench.run",
        description="Run every benchmark (pages, ingest, hostile uploads, exports, memory, load); write bench/RESULTS.md.",
    ).parse_args(argv)
    started = time.perf_counter()
    facts = machine()
    print("== ingest")
    ing = ingest.run()  # noqa: E702
    print("== hostile uploads")
    host = hostile.run()  # noqa: E702
    print("== figures from prose")
    figs = prose_figures.run()  # noqa: E702
    print("== real-world input")
    real = real_world.run()
    print("== exports")
    exp = exports.run()  # noqa: E702
    print("== pages")
    page = pages.run_cold_and_warm()  # noqa: E702
    print("== team library at 1,000 articles (SQLite, PostgreSQL)")
    team = library.run()
    print("== analyst sessions per process (websocket client, one Chromium beside, haproxy)")
    capacity = sessions.run()
    seconds = time.perf_counter() - started
    report = (
        render(facts, page, ing, exp, host, figs, seconds)
        + library.markdown(team)
        + sessions.markdown(capacity)
        + real_world.markdown(real)
    )
    RESULTS.write_text(report, encoding="utf-8")
    print(f"wrote {RESULTS} in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
