"""The floor for session benchmarks: four pages, each one plotly bar chart, behind st.navigation.

The same frame as the dashboard's ``app.py`` (page config, ``st.navigation``, ``page.run()``)
with nothing else: what any four-page plotly app costs per session.
"""

import streamlit as st

st.set_page_config(page_title="Floor", layout="wide")

page = st.navigation(
    [
        st.Page("one.py", title="One", default=True),
        st.Page("two.py", title="Two", url_path="two"),
        st.Page("three.py", title="Three", url_path="three"),
        st.Page("four.py", title="Four", url_path="four"),
    ]
)
page.run()
