"""Data layer of the Korea AI Policy Dashboard: raw articles in, tidy traceable DataFrames out.

Nothing in this package imports streamlit; the app calls it through ``app_data``.
"""
