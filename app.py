"""Korea AI Policy Dashboard: the frame around every page (navigation, page config, footer)."""

import streamlit as st

from ui.preload import preload_chart_renderer

# First of all, the browser starts loading the chart renderer (ui/preload.py), while this server
# imports pandas and the data layer below; the slot is emptied once the page has drawn.
preload = st.empty()
preload_chart_renderer(preload)
# An emoji favicon is drawn in the browser; a :material/...: one is fetched from fonts.gstatic.com
# by every visitor's browser, and the app makes no request outside its own server. Set before the
# navigation, whose page icons would otherwise be taken for the favicon; after the preload, because
# validating the emoji imports Streamlit's emoji table (0.15-0.3 s on a first run).
st.set_page_config(page_title="Korea AI Policy Dashboard", page_icon="📊", layout="wide")

PAGES = [
    st.Page("app_pages/overview.py", title="Overview", icon=":material/home:", default=True),
    st.Page(
        "app_pages/sector_adoption.py",
        title="Sector adoption",
        icon=":material/factory:",
        url_path="sector-adoption",
    ),
    st.Page(
        "app_pages/model_counts.py",
        title="Model counts",
        icon=":material/smart_toy:",
        url_path="model-counts",
    ),
    st.Page(
        "app_pages/growth_projections.py",
        title="Growth projections",
        icon=":material/trending_up:",
        url_path="growth-projections",
    ),
    st.Page(
        "app_pages/policy_gaps.py",
        title="Policy gaps",
        icon=":material/balance:",
        url_path="policy-gaps",
    ),
    st.Page("app_pages/sources.py", title="Sources", icon=":material/article:", url_path="sources"),
    st.Page(
        "app_pages/library.py",
        title="Library",
        icon=":material/local_library:",
        url_path="library",
    ),
    st.Page(
        "app_pages/add_source.py",
        title="Add a source",
        icon=":material/upload_file:",
        url_path="add-source",
    ),
    st.Page(
        "app_pages/methodology.py",
        title="Methodology",
        icon=":material/menu_book:",
        url_path="methodology",
    ),
]

page = st.navigation(PAGES)

from ui.components import drop_unknown_parameters  # noqa: E402  (after the preload)
from ui.exports import render_copy_link, render_deck_panel  # noqa: E402
from ui.login import render_login  # noqa: E402
from ui.page_parameters import PAGE_PARAMETERS  # noqa: E402

drop_unknown_parameters(PAGE_PARAMETERS.get(page.url_path, set()))
page.run()
preload.empty()
render_copy_link(page.url_path)  # after the page has written its view into the URL
render_deck_panel()
render_login()
st.sidebar.caption(
    "Every number links to the verbatim passage it came from. "
    "Sources: news articles, repaired in code (see Methodology)."
)
# The team's confirmed figures count on every page. Read after the page has drawn, so the team
# library (its database, SQLAlchemy) is off the path to the first chart; when it brings reviews
# this session has not seen, the page runs once more with them.
from ui.heap import freeze_startup_heap  # noqa: E402  (imported here, after the chart)
from ui.library import seed_team_reviews  # noqa: E402

if seed_team_reviews():
    st.rerun()
freeze_startup_heap()  # once per process: Streamlit's collection after each run skips it
