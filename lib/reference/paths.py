"""Where the repo keeps its data; everything is read from inside the repo."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = REPO_ROOT / "data"
SOURCES_DIR = DATA_DIR / "sources"
CODEBOOK_FILE = DATA_DIR / "codebook.toml"
FIGURES_FILE = DATA_DIR / "figures.toml"
CHROME_RULES_FILE = DATA_DIR / "chrome_rules.toml"
SOURCES_DIR_VARIABLE = "KAIPD_SOURCES_DIR"
# Rebuildable artefacts the app writes for itself (git-ignored): the prepared corpus.
CACHE_DIR = REPO_ROOT / "var" / "cache"


def sources_dir() -> Path:
    """The folder of source articles: data/sources, or $KAIPD_SOURCES_DIR when set."""
    override = os.environ.get(SOURCES_DIR_VARIABLE)
    return Path(override) if override else SOURCES_DIR
