"""Where the repo keeps its data; everything is read from inside the repo."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "data"
SOURCES_DIR = DATA_DIR / "sources"
CODEBOOK_FILE = DATA_DIR / "codebook.toml"
FIGURES_FILE = DATA_DIR / "figures.toml"
