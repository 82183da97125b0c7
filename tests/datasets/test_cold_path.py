"""A page's first run reads the prepared corpus without loading the pipeline: no decoder, ftfy,
lxml, figure rules, SQLAlchemy or export library is imported before its chart is drawn."""

from __future__ import annotations

import json
import subprocess
import sys

from lib.datasets.prepared import prepared_corpus
from lib.reference.paths import REPO_ROOT, SOURCES_DIR

HEAVY = [
    "ftfy", "charset_normalizer", "lxml", "trafilatura", "sqlalchemy", "alembic", "kaleido",
    "pptx", "openpyxl", "lib.cleaning.decoding", "lib.extraction.document",
    "lib.extraction.figures.extract",
]  # fmt: skip
CHART_PATH = """
import json, sys
from pathlib import Path
import ui.components, ui.exports, ui.login, ui.data, ui.page_parameters, lib.charts.catalog
from lib.datasets.curated import load_figures
from lib.datasets.frames import build_datasets
from lib.datasets.prepared import prepared_corpus
from lib.reference.paths import SOURCES_DIR
corpus = prepared_corpus(SOURCES_DIR, Path(sys.argv[1]))
frames = build_datasets(corpus, load_figures())
chart = lib.charts.catalog.key_figures_chart(frames)
print(json.dumps({"sources": len(corpus.sources), "title": chart.title,
                  "loaded": [m for m in sys.argv[2:] if m in sys.modules]}))
"""


def test_the_first_chart_loads_no_pipeline_module(tmp_path, corpus):
    prepared_corpus(SOURCES_DIR, tmp_path)  # the artefact a previous process left
    done = subprocess.run(
        [sys.executable, "-c", CHART_PATH, str(tmp_path), *HEAVY],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["sources"] == len(corpus.sources) == 5
    assert result["title"]
    assert result["loaded"] == []
