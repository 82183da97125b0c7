"""A source deleted or corrupted while the app runs: its pages say so, the others still work."""

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lib.datasets.corpus import load_corpus
from lib.datasets.curated import load_figures
from lib.datasets.frames import build_datasets
from lib.reference.paths import SOURCES_DIR_VARIABLE
from tests.apptest_helpers import APP, PAGES, figures


@pytest.fixture
def sources_copy(tmp_path, monkeypatch):
    """A scratch copy of data/sources that the app reads instead (configured, not mocked)."""
    folder = tmp_path / "sources"
    shutil.copytree(Path("data/sources"), folder)
    monkeypatch.setenv(SOURCES_DIR_VARIABLE, str(folder))
    return folder


def visit(path: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    return at.switch_page(PAGES[path]).run()


def test_corrupted_and_deleted_sources_only_affect_their_pages(sources_copy):
    assert figures(visit("model-counts"))  # before: the page charts its data
    (sources_copy / "004_60a257b0d244c978.txt").write_bytes(b"\x00\x01binary garbage\x00")
    (sources_copy / "002_23b03b3f3f1e2ab1.txt").unlink()

    models = visit("model-counts")
    assert not models.exception and not figures(models)
    warnings = " ".join(w.value for w in models.warning)
    assert "Source skipped: 004_60a257b0d244c978.txt: file is binary" in warnings
    assert "No model counts to show" in warnings

    sectors = visit("sector-adoption")
    assert not sectors.exception and not figures(sectors)
    assert any("No sector adoption table to show" in w.value for w in sectors.warning)

    growth = visit("growth-projections")  # 000 is intact: this page still works
    assert not growth.exception and figures(growth)
    overview = visit("")
    assert not overview.exception
    assert {m.label for m in overview.metric} == {
        "Korean models passing K-AI tests",
        "National AI teams programme",
    }
    for path in PAGES:
        assert not visit(path).exception, path


def test_changed_source_drops_only_its_figures(tmp_path):
    folder = tmp_path / "sources"
    shutil.copytree(Path("data/sources"), folder)
    path = folder / "003_cd50ce98a801f824.txt"
    path.write_text(
        path.read_text(encoding="utf-8").replace("240 billion KRW", "250 billion KRW"),
        encoding="utf-8",
    )
    problems: list[str] = []
    frames = build_datasets(load_corpus(folder), load_figures(), problems)
    ids = set(frames["key_figures"]["figure_id"])
    assert "national_ai_team_funding_krw_bn" not in ids and "implied_krw_per_usd" not in ids
    assert "korean_models" in ids and len(frames["model_counts"]) == 4
    assert any(
        "national_ai_team_funding_krw_bn" in p and "quote not found verbatim" in p for p in problems
    )
