"""``python -m ui.serve [streamlit options]``: serve the app with its data stack imported first.

Streamlit imports a page's modules on the first visit, so the first visitor would wait for
pandas and the data layer (about half a second here). This launcher imports them when the
server starts, then hands over to the ordinary ``streamlit run app.py`` command line.

It listens on loopback (127.0.0.1) unless ``--server.address`` says otherwise: without login
configured, writes to the team library are open only on a loopback server (``ui/access.py``), so
serving on a network is a deliberate choice.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas  # noqa: F401  (imported for its start-up cost, before the first visitor)
import plotly.graph_objects  # noqa: F401

import lib.charts.catalog  # noqa: F401
import lib.datasets.frames  # noqa: F401

APP = Path(__file__).resolve().parent.parent / "app.py"
DEFAULT_ADDRESS = "127.0.0.1"


def main(argv: list[str] | None = None) -> None:
    """Run ``streamlit run app.py`` with the given extra options."""
    from streamlit.web import cli

    options = list(argv if argv is not None else sys.argv[1:])
    if not any(option.startswith("--server.address") for option in options):
        options = ["--server.address", DEFAULT_ADDRESS, *options]
    sys.argv = ["streamlit", "run", str(APP), *options]
    sys.exit(cli.main())


if __name__ == "__main__":
    main()
