"""Floor page three: one plotly bar chart."""

import plotly.graph_objects as go
import streamlit as st

st.title("Floor page three")
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[3, 1, 2])), alt="Floor page three bar chart")
