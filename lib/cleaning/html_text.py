"""Plain text from an HTML article: scripts dropped, ``<table>`` elements kept as pipe tables."""

from __future__ import annotations

import html
from html.parser import HTMLParser

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

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.table is None:
            self.out.append(data)


def html_to_text(markup: str) -> str:
    """The readable text of ``markup``, one block per paragraph, tables as pipe tables."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
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
