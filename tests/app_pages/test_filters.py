"""URL-linked filters keep every change, in any order: widget, chart and link always agree."""

from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import APP, figures, open_page


def model_bars(at) -> list[str]:
    return [trace["x"][0] for trace in figures(at)[0]["data"]]


def test_model_counts_keeps_every_change_in_a_row():
    at = open_page("model-counts")
    countries = at.multiselect(key="linked-countries")
    steps = [
        ("unselect", "France", ["United States", "China", "South Korea"], "KOR,USA,CHN"),
        ("unselect", "China", ["United States", "South Korea"], "KOR,USA"),
        ("unselect", "United States", ["South Korea"], "KOR"),
        ("select", "China", ["China", "South Korea"], "KOR,CHN"),  # re-add a removed value
        ("select", "France", ["China", "South Korea", "France"], "KOR,CHN,FRA"),
    ]
    for action, country, shown, link in steps:
        getattr(countries, action)(country).run()
        countries = at.multiselect(key="linked-countries")
        assert sorted(countries.value) == sorted(shown), (action, country)
        assert at.query_params["countries"] == link, (action, country)
        # The rest-of-world bar stays as the analyst left it (on, from the full view).
        assert model_bars(at) == [*shown_in_chart_order(shown), "Rest of world"], (action, country)
    assert at.checkbox(key="rest-of-world").value is True


def shown_in_chart_order(countries: list[str]) -> list[str]:
    order = ["United States", "China", "South Korea", "France"]
    return [c for c in order if c in countries]


def test_rest_of_world_choice_survives_filter_changes():
    at = open_page("model-counts", countries="KOR,USA,CHN")
    assert model_bars(at) == ["United States", "China", "South Korea"]  # a subset opens without it
    at.checkbox(key="rest-of-world").check().run()
    at.multiselect(key="linked-countries").unselect("China").run()
    assert model_bars(at) == ["United States", "South Korea", "Rest of world"]
    assert at.query_params["countries"] == "KOR,USA"


def test_sector_adoption_keeps_every_change_of_both_filters():
    at = open_page("sector-adoption")
    first = figures(at)[0]["data"][0]
    all_countries, all_sectors = list(first["x"]), list(first["y"])
    assert len(all_countries) >= 3 and len(all_sectors) >= 3
    countries = at.multiselect(key="linked-countries")
    countries.unselect(all_countries[0]).run()
    at.multiselect(key="linked-countries").unselect(all_countries[1]).run()
    at.multiselect(key="linked-sectors").unselect(all_sectors[0]).run()
    at.multiselect(key="linked-countries").select(all_countries[0]).run()
    heatmap = figures(at)[0]["data"][0]
    expected_countries = [all_countries[0], *all_countries[2:]]
    assert sorted(heatmap["x"]) == sorted(expected_countries)
    assert sorted(heatmap["y"]) == sorted(all_sectors[1:])
    assert sorted(at.multiselect(key="linked-countries").value) == sorted(expected_countries)
    assert len(at.query_params["countries"].split(",")) == len(expected_countries)
    assert len(at.query_params["sectors"].split(",")) == len(all_sectors) - 1


def test_growth_projections_keeps_every_change():
    at = open_page("growth-projections")
    areas = list(at.multiselect(key="linked-areas").options)
    assert len(areas) == 3
    at.multiselect(key="linked-areas").unselect(areas[0]).run()
    at.multiselect(key="linked-areas").unselect(areas[1]).run()
    assert at.multiselect(key="linked-areas").value == [areas[2]]
    at.multiselect(key="linked-areas").select(areas[0]).run()
    assert sorted(at.multiselect(key="linked-areas").value) == sorted([areas[0], areas[2]])
    assert len(at.query_params["areas"].split(",")) == 2


def test_a_page_switch_between_two_country_filters_opens_the_new_page_on_its_own_choices():
    at = AppTest.from_file(str(APP), default_timeout=90).run()
    at.switch_page("app_pages/sector_adoption.py").run()
    assert at.multiselect(key="linked-countries").options == [
        "South Korea",
        "United States",
        "China",
    ]
    at.switch_page("app_pages/model_counts.py").run()  # the sidebar: no link parameters
    countries = at.multiselect(key="linked-countries")
    assert "France" in countries.options
    assert countries.value  # it used to open empty, with no chart of models by country
    assert set(countries.value) <= set(countries.options)
    assert len(figures(at)) == 2  # models by country, and Korea's by developer


def test_rest_of_world_choice_travels_in_the_link():
    at = open_page("model-counts", countries="KOR,USA")
    assert "rest" not in at.query_params  # a subset opens without it: the default, not named
    at.checkbox(key="rest-of-world").check().run()
    assert at.query_params["rest"] == "on"
    copied = dict(at.query_params)
    again = open_page("model-counts", **copied)  # a colleague opens the copied link
    assert again.checkbox(key="rest-of-world").value is True
    assert model_bars(again) == ["United States", "South Korea", "Rest of world"]
    full = open_page("model-counts", rest="off")  # every country, the bar turned off
    assert "Rest of world" not in model_bars(full)
    assert full.query_params["rest"] == "off"
    full.checkbox(key="rest-of-world").check().run()  # back to the default for every country
    assert "rest" not in full.query_params


def test_a_rest_of_world_value_that_is_not_on_or_off_gets_a_notice_and_the_default():
    at = open_page("model-counts", countries="KOR,USA", rest="maybe")
    assert any("rest=maybe" in info.value for info in at.info)
    assert at.checkbox(key="rest-of-world").value is False
    assert "rest" not in at.query_params
