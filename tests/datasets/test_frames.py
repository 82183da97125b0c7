"""The tidy datasets: required columns, real values, and every quote verbatim in its source."""

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from lib.datasets.frames import DATASET_COLUMNS
from lib.datasets.schema import FIELDS

REQUIRED = {
    "sector_adoption": ["sector", "country", "level", "level_score", "source_id", "quote"],
    "model_counts": ["country", "models", "source_id", "quote"],
    "korean_models_by_developer": ["developer", "models", "source_id", "quote"],
    "growth_projections": [
        "focus_area",
        "horizon",
        "level",
        "level_score",
        "detail",
        "source_id",
        "quote",
    ],
    "policy_gaps": ["aspect", "korea", "global_best_practice", "is_missing", "source_id", "quote"],
    "key_figures": ["figure_id", "label", "value", "unit", "provenance", "source_id", "quote"],
    "sources": ["source_id", "file", "title", "publisher", "published", "sha256", "repairs"],
}


@pytest.mark.parametrize("name", REQUIRED)
def test_required_columns(datasets, name):
    assert set(REQUIRED[name]) <= set(datasets[name].columns)
    assert list(datasets[name].columns) == DATASET_COLUMNS[name]


@pytest.mark.parametrize("name", [n for n in REQUIRED if n != "sources"])
def test_every_quote_is_verbatim_at_its_span(datasets, corpus, name):
    frame = datasets[name]
    assert len(frame) > 0
    for row in frame.itertuples():
        text = corpus.sources[row.source_id].text
        assert text[row.quote_start : row.quote_end] == row.quote


def test_every_column_is_documented(datasets):
    for frame in datasets.values():
        assert set(frame.columns) <= set(FIELDS)


def test_sector_adoption_values(datasets):
    frame = datasets["sector_adoption"]
    assert frame["country"].iloc[0] == "South Korea"  # South Korea first
    got = {(r.sector, r.country): (r.level, r.level_score) for r in frame.itertuples()}
    assert got == {
        ("Healthcare Services", "South Korea"): ("Intermediate Adoption", 2),
        ("Healthcare Services", "United States"): ("Pioneering Implementation", 4),
        ("Healthcare Services", "China"): ("Pioneering Implementation", 4),
        ("Financial Technology (FinTech)", "South Korea"): ("Intermediate Adoption", 2),
        ("Financial Technology (FinTech)", "United States"): ("Advanced Deployment", 3),
        ("Financial Technology (FinTech)", "China"): ("Advanced Deployment", 3),
        ("Manufacturing & Automation", "South Korea"): ("Nascent Stage", 1),
        ("Manufacturing & Automation", "United States"): ("Advanced Integration", 3),
        ("Manufacturing & Automation", "China"): ("Moderate Integration", 2),
    }
    assert set(frame["country_iso3"]) == {"KOR", "USA", "CHN"}
    assert set(frame["source_id"]) == {"002_23b03b3f3f1e2ab1"}


def test_model_counts_values(datasets):
    frame = datasets["model_counts"]
    assert dict(zip(frame["country"], frame["models"], strict=True)) == {
        "United States": 125, "China": 95, "South Korea": 14, "France": 10,
    }  # fmt: skip
    assert dict(zip(frame["country_iso3"], frame["share_of_world_pct"], strict=True)) == {
        "USA": 46.1, "CHN": 35.1, "KOR": 5.2, "FRA": 3.7,
    }  # fmt: skip


def test_korean_models_by_developer_values(datasets):
    frame = datasets["korean_models_by_developer"]
    assert dict(zip(frame["developer"], frame["models"], strict=True)) == {
        "LG Group": 5, "Naver": 3, "Samsung": 3, "KT": 1, "NCSOFT": 1, "Konan Technology": 1,
    }  # fmt: skip
    figures = datasets["key_figures"].set_index("figure_id")["value"]
    assert frame["models"].sum() == figures["korean_models"] == 14  # the parts add up
    assert len(frame) == figures["korean_model_developers"] == 6


def test_growth_projections_values(datasets):
    frame = datasets["growth_projections"]
    got = [(r.focus_area, r.horizon, r.level, r.level_score, r.detail) for r in frame.itertuples()]
    assert got == [
        ("General-Purpose AI", "June 2025", "Struggling", 1, "dominated by US/China"),
        ("General-Purpose AI", "2028", "Moderate", 2, "continued US/China dominance"),
        (
            "Vertical AI (Manufacturing)",
            "June 2025",
            "Emerging",
            1,
            "potential for Korean leadership",
        ),
        (
            "Vertical AI (Manufacturing)",
            "2028",
            "High",
            3,
            "significant market share for Korean firms",
        ),
        (
            "Localized AI (Data Sovereignty)",
            "June 2025",
            "Early stages",
            1,
            "growing regulatory support",
        ),
        ("Localized AI (Data Sovereignty)", "2028", "Very High", 4, "strong demand within Korea"),
    ]


def test_policy_gaps_values(datasets):
    frame = datasets["policy_gaps"]
    got = [(r.aspect, r.korea, r.global_best_practice, r.is_missing) for r in frame.itertuples()]
    assert got[:2] == [
        ("Regulatory Transparency", "Limited Scope", "Extensive Clarity Across Sectors", False),
        ("Investment Intensity", "Moderate Levels",
         "Robust Funding Mechanisms Including Public-Private Partnerships", False),
    ]  # fmt: skip
    aspect, korea, best, missing = got[2]
    assert (aspect, korea, missing) == (
        "Inclusivity In Development Processes",
        "Emerging Initiatives",
        True,
    )
    assert pd.isna(best)  # missing, not invented


def test_key_figures_values(datasets):
    frame = datasets["key_figures"].set_index("figure_id")
    expected = {
        "korean_models": (14, "stated"), "korea_model_rank": (3, "stated"),
        "world_models": (271, "stated"), "us_china_share_pct": (81.2, "stated"),
        "k_ai_passing_rate_pct": (13, "stated"), "national_ai_team_funding_krw_bn": (240, "stated"),
        "national_ai_team_funding_usd_m": (180, "stated"), "ai_investment_pledge_krw_tn": (100, "stated"),
        "china_ai_investment_usd_bn": (150, "stated"), "foundation_model_target_pct": (95, "stated"),
        "ai_law_country_rank": (2, "stated"), "korean_models_in_global_top50": (0, "stated"),
        "adot_web_rank": (15, "stated"), "liner_web_rank": (19, "stated"),
        "china_response_days": (3, "stated"), "korean_model_developers": (6, "stated"),
        "rest_of_world_models": (27, "derived"), "model_count_year": (2024, "inferred"),
    }  # fmt: skip
    for figure_id, (value, provenance) in expected.items():
        assert frame.loc[figure_id, "value"] == value, figure_id
        assert frame.loc[figure_id, "provenance"] == provenance, figure_id
    assert frame.loc["us_china_share_recomputed_pct", "value"] == pytest.approx(81.18, abs=0.01)
    assert frame.loc["korea_share_pct", "value"] == pytest.approx(5.17, abs=0.01)
    assert frame.loc["implied_krw_per_usd", "value"] == pytest.approx(1333.3, abs=0.1)
    assert set(frame["provenance"]) == {"stated", "derived", "inferred"}


def test_sources_metadata(datasets):
    frame = datasets["sources"].set_index("source_id")
    assert frame.loc["000_ab1ee7e039089319", "publisher"] == "Archyworldys"
    assert frame.loc["001_2942bf26baef545b", "publisher"] == "The Asia Business Daily"
    assert frame.loc["003_cd50ce98a801f824", "publisher"] == "viewusglobal"
    assert frame.loc["003_cd50ce98a801f824", "author"] == "Daniel Kim"
    assert frame.loc["000_ab1ee7e039089319", "repairs"] == 33
    assert (frame["published"] == "unknown").all()
    assert frame["published_basis"].str.len().min() > 20  # every estimate says how
    for source_id, row in frame.iterrows():
        raw = Path(f"data/sources/{row.file}").read_bytes()
        assert hashlib.sha256(raw).hexdigest() == row.sha256, source_id
