"""Reviewed prose figures: decisions, edits kept beside the extracted value, the key-figures rows,
the quote-mismatch flag, and the chart with one axis per unit."""

import pytest

from lib.charts.catalog import confirmed_figures_chart, every_chart, key_figures_chart
from lib.charts.excerpts import mark_labelled_spans
from lib.datasets.confirmed_figures import (
    Review,
    confirm,
    confirmed_figures_frame,
    display,
    edit,
    is_confirmed,
    parse_number,
    proposals,
    reject,
    review_for,
    with_confirmed,
)
from lib.datasets.corpus import Corpus
from lib.datasets.curated import CurationError
from lib.datasets.frames import DATASET_COLUMNS, sources_frame
from lib.extraction.document import ingest_bytes

TEXT = (
    "Korea names five national AI teams\n\n"
    "The government will invest up to 240 billion won (180 million USD) in five national AI "
    "teams. Only 13% of the models submitted passed the K-AI benchmark.\n"
)


@pytest.fixture
def source():
    article = ingest_bytes(TEXT.encode(), "teams.txt")
    article.meta = {"source_id": article.source_id, "title": "Korea names five national AI teams"}
    return article


def reviewed(source, mention: str) -> Review:
    for figure, conversions in proposals(source.figures):
        if figure.mention == mention:
            return review_for(source.source_id, figure, conversions, {})
    raise AssertionError(f"no figure {mention!r}")


def test_a_conversion_belongs_to_its_figure(source):
    listed = {
        figure.mention: [c.mention for c in conv] for figure, conv in proposals(source.figures)
    }
    assert listed["240 billion won"] == ["180 million USD"]
    assert "180 million USD" not in listed


def test_decisions_and_the_edit_note(source):
    money = reviewed(source, "240 billion won")
    assert confirm(money).status == "confirmed" and reject(money).status == "rejected"
    edited = edit(money, 250e9, "KRW", "national AI teams", "up_to")
    assert edited.status == "edited"
    assert edited.edit_note() == (
        "extracted 240000000000 KRW · up to → edited 250000000000 KRW · up to · "
        "noun: national AI teams"
    )
    assert confirm(edited).status == "edited"  # confirming keeps the edit
    same = edit(money, parse_number("240,000,000,000"), " KRW ", "", "up_to")
    assert same.status == "confirmed" and same.edit_note() == ""
    with pytest.raises(ValueError, match="is not a number"):
        parse_number("240 billion")


def test_confirmed_figures_become_key_figure_rows(source):
    money = edit(reviewed(source, "240 billion won"), 240e9, "KRW", "national AI teams", "up_to")
    share = confirm(reviewed(source, "13%"))
    rejected = reject(reviewed(source, "five"))
    frame = confirmed_figures_frame({source.source_id: source}, [money, share, rejected])
    assert list(frame.columns) == DATASET_COLUMNS["key_figures"]
    assert frame[["figure_id", "label", "value", "unit", "display", "provenance"]].to_dict(
        "records"
    ) == [
        {
            "figure_id": f"confirmed-{source.source_id}-{money.figure.start}",
            "label": "national AI teams (KRW)",
            "value": 240e9,
            "unit": "KRW",
            "display": "up to 240 billion KRW",
            "provenance": "stated",
        },
        {
            "figure_id": f"confirmed-{source.source_id}-{share.figure.start}",
            "label": "models (%)",
            "value": 13.0,
            "unit": "%",
            "display": "13%",
            "provenance": "stated",
        },
    ]
    for row in frame.itertuples():  # every quote is verbatim at its span
        assert source.text[row.quote_start : row.quote_end] == row.quote
    assert frame["basis"].tolist() == [
        "Edited by the analyst: extracted 240000000000 KRW · up to → edited 240000000000 KRW · "
        "up to · noun: national AI teams.",
        "Confirmed by the analyst.",
    ]


def test_a_quote_that_no_longer_matches_its_source_is_flagged_and_left_out(source):
    share, money = confirm(reviewed(source, "13%")), confirm(reviewed(source, "240 billion won"))
    changed = "Updated: " + source.text  # the source was edited after the figures were confirmed
    problems: list[str] = []
    frame = confirmed_figures_frame({source.source_id: changed}, [share, money], problems)
    assert frame.empty and len(problems) == 2
    assert problems[0].startswith(
        f"confirmed-{source.source_id}-{money.figure.start} (240 billion won (KRW)): quote no "
        f"longer matches characters {money.figure.quote_start}-{money.figure.quote_end} of "
        f"{source.source_id}: "
    )
    with pytest.raises(CurationError, match="2 confirmed figure\\(s\\) fail"):
        confirmed_figures_frame({source.source_id: changed}, [share, money])
    # Only the changed part counts: a figure whose sentence is still in place stays.
    tail = source.text.replace("Korea names", "Korea picks")
    problems = []
    kept = confirmed_figures_frame({source.source_id: tail}, [share, money], problems)
    assert len(kept) == 2 and not problems
    gone: list[str] = []
    assert confirmed_figures_frame({}, [share], gone).empty
    assert gone[0].endswith(f"source {source.source_id!r} is not among the sources")


def test_a_review_of_another_extraction_does_not_apply(source):
    share = confirm(reviewed(source, "13%"))
    other = ingest_bytes(TEXT.replace("13%", "15%").encode(), "teams.txt")
    (figure,) = [f for f, _ in proposals(other.figures) if f.unit == "%"]
    assert review_for(source.source_id, figure, (), {share.key: share}).status == "proposed"


def test_display():
    assert display(240e9, "KRW", qualifier="up_to") == "up to 240 billion KRW"
    assert display(1.5e12, "USD", per="year") == "1.5 trillion USD a year"
    assert display(30, "%", qualifier="approx") == "about 30%"
    assert display(3, "rank") == "3rd" and display(11, "rank") == "11th"
    assert display(3, "duration", "years") == "3 years"
    assert display(1333, "count") == "1,333" and display(4, "pp") == "4 pp"


def test_chart_has_one_axis_per_unit_and_joins_the_key_figures(source, datasets):
    reviews = [
        confirm(reviewed(source, "13%")),
        edit(reviewed(source, "240 billion won"), 240e9, "KRW", "<a href='x'>teams</a>", "up_to"),
    ]
    confirmed = confirmed_figures_frame({source.source_id: source}, reviews)
    data = with_confirmed(datasets, confirmed, sources_frame(Corpus({source.source_id: source})))
    assert is_confirmed(data["key_figures"]).sum() == 2
    assert len(datasets["key_figures"]) == len(data["key_figures"]) - 2  # not changed in place
    headline = key_figures_chart(data)
    assert not is_confirmed(headline.data).any()  # the curated headline chart stays curated
    chart = confirmed_figures_chart(data)
    assert chart.data["quote"].tolist() == [reviews[1].figure.quote, reviews[0].figure.quote]
    layout = chart.figure.layout
    panels = [a.text for a in layout.annotations if a.name is None and "Source" not in a.text]
    assert panels == ["Money in KRW (South Korean won)", "Percentages (%)"]
    assert [trace.x for trace in chart.figure.data] == [(240e9,), (13.0,)]
    labels = [a.text for a in layout.annotations if a.name == "bar-label"]
    assert labels == [
        "&lt;a href='x'&gt;teams&lt;/a&gt; · Korea names five national AI teams",
        "models · Korea names five national AI teams",
    ]
    assert chart.notes == [
        "Edited by you: <a href='x'>teams</a> (KRW): extracted 240000000000 KRW · up to → "
        "edited 240000000000 KRW · up to · noun: <a href='x'>teams</a>"
    ]
    ids = [c.chart_id for c in every_chart(data, Corpus({}))]
    assert ids[:2] == ["headline-percentages", "confirmed-figures"]
    assert "confirmed-figures" not in [c.chart_id for c in every_chart(datasets, Corpus({}))]


def test_marks_are_escaped_and_numbered():
    marked = mark_labelled_spans("a <b> 13% & 5", [(6, 9, "fig-confirmed", "1"), (12, 13, "x", "")])
    assert marked == (
        'a &lt;b&gt; <mark class="fig-confirmed">13%</mark><sup class="fig-number">1</sup> &amp; '
        '<mark class="x">5</mark>'
    )
