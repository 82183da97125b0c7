"""Page time-to-chart (cold and warm) and server memory, in a real browser.

Time-to-chart runs from navigation to the page's own plotly chart being visible (found by its
alt text). Cold: a fresh server and a fresh browser context each run. Warm: page switches by
the sidebar inside one session. The floor is ``bench/floor_app.py``, one plotly bar chart,
measured the same way in the same run. Every loop is bounded in count and time.
"""

from __future__ import annotations

import time

from playwright.sync_api import sync_playwright

from bench.common import median, peak_rss_mb
from tests.browser.server import CHROMIUM, CHROMIUM_ARGS, streamlit_server_process

RUNS = 5
COLD_RUNS = 5  # rounds, each a fresh server per app and page: median of 5
# url path -> the start of its first chart's alt text
CHART_PAGES = {
    "": "Bar chart of headline percentages",
    "sector-adoption": "Heatmap of AI adoption",
    "model-counts": "Bar chart of AI models by country",
    "growth-projections": "Dumbbell chart of AI focus areas",
    "policy-gaps": "Dumbbell chart of South Korea's AI policy",
}
FLOOR = ("bench/floor_app.py", "", "Floor bar chart")
# The same chart drawn from a pandas DataFrame: what importing pandas alone costs in memory.
PANDAS_FLOOR = ("bench/floor_pandas_app.py", "", "Floor bar chart")
VISITORS = (1, 5, 10, 20)
VISIT_TIMEOUT_MS = 60_000
LOAD_DEADLINE_S = 120


def chart_selector(alt_prefix: str) -> str:
    return f'[data-testid="stPlotlyChart"][aria-label^="{alt_prefix}"] .main-svg'


def _cold_once(browser, script: str, path: str, alt: str) -> tuple[float, float]:
    """Seconds to chart on a fresh server and context, and the server's peak memory after.

    Served by a plain ``streamlit run`` (as Community Cloud and containers run it), so nothing
    is imported before the first visitor."""
    with streamlit_server_process(script, plain=True) as (base, process):
        context = browser.new_context()
        page = context.new_page()
        started = time.perf_counter()
        page.goto(f"{base}/{path}", wait_until="commit")
        page.wait_for_selector(chart_selector(alt), state="visible", timeout=VISIT_TIMEOUT_MS)
        elapsed = time.perf_counter() - started
        memory = peak_rss_mb(process.pid)
        context.close()
    return elapsed, memory


FLOOR_PAGES = (  # bench/floor_four_pages: url path -> the start of its chart's alt text
    ("two", "Floor page two"),
    ("three", "Floor page three"),
    ("four", "Floor page four"),
    ("", "Floor page one"),
)


def _switch(page, path: str, alt: str) -> float:
    """Seconds from a click on the sidebar link to ``path`` to its chart being visible."""
    link = page.locator(f'[data-testid="stSidebarNav"] a[href$="/{path}"]').first
    started = time.perf_counter()
    link.click()
    page.wait_for_selector(chart_selector(alt), state="visible", timeout=VISIT_TIMEOUT_MS)
    return time.perf_counter() - started


def warm_floor(browser) -> list[float]:
    """Warm page switches of the four-page floor (one plotly bar chart a page), the same way."""
    with streamlit_server_process("bench/floor_four_pages/app.py") as (base, _):
        context = browser.new_context()
        page = context.new_page()
        page.goto(base)
        page.wait_for_selector(chart_selector("Floor page one"), timeout=VISIT_TIMEOUT_MS)
        times = [_switch(page, path, alt) for _ in range(RUNS) for path, alt in FLOOR_PAGES]
        context.close()
    return times


def run_cold_and_warm() -> dict[str, object]:
    """Cold time-to-chart per page and for the floor; warm page switches; peak memory."""
    results: dict[str, object] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # Side by side: each round runs the floor, then every page, so a slow spell of the
        # machine (the floor alone swings 3.2-4.7 s between runs) weighs on both alike.
        floor_runs: list[tuple[float, float]] = []
        page_runs: dict[str, list[float]] = {path: [] for path in CHART_PAGES}
        for _ in range(COLD_RUNS):
            floor_runs.append(_cold_once(browser, FLOOR[0], FLOOR[1], FLOOR[2]))
            for path, alt in CHART_PAGES.items():
                page_runs[path].append(_cold_once(browser, "app.py", path, alt)[0])
        floor = median([t for t, _ in floor_runs])
        results["floor_cold_s"] = floor
        results["floor_memory_mb"] = max(m for _, m in floor_runs)
        results["pandas_floor_memory_mb"] = _cold_once(browser, *PANDAS_FLOOR)[1]
        print(f"floor app: cold time-to-chart median {floor:.2f} s")
        cold = {}
        for path, runs in page_runs.items():
            name = path or "overview"
            cold[name] = median(runs)
            print(f"cold /{path}: median {cold[name]:.2f} s = {cold[name] / floor:.2f}x floor")
        results["cold_s"] = cold
        with streamlit_server_process("app.py") as (base, process):
            context = browser.new_context()
            page = context.new_page()
            page.goto(base)
            page.wait_for_selector(
                chart_selector(CHART_PAGES[""]), state="visible", timeout=VISIT_TIMEOUT_MS
            )
            switches: dict[str, list[float]] = {path or "overview": [] for path in CHART_PAGES}
            order = [*list(CHART_PAGES)[1:], ""]
            for _ in range(RUNS):
                for path in order:
                    switches[path or "overview"].append(_switch(page, path, CHART_PAGES[path]))
            for path in (
                "sources",
                "add-source",
                "methodology",
            ):  # every page, for the memory figure
                page.goto(f"{base}/{path}")
                page.wait_for_selector('[data-testid="stMain"] h1', timeout=VISIT_TIMEOUT_MS)
            results["warm_s"] = {path: median(runs) for path, runs in switches.items()}
            all_switches = [t for runs in switches.values() for t in runs]
            results["warm_median_s"] = median(all_switches)
            results["app_memory_mb"] = peak_rss_mb(process.pid)
            context.close()
        results["floor_warm_median_s"] = median(warm_floor(browser))
        print(
            f"warm page switch: median {results['warm_median_s']:.2f} s over {len(all_switches)} "
            f"switches; the four-page floor {results['floor_warm_median_s']:.2f} s"
        )
        print(f"peak server memory: app {results['app_memory_mb']:.0f} MB after every page, "
              f"floor {results['floor_memory_mb']:.0f} MB, "
              f"floor with pandas {results['pandas_floor_memory_mb']:.0f} MB")  # fmt: skip
        browser.close()
    return results
