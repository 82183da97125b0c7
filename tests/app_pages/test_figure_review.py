"""Figures in an article's prose: proposed, confirmed, edited, rejected; then charted, exported
and put in the deck, through AppTest on the real pages."""

import io
from dataclasses import replace

import pandas as pd
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from lib.datasets.uploads import upload_id
from lib.export.data_files import DataContext, data_bytes
from tests.apptest_helpers import APP, excerpts, figures

ENGLISH = (
    "Korea names five national AI teams\n\n"
    "SEOUL — The government will invest up to 240 billion won (180 million USD) in five "
    "national AI teams over three years, the Ministry of Science and ICT said on Tuesday. "
    "Only 13% of the models submitted passed the K-AI benchmark, down 4 percentage points from "
    "last year. Korea ranks third in the world with 14 notable models, after the United States "
    "and China.\n"
)
KOREAN = (
    "정부, 국가대표 AI 컨소시엄 선정\n\n"
    "정부는 2,400억 원을 투입해 5개 컨소시엄을 지원한다. 과학기술정보통신부는 올해 국내 AI 모델의 "
    "약 30%가 기준을 통과했다고 밝혔다.\n"
)
EN_ID, KO_ID = upload_id(ENGLISH.encode()), upload_id(KOREAN.encode())
EN_QUOTE_MONEY = (
    "SEOUL — The government will invest up to 240 billion won (180 million USD) in five national "
    "AI teams over three years, the Ministry of Science and ICT said on Tuesday."
)
EN_QUOTE_PASSED = (
    "Only 13% of the models submitted passed the K-AI benchmark, down 4 percentage points from "
    "last year."
)
EN_QUOTE_RANK = (
    "Korea ranks third in the world with 14 notable models, after the United States and China."
)
KO_QUOTE = "정부는 2,400억 원을 투입해 5개 컨소시엄을 지원한다."


def span(text: str, mention: str, after: str = "") -> tuple[int, int]:
    start = text.index(mention, text.index(after) if after else 0)
    return start, start + len(mention)


def key(source_id: str, text: str, mention: str, after: str = "") -> str:
    start, end = span(text, mention, after)
    return f"fig-{source_id}-{start}-{end}"


def captions(at: AppTest) -> list[str]:
    """Every line of every caption, markdown escapes removed."""
    return [
        line.replace("\\", "") for caption in at.caption for line in caption.value.split("  \n")
    ]


def marked_text(at: AppTest) -> str:
    """The source text of the Figures tab, with its marks."""
    (text,) = [e.proto.body for e in at.get("html") if 'class="fig-number"' in e.proto.body]
    return text


def bars(chart: dict) -> list[tuple[str, str, float, str]]:
    """(panel title, bar label, value, value shown) of every bar, panel by panel."""
    notes = chart["layout"]["annotations"]
    panels = [a["text"] for a in notes if "name" not in a and not a["text"].startswith("Source")]
    labels = [a["text"].replace("<br>", " ") for a in notes if a.get("name") == "bar-label"]
    found = [
        (panel, label, x, shown)
        for panel, trace in zip(panels, chart["data"], strict=True)
        for label, x, shown in zip(trace["customdata"], trace["x"], trace["text"], strict=True)
    ]
    assert [label for _, label, _, _ in found] == labels  # each bar is labelled above it
    return found


def uploaded() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=90).run()
    at = at.switch_page("app_pages/add_source.py").run()
    files = [
        ("teams.txt", ENGLISH.encode(), "text/plain"),
        ("팀.txt", KOREAN.encode(), "text/plain"),
    ]
    at = at.file_uploader[0].set_value(files).run()
    assert not at.exception and not at.error
    return at


def test_proposed_figures_are_marked_and_listed_with_conversions_kept_with_their_figure():
    at = uploaded()  # the Korean article, added last, is shown
    shown = captions(at)
    assert "value 240000000000 · unit KRW · noun — · qualifier exact" in shown
    assert "value 5 · unit count · noun 컨소시엄 · qualifier exact" in shown
    assert "value 30 · unit % · noun — · qualifier about" in shown
    assert f"Quote: “{KO_QUOTE}”" in shown
    assert "Mention: “2,400억 원”" in shown
    text = marked_text(at)
    assert '<mark class="fig-proposed">2,400억 원</mark><sup class="fig-number">1</sup>' in text

    at.selectbox(key="upload-choice").set_value(EN_ID).run()
    shown = captions(at)
    assert "value 240000000000 · unit KRW · noun — · qualifier up to" in shown
    assert "value 13 · unit % · noun models · qualifier exact" in shown
    assert "value 4 · unit pp · noun — · qualifier exact" in shown
    assert "value 3 · unit rank · noun — · qualifier exact" in shown
    assert "value 14 · unit count · noun models · qualifier exact" in shown
    # The dollar amount restates the won amount: listed with it, not as a figure of its own.
    assert (
        "Mention: “240 billion won” · also stated as “180 million USD” (180 million USD), "
        "a conversion of this figure"
    ) in shown
    assert not [c for c in shown if c.startswith("value 180000000")]
    usd = key(EN_ID, ENGLISH, "180 million USD")
    assert not [b for b in at.button if b.key and b.key.startswith(usd)]
    markdown = " ".join(m.value for m in at.markdown)
    assert "#2 · up to 240 billion KRW" in markdown and "#5 · 13%" in markdown
    assert "8 figure(s) found in the prose: 0 confirmed, 0 edited, 0 rejected, 8 to review" in (
        " ".join(shown)
    )


def review_four(at: AppTest) -> AppTest:
    """Confirm three, edit one, reject one (the headline's "five" repeats the body's)."""
    at.selectbox(key="upload-choice").set_value(EN_ID).run()
    at.button(key=f"{key(EN_ID, ENGLISH, '13%')}-confirm").click().run()
    at.button(key=f"{key(EN_ID, ENGLISH, '14')}-confirm").click().run()
    at.button(key=f"{key(EN_ID, ENGLISH, 'five')}-reject").click().run()
    money = key(EN_ID, ENGLISH, "240 billion won")
    at.button(key=f"{money}-edit").click().run()
    at.text_input(key=f"{money}-noun").set_value("national AI teams funding")
    at.text_input(key=f"{money}-value").set_value("240,000,000,000")
    at.button(key=f"{money}-save").click().run()
    at.selectbox(key="upload-choice").set_value(KO_ID).run()
    at.button(key=f"{key(KO_ID, KOREAN, '5개')}-confirm").click().run()
    assert not at.exception and not at.error
    return at


def test_confirm_edit_reject_then_chart_download_and_deck():
    at = review_four(uploaded())
    statuses = {k: r.status for k, r in at.session_state["figure_reviews"].items()}
    assert sorted(statuses.values()) == [
        "confirmed",
        "confirmed",
        "confirmed",
        "edited",
        "rejected",
    ]
    assert "3 figure(s) found in the prose: 1 confirmed, 0 edited, 0 rejected, 2 to review" in (
        " ".join(captions(at))
    )
    at.selectbox(key="upload-choice").set_value(EN_ID).run()
    note = (
        "**Your edit:** extracted 240000000000 KRW · up to → edited 240000000000 KRW · up to · "
        "noun: national AI teams funding"
    )
    assert note in captions(at)  # the edit, beside the value the extractor read
    text = marked_text(at)
    assert '<mark class="fig-confirmed">13%</mark>' in text
    assert '<mark class="fig-edited">240 billion won</mark>' in text
    assert '<mark class="fig-rejected">five</mark>' in text

    # The deck panel offers the chart; the deck built from it quotes every passage.
    at.session_state["deck-panel"] = True  # open the panel: its contents are sent only then
    at.run()
    assert "confirmed-figures" in at.multiselect(key="deck-charts").value
    at.multiselect(key="deck-charts").set_value(["confirmed-figures"]).run()
    (build,) = [b for b in at.button if b.label == "Build slide deck"]
    at = build.click().run()
    # (Built here: AppTest draws no sidebar once switched to the default page, the Overview.)
    assert not at.exception
    deck = Presentation(io.BytesIO(at.session_state["deck"]))
    slides = list(deck.slides)
    assert len(slides) == 2
    notes = slides[1].notes_slide.notes_text_frame.text
    slide_text = " ".join(s.text_frame.text for s in slides[1].shapes if s.has_text_frame)
    assert "Confirmed figures" in slide_text
    for quote in (EN_QUOTE_MONEY, EN_QUOTE_PASSED, EN_QUOTE_RANK, KO_QUOTE):
        assert f"“{quote}”" in notes
    assert "Edited by you: national AI teams funding (KRW): extracted 240000000000 KRW" in notes

    # The Overview charts them, one panel per unit, under the headline figures.
    at = at.switch_page("app_pages/overview.py").run()
    assert not at.exception
    (chart,) = [f for f in figures(at) if f["layout"]["title"]["text"] == "Confirmed figures"]
    assert sorted(bars(chart)) == sorted(
        [
            ("Percentages (%)", "models · Korea names five national AI teams", 13.0, "13%"),
            ("Counts", "models · Korea names five national AI teams", 14.0, "14 models"),
            ("Counts", "컨소시엄 · 정부, 국가대표 AI 컨소시엄 선정", 5.0, "5 컨소시엄"),
            (
                "Money in KRW (South Korean won)",
                "national AI teams funding · Korea names five national AI teams",
                240000000000.0,
                "up to 240 billion KRW",
            ),
        ]
    )
    assert {EN_QUOTE_PASSED, EN_QUOTE_RANK, EN_QUOTE_MONEY, KO_QUOTE} <= set(excerpts(at))

    # The chart's own data (its "Data" toggle) is what the CSV download writes, quotes kept.
    at.toggle(key="data-confirmed-figures").set_value(True).run()
    (data,) = [d.value for d in at.dataframe if "figure_id" in d.value.columns]
    assert sorted(data["quote"]) == sorted(
        [EN_QUOTE_MONEY, EN_QUOTE_PASSED, EN_QUOTE_RANK, KO_QUOTE]
    )
    assert set(data["provenance"]) == {"stated"}
    meta = {sid: up.source.meta for sid, up in at.session_state["uploads"].items()}
    csv = pd.read_csv(io.BytesIO(data_bytes(data, "csv", context=DataContext(sources=meta))))
    by_id = csv.set_index("figure_id")
    money = f"confirmed-{EN_ID}-{span(ENGLISH, '240 billion won')[0]}"
    assert by_id.loc[money, "quote"] == EN_QUOTE_MONEY
    assert by_id.loc[money, "basis"].startswith(
        "Edited by the analyst: extracted 240000000000 KRW · up to → edited"
    )
    assert by_id.loc[f"confirmed-{KO_ID}-{span(KOREAN, '5개')[0]}", "quote"] == KO_QUOTE
    assert by_id.loc[f"confirmed-{KO_ID}-{span(KOREAN, '5개')[0]}", "source_title"] == (
        "정부, 국가대표 AI 컨소시엄 선정"
    )
    assert set(csv["unit"]) == {"%", "count", "KRW"}
    xlsx = pd.read_excel(io.BytesIO(data_bytes(data, "xlsx", context=DataContext(sources=meta))))
    assert sorted(xlsx["quote"]) == sorted(data["quote"])


def test_undo_returns_a_figure_to_review_and_the_overview_has_no_confirmed_chart():
    at = uploaded()
    at.selectbox(key="upload-choice").set_value(EN_ID).run()
    passed = key(EN_ID, ENGLISH, "13%")
    at.button(key=f"{passed}-confirm").click().run()
    at.button(key=f"{passed}-undo").click().run()
    assert not at.session_state["figure_reviews"]
    at = at.switch_page("app_pages/overview.py").run()
    titles = [f["layout"]["title"]["text"] for f in figures(at)]
    assert "Confirmed figures" not in titles and "Headline percentages" in titles


def test_a_bad_edit_is_refused_with_a_one_line_reason():
    at = uploaded()
    money = key(KO_ID, KOREAN, "2,400억 원")
    assert not [t for t in at.text_input if t.key == f"{money}-value"]  # no form until Edit
    at.button(key=f"{money}-edit").click().run()
    at.text_input(key=f"{money}-value").set_value("about 240 billion")
    at.button(key=f"{money}-save").click().run()
    (error,) = [e.value for e in at.error]
    assert error.startswith("Not saved: 'about 240 billion' is not a number")
    assert not at.session_state["figure_reviews"]


def test_bundled_articles_have_a_figures_tab_on_the_sources_page(corpus):
    source = corpus.sources["003_cd50ce98a801f824"]
    (money,) = [f for f in source.figures if f.mention == "240 billion KRW"]
    at = AppTest.from_file(str(APP), default_timeout=90).run()
    at.query_params["source"] = source.source_id
    at = at.switch_page("app_pages/sources.py").run()
    assert not at.exception
    shown = captions(at)
    assert "value 240000000000 · unit KRW · noun — · qualifier up to" in shown
    assert (
        "Mention: “240 billion KRW” · also stated as “180 million USD” (180 million USD), a conversion of this figure"
        in shown
    )
    at.button(key=f"fig-{source.source_id}-{money.start}-{money.end}-confirm").click().run()
    (review,) = at.session_state["figure_reviews"].values()
    assert (review.source_id, review.figure, review.status) == (
        source.source_id,
        money,
        "confirmed",
    )
    at = at.switch_page("app_pages/overview.py").run()
    (chart,) = [f for f in figures(at) if f["layout"]["title"]["text"] == "Confirmed figures"]
    assert bars(chart) == [
        (
            "Money in KRW (South Korean won)",
            "240 billion KRW · viewusglobal: Is South Korea’s AI…",
            240000000000.0,
            "up to 240 billion KRW",
        )
    ]
    assert money.quote in excerpts(at)


def test_a_confirmed_figure_whose_quote_moved_is_flagged_on_the_overview(corpus):
    source = corpus.sources["003_cd50ce98a801f824"]
    (money,) = [f for f in source.figures if f.mention == "240 billion KRW"]
    at = AppTest.from_file(str(APP), default_timeout=90).run()
    at.query_params["source"] = source.source_id
    at = at.switch_page("app_pages/sources.py").run()
    at.button(key=f"fig-{source.source_id}-{money.start}-{money.end}-confirm").click().run()
    # As if the article's file had changed since: the quote is no longer at its span.
    (key_, review) = next(iter(at.session_state["figure_reviews"].items()))
    moved = replace(money, quote_start=money.quote_start + 1, quote_end=money.quote_end + 1)
    at.session_state["figure_reviews"] = {key_: replace(review, figure=moved)}
    at = at.switch_page("app_pages/overview.py").run()
    (warning,) = [w.value.replace("\\", "") for w in at.warning]
    assert warning.startswith(
        f"Confirmed figure left out of the charts: confirmed-{source.source_id}-{money.start} "
        "(240 billion KRW (KRW)): quote no longer matches characters"
    )
    titles = [f["layout"]["title"]["text"] for f in figures(at)]
    assert "Confirmed figures" not in titles
