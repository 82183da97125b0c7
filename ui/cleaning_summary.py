"""Per-article summary of the cleaning: how it was read, what was repaired, what was removed."""

from __future__ import annotations

import streamlit as st

from lib.datasets.repair_summary import cleaning_summary
from lib.extraction.source import Source
from ui.safe_text import inert


def render_cleaning_summary(source: Source) -> None:
    """One line of facts, the repairs by rule, and a warning when much text was removed."""
    summary = cleaning_summary(source)
    decided = f" ({inert(summary.decided_by)})" if summary.decided_by else ""
    repairs = sum(summary.repairs_by_rule.values())
    st.caption(
        f"Read as {inert(summary.encoding)}{decided} · {repairs} repairs logged · "
        f"{summary.chrome_chars_removed:,} characters removed as page chrome "
        f"({summary.removed_share:.1%} of the text)"
        + (f" · HTML: {inert(summary.html)}" if summary.html else "")
    )
    if summary.loses_much:
        st.warning(
            f"The cleaning removed {summary.removed_share:.0%} of this article's text as page "
            "chrome: check what was removed in the Repair log tab (each removal with its rule "
            "and the text it removed) before you quote the article.",
            icon=":material/warning:",
        )
    if summary.repairs_by_rule:
        with st.expander("Repairs by rule"):
            st.dataframe(
                [{"rule": rule, "repairs": n} for rule, n in summary.repairs_by_rule.items()],
                hide_index=True,
                width="stretch",
            )
