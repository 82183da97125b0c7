"""Hostile input through AppTest: link parameters, their names, uploads and typed titles.

Nothing a visitor (or a link they were sent) controls may reach Streamlit's markdown as
markdown: every markdown body, alert, toast, label, help text and radio option is read the way
the markdown renderer would read it, and must not make a link, an image, an autolink or an
HTML tag out of the payloads. HTML bodies, st.html and plotly figures must not carry a live tag.
"""

from __future__ import annotations

import re

import pytest
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import APP, INPUT_PAGES, PAGES, figures
from tests.injection_payloads import HOST
from tests.injection_payloads import PAYLOADS as ALL_PAYLOADS
from ui.page_parameters import PAGE_PARAMETERS

# www. autolinks are covered by the checker's own tests below and by the browser sweep.
PAYLOADS = {kind: payload for kind, payload in ALL_PAYLOADS.items() if kind != "www"}
# The link parameters each page reads.
PARAMETERS = {path: sorted(names) for path, names in PAGE_PARAMETERS.items()}
ALL_PAGES = {**PAGES, **INPUT_PAGES}
# Elements whose text Streamlit shows as plain text (or checks on its own, below).
NOT_MARKDOWN = {"code", "text", "html", "plotly_chart", "arrow_data_frame", "json", "exception"}
MARKDOWN_FIELDS = {"body", "label", "help", "text"}
ASCII_PUNCTUATION = r"!\"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~"
LIVE_TAG = re.compile(r"(?i)<(a|img|image|source|iframe|video|audio|link|script|object)\b[^>]*")


def open_with(path: str, params: dict[str, str]) -> AppTest:
    """Open the page with these query parameters (the main page on the first run)."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    if path:
        at.run()
    for key, value in params.items():
        at.query_params[key] = value
    return at.switch_page(ALL_PAGES[path]).run() if path else at.run()


def read_markdown(body: str) -> tuple[str, str]:
    """``body`` as the markdown parser sees it: code spans blanked, backslash escapes resolved.

    Returns ``(structure, text)``: in ``structure`` an escaped character is a NUL (it cannot
    open a link or a tag); in ``text`` it is the character itself, which is what the autolink
    pass of GitHub markdown reads.
    """
    structure, text, index = [], [], 0
    while index < len(body):
        char = body[index]
        if char == "\\" and index + 1 < len(body) and body[index + 1] in ASCII_PUNCTUATION:
            structure.append("\0")
            text.append(body[index + 1])
            index += 2
            continue
        if char == "`":
            run = re.match(r"`+", body[index:]).group()
            closing = re.compile(rf"(?<!`){run}(?!`)").search(body, index + len(run))
            if closing:  # a code span: its content is literal text
                structure.append(" ")
                text.append(" ")
                index = closing.end()
                continue
            structure.append(run)
            text.append(run)
            index += len(run)
            continue
        structure.append(char)
        text.append(char)
        index += 1
    return "".join(structure), "".join(text)


def markdown_hazards(body: str) -> list[str]:
    """What in ``body`` the markdown renderer would turn into a link, an image or a tag."""
    structure, text = read_markdown(body)
    found = []
    if re.search(r"\]\s*\(", structure):
        found.append("inline link or image")
    if re.search(r"<[A-Za-z/!?]", structure):
        found.append("HTML tag")
    if re.search(r"(?i)https?://|\bwww\.|[\w.+-]@[\w-]+\.\w", text):
        found.append("autolink")
    return found


def html_hazards(body: str) -> list[str]:
    """For ``st.markdown(..., unsafe_allow_html=True)``: a live tag, or markdown read inside."""
    found = [f"live tag {m.group()[:60]!r}" for m in LIVE_TAG.finditer(body) if HOST in m.group()]
    single_block = body.lstrip().startswith("<div") and not re.search(r"[\r\n]", body.strip())
    if not single_block:  # markdown reads the body between the tags
        found += markdown_hazards(re.sub(r"<[^>]*>", "", body))
    return found


def _strings(message, kind: str, allow_html: bool):
    for field, value in message.ListFields():
        items = [value] if isinstance(value, str | Message) else value
        if field.message_type is not None:
            for item in items:
                yield from _strings(item, kind, allow_html)
        elif field.name in MARKDOWN_FIELDS or (kind == "radio" and field.name == "options"):
            for item in items:
                if isinstance(item, str):
                    yield field.name, item, allow_html


def hazards(at: AppTest) -> list[tuple[str, str, list[str]]]:
    """Every place on the page where a payload would come alive: (element, text, what)."""
    found = []
    for node in at._tree:
        proto = getattr(node, "proto", None)
        kind = getattr(node, "type", "")
        if proto is None or not hasattr(proto, "ListFields") or kind in NOT_MARKDOWN:
            continue
        allow_html = bool(getattr(proto, "allow_html", False))
        for name, text, is_html in _strings(proto, kind, allow_html):
            if HOST not in text:
                continue
            what = html_hazards(text) if is_html and name == "body" else markdown_hazards(text)
            if what:
                found.append((f"{kind}.{name}", text, what))
    for element in at.get("html"):
        tags = [m.group() for m in LIVE_TAG.finditer(element.proto.body) if HOST in m.group()]
        if tags:
            found.append(("html.body", element.proto.body[:200], tags))
    for figure in figures(at):  # plotly.js reads its strings as HTML, with working <a href>
        tags = [
            m.group()
            for text in _figure_strings(figure)
            for m in LIVE_TAG.finditer(text)
            if HOST in m.group()
        ]
        if tags:
            found.append(("plotly_chart", str(figure["layout"].get("title")), tags))
    return found


def _figure_strings(value: object, key: str = ""):
    if key == "template" or key.endswith("template"):  # the theme, the app's own templates
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _figure_strings(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from _figure_strings(item, key)


def assert_inert(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    found = hazards(at)
    assert not found, "\n".join(f"{where}: {what}: {text[:160]!r}" for where, text, what in found)


# The checker itself: it must see what the renderer sees.
@pytest.mark.parametrize(
    ("body", "live"),
    [
        (PAYLOADS["link"], True),
        (PAYLOADS["image"], True),
        (PAYLOADS["bare"], True),
        (PAYLOADS["html-image"], True),
        (f"Ignored www.{HOST} and a@{HOST}", True),
        (rf"\[x\](http\://{HOST}/)", True),  # escapes do not stop an autolink
        (f"quoted `{PAYLOADS['link']}` as code", False),
        (f"``a ` {PAYLOADS['image']}``", False),
        (rf"\[x\](http:\u2060//{HOST}/)", False),
    ],
)
def test_the_checker_reads_markdown_like_the_renderer(body, live):
    body = body.replace(r"\u2060", "\u2060")
    assert bool(markdown_hazards(body)) is live, markdown_hazards(body)


def test_html_body_checker():
    assert html_hazards(f'<div><div class="x">{PAYLOADS["image"]}</div></div>') == []
    assert html_hazards(f"<div>a\n\n{PAYLOADS['image']}</div>")  # a blank line ends the block
    assert html_hazards(f'<div><a href="http://{HOST}/">x</a></div>')


@pytest.mark.parametrize("payload", list(PAYLOADS.values()) + ["a`b``c", "# x", "1. x", ""])
def test_inert_text_reads_as_written_and_stays_text(payload):
    from ui.safe_text import WORD_JOINER, inert

    shown = inert(payload)
    assert markdown_hazards(shown) == []
    assert read_markdown(shown)[1].replace(WORD_JOINER, "") == payload
    assert inert("a\n\nb\u202ec") == "a b c"  # one line; no direction override
    assert inert("x" * 200, 10) == "x" * 9 + "…"


@pytest.mark.parametrize("kind", list(PAYLOADS))
@pytest.mark.parametrize("path", list(PARAMETERS))
def test_payloads_in_link_parameters_and_their_names_stay_text(path, kind):
    payload = PAYLOADS[kind]
    params = {parameter: payload for parameter in PARAMETERS[path]}
    at = open_with(path, {**params, payload: payload})
    assert_inert(at)
    notices = " ".join(info.value for info in at.info)
    assert "Ignored" in notices and HOST in notices  # the value is shown, as text


# AppTest runs app_pages/sources.py and app_pages/methodology.py without app.py (their url_path is their
# file name), so app.py's check of parameter names is seen on these pages; the browser test
# covers every page.
@pytest.mark.parametrize("path", ["", "policy-gaps", "add-source"])
def test_payloads_as_parameter_names_stay_text(path):
    at = open_with(path, {payload: payload for payload in PAYLOADS.values()})
    assert_inert(at)
    assert any("Ignored" in info.value and HOST in info.value for info in at.info)


ARTICLE = (
    f"{PAYLOADS['link']} {PAYLOADS['image']}\n\n"  # the first line becomes the title
    f"Intro {PAYLOADS['bare']}body and {PAYLOADS['html-image']}.\n\n"
    f"Country | [m](http://{HOST}/h) | Note |\n---|---|---|\n"
    f"{PAYLOADS['link']} | 14 | {PAYLOADS['image']} |\n"
    f"{PAYLOADS['html-link-quoted']} | 5 | {PAYLOADS['html-image']} |\n"
    f"{PAYLOADS['bare']} | 7 |\n"  # a ragged row: its cells are quoted in a warning
)


def test_hostile_uploads_pasted_names_and_titles_stay_text():
    at = open_with("add-source", {})
    files = [
        (f"{payload}.txt", f"{payload}\n\n{ARTICLE}".encode()) for payload in PAYLOADS.values()
    ]
    files.append((f"{PAYLOADS['image']}.pdf", b"%PDF-1.4"))  # refused: a one-line error
    at = at.file_uploader[0].set_value([(name, raw, "text/plain") for name, raw in files]).run()
    assert_inert(at)
    assert any(HOST in error.value for error in at.error)
    assert any(HOST in warning.value for warning in at.warning)  # the ragged row, quoted

    at.text_input(key="paste-name").set_value(PAYLOADS["html-link"]).run()
    at.text_area(key="paste-text").set_value(f"Pasted.\n\n{ARTICLE}").run()
    at.button(key="paste-add").click().run()
    assert_inert(at)

    title = next(t for t in at.text_input if t.key and t.key.startswith("builder-title-"))
    title.set_value(f"{PAYLOADS['html-link-quoted']} {PAYLOADS['link']}").run()
    assert_inert(at)
    at.button(key=next(b.key for b in at.button if b.key and b.key.startswith("deck-add-"))).click()
    at.run()
    assert_inert(at)
    assert any(HOST in toast.proto.body for toast in at.get("toast"))
    (chart,) = figures(at)
    assert f'&lt;a href="http://{HOST}/q"&gt;x&lt;/a&gt;' in chart["layout"]["title"]["text"]
    for choice in list(at.session_state["uploads"]):
        at.selectbox(key="upload-choice").set_value(choice).run()
        assert_inert(at)


def test_hostile_articles_in_the_team_library_stay_text(tmp_path, monkeypatch):
    from streamlit import config

    from lib.library.store import Library

    url = f"sqlite:///{tmp_path / 'library.sqlite3'}"
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", url)
    before = config.get_option("server.address")
    config.set_option("server.address", "127.0.0.1")  # a loopback server: it may write
    try:
        at = open_with("add-source", {})
        raw = f"{PAYLOADS['link']} {PAYLOADS['bare']}\n\n{ARTICLE}".encode()
        at.file_uploader[0].set_value([(f"{PAYLOADS['image']}.txt", raw, "text/plain")]).run()
        title = next(t for t in at.text_input if t.key and t.key.startswith("builder-title-"))
        title.set_value(PAYLOADS["html-link-quoted"]).run()
        at.button(key=next(b.key for b in at.button if b.label == "Add to library")).click().run()
        at.button(key=next(b.key for b in at.button if b.label == "Save chart")).click().run()
        assert_inert(at)
        [article] = [a for a in Library.open(url).articles() if not a.bundled]
        [chart] = Library.open(url).charts()
        assert HOST in article.title and HOST in chart.title
        library_page = open_with("library", {})
        assert_inert(library_page)
        assert HOST in library_page.dataframe[0].value["Title"].iloc[0]  # shown, as text
        sources = open_with("sources", {"source": article.id, "chart": chart.id})
        assert_inert(sources)
        assert [e.value for e in sources.exception] == []
    finally:
        config.set_option("server.address", before)
