"""Start the browser loading the chart renderer while the server prepares the first chart.

Streamlit's frontend fetches plotly.js (one 4.7 MB module) only when the first chart element
arrives, and compiling it is most of a cold visit's time in the browser (about 2.5 s on a two-core
machine). This app's first run spends 1-2 s importing pandas and the data layer before its chart
is ready; a small script sent first lets the browser load the module in that time instead of after
it. It imports the very module file the frontend will ask for, so the frontend finds it loaded.

Only this module's own constant script is sent, with a file name read from the installed
Streamlit and checked against a strict pattern: nothing from a visitor reaches it. This module
imports nothing heavy; ``app.py`` calls it before the data layer is imported.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import streamlit as st

PRELOADED_KEY = "chart-renderer-preloaded"
# Named by component, as the frontend's build names its files. Only plotly's: preloading the small
# renderers of the other elements too (metrics, page links, toggles) made the first chart 0.5 s
# slower, measured with bench/pages.py.
MODULES = ("PlotlyChart",)
_FILE = re.compile(r"[A-Za-z0-9_.-]+\.js")
_STATIC_IMPORT = re.compile(r'import(?:[^"]*?from)?"\./([^"/]+)";')
_HEAD_CHARS = 8192
# Resolved against the frontend's own entry module, the way its lazy imports are, so the URL is
# the same one (and the module loaded once) under any server.baseUrlPath.
_SCRIPT = """<script>
(() => {
  const entry = document.querySelector('script[type="module"][src*="/static/js/index"]');
  if (!entry) return;
  for (const name of %s) {
    const url = new URL("./" + name, entry.src).href;
    if (url !== entry.src) import(url).catch(() => {});  // never the entry itself again
  }
})();
</script>"""


@functools.cache
def module_files() -> tuple[str, ...]:
    """The file names of the installed Streamlit's plotly chart module and of the modules it
    imports, plotly's first; empty when it is not found.

    Its imports are fetched with it, not after it (a second round trip while the server is busy
    with the first run)."""
    folder = Path(st.__file__).parent / "static" / "static" / "js"
    names = [path.name for path in folder.glob(f"{MODULES[0]}.*.js")]
    if len(names) != 1 or not _FILE.fullmatch(names[0]):
        return ()
    with open(folder / names[0], encoding="utf-8", errors="replace") as module:
        head = module.read(_HEAD_CHARS)
    imports = []
    position = 0
    while match := _STATIC_IMPORT.match(head, position):  # the leading import statements
        position = match.end()
        if _FILE.fullmatch(match[1]) and (folder / match[1]).is_file():
            imports.append(match[1])
    return (names[0], *imports)


def preload_chart_renderer(slot) -> bool:
    """Once per session, put the preloading script in ``slot`` (an ``st.empty()``); True if sent.

    The caller empties ``slot`` after the page has run, so later runs keep the same layout."""
    files = module_files()
    if not files or st.session_state.get(PRELOADED_KEY):
        return False
    st.session_state[PRELOADED_KEY] = True
    slot.html(_SCRIPT % json.dumps(list(files)), unsafe_allow_javascript=True)
    return True
