"""Where the library lives: one database URL, from the environment, secrets or the default."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from lib.reference.paths import REPO_ROOT

URL_VARIABLE = "DASHBOARD_DATABASE_URL"
SECRETS_FILE = REPO_ROOT / ".streamlit" / "secrets.toml"
# Streamlit reads both, the project's over the user's.
SECRETS_FILES = (Path.home() / ".streamlit" / "secrets.toml", SECRETS_FILE)
DEFAULT_PATH = REPO_ROOT / "var" / "library.sqlite3"


def secrets_url(path: Path = SECRETS_FILE) -> str | None:
    """``[connections.library] url`` from a Streamlit secrets file, or None."""
    try:
        secrets = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return None
    url = secrets.get("connections", {}).get("library", {}).get("url")
    return str(url) if url else None


def database_url(
    environ: dict[str, str] | None = None,
    secrets: tuple[Path, ...] = SECRETS_FILES,
    configured: str | None = None,
) -> str:
    """The library's SQLAlchemy URL: ``$DASHBOARD_DATABASE_URL``, else ``configured`` (the app
    passes ``[connections.library] url`` from the secrets Streamlit loaded), else that setting in
    the secrets files (the project's over the user's), else ``var/library.sqlite3``."""
    environ = os.environ if environ is None else environ
    from_files = next((url for url in map(secrets_url, reversed(secrets)) if url), None)
    return environ.get(URL_VARIABLE) or configured or from_files or f"sqlite:///{DEFAULT_PATH}"


def display_url(url: str) -> str:
    """The URL with any password hidden, for messages and logs."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
