"""Ingest throughput and scaling on a synthetic corpus made from the real sources.

The corpus repeats the five raw articles (with their mojibake and broken tables), each copy
made unique by a numbered line, written to real files. The floor reads the same files and runs
``ftfy.fix_text`` alone. Both use the same pool of worker processes, one per core.
"""

from __future__ import annotations

import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from os import sched_getaffinity
from pathlib import Path

import ftfy

from lib.datasets.corpus import source_files
from lib.extraction.document import ingest_bytes
from lib.reference.paths import SOURCES_DIR

SIZES = (100, 1000, 10000)
CHUNK = 50


def write_corpus(folder: Path, count: int) -> list[Path]:
    """``count`` article files built from the bundled sources."""
    raws = [path.read_bytes() for path in source_files(SOURCES_DIR)]
    paths = []
    for index in range(count):
        path = folder / f"{index:05d}.txt"
        path.write_bytes(raws[index % len(raws)] + f"\nCopy {index} of the corpus.\n".encode())
        paths.append(path)
    return paths


def _ingest_chunk(paths: list[str]) -> int:
    tables = 0
    for path in paths:
        tables += len(ingest_bytes(Path(path).read_bytes(), path).tables)
    return tables


def _floor_chunk(paths: list[str]) -> int:
    characters = 0
    for path in paths:
        characters += len(ftfy.fix_text(Path(path).read_bytes().decode("utf-8")))
    return characters


def _timed(pool: ProcessPoolExecutor, work, paths: list[Path]) -> float:
    chunks = [[str(p) for p in paths[i : i + CHUNK]] for i in range(0, len(paths), CHUNK)]
    started = time.perf_counter()
    list(pool.map(work, chunks))
    return time.perf_counter() - started


def run() -> dict[str, object]:
    """Articles per second through the ingest and through the floor, per corpus size."""
    workers = len(sched_getaffinity(0))
    rows = []
    with tempfile.TemporaryDirectory() as tmp, ProcessPoolExecutor(workers) as pool:
        folder = Path(tmp)
        paths = write_corpus(folder, max(SIZES))
        _timed(pool, _ingest_chunk, paths[:200])  # warm the workers' imports
        _timed(pool, _floor_chunk, paths[:200])
        for size in SIZES:
            ingest = _timed(pool, _ingest_chunk, paths[:size])
            floor = _timed(pool, _floor_chunk, paths[:size])
            rows.append({"articles": size, "ingest_s": ingest, "floor_s": floor,
                         "ingest_per_s": size / ingest, "floor_per_s": size / floor,
                         "ratio": ingest / floor})  # fmt: skip
            print(f"ingest {size:>6} articles: {ingest:6.2f} s ({size / ingest:7.0f}/s), "
                  f"floor {floor:6.2f} s, ratio {ingest / floor:.2f}")  # fmt: skip
    growth = rows[-1]["ingest_s"] / rows[-2]["ingest_s"]
    print(f"ingest scaling 1,000 -> 10,000 articles: {growth:.2f}x the time")
    return {"workers": workers, "rows": rows, "growth_10x": growth}
