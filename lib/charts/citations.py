"""Citations: how a source is named under a chart, on a slide and beside an excerpt."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

UNKNOWN = "unknown"
APP_NAME = "Korea AI Policy Dashboard"


def published_label(meta: Mapping[str, object]) -> str:
    """The publication date, or "date unknown (est. ...)" when only an estimate exists."""
    published = str(meta.get("published") or UNKNOWN)
    estimate = str(meta.get("published_estimate") or "")
    if published == UNKNOWN and estimate:
        return f"date unknown (est. {estimate})"
    return published


def citation(meta: Mapping[str, object]) -> str:
    """Title, publisher and date of a source as one line."""
    title = meta.get("title") or meta.get("source_id") or UNKNOWN
    publisher = meta.get("publisher") or UNKNOWN
    publisher = "publisher unknown" if publisher == UNKNOWN else publisher
    return f"“{title}”, {publisher}, {published_label(meta)}"


def short_name(meta: Mapping[str, object], limit: int = 60) -> str:
    """A source as a person would name it where space is tight: "Publisher: Title…".

    The publisher is left out when unknown; the title is cut at a word, never mid-word.
    """
    title = str(meta.get("title") or meta.get("source_id") or UNKNOWN)
    publisher = str(meta.get("publisher") or UNKNOWN)
    name = title if publisher == UNKNOWN else f"{publisher}: {title}"
    if len(name) <= limit:
        return name
    cut = name[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return f"{cut}…"


def reported_period(source_ids: Iterable[str], sources: pd.DataFrame) -> str:
    """When the sources behind a chart reported it: "reported 2025-02 to 2025-07-30".

    Publication dates the sources do not state are the estimates in their metadata records,
    and the period says so.
    """
    by_id = sources.set_index("source_id")
    dates, estimated = [], False
    for sid in dict.fromkeys(source_ids):
        if sid not in by_id.index:
            continue
        published = str(by_id.loc[sid].get("published") or UNKNOWN)
        estimate = str(by_id.loc[sid].get("published_estimate") or "")
        if published != UNKNOWN:
            dates.append(published)
        elif estimate:
            dates.append(estimate.split(" ")[0])
            estimated = True
    if not dates:
        return "publication date unknown"
    first, last = min(dates), max(dates)
    span = first if first == last else f"{first} to {last}"
    return f"reported {span}" + (" (publication date estimated)" if estimated else "")


CAPTION_LINES = 3


def _short_date(meta: Mapping[str, object]) -> str:
    published = str(meta.get("published") or UNKNOWN)
    estimate = str(meta.get("published_estimate") or "")
    if published == UNKNOWN:
        return f"est. {estimate}" if estimate else "date unknown"
    return published


def source_caption(source_ids: Iterable[str], sources: pd.DataFrame) -> str:
    """The "Source: ..." line drawn inside a figure, naming every source behind it.

    Sources are named as a person would cite them, shortened until the caption fits in three
    lines of the figure; the full citations are in the data, the notes and the slide deck.
    """
    from lib.charts.builders import wrap  # the caption's own line width

    by_id = sources.set_index("source_id")
    ids = list(dict.fromkeys(source_ids))
    metas = [{"source_id": sid, **by_id.loc[sid].to_dict()} if sid in by_id.index else None
             for sid in ids]  # fmt: skip
    caption = ""
    for budget in range(120, 19, -10):
        cited = [
            f"{short_name(meta, budget)} ({_short_date(meta)})" if meta else sid
            for sid, meta in zip(ids, metas, strict=True)
        ]
        caption = f"Source: {'; '.join(cited)}. {APP_NAME}."
        if wrap(caption).count("<br>") < CAPTION_LINES:
            break
    return caption
