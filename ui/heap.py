"""Keep Streamlit's collection after every run cheap: freeze the heap once, after the first run.

Streamlit runs a full ``gc.collect()`` after every script run (``runner.postScriptGC``). This
app's heap after its first run holds about 165,000 long-lived objects (pandas, plotly, the data
layer), and walking them cost 0.15-0.2 CPU-seconds per run, more than the page itself (measured
with bench/sessions.py). Frozen, they are skipped: each collection walks only what sessions made
since. Done from app.py, so it works under a plain ``streamlit run app.py`` too.
"""

from __future__ import annotations

import gc
import threading

_done = threading.Event()
_lock = threading.Lock()


def freeze_startup_heap() -> None:
    """Collect once, then move every object alive now out of the collector's reach (once per
    process; later calls return at once)."""
    if _done.is_set():
        return
    with _lock:
        if _done.is_set():
            return
        import plotly.io

        from lib.charts.catalog import codebook_chart

        plotly.io.to_json(codebook_chart().figure)  # plotly loads its trace classes lazily
        gc.collect()
        gc.freeze()
        _done.set()
