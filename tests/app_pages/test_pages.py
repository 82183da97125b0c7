"""AppTest: every page runs, charts its data, and quotes its source verbatim."""

import html
import re
from pathlib import Path

import pytest

from tests.apptest_helpers import INPUT_PAGES, PAGES, excerpts, figures, open_page


@pytest.mark.parametrize("path", PAGES)
def test_page_runs_with_chart_and_verbatim_excerpt(path, corpus):
    at = open_page(path)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert figures(at), f"{path}: no plotly chart"
    texts = corpus.texts().values()
    if path == "sources":
        shown = [element.proto.body for element in at.get("html")]
        opening = html.escape(corpus.sources["000_ab1ee7e039089319"].text[:150])
        assert any(opening in body for body in shown)
        return
    quotes = excerpts(at)
    assert quotes, f"{path}: no excerpt"
    for quote in quotes:
        assert any(quote in text for text in texts), quote


def test_every_page_file_is_registered_with_its_url_path():
    app = Path("app.py").read_text(encoding="utf-8")
    files = {f"app_pages/{p.name}" for p in Path("app_pages").glob("*.py")}
    assert files == set(PAGES.values()) | set(INPUT_PAGES.values())
    for url_path, file in (PAGES | INPUT_PAGES).items():
        if url_path:
            assert re.search(rf'st\.Page\(\s*"{file}"[^)]*url_path="{url_path}"', app), url_path
        else:
            assert re.search(rf'st\.Page\(\s*"{file}"[^)]*default=True', app)


def test_overview_metrics_and_sources():
    at = open_page("")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {
        "Korean AI models": "14 models",
        "AI models worldwide": "271 models",
        "Korean models passing K-AI tests": "13 %",
        "National AI teams programme": "₩240 bn",
        "AI investment pledge": "₩100 tn",
        "China's AI investment": "> $150 bn a year",
    }
    helps = {m.label: m.proto.help for m in at.metric}
    assert (
        "There are 14 models that can be referred to as Sovereign AI domestically."
        in helps["Korean AI models"]
    )
    companions = " ".join(c.value for c in at.caption).replace("\\", "")
    assert (
        "3rd worldwide" in companions
        and "81.2 % from the US and China" in companions
        and "≈ $180 m" in companions
    )
    # Each card cites its source by name, linking inside the app (no reload) to the passage.
    links = [link.proto for link in at.get("page_link")]
    card_links = [link for link in links if link.label != "Open in sources"]
    assert len(card_links) == 6
    assert all(link.page == "sources" for link in card_links)
    assert card_links[0].label == "Untitled: Ha Jung-woo and Korea's…"  # cut at a word
    assert "source id 004_60a257b0d244c978" in card_links[0].help
    assert card_links[0].query_string.startswith("source=004_60a257b0d244c978&start=")


def test_sector_adoption_heatmap_values():
    at = open_page("sector-adoption")
    (figure,) = figures(at)
    heatmap = figure["data"][0]
    assert heatmap["x"] == ["South Korea", "United States", "China"]
    assert heatmap["z"] == [[2.0, 4.0, 4.0], [2.0, 3.0, 3.0], [1.0, 3.0, 2.0]]
    assert heatmap["customdata"][2] == [
        "Nascent Stage",
        "Advanced Integration",
        "Moderate Integration",
    ]
    assert "Source: South Korea’s Growing AI Divide" in figure["layout"]["annotations"][-1]["text"]


def test_sector_filters_from_the_link():
    at = open_page("sector-adoption", countries="KOR,CHN", sectors="healthcare-services")
    (figure,) = figures(at)
    assert figure["data"][0]["x"] == ["South Korea", "China"]
    assert figure["data"][0]["customdata"] == [
        ["Intermediate Adoption", "Pioneering Implementation"]
    ]
    assert at.query_params["countries"] == "KOR,CHN"


def test_model_counts_bars_and_developers():
    at = open_page("model-counts")
    by_country, by_developer = figures(at)
    bars = {trace["x"][0]: trace["y"][0] for trace in by_country["data"]}
    assert bars == {
        "United States": 125,
        "China": 95,
        "South Korea": 14,
        "France": 10,
        "Rest of world": 27,
    }
    assert by_developer["data"][0]["y"] == [
        "KT",
        "NCSOFT",
        "Konan Technology",
        "Naver",
        "Samsung",
        "LG Group",
    ]
    assert by_developer["data"][0]["x"] == [1, 1, 1, 3, 3, 5]


def test_model_counts_bad_link_shows_notice_and_default_view():
    at = open_page("model-counts", countries="XXX")
    assert any("Ignored countries=XXX" in info.value for info in at.info)
    bars = [trace["x"][0] for trace in figures(at)[0]["data"]]
    assert bars == ["United States", "China", "South Korea", "France", "Rest of world"]


def test_growth_projections_scores():
    at = open_page("growth-projections")
    (figure,) = figures(at)
    markers = {trace["name"]: trace["x"] for trace in figure["data"] if trace.get("name")}
    assert markers == {
        "Current Status (June 2025)": [1.0, 1.0, 1.0],
        "Projected Growth (2028)": [2.0, 3.0, 4.0],
    }


def test_policy_gaps_missing_cell_is_shown_as_missing():
    at = open_page("policy-gaps")
    (figure,) = figures(at)
    names = [trace.get("name") for trace in figure["data"]]
    assert "Global best practice: not stated in the source" in names
    best = next(t for t in figure["data"] if t.get("name") == "Global best practice")
    assert best["x"] == [3.0, 3.0]  # two stated values, the third not invented
    assert any("Inclusivity In Development Processes" in w.value for w in at.warning)


def test_sources_page_opens_at_a_cited_passage(corpus):
    text = corpus.sources["004_60a257b0d244c978"].text
    quote = "A total of 271 AI models were released worldwide"
    start = text.index(quote)
    at = open_page(
        "sources", source="004_60a257b0d244c978", start=str(start), end=str(start + len(quote))
    )
    assert at.selectbox[0].value == "004_60a257b0d244c978"
    bodies = [element.proto.body for element in at.get("html")]
    assert any(f'<mark class="cited">{quote}</mark>' in body for body in bodies)


def test_sources_search_and_repair_log():
    at = open_page("sources", source="000_ab1ee7e039089319", q="K-AI")
    bodies = " ".join(element.proto.body for element in at.get("html"))
    assert '<mark class="hit">K-AI</mark>' in bodies
    (log,) = [frame.value for frame in at.dataframe if "before" in frame.value.columns]
    assert len(log) == 33
    (table,) = [
        frame.value for frame in at.dataframe if "AI Development Focus" in frame.value.columns
    ]
    assert table.iloc[2, 2] == "Very High, strong demand within Korea"  # the Tables tab
    assert log.iloc[0]["before"] == "โ€™" and log.iloc[0]["after"] == "’"


def test_sources_page_escapes_source_text():
    at = open_page("sources", source="002_23b03b3f3f1e2ab1")
    bodies = " ".join(element.proto.body for element in at.get("html"))
    assert "Manufacturing &amp; Automation" in bodies


def test_every_chart_has_downloads_and_modebar_png_size():
    at = open_page("model-counts")
    labels = [button.proto.label for button in at.get("download_button")]
    assert labels.count("PNG 1920×1080") == 2 and labels.count("Data (Excel)") == 2
    import json

    config = json.loads(at.get("plotly_chart")[0].proto.config)
    assert config["toImageButtonOptions"] == {
        "format": "png", "filename": "model-counts-by-country", "scale": 1, "width": 1920, "height": 1080,
    }  # fmt: skip


def test_copy_link_and_deck_from_the_sidebar():
    at = open_page("model-counts", countries="KOR,USA")
    assert not at.sidebar.code and not at.sidebar.button  # closed panels send nothing
    at.session_state["link-panel"] = True
    at.session_state["deck-panel"] = True
    at.run()
    (link,) = at.sidebar.code
    assert link.value.endswith("/model-counts?countries=KOR,USA")
    at.sidebar.button[0].click().run()  # Build slide deck
    assert not at.exception
    assert at.session_state["deck-slides"] == 9
    assert at.session_state["deck"][:2] == b"PK"  # a .pptx is a zip


def test_unknown_link_parameters_are_dropped_with_a_notice():
    at = open_page("policy-gaps", foo="bar")
    assert any("Ignored foo in the link" in info.value for info in at.info)
    assert "foo" not in at.query_params
    assert figures(at) and not at.exception


def test_search_link_opens_with_its_query():
    at = open_page("sources", q="sovereign")
    bodies = " ".join(element.proto.body for element in at.get("html"))
    assert '<mark class="hit">Sovereign</mark>' in bodies
    assert at.query_params["q"] == "sovereign"


def test_a_glued_table_row_is_shown_with_the_cells_it_was_read_as():
    at = open_page("sector-adoption", countries="KOR")
    shown = " ".join(html.unescape(element.value) for element in at.markdown)
    assert "“Financial Technology (FinTech)Intermediate AdoptionAdvanced DeploymentAdvanced" in (
        re.sub(r"<[^>]+>", "", shown)
    )
    assert (
        '<div class="cells">Read as: Financial Technology (FinTech) — South Korea: Intermediate '
        "Adoption · United States: Advanced Deployment · China: Advanced Deployment</div>"
    ) in shown
