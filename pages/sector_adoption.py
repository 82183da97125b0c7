"""Sector adoption: heatmap of AI adoption level by sector and country, beside its source table."""

import streamlit as st

from lib.chart_catalog import all_countries, sector_adoption_chart
from lib.countries import iso3
from lib.url_state import join_codes, parse_choice_list, slugify
from ui.components import has_rows, notice_ignored, render_chart_with_excerpt
from ui.data import datasets, report_unreadable_sources

st.title("AI adoption by sector")
st.caption("Adoption level as the source's table words it; colour is the codebook's ordinal score.")
report_unreadable_sources()
data = datasets()
if not has_rows(data["sector_adoption"], "sector adoption table"):
    st.stop()
country_codes = {iso3(c) or c: c for c in all_countries(data, "sector_adoption")}
sector_codes = {slugify(s): s for s in dict.fromkeys(data["sector_adoption"]["sector"])}

countries, unknown_countries = parse_choice_list(st.query_params.get("countries"), country_codes)
sectors, unknown_sectors = parse_choice_list(st.query_params.get("sectors"), sector_codes)
notice_ignored("countries", unknown_countries, f"among {', '.join(country_codes)}")
notice_ignored("sectors", unknown_sectors, f"among {', '.join(sector_codes)}")

left, right = st.columns(2)
chosen_countries = left.multiselect(
    "Countries", list(country_codes.values()), default=countries or list(country_codes.values())
)
chosen_sectors = right.multiselect(
    "Sectors", list(sector_codes.values()), default=sectors or list(sector_codes.values())
)
st.query_params["countries"] = join_codes(chosen_countries, country_codes)
st.query_params["sectors"] = join_codes(chosen_sectors, sector_codes)

if not chosen_countries or not chosen_sectors:
    st.info("Pick at least one country and one sector to draw the chart.")
else:
    render_chart_with_excerpt(sector_adoption_chart(data, chosen_countries, chosen_sectors))
