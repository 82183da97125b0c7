"""Every chart of the app: its data, its figure and its alt text, from one set of datasets.

Pages, the image export and the slide deck all draw a chart through :func:`make_chart`, so they
always agree.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from lib.charts import builders as charts
from lib.charts.citations import reported_period, short_name, source_caption
from lib.charts.plotly_text import inert_figure
from lib.datasets.confirmed_figures import is_confirmed
from lib.reference.codebook import load_levels
from lib.reference.countries import country_sort_key

Datasets = Mapping[str, pd.DataFrame]
QUOTE_COLUMNS = ["source_id", "quote", "quote_start", "quote_end"]


@dataclass
class Chart:
    """A chart ready to show: the data it was drawn from, the figure and its alt text."""

    chart_id: str
    title: str
    data: pd.DataFrame
    figure: go.Figure
    alt: str
    notes: list[str] = field(default_factory=list)
    period: str = ""  # the time frame the numbers refer to, for exports and captions
    # quotes() worked out once (a cached chart brings them along): a copy is handed out.
    known_quotes: pd.DataFrame | None = field(default=None, repr=False, compare=False)

    def quotes(self) -> pd.DataFrame:
        """The distinct source passages behind the chart, in order of first use."""
        if self.known_quotes is not None:
            return self.known_quotes.copy()
        if not set(QUOTE_COLUMNS) <= set(self.data.columns):
            return pd.DataFrame(columns=QUOTE_COLUMNS)
        return (
            self.data[QUOTE_COLUMNS].drop_duplicates(["source_id", "quote"]).reset_index(drop=True)
        )


def quotes_with_cells(
    frame: pd.DataFrame, row_label: str, cell: Callable[[object], str]
) -> pd.DataFrame:
    """The chart's distinct passages, each with ``cells``: how the table row it quotes was read
    (``Sector — South Korea: Intermediate Adoption · United States: ...``), every cell of it.

    A scraped row whose cells were glued together (``FinTechIntermediate AdoptionAdvanced``) or
    never had separators cannot be checked by eye without the cells it was split into.
    """
    if frame.empty or not set(QUOTE_COLUMNS) <= set(frame.columns):
        return pd.DataFrame(columns=[*QUOTE_COLUMNS, "cells"])
    rows = []
    for (source_id, quote), group in frame.groupby(["source_id", "quote"], sort=False):
        first = group.iloc[0]
        cells = " · ".join(cell(row) for row in group.itertuples())
        rows.append(
            {
                "source_id": source_id,
                "quote": quote,
                "quote_start": first.quote_start,
                "quote_end": first.quote_end,
                "cells": f"{first[row_label]} — {cells}",
            }
        )
    return pd.DataFrame(rows)


def figure_from_dict(spec: dict) -> go.Figure:
    """A figure rebuilt from the ``to_dict()`` of a figure plotly has already validated.

    Validation is most of what a plotly figure costs to build or copy (20-30 ms a chart here,
    on every rerun of every page); a dict that came out of a validated figure has nothing left
    to check, so it is taken as it is (plotly's own template loader does the same).
    """
    return go.Figure(spec, _validate=False)


def _describe_groups(
    frame: pd.DataFrame, column: str, describe: Callable[[object], str], joiner: str = ", "
) -> str:
    """Alt-text fragment: ``group: item, item; group: item`` in the frame's own order."""
    return "; ".join(
        f"{key}: " + joiner.join(describe(row) for row in group.itertuples())
        for key, group in frame.groupby(column, sort=False)
    )


def _filter(frame: pd.DataFrame, column: str, keep: Sequence[str] | None) -> pd.DataFrame:
    return frame if keep is None else frame[frame[column].isin(keep)]


def sector_adoption_chart(
    data: Datasets, countries: Sequence[str] | None = None, sectors: Sequence[str] | None = None
) -> Chart:
    """Heatmap of adoption level by sector and country (South Korea first)."""
    frame = _filter(_filter(data["sector_adoption"], "country", countries), "sector", sectors)
    caption = source_caption(frame["source_id"], data["sources"])
    figure = charts.sector_heatmap(frame, caption)
    described = _describe_groups(frame, "sector", lambda r: f"{r.country} {r.level}")
    alt = f"Heatmap of AI adoption level by sector and country. {described}."
    period = reported_period(frame["source_id"], data["sources"])
    rows = _filter(data["sector_adoption"], "sector", sectors)  # each row whole, every country
    cells = quotes_with_cells(rows, "sector", lambda r: f"{r.country}: {_or_missing(r.level)}")
    return Chart(
        "sector-adoption-heatmap", figure.layout.title.text, frame, figure, alt, [], period,
        known_quotes=cells,
    )  # fmt: skip


REST_OF_WORLD = "Rest of world"


def _model_rows(
    data: Datasets, countries: Sequence[str] | None, rest_of_world: bool
) -> pd.DataFrame:
    """The chosen countries, largest first, and optionally the rest of the world's models.

    The rest is derived for what is shown: the world total minus the countries on the chart,
    quoting the passage that gives the world total.
    """
    frame = _filter(data["model_counts"], "country", countries)
    frame = frame.sort_values("models", ascending=False, kind="stable")
    figures = data["key_figures"].set_index("figure_id")
    if rest_of_world and "world_models" in figures.index:
        world = figures.loc["world_models"]
        rest = int(world["value"]) - int(frame["models"].sum())
        row = {
            "country": REST_OF_WORLD,
            "country_iso3": "",
            "models": rest,
            "share_of_world_pct": round(100 * rest / world["value"], 1),
            "provenance": "derived",
            **{column: world[column] for column in QUOTE_COLUMNS},
        }
        frame = pd.concat([frame, pd.DataFrame([row])], ignore_index=True)
    return frame.reset_index(drop=True)


def model_counts_chart(
    data: Datasets, countries: Sequence[str] | None = None, rest_of_world: bool = True
) -> Chart:
    """AI models by country with each one's share of the world total; a derived rest of world."""
    frame = _model_rows(data, countries, rest_of_world)
    figures = data["key_figures"].set_index("figure_id")["value"]
    world = figures.get("world_models")
    caption = source_caption(frame["source_id"], data["sources"])
    figure = charts.model_counts_bar(frame, world, caption)
    described = ", ".join(
        f"{r.country} {r.models}" + (f" ({r.share_of_world_pct:.1f} %)" if world else "")
        for r in frame.itertuples()
    )
    of_world = f", of {world:.0f} released worldwide" if world else ""
    alt = f"Bar chart of AI models by country{of_world}: {described}."
    shown = [c for c in frame["country"] if c != REST_OF_WORLD]
    notes = (
        [f"Rest of world is derived: the {world:.0f} models worldwide minus {', '.join(shown)}."]
        if REST_OF_WORLD in set(frame["country"]) and world
        else []
    )
    return Chart(
        "model-counts-by-country",
        figure.layout.title.text,
        frame,
        figure,
        alt,
        notes,
        _models_period(data),
    )


def _models_period(data: Datasets) -> str:
    """Models released from 2020 to the year the counts refer to ("as of last year")."""
    figures = data["key_figures"].set_index("figure_id")["value"]
    year = figures.get("model_count_year")
    return f"models released 2020 to {year:.0f}" if year else "models released since 2020"


def developers_chart(data: Datasets) -> Chart:
    """South Korea's models by developer."""
    frame = data["korean_models_by_developer"]
    figure = charts.developers_bar(frame, source_caption(frame["source_id"], data["sources"]))
    described = ", ".join(f"{r.developer} {r.models}" for r in frame.itertuples())
    alt = f"Bar chart of South Korea's AI models by developer: {described}."
    return Chart("korean-models-by-developer", figure.layout.title.text, frame, figure, alt, [],
                 _models_period(data))  # fmt: skip


def growth_projections_chart(data: Datasets, focus_areas: Sequence[str] | None = None) -> Chart:
    """Status now and projected growth per AI focus area, on the ordinal outlook scale."""
    frame = _filter(data["growth_projections"], "focus_area", focus_areas)
    figure = charts.growth_dumbbell(frame, source_caption(frame["source_id"], data["sources"]))
    described = _describe_groups(frame, "focus_area", lambda r: f"{r.level} ({r.horizon})", " → ")
    alt = f"Dumbbell chart of AI focus areas from current status to projected growth. {described}."
    period = " and ".join(f"{h}" for h in dict.fromkeys(frame["horizon"]))
    cells = quotes_with_cells(
        frame,
        "focus_area",
        lambda r: (
            f"{r.horizon_label} ({r.horizon}): {_or_missing(r.level)}"
            + (f", {r.detail}" if isinstance(r.detail, str) and r.detail else "")
        ),
    )
    period = f"status and projection: {period}" if period else ""
    return Chart(
        "growth-projections", figure.layout.title.text, frame, figure, alt, [], period,
        known_quotes=cells,
    )  # fmt: skip


def _or_missing(cell: object) -> str:
    return "not stated in the source" if pd.isna(cell) else str(cell)


def policy_gaps_chart(data: Datasets) -> Chart:
    """South Korea's policy framework against global best practice, the missing cell marked."""
    frame = data["policy_gaps"]
    figure = charts.policy_gap_dumbbell(frame, source_caption(frame["source_id"], data["sources"]))
    described = "; ".join(
        f"{r.aspect}: South Korea {_or_missing(r.korea)}, global best practice "
        f"{_or_missing(r.global_best_practice)}"
        for r in frame.itertuples()
    )
    alt = (
        "Dumbbell chart of South Korea's AI policy framework against global best practice. "
        f"{described}."
    )
    period = reported_period(frame["source_id"], data["sources"])
    return Chart("policy-gaps", figure.layout.title.text, frame, figure, alt, [], period)


def key_figures_chart(data: Datasets) -> Chart:
    """The headline percentages the sources state (curated; confirmed figures have their own
    chart, :func:`confirmed_figures_chart`)."""
    figures = data["key_figures"]
    curated = ~is_confirmed(figures)
    frame = figures[
        curated & (figures["unit"] == "%") & (figures["provenance"] == "stated")
    ].reset_index(drop=True)
    figure = charts.key_figures_bar(frame, source_caption(frame["source_id"], data["sources"]))
    described = ", ".join(f"{r.label} {r.display}" for r in frame.itertuples())
    alt = f"Bar chart of headline percentages: {described}."
    period = reported_period(frame["source_id"], data["sources"])
    return Chart("headline-percentages", figure.layout.title.text, frame, figure, alt, [], period)


CONFIRMED_CHART_ID = "confirmed-figures"


def _source_label(sources: pd.DataFrame, source_id: str, limit: int = 40) -> str:
    """A source named short for a bar label; an upload's placeholder publisher is left out."""
    by_id = sources.drop_duplicates("source_id").set_index("source_id")
    if source_id not in by_id.index:
        return source_id
    meta = {"source_id": source_id, **by_id.loc[source_id].to_dict()}
    if str(meta.get("publisher") or "").startswith("unknown"):
        meta["publisher"] = "unknown"
    return short_name(meta, limit)


def confirmed_figures_chart(data: Datasets) -> Chart:
    """The figures the analyst confirmed: one bar chart per unit, each bar named by what it
    counts and its source, the verbatim quotes in the chart's data."""
    figures = data["key_figures"]
    frame = figures[is_confirmed(figures)].reset_index(drop=True)
    sources = data["sources"]
    names = {sid: _source_label(sources, sid) for sid in frame["source_id"].unique()}
    what = [
        label.removesuffix(f" ({unit})") for label, unit in zip(frame["label"], frame["unit"],
                                                                 strict=True)
    ]  # fmt: skip
    bars = frame.assign(
        bar_label=[f"{w} · {names[sid]}" for w, sid in zip(what, frame["source_id"], strict=True)],
        # One axis per unit; durations in days and in years do not share one either.
        axis=[
            f"{unit} ({w})" if unit == "duration" else unit
            for unit, w in zip(frame["unit"], what, strict=True)
        ],
    )
    caption = source_caption(frame["source_id"], sources)
    # Labels are article text and the analyst's typing: plotly shows them as written.
    figure = inert_figure(charts.unit_panels(bars, caption, "Confirmed figures"))
    described = _describe_groups(bars, "axis", lambda r: f"{r.bar_label} {r.display}", "; ")
    alt = f"Bar charts of the figures confirmed from the sources, one per unit. {described}."
    notes = [
        f"Edited by you: {r.label}: {r.basis.removeprefix('Edited by the analyst: ').rstrip('.')}"
        for r in frame.itertuples()
        if r.basis.startswith("Edited by the analyst: ")
    ]
    period = reported_period(frame["source_id"], sources)
    return Chart(CONFIRMED_CHART_ID, "Confirmed figures", frame, figure, alt, notes, period)


def repairs_chart(data: Datasets, repairs: pd.DataFrame) -> Chart:
    """Logged repairs per source and cleaning step (``repairs``: source_id, step, repairs)."""
    caption = source_caption(repairs["source_id"], data["sources"])
    names = {row["source_id"]: short_name(row, 40) for row in data["sources"].to_dict("records")}
    repairs = repairs.assign(source=repairs["source_id"].map(lambda sid: names.get(sid, sid)))
    figure = charts.repairs_bar(repairs, caption)
    described = ", ".join(f"{r.source} {r.step} {r.repairs}" for r in repairs.itertuples())
    alt = f"Stacked bar chart of logged repairs per source by cleaning step: {described}."
    return Chart("repairs-by-source", figure.layout.title.text, repairs, figure, alt)


def codebook_frame() -> pd.DataFrame:
    """The codebook as a table: scale, term, score, meaning."""
    return pd.DataFrame([vars(level) for level in load_levels()])


def codebook_chart() -> Chart:
    """The ordinal codebook."""
    frame = codebook_frame()
    figure = charts.codebook_chart(frame, "Source: data/codebook.toml. Korea AI Policy Dashboard.")
    described = _describe_groups(frame, "scale", lambda r: f"{r.term} {r.score}")
    return Chart("ordinal-codebook", figure.layout.title.text, frame, figure,
                 f"Chart of the ordinal codebook. {described}.")  # fmt: skip


# Each data chart with the datasets it needs rows in, in page order.
CHART_NEEDS: list[tuple[tuple[str, ...], Callable[[Datasets], Chart]]] = [
    (("key_figures",), key_figures_chart),
    (("sector_adoption",), sector_adoption_chart),
    (("model_counts", "key_figures"), model_counts_chart),
    (("korean_models_by_developer",), developers_chart),
    (("growth_projections",), growth_projections_chart),
    (("policy_gaps",), policy_gaps_chart),
]


# Chart id -> what it shows, for pickers that must not build every figure to list them.
CHART_NAMES: dict[str, str] = {
    "headline-percentages": "Headline percentages",
    CONFIRMED_CHART_ID: "Confirmed figures",
    "sector-adoption-heatmap": "AI adoption by sector and country",
    "model-counts-by-country": "AI models by country",
    "korean-models-by-developer": "South Korea's AI models by developer",
    "growth-projections": "Growth projections",
    "policy-gaps": "Policy gaps",
    "repairs-by-source": "Repairs made to each source",
    "ordinal-codebook": "Ordinal codebook",
}


def every_chart(data: Datasets, corpus: object) -> list[Chart]:
    """Every chart the app shows, in page order, in its default view; a chart whose data is
    missing (its source unreadable) is left out."""
    from lib.datasets.repair_summary import repairs_by_step

    charts = [make(data) for needs, make in CHART_NEEDS if all(len(data[name]) for name in needs)]
    if is_confirmed(data["key_figures"]).any():  # the analyst's, under the headline percentages
        charts.insert(1 if charts and charts[0].chart_id == "headline-percentages" else 0,
                      confirmed_figures_chart(data))  # fmt: skip
    repairs = repairs_by_step(corpus)
    if len(repairs):
        charts.append(repairs_chart(data, repairs))
    return [*charts, codebook_chart()]


def all_countries(data: Datasets, dataset: str) -> list[str]:
    """Countries of a dataset, South Korea first."""
    return sorted(data[dataset]["country"].unique(), key=country_sort_key)
