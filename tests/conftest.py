"""Shared fixtures: the real sources, ingested once per test session."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import pytest

from lib.datasets.corpus import Corpus, load_corpus
from lib.datasets.curated import load_figures
from lib.datasets.frames import build_datasets

pytest_plugins = ["tests.postgres"]  # a real PostgreSQL server for the library tests

LIBRARY_DIR = Path(tempfile.mkdtemp(prefix="kaipd-library-"))


def pytest_configure(config: pytest.Config) -> None:
    """Tests never touch var/library.sqlite3: the app under test (AppTest here, and every server
    the browser tests start, which inherit the environment) uses a library of the test run's own."""
    os.environ["DASHBOARD_DATABASE_URL"] = f"sqlite:///{LIBRARY_DIR / 'library.sqlite3'}"


SOURCE_IDS = [
    "000_ab1ee7e039089319",
    "001_2942bf26baef545b",
    "002_23b03b3f3f1e2ab1",
    "003_cd50ce98a801f824",
    "004_60a257b0d244c978",
]


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load_corpus()


@pytest.fixture(scope="session")
def datasets(corpus):
    return build_datasets(corpus, load_figures())


def thai_mojibake(text: str) -> str:
    """``text`` as UTF-8 read through Windows-874 (0xA0-0xFF) and Windows-1252 (0x80-0x9F),
    dropping the bytes Windows-1252 cannot carry, as happened to source 000."""
    out = []
    for byte in text.encode("utf-8"):
        if byte < 0x80:
            out.append(chr(byte))
        elif byte < 0xA0:
            with contextlib.suppress(UnicodeDecodeError):  # 0x81, 0x8D, 0x8F, 0x90, 0x9D are lost
                out.append(bytes([byte]).decode("cp1252"))
        else:
            out.append(bytes([byte]).decode("cp874"))
    return "".join(out)
