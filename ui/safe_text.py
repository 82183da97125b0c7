"""Text from outside the code, shown so that no link, image, autolink or HTML can form from it.

Streamlit renders as markdown (GitHub flavour, with autolinks, LaTeX, emoji and icon codes and
its own ``:color[...]`` directives) the body of ``st.markdown``, ``st.caption``, the alerts
(``st.info``/``warning``/``error``/``success``), ``st.toast``, progress text, widget labels and
``help`` tooltips, radio options, and tab and expander labels. Any text the app did not write
itself -- URL parameters and their names, file names, article text and the title taken from its
first line, table cells, metadata, chart titles typed by the visitor -- goes through
:func:`inert` before it joins such a body. Selectbox and multiselect options, ``st.text``,
``st.code`` and table cells are plain text already and need nothing.

HTML made for ``st.markdown(..., unsafe_allow_html=True)`` goes through :func:`html_block`, and
every piece of outside text in it is ``html.escape``-d; plotly text (which plotly.js reads as a
small HTML dialect with working ``<a href>``) is escaped where charts of outside tables are
built (``lib.charts.plotly_text.inert_figure``).
"""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"  # invisible, no line break: splits "http://" so no autolink can form
# Line breaks, control characters and bidirectional overrides (which could make the notice around
# the text read differently): shown as one space.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+")
# Inline markdown punctuation: code, emphasis, links and images, HTML and entities, strikethrough,
# LaTeX, table cells. A backslash before ASCII punctuation makes it a literal character.
_INLINE = re.compile(r"[\\`*\[\]<>&~$|]")
# ``_`` between two letters or digits cannot open or close emphasis; elsewhere it is escaped.
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
# Markdown that only forms at the start of a body: a heading, a list item, a setext underline.
_LEADING = re.compile(r"^(?:[#+=-]|\d+(?=[.)]))")
# Autolinks are found in the text after escapes are resolved, so escaping cannot stop them:
# a word joiner after a colon (``http:``, ``mailto:``, and Streamlit's ``:material/...:``,
# ``:red[...]`` and emoji codes), inside ``www.`` and after ``@`` (e-mail addresses) does.
_AUTOLINK = re.compile(r"(?i):(?=\S)|www(?=\.)|@(?=\S)")


def _escape_leading(match: re.Match[str]) -> str:
    """``# x`` -> ``\\# x``; ``1. x`` -> ``1\\. x`` (the backslash goes before the punctuation)."""
    found = match.group()
    return found + "\\" if found[0].isdigit() else "\\" + found


def inert(text: object, limit: int | None = None) -> str:
    """``text`` for a markdown body: shown as written, on one line, with nothing in it live.

    ``limit`` shortens it to that many characters (with an ellipsis) so a notice stays one line.
    """
    value = _CONTROL.sub(" ", str(text))
    if limit is not None and len(value) > limit:
        value = value[: max(limit - 1, 0)] + "…"
    value = _INLINE.sub(lambda m: "\\" + m.group(), value)
    value = _UNDERSCORE.sub(r"\\_", value)
    value = _LEADING.sub(_escape_leading, value)
    return _AUTOLINK.sub(lambda m: m.group() + WORD_JOINER, value)


def html_block(markup: str) -> str:
    """Escaped HTML for ``st.markdown(..., unsafe_allow_html=True)``, read as HTML only.

    Wrapped in a ``<div>`` and on one line, the whole body is one HTML block: markdown does not
    look inside it (a blank line would end the block and let markdown read the rest). Every
    piece of outside text in ``markup`` must already be ``html.escape``-d.
    """
    return "<div>" + re.sub(r"\r\n|\r|\n", " ", markup) + "</div>"
