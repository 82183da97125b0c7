"""The team library at 1,000 articles, on SQLite and on PostgreSQL (``python -m bench.library``).

For each database: 1,000 distinct generated articles (``team_articles``: realistic short news
pieces, numbers in the prose, a markdown table in about a third, fixed seed) are added one by one
through ``Library.add`` (the load is timed: total and per article). Then, each against a floor
library holding the 5 bundled articles (plus, for the Sources page, the one article it opens):

- cold start: ``Library.open`` + ``sync_bundled`` + ``rebuild_derived`` (nothing to rebuild),
  what a fresh server process does on its first visitor; a new engine each time;
- warm render of the Library page and of the Sources page opened on one team article
  (AppTest of ``app.py``, one session per library: the first run warms, then the median of 5
  reruns, the floor's and the full library's sessions taking turns);
- adding one article (median of 5 distinct new ones).

SQLite is a file in a temp dir; PostgreSQL is a throwaway server started with
``tests/postgres.py``'s helpers (as the ``postgres`` user when root). Floor and full library
are different URLs, so the app's per-URL caches never mix them. The target is the issue's:
each warm page in ≤ 1.5 s with 1,000 articles.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import os
import pstats
import random
import re
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator

from bench.common import median
from lib.library.config import URL_VARIABLE
from lib.library.store import Library
from lib.reference.paths import REPO_ROOT, sources_dir

ARTICLES = 1000
SEED = 20250611
COLD_RUNS = 5
WARM_RUNS = 5
ADD_RUNS = 5
WARM_TARGET_S = 1.5
VIEWED = 500  # index of the team article the Sources page opens
BY = "bench:library"
APP = REPO_ROOT / "app.py"
PAGES = {"Library": "app_pages/library.py", "Sources": "app_pages/sources.py"}

# --- generated articles -------------------------------------------------------------------------

COMPANIES = [
    "Naver",
    "Kakao",
    "LG AI Research",
    "Samsung SDS",
    "SK Telecom",
    "KT",
    "Upstage",
    "NCSoft",
    "Rebellions",
    "FuriosaAI",
    "Hyundai Motor",
    "Samsung Electronics",
    "SK hynix",
    "Lunit",
    "Vuno",
    "Twelve Labs",
    "Motif Technologies",
    "Konan Technology",
]
OUTLETS = [
    "The Korea Herald",
    "The Korea Times",
    "Yonhap News Agency",
    "Korea JoongAng Daily",
    "BusinessKorea",
    "The Elec",
    "KED Global",
    "Aju Korea Daily",
    "Chosun Biz",
    "ZDNet Korea",
]
SECTORS = [
    "healthcare",
    "manufacturing",
    "finance",
    "retail",
    "logistics",
    "education",
    "public administration",
    "telecommunications",
    "automotive",
    "semiconductors",
]
TOPICS = [
    "sovereign AI",
    "GPU procurement",
    "AI data centres",
    "AI chips",
    "foundation models",
    "AI talent",
    "public-sector AI",
    "AI safety rules",
    "on-device AI",
    "AI in hospitals",
]
AGENCIES = [
    "the Ministry of Science and ICT",
    "the Ministry of Trade, Industry and Energy",
    "the Presidential Committee on AI",
    "the Korea Development Institute",
    "the National IT Industry Promotion Agency",
    "the Bank of Korea",
]
HEADLINES = [
    "{company} bets on {topic} as Seoul widens its AI push",
    "{agency_t} sets out {year} plan for {topic}",
    "Korea's {sector} firms adopt AI faster than expected, survey finds",
    "{company} and {company2} team up on {topic}",
    "Why {topic} matters for Korea's {sector} sector",
    "Seoul earmarks more money for {topic} after a slow {year}",
    "{company} unveils model aimed at {sector} customers",
]
SENTENCES = [
    "{company} said it would invest {won} billion won in {topic} by {year}.",
    "About {pct}% of {sector} companies now use AI in at least one process, up from {pct2}% a "
    "year earlier.",
    "{agency} counted {count} {topic} projects under way, {count2} of them led by start-ups.",
    "The government plans to secure {gpus:,} GPUs by {year}, according to {agency}.",
    "Officials put the budget for {topic} at {won} billion won (about ${usd} million) for next "
    "year.",
    "{company} expects revenue from {topic} to grow {pct} percent a year through {year}.",
    "Analysts at {company2} estimate that {sector} accounts for {pct}% of AI spending in Korea.",
    "The share of {sector} workers trained in AI tools rose by {pp} percentage points.",
    "Korea ranked {rank}th among {count} countries in the latest AI readiness index.",
    "{company} said its new model scored {score} on a Korean-language benchmark, against {score2} "
    "for the previous version.",
    "Critics say the {topic} programme is too small: {won} billion won spread over {count2} "
    "projects.",
    "Industry groups want the rules for {topic} relaxed before {year}.",
    "The {sector} pilot will run for {months} months in {city} before a national roll-out.",
    "{company} employs about {staff:,} people on AI, {pct2}% more than a year ago.",
]
CITIES = ["Seoul", "Busan", "Daejeon", "Gwangju", "Incheon", "Daegu", "Sejong", "Ulsan"]
TABLE_HEADS = [
    ("Year", "Budget (KRW bn)", "Projects"),
    ("Sector", "Adoption (%)", "Change (pp)"),
    ("Company", "AI staff", "Models released"),
]


def _values(rng: random.Random) -> dict[str, object]:
    company, company2 = rng.sample(COMPANIES, 2)
    agency = rng.choice(AGENCIES)
    won = rng.choice([rng.randint(12, 990), rng.randint(1, 9) * 1000 + rng.randint(0, 999)])
    return {
        "company": company, "company2": company2, "agency": agency,
        "agency_t": agency.removeprefix("the ").capitalize(), "sector": rng.choice(SECTORS),
        "topic": rng.choice(TOPICS), "year": rng.randint(2025, 2030), "won": f"{won:,}",
        "usd": f"{won * 0.73:,.0f}", "pct": rng.randint(3, 88), "pct2": rng.randint(2, 60),
        "pp": rng.randint(1, 19), "count": (count := rng.randint(12, 190)),
        "count2": rng.randint(2, min(40, count - 1)),
        "gpus": rng.randint(1, 50) * 1000, "rank": rng.randint(4, 19),
        "score": f"{rng.uniform(55, 92):.1f}", "score2": f"{rng.uniform(40, 80):.1f}",
        "months": rng.randint(3, 24), "city": rng.choice(CITIES), "staff": rng.randint(40, 4000),
    }  # fmt: skip


def _table(rng: random.Random) -> str:
    head = rng.choice(TABLE_HEADS)
    rows = []
    for number in range(rng.randint(3, 6)):
        if head[0] == "Year":
            first = str(2021 + number)
        elif head[0] == "Sector":
            first = SECTORS[(number * 3 + rng.randint(0, 2)) % len(SECTORS)].capitalize()
        else:
            first = COMPANIES[(number * 5 + rng.randint(0, 4)) % len(COMPANIES)]
        second = f"{rng.randint(10, 2500):,}" if head[0] != "Sector" else str(rng.randint(5, 80))
        third = str(rng.randint(1, 60)) if head[0] != "Sector" else f"{rng.uniform(-3, 15):.1f}"
        rows.append(f"| {first} | {second} | {third} |")
    return "\n".join([f"| {' | '.join(head)} |", "|---|---|---|", *rows])


def team_article(index: int) -> tuple[bytes, str, dict[str, str]]:
    """One generated article: its bytes, a file name and the metadata an analyst would give."""
    rng = random.Random(SEED * 100_003 + index)
    values = _values(rng)
    title = rng.choice(HEADLINES).format(**values)
    outlet = rng.choice(OUTLETS)
    published = f"{rng.randint(2024, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    paragraphs = []
    for _ in range(rng.randint(4, 9)):
        sentences = [rng.choice(SENTENCES).format(**_values(rng)) for _ in range(rng.randint(2, 4))]
        paragraphs.append(" ".join(s[0].upper() + s[1:] for s in sentences))
    if index % 3 == 0:
        at = rng.randint(1, len(paragraphs) - 1)
        paragraphs.insert(at, _table(rng))
    byline = f"By staff reporter, {outlet}, {published}"
    text = "\n\n".join([title, byline, *paragraphs]) + "\n"
    meta = {"title": title, "publisher": outlet, "published": published,
            "url": f"https://news.example.kr/ai/{published.replace('-', '/')}/{index:04d}"}  # fmt: skip
    return text.encode("utf-8"), f"team-{index:04d}.md", meta


# --- measurements -------------------------------------------------------------------------------


def _open_synced(url: str) -> Library:
    """Library.open + sync_bundled + rebuild_derived: what a fresh server process does first."""
    library = Library.open(url)
    library.sync_bundled(sources_dir())
    library.rebuild_derived()
    return library


def load(url: str, indices: range) -> dict[str, object]:
    """Add the generated articles one by one through ``Library.add``; time each. Floor: the
    ingest alone (no database), the part of an add the library cannot avoid, timed on every
    10th article just before its add (so a noisy moment hits both)."""
    from lib.datasets.uploads import ingest_upload

    library = _open_synced(url)
    times, floor = [], []
    started = time.perf_counter()
    for index in indices:
        raw, name, meta = team_article(index)
        if index % 10 == 0:
            t0 = time.perf_counter()
            ingest_upload(name, raw)
            floor.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        added = library.add(raw, name, BY, meta)
        times.append(time.perf_counter() - t0)
        assert added.status == "added", (index, added)
    total = time.perf_counter() - started - sum(floor)
    library.engine.dispose()
    return {"total_s": total, "median_s": median(times), "first100_s": median(times[:100]),
            "last100_s": median(times[-100:]), "ingest_s": median(floor)}  # fmt: skip


def cold_start(url: str) -> float:
    """Seconds for a fresh open with nothing to add or rebuild (a new engine each time)."""
    started = time.perf_counter()
    library = Library.open(url)
    added = library.sync_bundled(sources_dir())
    rebuilt = library.rebuild_derived()
    elapsed = time.perf_counter() - started
    library.engine.dispose()
    assert not added and not rebuilt, (added, rebuilt)
    return elapsed


def add_one(urls: dict[str, str], indices: range) -> dict[str, float]:
    """Median seconds to add one new article (each of ``indices`` once), per library, the
    libraries taking turns so a noisy moment hits both."""
    libraries = {kind: Library.open(url) for kind, url in urls.items()}
    times: dict[str, list[float]] = {kind: [] for kind in urls}
    for index in indices:
        raw, name, meta = team_article(index)
        for kind, library in libraries.items():
            started = time.perf_counter()
            assert library.add(raw, name, BY, meta).status == "added"
            times[kind].append(time.perf_counter() - started)
    for library in libraries.values():
        library.engine.dispose()
    return {kind: median(values) for kind, values in times.items()}


def warm_page(
    urls: dict[str, str], page: str, counts: dict[str, int], viewed: str, profile: bool = False
) -> dict[str, float]:
    """Median seconds of a rerun of the page, per library: one AppTest session each, a first
    run to warm it, then reruns taking turns between the sessions."""
    from streamlit.logger import set_log_level
    from streamlit.testing.v1 import AppTest

    set_log_level("error")  # not the bare-mode "missing ScriptRunContext" warnings
    sessions = {}
    for kind, url in urls.items():
        os.environ[URL_VARIABLE] = url  # read by the app on every run
        at = AppTest.from_file(str(APP), default_timeout=180)
        if page == "Sources":
            at.query_params["source"] = viewed
        sessions[kind] = at.switch_page(PAGES[page]).run()
        _check(at, page, counts[kind], viewed)
    times: dict[str, list[float]] = {kind: [] for kind in urls}
    for _ in range(WARM_RUNS):
        for kind, at in sessions.items():
            os.environ[URL_VARIABLE] = urls[kind]
            started = time.perf_counter()
            at.run()
            times[kind].append(time.perf_counter() - started)
    for kind, at in sessions.items():
        _check(at, page, counts[kind], viewed)
    if profile:
        os.environ[URL_VARIABLE] = urls["full"]
        print(f"--- profile: one warm rerun of the {page} page, {counts['full']:,} articles, "
              f"{urls['full'].split(':')[0]}\n{_profiled_run(sessions['full'])}")  # fmt: skip
    return {kind: median(values) for kind, values in times.items()}


def _check(at, page: str, articles: int, viewed: str) -> None:
    """The run rendered the page it should have, with every article, and no error."""
    problems = [e.value for e in at.exception] + [e.value for e in at.error]
    assert not problems, (page, problems)
    if page == "Library":
        assert len(at.dataframe[0].value) == articles, (len(at.dataframe[0].value), articles)
    else:
        assert at.selectbox[0].value == viewed, (at.selectbox[0].value, viewed)


def _profiled_run(at) -> str:
    """cProfile of one rerun, taken in the thread that runs the script (not the test's)."""
    profiler = cProfile.Profile()
    started = []

    def hook(*_args) -> None:
        sys.setprofile(None)
        if threading.current_thread().name == "ScriptRunner.scriptThread" and not started:
            started.append(True)
            profiler.enable()

    threading.setprofile(hook)
    try:
        at.run()
    finally:
        threading.setprofile(None)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    here = re.escape(str(REPO_ROOT))
    stats.sort_stats("cumulative").print_stats(rf"{here}/(ui|app_pages|lib)/|{here}/app\.py", 30)
    stats.sort_stats("tottime").print_stats(15)
    return out.getvalue()


def measure(
    urls: dict[str, str], articles: int = ARTICLES, profile: bool = False
) -> dict[str, object]:
    """Every figure on one database kind: ``urls`` has a ``full`` and a ``floor`` database."""
    full, floor = urls["full"], urls["floor"]
    loaded = load(full, range(articles))
    print(f"  loaded {articles:,} articles in {loaded['total_s']:.1f} s (median add "
          f"{loaded['median_s'] * 1000:.1f} ms, ingest alone {loaded['ingest_s'] * 1000:.1f} ms; "
          f"first 100 {loaded['first100_s'] * 1000:.1f} ms, "
          f"last 100 {loaded['last100_s'] * 1000:.1f} ms)")  # fmt: skip
    _open_synced(floor).engine.dispose()  # the 5 bundled articles
    cold_full, cold_floor = [], []
    for _ in range(COLD_RUNS):  # interleaved, so a noisy moment hits both
        cold_floor.append(cold_start(floor))
        cold_full.append(cold_start(full))
    viewed_raw, viewed_name, viewed_meta = team_article(min(VIEWED, articles - 1))
    floor_library = Library.open(floor)
    viewed = floor_library.add(viewed_raw, viewed_name, BY, viewed_meta).article_id
    viewed_figures = floor_library.article(viewed).figures
    floor_library.engine.dispose()
    result: dict[str, object] = {
        "articles": articles,
        "viewed_figures": viewed_figures,
        "load": loaded,
        "cold": (median(cold_full), median(cold_floor)),
    }
    for page in PAGES:
        warm = warm_page(urls, page, {"full": 5 + articles, "floor": 5 + 1}, viewed, profile)
        result[page] = (warm["full"], warm["floor"])
    added = add_one(urls, range(articles, articles + ADD_RUNS))
    result["add"] = (added["full"], added["floor"])
    for key in ("cold", *PAGES, "add"):
        full_s, floor_s = result[key]
        print(f"  {key}: {full_s:.3f} s, floor {floor_s:.3f} s, {full_s / floor_s:.2f}x")
    return result


@contextlib.contextmanager
def sqlite_urls() -> Iterator[dict[str, str]]:
    with tempfile.TemporaryDirectory(prefix="bench-library-") as tmp:
        yield {kind: f"sqlite:///{tmp}/{kind}.sqlite3" for kind in ("full", "floor")}


@contextlib.contextmanager
def postgres_urls() -> Iterator[dict[str, str]]:
    """A throwaway PostgreSQL server (tests/postgres.py) with a ``full`` and a ``floor`` database."""
    import psycopg

    from tests.postgres import start_postgres_server, stop_postgres_server

    server = start_postgres_server()
    try:
        with psycopg.connect(host=server.host, port=server.port, user=server.user,
                             dbname="postgres", autocommit=True) as connection:  # fmt: skip
            for kind in ("full", "floor"):
                connection.execute(f"CREATE DATABASE bench_{kind}")
        yield {kind: server.url(f"bench_{kind}") for kind in ("full", "floor")}
    finally:
        stop_postgres_server(server)


def _dispose_app_libraries() -> None:
    """Close the connections the app's cached libraries hold (before their server stops)."""
    import streamlit as st

    st.cache_resource.clear()
    st.cache_data.clear()


BACKENDS: dict[str, Callable[[], contextlib.AbstractContextManager[dict[str, str]]]] = {
    "SQLite": sqlite_urls,
    "PostgreSQL": postgres_urls,
}


def run(profile: bool = False, articles: int = ARTICLES) -> dict[str, dict[str, object]]:
    """Every figure on SQLite and on PostgreSQL."""
    results = {}
    before = os.environ.get(URL_VARIABLE)
    try:
        for name, urls in BACKENDS.items():
            print(f"{name}:")
            started = time.perf_counter()
            with urls() as found:
                try:
                    results[name] = measure(found, articles, profile)
                finally:
                    _dispose_app_libraries()
            print(f"  ({time.perf_counter() - started:.0f} s)")
    finally:
        if before is None:
            os.environ.pop(URL_VARIABLE, None)
        else:
            os.environ[URL_VARIABLE] = before
    print(table(results))
    return results


FIGURES = {
    "cold": "library cold start (open + sync + rebuild)",
    "Library": "Library page, warm rerun",
    "Sources": "Sources page on a team article ({figures} figures), warm rerun",
    "add": "add one article",
}


def rows(results: dict[str, dict[str, object]]) -> list[list[str]]:
    """One row per figure: both databases' seconds, floors and ratios, target and verdict."""
    out = []
    figures = next(iter(results.values()))["viewed_figures"]
    for key, label in FIGURES.items():
        cells = [label.format(figures=figures)]
        met = []
        for name in BACKENDS:
            full_s, floor_s = results[name][key]
            cells += [f"{full_s:.3f}", f"{floor_s:.3f}", f"{full_s / floor_s:.2f}×"]
            met.append(full_s <= WARM_TARGET_S)
        if key in PAGES:
            cells += [f"≤ {WARM_TARGET_S} s", "met" if all(met) else "**missed**"]
        else:
            cells += ["—", ""]
        out.append(cells)
    return out


HEADER = ["figure", "SQLite s", "floor s", "×", "PostgreSQL s", "floor s", "×",
          "target", "met?"]  # fmt: skip


def table(results: dict[str, dict[str, object]]) -> str:
    """The figures as a Markdown table, plus the load line for each database."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(row) + " |" for row in rows(results)]
    lines.append("")
    for name, result in results.items():
        load_ = result["load"]
        lines.append(f"- {name}: loading {result['articles']:,} articles one `Library.add` at a "
                     f"time took {load_['total_s']:.1f} s; median add {load_['median_s'] * 1000:.1f} ms"
                     f" = {load_['median_s'] / load_['ingest_s']:.2f}× the ingest alone "
                     f"({load_['ingest_s'] * 1000:.1f} ms); the last 100 adds "
                     f"{load_['last100_s'] / load_['first100_s']:.2f}× the first 100 "
                     f"({load_['last100_s'] * 1000:.1f} / {load_['first100_s'] * 1000:.1f} ms).")  # fmt: skip
    return "\n".join(lines)


def markdown(results: dict[str, dict[str, object]]) -> str:
    """The RESULTS.md section."""
    return "\n".join([
        "",
        f"## 8. Team library at {next(iter(results.values()))['articles']:,} articles (`python -m bench.library`)",
        "",
        "Floor: the same figure on a library holding the 5 bundled articles (plus, for the pages,",
        "the one team article Sources opens). Warm: median of 5 reruns in one AppTest session",
        "(server-side render, no browser). Cold start: `Library.open` + `sync_bundled` +",
        "`rebuild_derived` with nothing to do, median of 5. Add: median of 5 new articles.",
        "",
        table(results),
        "",
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.library", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also print a cProfile of one warm rerun of each page at 1,000 articles",
    )
    parser.add_argument("--articles", type=int, default=ARTICLES,
                        help="library size (a smaller one for a quick check)")  # fmt: skip
    started = time.perf_counter()
    args = parser.parse_args(argv)
    run(args.profile, args.articles)
    print(f"bench.library: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
