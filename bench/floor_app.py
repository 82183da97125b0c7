"""The floor for page benchmarks: a minimal Streamlit app showing a single plotly bar chart."""

import plotly.graph_objects as go
import streamlit as st

st.title("Floor")
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[3, 1, 2])), alt="Floor bar chart")
