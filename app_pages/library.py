"""Library: every article the team has added, who added it and when, with its tables, figures and
saved charts. Every visitor sees it; each row opens the article on Sources."""

import pandas as pd
import streamlit as st

from ui.library import get_library, library_articles, saved_charts

TITLE_ROW_HEIGHT = 72  # px: three lines of a title; the grid wraps text only in rows over 4rem

st.title("Team library")
articles = library_articles()
if articles is None:
    st.stop()
library = get_library()
added = [a for a in articles if not a.bundled]
st.caption(
    f"{len(articles)} articles ({len(added)} added by the team, {len(articles) - len(added)} "
    "bundled with the dashboard, read-only). Everyone with the link sees this list; it is read "
    "from the library on every visit, so a colleague's new article shows at once."
)
frame = pd.DataFrame(
    [
        {
            "Article": f"sources?source={a.id}",
            "Title": a.title,
            "Tables": a.tables,  # the counts beside the title: a wide grid cuts off its right
            "Figures": a.figures,
            "Added by": a.added_by,
            "Added (UTC)": a.added_at.strftime("%Y-%m-%d %H:%M"),
            "Outlet": a.publisher,
            "Date": a.published,
            "File": a.file_name,
        }
        for a in articles
    ]
)
st.dataframe(
    frame,
    hide_index=True,
    width="stretch",
    row_height=TITLE_ROW_HEIGHT,  # taller rows wrap a long title instead of cutting it off
    column_config={
        "Article": st.column_config.LinkColumn(
            "Open", display_text="Open", help="Open the article on Sources"
        ),
        "Title": st.column_config.TextColumn(width="large"),
    },
)

charts = saved_charts()
st.subheader("Saved charts")
if not charts:
    st.caption("No chart saved yet: build one on Add a source and press Save chart.")
else:
    titles = {a.id: a.title for a in articles}
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "Chart": f"sources?source={c.article_id}&chart={c.id}",
                    "Title": c.title,
                    "Article": titles.get(c.article_id, c.article_id),
                    "Saved by": c.created_by,
                    "Saved (UTC)": c.created_at.strftime("%Y-%m-%d %H:%M"),
                }
                for c in charts
            ]
        ),
        hide_index=True,
        width="stretch",
        column_config={"Chart": st.column_config.LinkColumn("Open", display_text="Open")},
    )
st.caption(f"Library database: {library.engine.dialect.name}.")
