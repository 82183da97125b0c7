"""Plain text from a whole HTML page: scripts dropped, ``<table>`` elements kept as pipe tables.

The article of a page is read by ``lib.cleaning.main_content``; ``html_to_text`` reads every
text of a page in which it finds none (or that libxml2 cannot read), so that nothing is lost.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from lib.cleaning.decoding import UnreadableSourceError

SKIPPED = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
BLOCKS = {
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "header",
    "footer", "blockquote", "pre", "ul", "ol", "table", "figcaption", "hr", "title",
}  # fmt: skip


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip_depth = 0
        self.table: list[list[str]] | None = None
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self.skip_depth += 1
        elif tag == "table":
            self.table = []
        elif tag == "tr" and self.table is not None:
            self.table.append([])
        elif tag in ("td", "th") and self.table is not None:
            self.cell = []
        elif tag in BLOCKS:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skip_depth = max(self.skip_depth - 1, 0)
        elif tag in ("td", "th") and self.table is not None and self.cell is not None:
            if not self.table:
                self.table.append([])
            self.table[-1].append(" ".join("".join(self.cell).split()).replace("|", "/"))
            self.cell = None
        elif tag == "table" and self.table is not None:
            rows = [row for row in self.table if row]
            self.out.append("\n\n")
            for index, row in enumerate(rows):
                self.out.append(" | ".join(row) + " |\n")
                if index == 0:
                    self.out.append("---|\n")
            self.out.append("\n")
            self.table = None
        elif tag in BLOCKS:
            self.out.append("\n")

    def close(self) -> None:
        """End the input as HTML5 does: a tag, comment or declaration left open swallows the rest.

        Python's parser (before 3.11.13, gh-135462) instead emits such a construct as text up to
        the next ``>`` or ``<`` and parses on, reading the rest of the input again for every
        ``<`` after it: quadratic, 30 KB of ``<a <a <a`` took 15 s. A lone ``<`` or ``</`` at the
        very end is still text, as in HTML5.
        """
        tail = self.rawdata  # what feed() left unparsed: it stopped at the first open construct
        if len(tail) > 1 and tail.startswith("<") and tail != "</" and not self.cdata_elem:
            self.rawdata = ""
        super().close()

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.table is None:
            self.out.append(data)


def html_to_text(markup: str) -> str:
    """The readable text of ``markup``, one block per paragraph, tables as pipe tables.

    Raises UnreadableSourceError when Python's HTML parser cannot read the markup.
    """
    collector = _TextCollector()
    try:
        collector.feed(markup)
        collector.close()
    except AssertionError:  # html.parser gives up on some "<![" sections with an AssertionError
        line, _ = collector.getpos()
        raise UnreadableSourceError(
            f"HTML has a declaration the parser cannot read near line {line}: "
            "give the article's text as a .txt file instead"
        ) from None
    lines = [" ".join(line.split()) for line in html.unescape("".join(collector.out)).split("\n")]
    text, blank = [], False
    for line in lines:
        if line:
            text.append(line)
            blank = False
        elif not blank and text:
            text.append("")
            blank = True
    return "\n".join(text).strip() + "\n"


def looks_like_html(name: str, text: str) -> bool:
    """True for ``.html``/``.htm`` files, or text that opens like an HTML document."""
    head = text.lstrip()[:200].lower()
    return name.lower().endswith((".html", ".htm")) or head.startswith(("<!doctype html", "<html"))
