"""Add a source: upload or paste an article; see its cleaned text, repairs and tables; chart them."""

import streamlit as st

from lib.datasets.uploads import MAX_FILE_MB, MAX_FILES_PER_BATCH
from ui.library import render_add_to_library
from ui.uploads import (
    render_chart_builder,
    render_upload,
    render_upload_inputs,
    session_uploads,
)

st.title("Add a source")
st.caption(
    f"Upload .txt, .md or .html articles (up to {MAX_FILES_PER_BATCH} at a time, {MAX_FILE_MB} MB each) "
    "or paste text. The same pipeline as the bundled sources runs on them. An upload stays in this "
    "browser session until you press Add to library: then everyone with the link sees it."
)
render_upload_inputs()
uploads = session_uploads()
if not uploads:
    st.info("No article added yet in this session.", icon=":material/info:")
    st.stop()

ids = list(uploads)
selected = st.session_state.get("upload-selected")
chosen = st.selectbox(
    "Your articles", ids, index=ids.index(selected) if selected in ids else len(ids) - 1,
    format_func=lambda sid: uploads[sid].name, key="upload-choice",
)  # fmt: skip
left, right = st.columns([4, 1])
with right:
    if st.button("Remove from session", icon=":material/delete:", key=f"remove-{chosen}"):
        del uploads[chosen]
        st.rerun()
with left:
    render_add_to_library(uploads[chosen])
render_upload(uploads[chosen])

st.divider()
st.subheader("Chart a table")
render_chart_builder(uploads)
