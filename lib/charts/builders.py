"""Chart builders: a tidy DataFrame in, a plotly Figure out.

The same function feeds the page, the image export and the slide deck, so every figure carries
its own source caption ("Source: ...") inside the image.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from lib.reference.codebook import load_levels, scale_labels
from lib.reference.countries import country_colour, country_sort_key

FONT = "Noto Sans, Noto Sans CJK KR, Arial, sans-serif"
# Sequential blues (ColorBrewer's, the second lightened from #6baed6), distinguishable with
# colour-blindness. Plotly writes cell text in #444 on a light cell and white on a dark one: each
# step gives its text at least 4.5:1 (ColorBrewer's #6baed6 gave #444 only 4.0:1).
ORDINAL_COLOURS = ["#c6dbef", "#8cc0e1", "#2171b5", "#08306b"]
KOREA_COLOUR = country_colour("South Korea")
BENCHMARK_COLOUR = "#E69F00"
# Characters per caption line: the plot area of a chart in a 3/5 column of a 1440 px page, at
# 11 px, after the widest axis labels (growth projections); a 1920x1080 export has room to spare.
CAPTION_WIDTH = 72


def wrap(text: str, width: int = CAPTION_WIDTH) -> str:
    """Wrap text for a plotly label (``<br>`` line breaks)."""
    return "<br>".join(textwrap.wrap(text, width, break_long_words=False)) or text


def finish_layout(
    figure: go.Figure, title: str, caption: str, height: int, axis_space: int = 45
) -> go.Figure:
    """Shared layout: title, legend on top, source caption inside the figure under the x axis.

    ``axis_space`` is the room (px) the x axis needs below the plot for its labels and title.
    """
    caption_lines = wrap(caption).count("<br>") + 1
    bottom = axis_space + 24 + 15 * caption_lines
    legend_entries = sum(1 for trace in figure.data if trace.showlegend is not False and trace.name)
    top = 70 + 20 * legend_entries  # a narrow chart stacks its legend entries, one per row
    figure.update_layout(
        template="plotly_white",
        title={"text": title, "x": 0.01, "xanchor": "left", "y": 0.98, "yanchor": "top",
               "font": {"size": 18}},
        font={"family": FONT, "size": 13},
        height=height + bottom + top - 90,
        margin={"l": 20, "r": 30, "t": top, "b": bottom},
        legend={"orientation": "h", "y": 1.01, "x": 0, "yanchor": "bottom"},
    )  # fmt: skip
    figure.add_annotation(
        text=wrap(caption),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-axis_space - 12,
        xanchor="left",
        yanchor="top",
        align="left",
        showarrow=False,
        # No colour of its own: the caption takes the text colour of the page's theme (light or
        # dark) and of the export template; a fixed grey failed WCAG contrast on a dark page.
        font={"size": 11},
    )
    return figure


def scale_ticks(scale: str) -> tuple[list[int], list[str]]:
    """Tick values and labels for an ordinal scale: ``2`` -> ``Intermediate / Moderate``."""
    by_score: dict[int, list[str]] = {}
    for level in load_levels():
        if level.scale == scale:
            by_score.setdefault(level.score, []).append(level.term)
    scores = sorted(by_score)
    return scores, [" / ".join(by_score[score]) for score in scores]


def sector_heatmap(frame: pd.DataFrame, caption: str) -> go.Figure:
    """Adoption level by sector (rows) and country (columns), the level text in each cell."""
    countries = sorted(frame["country"].unique(), key=country_sort_key)
    sectors = list(dict.fromkeys(frame["sector"]))
    grid = frame.pivot_table(
        index="sector", columns="country", values="level_score", aggfunc="first"
    )
    labels = frame.pivot_table(index="sector", columns="country", values="level", aggfunc="first")
    grid = grid.reindex(index=sectors, columns=countries)
    labels = labels.reindex(index=sectors, columns=countries).fillna("not stated")
    ticks, tick_text = scale_ticks("adoption")
    steps = len(ORDINAL_COLOURS)
    colourscale = [
        [edge, ORDINAL_COLOURS[min(int(i), steps - 1)]]
        for i in range(steps)
        for edge in (i / steps, (i + 1) / steps)
    ]
    figure = go.Figure(
        go.Heatmap(
            z=grid.to_numpy(dtype=float),
            x=countries,
            y=[wrap(sector, 24) for sector in sectors],
            text=labels.map(lambda s: wrap(s, 12)).to_numpy(),
            texttemplate="%{text}",
            textfont={"size": 12},
            customdata=labels.to_numpy(),
            hovertemplate="%{y}<br>%{x}: %{customdata} (score %{z})<extra></extra>",
            colorscale=colourscale,
            zmin=min(ticks) - 0.5,
            zmax=max(ticks) + 0.5,
            xgap=3,
            ygap=3,
            showscale=False,  # each cell names its level; darker is further along
        )
    )
    figure.update_xaxes(side="top", tickfont={"size": 14}, tickangle=0)
    figure.update_yaxes(autorange="reversed", tickfont={"size": 13})
    scale = " < ".join(tick_text)
    figure.add_annotation(
        text=wrap(f"Darker = further along: {scale}"), xref="paper", yref="paper", x=0, y=0,
        yshift=-8, xanchor="left", yanchor="top", showarrow=False, font={"size": 11}, align="left",
    )  # fmt: skip
    return finish_layout(
        figure, "AI adoption by sector and country", caption, 110 * len(sectors), 45
    )


def model_counts_bar(frame: pd.DataFrame, world_total: float | None, caption: str) -> go.Figure:
    """AI models by country, each bar labelled with its share of the models released worldwide."""
    figure = go.Figure()
    for row in frame.itertuples():
        is_derived = row.provenance == "derived"
        figure.add_trace(
            go.Bar(
                x=[row.country],
                y=[row.models],
                name=row.country,
                marker={
                    "color": country_colour(row.country),
                    "pattern": {"shape": "/" if is_derived else ""},
                },
                text=[
                    f"{row.models} ({row.share_of_world_pct:.1f} %)"
                    if pd.notna(row.share_of_world_pct)
                    else f"{row.models}"
                ],
                textposition="outside",
                cliponaxis=False,
                hovertemplate=f"{row.country}: %{{y}} models"
                f"{' (derived)' if is_derived else ''}<extra></extra>",
                showlegend=False,
            )
        )
    subtitle = f" of {world_total:.0f} worldwide" if world_total else ""
    figure.update_yaxes(title="AI models", rangemode="tozero")
    figure.update_layout(uniformtext={"minsize": 11}, bargap=0.35)
    top = frame["models"].max() if len(frame) else 1
    figure.update_yaxes(range=[0, top * 1.15])
    return finish_layout(figure, f"AI models by country (share{subtitle})", caption, 380)


def developers_bar(frame: pd.DataFrame, caption: str) -> go.Figure:
    """South Korea's AI models by developer, largest first."""
    ordered = frame.sort_values("models")
    figure = go.Figure(
        go.Bar(
            x=ordered["models"],
            y=ordered["developer"],
            orientation="h",
            marker={"color": KOREA_COLOUR},
            text=ordered["models"],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x} models<extra></extra>",
        )
    )
    figure.update_xaxes(title="AI models", dtick=1, range=[0, ordered["models"].max() + 1])
    total = int(frame["models"].sum())
    title = f"South Korea's {total} AI models by developer"
    return finish_layout(figure, title, caption, 60 + 45 * len(frame))


def _inward(row: tuple, score_index: int, low: float, high: float) -> str:
    """Anchor a dumbbell label so that it runs into the wider side of the plot (``low`` to
    ``high`` is the axis range), never off it and never over the axis labels."""
    score = row[score_index]
    return "right" if high - score >= score - low else "left"


def _dumbbell(
    rows: list[tuple[str, float | None, str, float | None, str]],
    names: tuple[str, str],
    colours: tuple[str, str],
    scale: str,
    title: str,
    caption: str,
) -> go.Figure:
    """Two ordinal values per category joined by a line; a missing value is marked, not drawn."""
    figure = go.Figure()
    ticks, tick_text = scale_ticks(scale)
    x_range = (min(ticks) - 0.5, max(ticks) + 0.6)
    categories = [wrap(row[0], 28) for row in rows]
    for category, row in zip(categories, rows, strict=True):
        first, second = row[1], row[3]
        if first is not None and second is not None:
            figure.add_trace(
                go.Scatter(
                    x=[first, second],
                    y=[category, category],
                    mode="lines",
                    line={"color": "#9e9e9e", "width": 4},
                    showlegend=False,
                    hoverinfo="skip",
                )
            )
    for position, (name, colour) in enumerate(zip(names, colours, strict=True)):
        score_index, text_index = (1, 2) if position == 0 else (3, 4)
        present = [
            (c, r) for c, r in zip(categories, rows, strict=True) if r[score_index] is not None
        ]
        vertical = "top" if position == 0 else "bottom"
        figure.add_trace(
            go.Scatter(
                x=[r[score_index] for _, r in present],
                y=[c for c, _ in present],
                mode="markers+text",
                name=name,
                marker={
                    "size": 18,
                    "color": colour,
                    "symbol": "circle" if position == 0 else "diamond",
                },
                text=[wrap(r[text_index], 32) for _, r in present],
                textposition=[
                    f"{vertical} {_inward(r, score_index, *x_range)}" for _, r in present
                ],
                textfont={"size": 11},
                customdata=[r[text_index] for _, r in present],
                hovertemplate=f"%{{y}}<br>{name}: %{{customdata}}<extra></extra>",
            )
        )
        missing = [c for c, r in zip(categories, rows, strict=True) if r[score_index] is None]
        if missing:
            figure.add_trace(
                go.Scatter(
                    x=[max(scale_ticks(scale)[0]) + 0.45] * len(missing),
                    y=missing,
                    mode="markers+text",
                    name=f"{name}: not stated in the source",
                    marker={"size": 16, "color": colour, "line": {"color": colour, "width": 3},
                            "symbol": "x-thin-open"},
                    text=["missing in source"] * len(missing),
                    textposition="middle left",
                    textfont={"size": 11},
                    hovertemplate=f"%{{y}}<br>{name}: not stated in the source<extra></extra>",
                )
            )  # fmt: skip
    figure.update_xaxes(
        tickvals=ticks,
        ticktext=[wrap(t, 16) for t in tick_text],
        range=list(x_range),
        title=scale_labels()[scale],
        showgrid=True,
    )
    figure.update_yaxes(
        categoryorder="array",
        categoryarray=categories,
        range=[len(categories) - 0.35, -0.65],  # reversed, with room for the labels above and below
    )
    return finish_layout(figure, title, caption, 120 + 130 * len(rows), axis_space=110)


def growth_dumbbell(frame: pd.DataFrame, caption: str) -> go.Figure:
    """Each focus area's status now and its projected growth, on the ordinal outlook scale."""
    horizons = frame.sort_values("horizon_order")["horizon"].unique().tolist()
    first, last = horizons[0], horizons[-1]
    labels = frame.drop_duplicates("horizon").set_index("horizon")["horizon_label"]
    rows = []
    for area, group in frame.groupby("focus_area", sort=False):
        by = group.set_index("horizon")

        def cell(horizon: str, by: pd.DataFrame = by) -> tuple[float | None, str]:
            if horizon not in by.index or pd.isna(by.loc[horizon, "level_score"]):
                return None, ""
            level, detail = by.loc[horizon, "level"], by.loc[horizon, "detail"]
            return float(by.loc[horizon, "level_score"]), f"{level}: {detail}" if detail else level

        rows.append((area, *cell(first), *cell(last)))
    names = (f"{labels[first]} ({first})", f"{labels[last]} ({last})")
    title = f"AI focus areas: {labels[first].lower()} {first} → {labels[last].lower()} {last}"
    return _dumbbell(rows, names, ("#56B4E9", KOREA_COLOUR), "outlook", title, caption)


def policy_gap_dumbbell(frame: pd.DataFrame, caption: str) -> go.Figure:
    """South Korea's framework against global best practice, per policy aspect."""
    rows = [
        (
            row.aspect,
            None if pd.isna(row.korea_score) else float(row.korea_score),
            "" if pd.isna(row.korea) else row.korea,
            None
            if pd.isna(row.global_best_practice_score)
            else float(row.global_best_practice_score),
            "" if pd.isna(row.global_best_practice) else row.global_best_practice,
        )
        for row in frame.itertuples()
    ]
    names = ("South Korean framework", "Global best practice")
    title = "AI policy: South Korea vs global best practice"
    return _dumbbell(rows, names, (KOREA_COLOUR, BENCHMARK_COLOUR), "policy", title, caption)


def key_figures_bar(frame: pd.DataFrame, caption: str) -> go.Figure:
    """Headline percentages side by side (the share figures of the overview)."""
    shares = frame[frame["unit"] == "%"]
    figure = go.Figure(
        go.Bar(
            x=shares["value"],
            y=[wrap(label, 30) for label in shares["label"]],
            orientation="h",
            marker={
                "color": [KOREA_COLOUR if "Korea" in lbl else "#999999" for lbl in shares["label"]]
            },
            text=shares["display"],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x:.1f} %<extra></extra>",
        )
    )
    figure.update_xaxes(title="%", range=[0, 110])
    figure.update_yaxes(autorange="reversed")
    return finish_layout(figure, "Headline percentages", caption, 60 + 60 * len(shares))


CURRENCY_NAMES = {
    "KRW": "South Korean won", "USD": "US dollars", "EUR": "euros", "CNY": "Chinese yuan",
    "JPY": "Japanese yen", "GBP": "pounds sterling",
}  # fmt: skip
UNIT_TITLES = {
    "%": "Percentages (%)",
    "pp": "Percentage points (pp)",
    "count": "Counts",
    "rank": "Ranks (1 = first)",
    "times": "Multiples (times)",
}
# Pixels: a bar, a line of its label (written above it), the gap to the next bar, and between
# panels the room for an axis's tick labels and the next panel's title.
BAR_PX, LABEL_LINE_PX, BAR_GAP_PX, PANEL_GAP_PX = 24, 17, 10, 84


def unit_title(unit: str) -> str:
    """The title of a unit's panel: ``Money in KRW (South Korean won)``, ``Percentages (%)``."""
    if unit in UNIT_TITLES:
        return UNIT_TITLES[unit]
    if len(unit) == 3 and unit.isupper() and unit.isalpha():
        name = CURRENCY_NAMES.get(unit)
        return f"Money in {unit}" + (f" ({name})" if name else "")
    if unit.startswith("duration ("):
        return f"Durations in {unit.removeprefix('duration (').removesuffix(')')}"
    if unit == "duration":
        return "Durations"
    return f"In {unit}"


def unit_panels(frame: pd.DataFrame, caption: str, title: str, label_width: int = 64) -> go.Figure:
    """One horizontal bar chart per unit (``frame``: axis, value, display, bar_label; ``axis``
    is the unit, ``duration (days)`` for a duration), stacked, each titled with its unit and on
    its own axis: values in different units never share one.

    Each bar's label is written above it, across the chart's width, so long labels (what the
    figure counts and its source) neither squeeze the bars nor push the caption off the figure.
    """
    from plotly.subplots import make_subplots

    groups = [(str(unit), group) for unit, group in frame.groupby("axis", sort=False)]
    labels = {unit: [wrap(label, label_width) for label in group["bar_label"]]
              for unit, group in groups}  # fmt: skip
    lines = {unit: max(label.count("<br>") + 1 for label in labels[unit]) for unit, _ in groups}
    band = {unit: BAR_PX + BAR_GAP_PX + LABEL_LINE_PX * lines[unit] for unit, _ in groups}
    panel_px = [band[unit] * len(group) for unit, group in groups]
    plot_px = sum(panel_px) + PANEL_GAP_PX * (len(groups) - 1)
    figure = make_subplots(
        rows=len(groups),
        cols=1,
        row_heights=[px / sum(panel_px) for px in panel_px],
        vertical_spacing=PANEL_GAP_PX / plot_px if len(groups) > 1 else 0.0,
        subplot_titles=[unit_title(unit) for unit, _ in groups],
    )
    for annotation in figure.layout.annotations:  # the unit titles, left-aligned like the title
        annotation.update(x=0, xanchor="left", font={"size": 14}, yshift=4)
    for row, (unit, group) in enumerate(groups, start=1):
        positions = list(range(len(group)))
        bar = BAR_PX / band[unit]  # in bands: one band per bar, its label above the bar
        figure.add_trace(
            go.Bar(
                x=group["value"].tolist(),
                y=positions,
                width=bar,
                orientation="h",
                marker={"color": KOREA_COLOUR},
                text=group["display"].tolist(),
                textposition="outside",
                cliponaxis=False,
                customdata=group["bar_label"].tolist(),
                hovertemplate="%{customdata}: %{text}<extra></extra>",
                showlegend=False,
                name=unit,
            ),
            row=row,
            col=1,
        )
        axis = "" if row == 1 else str(row)
        for position, label in zip(positions, labels[unit], strict=True):
            figure.add_annotation(
                text=label, name="bar-label", xref=f"x{axis} domain", yref=f"y{axis}", x=0,
                y=position - bar / 2, xanchor="left", yanchor="bottom", align="left",
                showarrow=False, font={"size": 12}, yshift=1,
            )  # fmt: skip
        low, high = min(0.0, group["value"].min()), max(0.0, group["value"].max())
        span = (high - low) or 1.0
        figure.update_xaxes(
            range=[low - 0.05 * span if low < 0 else 0, high + 0.45 * span],
            exponentformat="B",
            ticksuffix="%" if unit == "%" else "",
            showgrid=True,
            row=row,
            col=1,
        )
        # Band i, top to bottom: the label, the bar (centred on i), the gap. First on top.
        above, gap = LABEL_LINE_PX * lines[unit] / band[unit], BAR_GAP_PX / band[unit]
        figure.update_yaxes(
            range=[len(group) - 1 + bar / 2 + gap, -bar / 2 - above],
            showticklabels=False,
            showgrid=False,
            zeroline=False,
            row=row,
            col=1,
        )
    return finish_layout(figure, title, caption, plot_px + 60)


def repairs_bar(frame: pd.DataFrame, caption: str) -> go.Figure:
    """Repairs made to each source, stacked by cleaning step."""
    figure = go.Figure()
    palette = {
        "decode": "#999999",
        "mojibake": "#D55E00",
        "boilerplate": "#0072B2",
        "html": "#009E73",
    }
    for step, group in frame.groupby("step", sort=False):
        figure.add_trace(
            go.Bar(
                x=group["repairs"],
                y=group["source"] if "source" in group else group["source_id"],
                name=step,
                orientation="h",
                marker={"color": palette.get(str(step), "#CC79A7")},
                customdata=group["source_id"],
                hovertemplate=f"%{{y}} (%{{customdata}}): %{{x}} {step} repairs<extra></extra>",
            )
        )
    figure.update_layout(barmode="stack")
    figure.update_xaxes(title="logged repairs")
    figure.update_yaxes(autorange="reversed")
    return finish_layout(figure, "Repairs made to each source, by cleaning step", caption, 300)


def codebook_chart(scale_rows: pd.DataFrame, caption: str) -> go.Figure:
    """The ordinal codebook: each scale's terms placed at their scores."""
    figure = go.Figure()
    merged = (
        scale_rows.groupby(["scale", "score"], sort=False)["term"].agg(" / ".join).reset_index()
    )
    for scale, group in merged.groupby("scale", sort=False):
        figure.add_trace(
            go.Scatter(
                x=group["score"],
                y=[scale_labels()[str(scale)]] * len(group),
                mode="markers+text",
                text=[wrap(term, 14) for term in group["term"]],
                # Neighbours alternate above and below, so long level words never overprint.
                textposition=[
                    "top center" if score % 2 else "bottom center" for score in group["score"]
                ],  # fmt: skip
                marker={"size": 14, "color": KOREA_COLOUR},
                name=str(scale),
                showlegend=False,
                hovertemplate="%{text}: score %{x}<extra></extra>",
            )
        )
    figure.update_xaxes(title="ordinal score", dtick=1, range=[0.5, 4.5])
    scales = merged["scale"].nunique()
    figure.update_yaxes(autorange="reversed", range=None)
    return finish_layout(
        figure, "Ordinal codebook: level words and their scores", caption, 120 + 110 * scales
    )
