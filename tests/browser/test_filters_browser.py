"""Several filter changes in a row, in a real browser: chips, chart and link always agree.

Before the fix, every second change was lost: the multiselect took its default from the URL and
had no key, so each URL change gave it a new identity and the next click reset it.
"""

from tests.browser.conftest import PLOTLY

MAIN = '[data-testid="stMain"]'


def chips(page, index: int = 0) -> list[str]:
    box = page.locator(f'{MAIN} [data-testid="stMultiSelect"]').nth(index)
    return sorted(t.strip() for t in box.locator("[data-tag] > span[title]").all_inner_texts())


def wait_for_link(page, parameter: str, codes: list[str]) -> None:
    """Wait until the address bar carries exactly ``codes`` for ``parameter``."""
    page.wait_for_function(
        """([parameter, wanted]) => {
            const value = new URL(window.location.href).searchParams.get(parameter) || "";
            return value.split(",").filter(Boolean).sort().join(",") === wanted;
        }""",
        arg=[parameter, ",".join(sorted(codes))],
        timeout=30_000,
    )


def ticks(page, axis: str) -> list[str]:
    chart = page.locator(".js-plotly-plot").first
    chart.locator(f".{axis}tick text").first.wait_for(state="visible", timeout=30_000)
    return sorted(chart.locator(f".{axis}tick text").all_text_contents())


def remove(page, label: str, index: int = 0) -> None:
    box = page.locator(f'{MAIN} [data-testid="stMultiSelect"]').nth(index)
    box.get_by_role("button", name=f"Remove {label}").click()


def add(page, label: str, index: int = 0) -> None:
    box = page.locator(f'{MAIN} [data-testid="stMultiSelect"]').nth(index)
    box.get_by_role("combobox").click()
    page.get_by_role("option", name=label, exact=True).click()
    page.keyboard.press("Escape")


def settle(page, expected_ticks: list[str], axis: str) -> None:
    page.wait_for_function(
        """([axis, wanted]) => {
            const chart = document.querySelector('.js-plotly-plot');
            if (!chart) return false;
            const got = [...chart.querySelectorAll('.' + axis + 'tick text')]
                .map(t => t.textContent).sort().join('|');
            return got === wanted;
        }""",
        arg=[axis, "|".join(sorted(expected_ticks))],
        timeout=30_000,
    )


def test_model_counts_keeps_each_of_several_changes(warm_app, page):
    page.goto(f"{warm_app}/model-counts")
    page.wait_for_selector(PLOTLY, state="visible", timeout=60_000)
    steps = [
        (remove, "France", ["China", "South Korea", "United States"], ["KOR", "USA", "CHN"]),
        (remove, "China", ["South Korea", "United States"], ["KOR", "USA"]),
        (add, "China", ["China", "South Korea", "United States"], ["KOR", "USA", "CHN"]),
        (remove, "United States", ["China", "South Korea"], ["KOR", "CHN"]),
    ]
    for action, label, shown, codes in steps:
        action(page, label)
        wait_for_link(page, "countries", codes)
        settle(page, [*shown, "Rest of world"], "x")
        assert chips(page) == shown, (action.__name__, label)
        assert ticks(page, "x") == sorted([*shown, "Rest of world"]), (action.__name__, label)


def test_sector_adoption_keeps_changes_to_both_filters(warm_app, page):
    page.goto(f"{warm_app}/sector-adoption?countries=KOR,USA,CHN")
    page.wait_for_selector(PLOTLY, state="visible", timeout=60_000)
    assert chips(page, 0) == ["China", "South Korea", "United States"]
    remove(page, "China", 0)
    wait_for_link(page, "countries", ["KOR", "USA"])
    remove(page, "United States", 0)
    wait_for_link(page, "countries", ["KOR"])
    add(page, "China", 0)
    wait_for_link(page, "countries", ["KOR", "CHN"])
    settle(page, ["South Korea", "China"], "x")
    assert chips(page, 0) == ["China", "South Korea"]


def test_growth_projections_keeps_each_change(warm_app, page):
    page.goto(f"{warm_app}/growth-projections")
    page.wait_for_selector(PLOTLY, state="visible", timeout=60_000)
    areas = chips(page)
    assert len(areas) == 3
    remove(page, areas[0])
    remove_wait = [a for a in areas if a != areas[0]]
    page.wait_for_function(
        "n => new URL(location.href).searchParams.get('areas').split(',').length === n",
        arg=2,
        timeout=30_000,
    )
    remove(page, remove_wait[0])
    page.wait_for_function(
        "n => new URL(location.href).searchParams.get('areas').split(',').length === n",
        arg=1,
        timeout=30_000,
    )
    assert chips(page) == [remove_wait[1]]
    add(page, areas[0])
    page.wait_for_function(
        "n => new URL(location.href).searchParams.get('areas').split(',').length === n",
        arg=2,
        timeout=30_000,
    )
    assert chips(page) == sorted([areas[0], remove_wait[1]])
