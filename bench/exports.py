"""Export timings: one PNG cold (new kaleido server) and warm, and the whole deck, native vs images."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from lib.charts.catalog import every_chart
from lib.datasets.corpus import load_corpus
from lib.datasets.curated import load_figures
from lib.datasets.frames import build_datasets
from lib.export import slides
from lib.export.images import figure_bytes

COLD_PNG = """
import time
from lib.charts.catalog import every_chart
from lib.datasets.curated import load_figures
from lib.datasets.frames import build_datasets
from lib.export.images import figure_bytes
from lib.datasets.corpus import load_corpus
corpus = load_corpus()
chart = every_chart(build_datasets(corpus, load_figures()), corpus)[1]
started = time.perf_counter()
figure_bytes(chart.figure, "png")
print(time.perf_counter() - started)
"""


def run() -> dict[str, float]:
    """Seconds for a cold PNG, a warm PNG (median of 5), and the deck both ways."""
    cold = float(subprocess.run([sys.executable, "-c", COLD_PNG], capture_output=True, text=True,
                                check=True, timeout=300).stdout.strip())  # fmt: skip
    corpus = load_corpus()
    charts = every_chart(build_datasets(corpus, load_figures()), corpus)
    figure_bytes(charts[1].figure, "png")
    warm_runs = []
    for _ in range(5):
        started = time.perf_counter()
        figure_bytes(charts[1].figure, "png")
        warm_runs.append(time.perf_counter() - started)
    warm = statistics.median(warm_runs)
    sources = {sid: s.meta for sid, s in corpus.sources.items()}
    started = time.perf_counter()
    slides.build_deck(charts, sources)
    native = time.perf_counter() - started
    started = time.perf_counter()
    slides.build_deck(charts, sources, native=False)
    images = time.perf_counter() - started
    print(f"PNG 1920x1080: cold {cold:.2f} s (new kaleido server), warm {warm:.2f} s")
    print(
        f"deck of {len(charts) + 1} slides: native charts {native:.2f} s, kaleido images {images:.2f} s"
    )
    return {"png_cold_s": cold, "png_warm_s": warm, "deck_native_s": native, "deck_images_s": images,
            "slides": len(charts) + 1}  # fmt: skip
