"""A second memory floor: the floor's one bar chart, drawn from a pandas DataFrame."""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

frame = pd.DataFrame({"x": ["a", "b", "c"], "y": [3, 1, 2]})
st.title("Floor")
st.plotly_chart(go.Figure(go.Bar(x=frame["x"], y=frame["y"])), alt="Floor bar chart")
