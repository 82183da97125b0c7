"""Policy gaps: South Korea's AI policy framework against global best practice, per aspect."""

import streamlit as st

from lib.charts.catalog import policy_gaps_chart
from ui.components import has_rows, render_chart_with_excerpt
from ui.data import bundled_chart, datasets, report_unreadable_sources
from ui.safe_text import inert

st.title("Policy gaps")
st.caption(
    "Where the source's table gives no value, the chart says so: the cell is missing, not invented."
)
report_unreadable_sources()
data = datasets()
if not has_rows(data["policy_gaps"], "policy gap table"):
    st.stop()
chart = bundled_chart(policy_gaps_chart)
render_chart_with_excerpt(chart)
for row in chart.data[chart.data["is_missing"]].itertuples():
    absent = [
        name
        for name, cell in (
            ("South Korean framework", row.korea),
            ("global best practice", row.global_best_practice),
        )
        if cell is None or cell != cell
    ]
    why = (
        " (the next paragraph of the article bled into that cell when the page was scraped)"
        if "bled into the cell" in row.table_flags
        else ""
    )
    st.warning(
        f"{inert(row.aspect)}: the source's table gives no {' and no '.join(absent)}{why}; "
        "it is shown as missing, not filled in.",
        icon=":material/warning:",
    )
