"""Floor page four: one plotly bar chart."""

import plotly.graph_objects as go
import streamlit as st

st.title("Floor page four")
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[3, 1, 2])), alt="Floor page four bar chart")
