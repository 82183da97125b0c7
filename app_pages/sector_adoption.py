"""Sector adoption: heatmap of AI adoption level by sector and country, beside its source table."""

import streamlit as st

from lib.charts.catalog import all_countries, sector_adoption_chart
from lib.charts.url_state import slugify
from lib.reference.countries import iso3
from ui.components import has_rows, linked_multiselect, render_chart_with_excerpt
from ui.data import bundled_chart, datasets, report_unreadable_sources

st.title("AI adoption by sector")
st.caption("Adoption level as the source's table words it; colour is the codebook's ordinal score.")
report_unreadable_sources()
data = datasets()
if not has_rows(data["sector_adoption"], "sector adoption table"):
    st.stop()
country_codes = {iso3(c) or c: c for c in all_countries(data, "sector_adoption")}
sector_codes = {slugify(s): s for s in dict.fromkeys(data["sector_adoption"]["sector"])}

left, right = st.columns(2)
chosen_countries = linked_multiselect("countries", "Countries", country_codes, left)
chosen_sectors = linked_multiselect("sectors", "Sectors", sector_codes, right)

if not chosen_countries or not chosen_sectors:
    st.info("Pick at least one country and one sector to draw the chart.")
else:
    render_chart_with_excerpt(
        bundled_chart(sector_adoption_chart, chosen_countries, chosen_sectors)
    )
