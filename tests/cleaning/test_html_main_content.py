"""HTML through the main-content extractor: each real-world page's article, and nothing else.

The pages, their expected articles and their chrome lines are in
``tests/fixtures/real_world/pages/`` (see its README). The *HTML stage* is the text
``ingest_bytes`` hands to the boilerplate line rules (``clean_text``) once the article is
extracted; chrome is measured there, since those line rules change in their own right.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import lib.cleaning.clean
import lib.extraction.document
from lib.cleaning.decoding import UnreadableSourceError
from lib.cleaning.html_text import html_to_text
from lib.cleaning.main_content import extract_main_content
from lib.extraction.document import ingest_bytes

PAGES_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "real_world" / "pages"
PAGES = sorted(PAGES_DIR.glob("*.html"))
# Pages in shapes the extractor was not tuned on, each set written by someone who had not seen
# it (README.md in each folder): measured first, then mended, and now exact.
HELD_OUT_SETS = ("held_out", "held_out_2", "held_out_3", "held_out_4", "held_out_5")
HELD_OUT = [
    page for folder in HELD_OUT_SETS for page in sorted((PAGES_DIR.parent / folder).glob("*.html"))
]
# Lines still left in, not article (held_out_4/README.md says why): pinned, so that a change
# shows either way.
HELD_OUT_LEFT = {
    "held_out_4/en_wiki_explainer": ["(in Korean and English)"],  # an external link's tail
    "held_out_4/vi_xem_them": ["Hải Đăng"],  # an author name in a plain right-aligned <p>
    # held_out_5 was measured and only its biggest miss mended (held_out_5/README.md):
    "held_out_5/de_business_kicker_in_heading": [
        "Standortwettbewerb Südkorea wirbt mit 2,4 Milliarden Euro um deutsche Chipzulieferer"
    ],
    "held_out_5/en_nikkei_asia_table": [
        "Nippon Asia staff writer Ayumi Tanaka in Kuala Lumpur contributed to this report."
    ],
    "held_out_5/en_wire_div_paragraphs": [
        "Summary",
        "Reporting by Kang Min-ji in Seoul and Omar Haddad in Dubai; Editing by Kenneth Moore",
    ],
    "held_out_5/ko_broadcaster_jebo": [
        "ZTN 정유나 (yuna@ztn.example)",
        "※ '당신의 제보가 뉴스가 됩니다'",
        "ZTN은 여러분의 소중한 제보를 기다립니다.",
        "[카카오톡] ZTN 검색해 채널 추가",
        "[전화] 02-000-8585",
    ],
}
HELD_OUT_MISSING = {  # article lines not output whole
    "held_out_5/de_business_kicker_in_heading": [  # the kicker shares the headline's <h2>
        "Südkorea wirbt mit 2,4 Milliarden Euro um deutsche Chipzulieferer"
    ],
    "held_out_5/ko_it_outlet_table": ["<국산 NPU 3사 2분기 실적>"],  # a table's title line
}
TABLE_RULE = re.compile(r"[\s|:\-]+")
MIN_LINES_KEPT = 0.98


def _normal(text: str) -> str:
    return " ".join(text.split())


def _lines(text: str) -> list[str]:
    """Non-blank lines, whitespace collapsed, table pipes at the ends and rule lines dropped
    (as ``bench.real_world`` compares them)."""
    return [
        _normal(line.strip().strip("|"))
        for line in text.splitlines()
        if line.strip() and not TABLE_RULE.fullmatch(line)
    ]


def _expected(page: Path) -> str:
    return page.with_suffix(".expected.txt").read_text(encoding="utf-8")


def _chrome(page: Path) -> list[str]:
    lines = page.with_suffix(".chrome.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip()]


def _kept_share(output: str, expected: str) -> float:
    out = set(_lines(output))
    want = _lines(expected)
    return sum(1 for line in want if line in out) / len(want)


def _chrome_left(output: str, chrome: list[str]) -> list[str]:
    flat = _normal(output)
    return [line for line in chrome if _normal(line) in flat]


@pytest.fixture
def html_stage(monkeypatch):
    """``ingest(raw, name)`` -> (source, the text the boilerplate rules were given)."""
    seen: list[str] = []
    real_clean_text = lib.extraction.document.clean_text

    def recording_clean_text(text: str, **kwargs):
        seen.append(text)
        return real_clean_text(text, **kwargs)

    monkeypatch.setattr(lib.extraction.document, "clean_text", recording_clean_text)

    def ingest(raw: bytes, name: str):
        seen.clear()
        source = ingest_bytes(raw, name)
        (extracted,) = seen
        return source, extracted

    return ingest


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.stem)
def test_html_stage_keeps_the_article_and_drops_the_chrome(page, html_stage):
    _, extracted = html_stage(page.read_bytes(), page.name)
    expected = _expected(page)
    assert _kept_share(extracted, expected) >= MIN_LINES_KEPT, extracted
    assert _chrome_left(extracted, _chrome(page)) == []
    assert _lines(extracted)[0] == _lines(expected)[0]  # the headline comes first
    article = set(_lines(expected))
    assert [line for line in _lines(extracted) if line not in article] == []  # nothing else


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.stem)
def test_ingest_keeps_the_article_lines_whole(page):
    source = ingest_bytes(page.read_bytes(), page.name)
    expected = _expected(page)
    assert _lines(source.text)[0] == _lines(expected)[0]
    assert _kept_share(source.text, expected) >= MIN_LINES_KEPT, source.text


def test_boilerplate_rules_never_see_markup(monkeypatch):
    given: list[str] = []
    real = lib.cleaning.clean.strip_boilerplate

    def recording(text: str, *args, **kwargs):
        given.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(lib.cleaning.clean, "strip_boilerplate", recording)
    for page in PAGES:
        ingest_bytes(page.read_bytes(), page.name)
    assert given
    assert not [text for text in given if re.search(r"</?(p|div|html|body|script)\b", text)]


@pytest.mark.parametrize(
    ("page", "present", "absent"),
    [
        (
            "en_blog_wrapped_entities",
            ["written as &lt; so that", "an <ai-generated> metadata tag", "AT&T’s", "R&D labs"],
            ["&amp;", "written as < so"],
        ),
        ("ko_it_magazine", ["업계는 &lt;ai-generated&gt;처럼", '"<워터마크> 태그'], ["&amp;"]),
        ("ko_wire_table", ['"<AI 기본법> 시행', "<표 1>", "R&D·인프라"], ["&lt;", "&amp;"]),
        ("de_news", ["„Die großen Konzerne", "40 Prozent"], ["&szlig;", "&nbsp;", "\xa0"]),
    ],
)
def test_entities_are_decoded_exactly_once(page, present, absent):
    path = PAGES_DIR / f"{page}.html"
    text = ingest_bytes(path.read_bytes(), path.name).text
    for snippet in present:
        assert snippet in text
    for snippet in absent:
        assert snippet not in text


def test_entities_once_in_a_small_page():
    markup = "<html><body><h1>Tags</h1><p>&amp;lt;b&amp;gt; is &lt;b&gt;; &amp;amp; is &amp;</p>"
    assert extract_main_content(markup).text == "Tags\n\n&lt;b&gt; is <b>; &amp; is &\n"


def test_whitespace_collapses_inside_a_paragraph_as_a_browser_shows_it():
    markup = (
        "<html><body><h1>Plan</h1><p>One\n   two\tthree&nbsp;&nbsp;four\n</p>"
        "<p>　　国家算力平台首批开放　14家企业</p><p>Line one<br>line two<br><br>New one</p>"
    )
    assert extract_main_content(markup).text == (
        "Plan\n\nOne two three four\n\n国家算力平台首批开放　14家企业\n\n"
        "Line one\n\nline two\n\nNew one\n"
    )


def test_hard_wrapped_paragraphs_come_out_on_one_line():
    path = PAGES_DIR / "en_blog_wrapped_entities.html"
    text = ingest_bytes(path.read_bytes(), path.name).text
    assert (
        "Every few months a new figure for the number of AI chips in Korea appears in the press, "
        "and the figures rarely agree. The public count went from 1,200 GPUs in 2023 to 10,000 "
        "planned for 2025, but private counts are harder to pin down.\n"
    ) in text


def _expected_tables(expected: str) -> list[tuple[list[str], list[list[str]]]]:
    """The pipe tables of an expected article: (header cells, rows of cells)."""
    tables, current = [], []
    for line in [*expected.splitlines(), ""]:
        if line.endswith(" |") or line == "---|":
            current.append(line)
        elif current:
            rows = [[cell.strip() for cell in row[:-2].split(" | ")] for row in current]
            rows = [row for row, line in zip(rows, current, strict=True) if line != "---|"]
            tables.append((rows[0], rows[1:]))
            current = []
    return tables


TABLE_PAGES = [page for page in PAGES if _expected_tables(_expected(page))]


def test_the_pages_with_tables_are_the_five_expected():
    assert [page.stem for page in TABLE_PAGES] == [
        "en_blog_wrapped_entities",
        "en_ministry_press_release",
        "ja_news_table",
        "ko_wire_table",
        "zh_cn_portal",
    ]


@pytest.mark.parametrize("page", TABLE_PAGES, ids=lambda page: page.stem)
def test_tables_are_extracted_with_their_cells(page):
    source = ingest_bytes(page.read_bytes(), page.name)
    found = [(table.columns, table.rows) for table in source.tables]
    assert found == _expected_tables(_expected(page))
    for table in source.tables:
        assert not table.flags
        assert source.text[table.start : table.end].startswith(" | ".join(table.columns))


def test_a_table_caption_and_source_note_frame_the_table():
    path = PAGES_DIR / "en_ministry_press_release.html"
    text = ingest_bytes(path.read_bytes(), path.name).text
    assert "Allocation of GPUs by category\n\nCategory | Organisations | GPUs | Share |\n" in text
    path = PAGES_DIR / "en_blog_wrapped_entities.html"
    text = ingest_bytes(path.read_bytes(), path.name).text
    assert "2025 | 10,000 | 21,000 | 31,000 |\n\nSource: Ministry of Science and ICT" in text


def test_a_layout_table_is_read_as_blocks_not_as_a_pipe_table():
    prose = "The ministry will fund new data centres next year, it said on Tuesday. " * 6
    markup = (
        "<html><body><table><tr><td><a href='/'>Home</a> <a href='/news'>News</a></td>"
        f"<td><h1>Data centres</h1><p>{prose}</p><p>A second paragraph of the story.</p></td>"
        "</tr></table></body></html>"
    )
    text = extract_main_content(markup).text
    assert text == f"Data centres\n\n{prose.strip()}\n\nA second paragraph of the story.\n"


def test_the_upload_page_example_keeps_its_text_and_table():
    markup = (
        b"<html><body><h1>AI plan</h1><p>Korea has 14 models.</p>"
        b'<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
        b"<table><tr><th>Country</th><th>Models</th></tr><tr><td>Korea</td><td>14</td></tr>"
        b"</table></body></html>"
    )
    source = ingest_bytes(markup, "page.html")
    assert (
        source.text == "AI plan\n\nKorea has 14 models.\n\nCountry | Models |\n---|\nKorea | 14 |\n"
    )
    assert [(table.columns, table.rows) for table in source.tables] == [
        (["Country", "Models"], [["Korea", "14"]])
    ]


def test_the_extraction_is_one_repair_spanning_the_markup():
    path = PAGES_DIR / "ko_wire_table.html"
    markup = path.read_text(encoding="utf-8")
    source = ingest_bytes(path.read_bytes(), path.name)
    html = [repair for repair in source.repairs if repair.step == "html"]
    assert [(r.rule, r.line, r.start, r.end) for r in html] == [("main-content", 1, 0, len(markup))]
    assert html[0].before == f"{len(markup)} chars of HTML"
    assert html[0].after.endswith("chars of text (article)")
    after = source.repairs[source.repairs.index(html[0]) + 1 :]
    assert all(repair.step != "html" for repair in after)


def test_a_page_without_an_article_falls_back_to_the_whole_page_with_a_note():
    markup = (
        "<html><body><ul><li><a href='/a'>Korea opens its GPU cluster</a></li>"
        "<li><a href='/b'>Japan funds data centres</a></li></ul>"
        "<table><tr><th>Country</th><th>GPUs</th></tr><tr><td>Korea</td><td>10,000</td></tr>"
        "</table></body></html>"
    )
    assert extract_main_content(markup).text == ""
    source = ingest_bytes(markup.encode(), "links.html")
    assert source.text == html_to_text(markup)
    (repair,) = [repair for repair in source.repairs if repair.step == "html"]
    assert repair.rule == "full-page"
    assert repair.after.endswith("(whole page, no article found)")
    assert [(table.columns, table.rows) for table in source.tables] == [
        (["Country", "GPUs"], [["Korea", "10,000"]])
    ]


def test_a_page_with_no_text_is_refused_in_one_line():
    with pytest.raises(UnreadableSourceError) as refusal:
        ingest_bytes(b"<html><body><script>var a = 1;</script><img src=x></body></html>", "a.html")
    assert str(refusal.value) == (
        "HTML has no readable text: give the article page itself, or its text"
    )


def test_nesting_past_the_parser_limit_reads_the_whole_page():
    markup = "<html><body>" + "<div>" * 3000 + "Deep text." + "</div>" * 3000 + "</body></html>"
    source = ingest_bytes(markup.encode(), "deep.html")
    assert source.text == "Deep text.\n"
    assert [r.rule for r in source.repairs if r.step == "html"] == ["full-page"]


def test_html_named_txt_reads_as_html():
    path = PAGES_DIR / "zh_tw_article.html"
    as_html = ingest_bytes(path.read_bytes(), path.name)
    as_txt = ingest_bytes(path.read_bytes(), "zh_tw_article.txt")
    assert as_txt.text == as_html.text
    assert as_txt.detected == as_html.detected


def test_the_page_metadata_is_detected_for_the_upload_form():
    path = PAGES_DIR / "en_policy_article.html"
    source = ingest_bytes(path.read_bytes(), path.name)
    assert source.detected == {
        "title": "Korea opens national GPU cluster to 14 firms, sets January 2026 deadline for rules",
        "author": "Hannah Cole; Seoul correspondent",
        "published": "2025-08-12",
        "url": "https://www.harborledger.example/technology/2025/aug/12/korea-gpu-cluster",
        "publisher": "harborledger.example",
    }
    assert source.meta == {}  # defaults only: the upload form decides what to keep


def test_the_headline_is_the_title_when_the_page_title_is_a_section_name():
    path = PAGES_DIR / "en_ministry_press_release.html"
    source = ingest_bytes(path.read_bytes(), path.name)
    assert source.detected["title"] == (
        "MSIT selects 14 companies for first round of national AI computing access"
    )
    assert source.detected["published"] == "2025-09-01"


def test_plain_text_has_nothing_detected():
    source = ingest_bytes(b"Korea has 14 models.\n", "a.txt")
    assert source.detected == {}
    assert not [repair for repair in source.repairs if repair.step == "html"]


@pytest.mark.parametrize("page", HELD_OUT, ids=lambda page: f"{page.parent.name}/{page.stem}")
def test_held_out_pages_lose_no_body_text_and_keep_no_chrome(page):
    """Nothing of the article is lost and nothing else comes out.

    Before the content root was widened over sibling blocks, a blog editor's post kept 28.6% of
    its text and a live blog 38.3% (the root was one block of many). The second set came in at
    97.3% kept, 7 of 342 chrome lines left, 5 of 10 pages exact; the third at 100.0% kept, 10 of
    303 chrome lines left, 8 of 10 exact; the fourth at 90.3%, 30 of 254, 4 of 10 (the README
    of each)."""
    source = ingest_bytes(page.read_bytes(), page.name)
    out, want = _lines(source.text), _lines(_expected(page))
    shown, article = set(out), set(want)
    missing = [line for line in want if line not in shown]
    left = HELD_OUT_LEFT.get(f"{page.parent.name}/{page.stem}", [])
    assert missing == HELD_OUT_MISSING.get(f"{page.parent.name}/{page.stem}", [])
    assert [line for line in out if line not in article] == left
    assert all(
        any(chrome in line for line in left) for chrome in _chrome_left(source.text, _chrome(page))
    )


def test_a_headline_classed_like_a_dateline_is_still_the_headline_when_it_is_the_title():
    """<h1 class="post-title published">: "published" is a chrome word (datelines), but the
    page's own title names the heading as its headline (a newsletter platform's markup)."""
    page = PAGES_DIR.parent / "held_out" / "en_substack_newsletter.html"
    source = ingest_bytes(page.read_bytes(), page.name)
    assert _lines(source.text)[0] == "The compute tax nobody voted for"


PROSE = (
    "The ministry will fund 14 data centres by 2027, it said on Tuesday, and the first three "
    "open next spring in Gwangju, Busan and Daejeon."
)
MORE_PROSE = "Each centre will hold about 1,000 GPUs, and universities get a third of the hours."
THIRD = "Critics said the plan leaves out the power grid, which cannot yet feed all 14 of them."
FOURTH = "The grid operator has asked for 2.1 trillion won to build new lines to the south coast."


def _article_page(head: str, header: str, body: str) -> bytes:
    return (
        f"<html><head>{head}</head><body><nav><a href='/'>Home</a></nav>"
        f"<div class='wrap'>{header}<div class='article-body'>{body}</div></div>"
        "<footer>© 2026 Example Media</footer></body></html>"
    ).encode()


def test_a_headline_drawn_in_a_div_is_the_title_and_its_standfirst_follows():
    """No heading on the page: the block whose text is the page's title is the headline, so the
    standfirst under it (``div.chapo``) is read, and a short label there is not."""
    head = "<title>Séoul vise 22 milliards | Le Courrier</title>"
    header = (
        "<div class='surtitre'>Asie</div><div class='title'>Séoul vise 22 milliards</div>"
        "<div class='chapo'>Le pays veut la plus grande région IA d’Asie, dit le ministère.</div>"
        "<p class='vod-program'>KBN 9 2026.03.17</p>"
    )
    body = [PROSE, MORE_PROSE, THIRD, FOURTH]
    raw = _article_page(head, header, "".join(f"<p>{paragraph}</p>" for paragraph in body))
    assert _lines(ingest_bytes(raw, "a.html").text) == [
        "Séoul vise 22 milliards",
        "Le pays veut la plus grande région IA d’Asie, dit le ministère.",
        *body,
    ]


def test_a_layout_table_cell_holding_the_title_is_the_headline_with_its_subtitle():
    head = "<title>漢星テック、熊本に新工場 | 日刊</title>"
    header = (
        "<table><tr><td class='title'><font size='5'><b>漢星テック、熊本に新工場</b></font></td></tr>"
        "<tr><td class='subtitle'><b>投資額は約1200億円</b></td></tr></table>"
    )
    raw = _article_page(head, header, f"<p>{PROSE}</p><p>{MORE_PROSE}</p>")
    assert _lines(ingest_bytes(raw, "a.html").text)[:2] == [
        "漢星テック、熊本に新工場",
        "投資額は約1200億円",
    ]


KEY_POINTS = [
    "South Korea owns its chips outright: 10,000 GPUs in a state-run centre.",
    "Japan subsidises private clouds instead, paying up to two-thirds of the cost.",
]


def _aside(attributes: str = "class='key-takeaways'", extra: str = "") -> str:
    items = "".join(f"<li>{point}</li>" for point in KEY_POINTS)
    return f"<aside {attributes}><h2>Key takeaways</h2><ul>{items}</ul>{extra}</aside>"


def test_a_fact_box_aside_inside_the_article_is_the_article():
    raw = _article_page(
        "<title>T</title>", "<h1>T</h1>", f"<p>{PROSE}</p>{_aside()}<p>{MORE_PROSE}</p>"
    )
    assert _lines(ingest_bytes(raw, "a.html").text) == ["T", PROSE, "Key takeaways", *KEY_POINTS,
                                                        MORE_PROSE]  # fmt: skip


@pytest.mark.parametrize(
    ("attributes", "extra"),
    [
        ("class='related-stories'", ""),  # classed as chrome
        ("class='key-takeaways' hidden", ""),  # hidden
        ("class='key-takeaways' role='complementary'", ""),  # a chrome role
        ("class='key-takeaways'", "<button>Download the PDF</button>"),  # holds a control
        ("class='box'", "<a href='/x'>" + "Read the full report on GPU costs " * 6 + "</a>"),
    ],
)
def test_an_aside_that_is_not_a_fact_box_stays_out(attributes, extra):
    raw = _article_page(
        "<title>T</title>",
        "<h1>T</h1>",
        f"<p>{PROSE}</p>{_aside(attributes, extra)}<p>{MORE_PROSE}</p>",
    )
    assert _lines(ingest_bytes(raw, "a.html").text) == ["T", PROSE, MORE_PROSE]


def test_a_sidebar_aside_outside_the_article_stays_out_however_long():
    sidebar = _aside("class='box'") * 6
    raw = _article_page(
        "<title>T</title>", f"<h1>T</h1>{sidebar}", f"<p>{PROSE}</p><p>{MORE_PROSE}</p>"
    )
    assert _lines(ingest_bytes(raw, "a.html").text) == ["T", PROSE, MORE_PROSE]


def test_custom_elements_and_slots_are_named_like_classes():
    """A forum page built from custom elements: <thread-comment> reads as "thread comment", a
    slot="credit-bar" as a credit line; the replies and the credit bar are chrome, and the post's
    <h1> is the headline."""
    page = (
        "<html><head><title>Korea's AI grants, tallied : t/Chips</title></head><body><main>"
        "<thread-post><div slot='credit-bar'><a href='/t/Chips'>t/Chips</a> • 9 hr. ago "
        "<span>Posted by u/hbm_fan</span></div><h1 slot='title'>Korea's AI grants, tallied</h1>"
        f"<div slot='text-body'><p>{PROSE}</p><p>{MORE_PROSE}</p><p>{THIRD}</p></div>"
        "</thread-post><thread-comment-tree><thread-comment><div slot='comment'>"
        "<p>Great work. Small correction: the Daegu consortium got 12bn, not 24bn.</p>"
        "</div></thread-comment></thread-comment-tree></main></body></html>"
    ).encode()
    assert _lines(ingest_bytes(page, "a.html").text) == [
        "Korea's AI grants, tallied",
        PROSE,
        MORE_PROSE,
        THIRD,
    ]


@pytest.mark.parametrize("name", ["ai-summary", "aiSummary", "article_summary_gpt"])
def test_a_machine_written_summary_box_is_not_the_article(name):
    box = (
        f"<div class='{name}'><strong>핵심 요약</strong><ul><li>정부가 특구 3곳에 2030년까지 15조 원 투입</li>"
        "<li>입주 기업에 세액공제 최대 25% 혜택</li></ul></div>"
    )
    body = [PROSE, MORE_PROSE, THIRD, FOURTH]
    raw = _article_page(
        "<title>T</title>", "<h1>T</h1>", box + "".join(f"<p>{p}</p>" for p in body)
    )
    assert _lines(ingest_bytes(raw, "a.html").text) == ["T", *body]


def test_a_summary_a_person_wrote_is_still_the_standfirst():
    header = (
        "<h1>T</h1><div class='summary'>The ministry will spread 14 centres across the south.</div>"
    )
    body = [PROSE, MORE_PROSE, THIRD, FOURTH]
    raw = _article_page("<title>T</title>", header, "".join(f"<p>{p}</p>" for p in body))
    assert _lines(ingest_bytes(raw, "a.html").text) == [
        "T",
        "The ministry will spread 14 centres across the south.",
        *body,
    ]


def _shell(article: str, outside: str = "<div class='skeleton'>Loading story…</div>") -> bytes:
    return (
        "<html><head><title>T</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<main id='app'>{outside}</main><template id='story'>{article}</template></body></html>"
    ).encode()


def test_a_story_drawn_from_a_template_is_read_when_the_page_shows_nothing_else():
    body = [PROSE, MORE_PROSE, THIRD]
    article = "<article><h1>T</h1>" + "".join(f"<p>{p}</p>" for p in body) + "</article>"
    assert _lines(ingest_bytes(_shell(article), "a.html").text) == ["T", *body]


def test_a_template_is_not_read_when_the_page_has_its_article():
    body = [PROSE, MORE_PROSE, THIRD]
    outside = "<article><h1>T</h1>" + "".join(f"<p>{p}</p>" for p in body) + "</article>"
    ui = "<template><div class='dialog'><p>Sign in to save this article to your reading list.</p></div></template>"
    raw = _shell("", outside).replace(b"<template id='story'></template>", ui.encode())
    assert _lines(ingest_bytes(raw, "a.html").text) == ["T", *body]


@pytest.mark.parametrize("name", ["disclaimer", "infobox", "navbox", "contact-info", "references"])
def test_more_chrome_class_words(name):
    body = [PROSE, MORE_PROSE, THIRD]
    chrome = f"<div class='{name}'><p>Sample chrome block text that runs past twenty characters.</p></div>"
    raw = _article_page(
        "<title>T</title>", "<h1>T</h1>", "".join(f"<p>{p}</p>" for p in body) + chrome
    )
    assert _lines(ingest_bytes(raw, "a.html").text) == ["T", *body]


def test_a_fact_box_leaves_out_what_a_reader_does_not_see():
    hidden = (
        "<svg><title>Lightbulb icon</title></svg><div style='display:none'>Hidden tracking text "
        "for the ad server</div><video>Your browser does not play this video.</video>"
    )
    raw = _article_page(
        "<title>T</title>", "<h1>T</h1>", f"<p>{PROSE}</p>{_aside(extra=hidden)}<p>{MORE_PROSE}</p>"
    )
    assert _lines(ingest_bytes(raw, "a.html").text) == ["T", PROSE, "Key takeaways", *KEY_POINTS,
                                                        MORE_PROSE]  # fmt: skip


def test_a_body_whose_id_holds_a_chrome_word_and_a_content_word_is_still_prose():
    """YTN-like "CmAdContent": split into "cm ad content", it reads as an ad; its content word
    keeps its text prose, so the article is found (before, 4.7% of it was kept)."""
    body = "<br><br>".join([PROSE, MORE_PROSE, THIRD])
    page = (
        "<html><head><title>T</title></head><body><h1>T</h1>"
        f"<div id='CmAdContent' class='paragraph'><span>{body}</span></div>"
        "<div class='side'><p>ZTN 제보: 사건·사고 현장을 목격하셨나요? 영상과 사진을 보내주세요.</p></div>"
        "</body></html>"
    ).encode()
    assert _lines(ingest_bytes(page, "a.html").text) == ["T", PROSE, MORE_PROSE, THIRD]
