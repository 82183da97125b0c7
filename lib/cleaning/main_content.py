"""The article of an HTML page: headline, standfirst and body as text, tables as pipe tables.

The page is parsed once with lxml (libxml2's HTML parser, in C) and read in passes that each
visit an element a fixed number of times (explicit stacks, no recursion):

1. **Measure.** Elements that are never article text are set aside: scripts, forms, navigation,
   ``<aside>``/``<footer>``, images and image figures, hidden elements. A block's own text (not
   that of block elements inside it), less its link text, is *prose* when it has at least
   ``MIN_PARAGRAPH`` characters and the block is not a heading, a short table cell or classed
   as chrome. Prose is credited to its container in full and to the container's parent in
   half, as readability does: a paragraph's container is its parent; a block whose own text is
   set off by ``<br>`` (a CMS body without ``<p>``) is its own container. The *content root* is
   the container with the most credit, weighed by its link density and its class/id
   (``article-body`` counts for, ``related`` against); then the nearest ancestor that holds a
   good share more prose (a body split around an ad, a blog editor's or live blog's blocks).
2. **Headline.** Among the headings before the root's first prose, not in a logo or other
   chrome: the one that is the page's ``og:title``/``<title>`` (or most of it, the rest being
   the site's name); else the nearest ``<h1>``; else the nearest heading. With none, the title
   trafilatura reads from the page's metadata is the first line.
3. **Text.** From the headline to the end of the root, in document order. Between the two (the
   article's header) only standfirst-like blocks are kept: paragraphs and subheadings, or an
   element classed as a lead/standfirst/summary; bylines, dates, share bars and the like are
   dropped by their class/id. Inside the root everything is kept except chrome: elements classed
   as ads, share bars, related links, copyright notices..., containers that are mostly links,
   and e-mail signature lines at its end.

Class/id names are read as words ("article-content__copyright": article, content, copyright);
the chrome words are the usual CMS names (``CHROME_WORDS``). The root and its ancestors are never
dropped for their class (a WordPress ``<article class="... tag-compute">`` holds the story).

Whitespace inside a paragraph collapses as a browser shows it (a newline is a space, a no-break
space reads as a space, U+3000 inside a line stays); each line (``<br>`` ends one) is a
paragraph, and paragraphs are separated by a blank line. Entities are decoded once, by the
parser (``&amp;lt;`` is the text ``&lt;``). A data ``<table>`` becomes a pipe table in the shape
``html_to_text`` writes (``cell | cell |``, ``---|`` under the header), after its
``<caption>``; a layout table (a nested table, a cell over ``LAYOUT_CELL`` characters) is read
as blocks.

The page's metadata (title, author, date, URL, site name) comes from trafilatura's
``extract_metadata``, on the first ``METADATA_WINDOW`` characters of the page (the ``<head>``
and the top of the body, where it is), so that its cost does not grow with the page.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import lxml.etree

Element = lxml.etree._Element  # the parser's element type (plain lxml, no lxml.html classes)


def _names(text: str) -> frozenset[str]:
    """The whitespace-separated names in ``text``."""
    return frozenset(text.split())


# Elements whose content is never article text (their tail, the text after them, still is).
SKIPPED_TAGS = _names(
    "script style noscript template svg math iframe frame frameset object embed applet canvas "
    "form button input select option textarea label fieldset legend nav aside footer img picture "
    "source track video audio map area head title meta link base dialog menu address"
)
BLOCK_TAGS = _names(
    "p div section article main header footer h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote pre "
    "figure figcaption table thead tbody tfoot tr td th caption hr center details summary body "
    "html hgroup"
)
HEADINGS = _names("h1 h2 h3 h4 h5 h6")
# A paragraph's text is credited to its parent; any other block's own text (text set off by
# <br>, as CMS bodies without <p> have it) is credited to the block itself.
PARAGRAPH_TAGS = _names("p pre blockquote li dd dt")
# In the article's header (between the headline and the root) only these blocks are kept.
STANDFIRST_TAGS = _names("p h2 h3 h4 h5 h6 blockquote")
# Containers dropped when most of their text is link text (teasers, "read more", tag lists).
LINK_LIST_TAGS = _names("div section ul ol dl p span header")
# Where a <time> reads as part of a sentence; elsewhere it is a dateline, dropped.
TIME_IN_TEXT = _names("p li td th dd dt blockquote caption figcaption h1 h2 h3 h4 h5 h6")
CHROME_ROLES = _names(
    "navigation banner contentinfo complementary search dialog alertdialog menu menubar"
)
# Class/id words of page chrome, matched as whole words of a class or id name, split at
# "-", "_" and camelCase ("article-content__copyright" -> article, content, copyright).
CHROME_WORDS = _names(
    """
    ad ads adv advert adverts advertisement advertising adsbygoogle adsense dfp gpt sponsor
    sponsored promo promotion banner byline author authors writer reporter journalist date dates
    datestamp dateline time timestamp published updated update meta info share shares sharing
    sharedaddy sns social related relation recommend recommended popular ranking rank trending
    most comment comments cbox reply respond disqus newsletter subscribe subscription signup
    breadcrumb breadcrumbs topicpath location cookie consent cmp gdpr tag tags keyword keywords
    topics copyright caption photo paywall print util utils tool tools toolbar nav menu sidebar
    widget footer skip kicker audio player feedback attach attachment attachments empathy
    reaction reactions like likes logo brand branding masthead credit credits disclaimer
    contact inquiry infobox navbox editsection catlinks hatnote references reflist toc
    """
)
# A summary a machine wrote above the article ("ai-summary", "aiSummary"): not the article's
# text, and it may differ from it, so it is chrome though "summary" alone marks a standfirst.
MACHINE_WORDS = _names("ai gpt llm genai bot")
DIGEST_WORDS = _names("summary summaries summarize abstract digest brief briefing tldr recap")
CONTENT_WORDS = _names("article body content entry main post story text news view")
STANDFIRST_WORDS = _names(
    """
    lead standfirst intro dek deck desc description summary subtitle sub subheading subhead
    excerpt teaser strapline abstract lede chapo chapeau vorspann
    """
)
NO_WORDS: frozenset[str] = frozenset()
CLASS_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")
# Characters a browser draws as nothing: a paragraph of only these is a blank spacer (blog
# editors write one between paragraphs), not a line of the article.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
SPACE_RUN = re.compile(r"[ \t\n\r\f\v\xa0]+")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

TEMPLATE_FALLBACK_CHARS = 200  # an article under this, on a page with <template>: read them
ARTICLE_BOUNDS = _names("article main")  # the root widens up to one of these, never past it
MIN_PARAGRAPH = 20  # characters (not spaces) of non-link text for a block to count as prose
LINK_DENSITY_LIMIT = 0.5
CHROME_WEIGHT = 0.3
CONTENT_WEIGHT = 1.3
SIBLING_SHARE = 0.25  # a sibling with this share of the root's credit widens the root
GUARD_SHARE = 0.5  # a chrome-classed element holding half the root's text is kept
LAYOUT_CELL = 300  # a table with a cell this long (or a nested table) is layout, not data
SIGNATURE_MAX = 80  # a last block this short holding an e-mail address is a signature
MAX_TITLE_FILL = 0.5  # a heading matches a <title> it fills at least half of
METADATA_WINDOW = 64_000
DETECTED_MAX = 300  # characters kept of each metadata value


@dataclass
class MainContent:
    """The article text of a page (empty when none was found) and the metadata it declares.

    ``detected`` maps ``title``, ``author``, ``published``, ``url`` and ``publisher`` (the site
    name) to the values the page's metadata gives, when it gives them; ``title`` is the
    headline found on the page when there is one (a ``<title>`` often holds the site's name or
    its section, "Press Releases > News").
    """

    text: str
    detected: dict[str, str] = field(default_factory=dict)


def parse_html(markup: str) -> Element | None:
    """The document tree of ``markup``, or None when libxml2 cannot read it or has to cut it.

    ``huge_tree`` raises libxml2's nesting limit from 256 to 2,048 elements; past that it drops
    the deeper content, so a tree that hit the limit is not used (the caller reads the page
    with the full-page reader instead).
    """
    parser = lxml.etree.HTMLParser(
        encoding="utf-8", huge_tree=True, remove_comments=True, remove_pis=True
    )
    try:
        root = lxml.etree.fromstring(markup.encode("utf-8", "replace"), parser=parser)
    except (lxml.etree.LxmlError, ValueError):
        return None
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        return None
    return root


def _class_words(element: Element) -> frozenset[str] | set[str]:
    """The words of an element's class, id and slot names, and of its tag when it is a custom
    element (``<thread-comment>``: its name is the author's, as a class name is)."""
    tag = element.tag
    custom = tag if "-" in tag else ""
    names = f"{element.get('class') or ''} {element.get('id') or ''} {element.get('slot') or ''}"
    if names == "  " and not custom:
        return NO_WORDS
    return {word.lower() for word in CLASS_WORD.findall(f"{names} {custom}")}


def _is_chrome_named(words: frozenset[str] | set[str]) -> bool:
    """Whether class/id words name page chrome: a chrome word, or a machine-written summary."""
    return bool(words & CHROME_WORDS) or bool(words & MACHINE_WORDS and words & DIGEST_WORDS)


def _never_text(element: Element, parent_tag: str, skipped: frozenset[str] = SKIPPED_TAGS) -> bool:
    """True for elements whose content is never article text, wherever they are."""
    tag = element.tag
    if not isinstance(tag, str) or tag in skipped:
        return True
    if tag == "time" and parent_tag not in TIME_IN_TEXT:
        return True
    if tag == "figure" and element.find(".//table") is None:
        return True  # an image or video with its caption
    return _hidden_or_chrome_role(element)


def _hidden_or_chrome_role(element: Element) -> bool:
    """True for an element that is hidden or whose ARIA role is page chrome."""
    attributes = element.attrib
    if not attributes:
        return False
    if "hidden" in attributes or attributes.get("aria-hidden") == "true":
        return True
    if (attributes.get("role") or "").lower() in CHROME_ROLES:
        return True
    style = attributes.get("style")
    return bool(style and HIDDEN_STYLE.search(style))


def _normal(text: str) -> str:
    """``text`` as a browser lays it out: runs of spaces, tabs, newlines (and no-break spaces,
    which read as spaces) are one space; other spaces such as U+3000 stay, but not at the ends."""
    return SPACE_RUN.sub(" ", text).strip()


def _chars(text: str | None) -> int:
    """Characters of ``text`` other than whitespace."""
    return len("".join(text.split())) if text else 0


@dataclass(slots=True)
class _Node:
    """What the measuring pass learns about one element."""

    order: int
    end: int = 0  # order of its last descendant
    parent: Element | None = None
    chars: int = 0  # text characters in its subtree (set-aside elements not counted)
    link_chars: int = 0  # of which inside <a>
    own: int = 0  # text characters that are its own (not inside a block element in it)
    own_links: int = 0
    credit: float = 0.0
    words: frozenset[str] | set[str] = NO_WORDS
    chrome: bool = False
    content: bool = False


class _Page:
    """One pass over the tree: every element's node, the set-aside elements, the headings."""

    def __init__(self, body: Element, *, templates: bool = False) -> None:
        self.body = body
        self.skipped = SKIPPED_TAGS - {"template"} if templates else SKIPPED_TAGS
        self.nodes: dict[Element, _Node] = {}
        self.never: set[Element] = set()
        self.headings: list[Element] = []
        self._chrome_memo: dict[Element, bool] = {}
        self._block_orders: list[int] | None = None  # orders of block elements, for bisecting
        self.min_prose = MIN_PARAGRAPH
        self._measure()

    def _measure(self) -> None:
        order = 0
        # (element, nearest block ancestor-or-self, inside a link, children pushed yet)
        stack: list[tuple[Element, Element, bool, bool]] = [(self.body, self.body, False, False)]
        self.nodes[self.body] = _Node(order)
        while stack:
            element, block, in_link, done = stack.pop()
            node = self.nodes[element]
            if done:
                if node.order < 0:  # a set-aside element: ordered where it stands, not entered
                    order += 1
                    node.order = order
                node.end = order
                if node.parent is not None:
                    up = self.nodes[node.parent]
                    up.chars += node.chars
                    up.link_chars += node.link_chars
                continue
            order += 1  # orders are given in document order, as elements are entered
            node.order = order
            if element.tag in HEADINGS:
                self.headings.append(element)
            stack.append((element, block, in_link, True))
            self._count_text(element.text, node, self.nodes[block], in_link)
            for child in element:
                # A tail is the parent's text: counted on the parent and its block.
                self._count_text(child.tail, node, self.nodes[block], in_link)
            for child in reversed(element):
                child_node = _Node(0, parent=element)
                self.nodes[child] = child_node
                if _never_text(child, element.tag, self.skipped):
                    self.never.add(child)
                    stack.append((child, block, in_link, True))  # ordered, never entered
                    child_node.order = -1
                    continue
                child_node.words = _class_words(child)
                # A figcaption left here captions a table (image figures are set aside).
                child_node.chrome = _is_chrome_named(child_node.words) and (
                    child.tag != "figcaption"
                )
                child_node.content = bool(child_node.words & CONTENT_WORDS)
                child_block = child if child.tag in BLOCK_TAGS else block
                stack.append((child, child_block, in_link or child.tag == "a", False))

    @staticmethod
    def _count_text(text: str | None, node: _Node, block: _Node, in_link: bool) -> None:
        chars = _chars(text)
        if not chars:
            return
        node.chars += chars
        block.own += chars
        if in_link:
            node.link_chars += chars
            block.own_links += chars

    def has_block_inside(self, element: Element) -> bool:
        """Whether a block element (not set aside) lies inside ``element``."""
        if self._block_orders is None:
            self._block_orders = sorted(
                node.order
                for other, node in self.nodes.items()
                if other.tag in BLOCK_TAGS and other not in self.never
            )
        node = self.nodes[element]
        index = bisect_right(self._block_orders, node.order)
        return index < len(self._block_orders) and self._block_orders[index] <= node.end

    def link_density(self, element: Element) -> float:
        node = self.nodes[element]
        return node.link_chars / node.chars if node.chars else 0.0

    def content_root(self) -> Element | None:
        """The container with the most paragraph text, or None when the page has no prose.

        A page whose paragraphs are all shorter than ``MIN_PARAGRAPH`` (a two-line snippet)
        is weighed again counting every paragraph."""
        root = self._best_container()
        if root is None:
            self.min_prose = 1
            root = self._best_container()
        return self._widen(root) if root is not None else None

    def _widen(self, root: Element) -> Element:
        """The nearest ancestor of the root that holds the article's other parts too: going up
        from the root, each ancestor whose prose is at least ``1 + SIBLING_SHARE`` times that of
        the root so far becomes the root (a body split around an ad; a blog editor's or a live
        blog's run of sibling blocks, each a few levels deep). It stops at ``<body>``, at an
        ancestor classed as chrome or set aside, at one that is mostly links, and at the page's
        own ``<article>`` or ``<main>``: what lies outside it (comments, teasers) is not the
        article, whatever its prose."""
        orders, sums = self._prose_index()

        def prose_within(element: Element) -> int:
            node = self.nodes[element]
            return sums[bisect_right(orders, node.end)] - sums[bisect_left(orders, node.order)]

        best, best_prose = root, prose_within(root)
        element = root
        while (
            element.tag not in ARTICLE_BOUNDS
            and (parent := self.nodes[element].parent) is not None
            and parent is not self.body
        ):
            node = self.nodes[parent]
            if (
                parent in self.never
                or (node.chrome and not node.content)
                or self.link_density(parent) >= LINK_DENSITY_LIMIT
            ):
                break
            prose = prose_within(parent)
            if prose >= (1 + SIBLING_SHARE) * best_prose:
                best, best_prose = parent, prose
            element = parent
        return best

    def _prose_index(self) -> tuple[list[int], list[int]]:
        """The orders of the prose blocks in document order, and the running sums of their
        prose: the prose inside any element is two bisections away (its order and end)."""
        blocks = sorted(
            (node.order, node.own - node.own_links)
            for element, node in self.nodes.items()
            if self._is_prose(element, node)
        )
        sums = [0]
        for _, prose in blocks:
            sums.append(sums[-1] + prose)
        return [order for order, _ in blocks], sums

    def _best_container(self) -> Element | None:
        for element, node in self.nodes.items():
            if not self._is_prose(element, node):
                continue
            prose = node.own - node.own_links
            target = node.parent if element.tag in PARAGRAPH_TAGS else element
            if target is None:
                target = element
            self.nodes[target].credit += prose
            grand = self.nodes[target].parent
            if grand is not None:
                self.nodes[grand].credit += prose / 2
        best, best_score = None, 0.0
        for element, node in self.nodes.items():
            if not node.credit:
                continue
            score = node.credit * (1 - self.link_density(element))
            if node.chrome and not node.content:
                score *= CHROME_WEIGHT
            elif node.content:
                score *= CONTENT_WEIGHT
            if score > best_score or (
                score == best_score and best is not None and node.order < self.nodes[best].order
            ):
                best, best_score = element, score
        return best

    def _is_prose(self, element: Element, node: _Node) -> bool:
        """True for a block whose own text reads as a paragraph of the article: long enough,
        not mostly links, not a heading, a short table cell or a chrome-classed block."""
        prose = node.own - node.own_links
        if prose < self.min_prose or (node.chrome and not node.content) or element.tag in HEADINGS:
            return False
        return element.tag not in ("td", "th") or prose >= LAYOUT_CELL

    def first_prose(self, root: Element) -> int:
        """Order of the first element in ``root`` holding prose (the root's own text: itself)."""
        node = self.nodes[root]
        if self._is_prose(root, node):
            return node.order
        for element in root.iterdescendants():
            inner = self.nodes.get(element)
            if inner is not None and self._is_prose(element, inner):
                return inner.order
        return node.end + 1

    def in_chrome(self, element: Element, line: set[Element]) -> bool:
        """True when ``element`` or an ancestor not on ``line`` (the root and its ancestors) is
        chrome-classed or set aside. Answers are kept, so asking for every element is linear."""
        path = []
        current: Element | None = element
        answer = False
        while current is not None and current not in line:
            if current in self._chrome_memo:
                answer = self._chrome_memo[current]
                break
            node = self.nodes.get(current)
            if node is None or node.chrome or current in self.never:
                answer = True
                path.append(current)
                break
            path.append(current)
            current = node.parent
        for passed in path:
            self._chrome_memo[passed] = answer
        return answer


def _inline_text(element: Element, never: set[Element]) -> list[str]:
    """The lines of ``element``'s text (``<br>`` ends a line), set-aside elements left out."""
    lines: list[list[str]] = [[]]
    stack: list[tuple[Element, bool]] = [(element, False)]
    while stack:
        current, done = stack.pop()
        if done:
            if current is not element and current.tag in BLOCK_TAGS:
                lines.append([])
            if current is not element and current.tail:
                lines[-1].append(current.tail)
            continue
        if current is not element and current in never:
            if current.tail:
                lines[-1].append(current.tail)
            continue
        if current.tag == "br" or (current is not element and current.tag in BLOCK_TAGS):
            lines.append([])
        if current.text:
            lines[-1].append(current.text)
        stack.append((current, True))
        stack.extend((child, False) for child in reversed(current))
    out = [_normal("".join(parts)) for parts in lines]
    return [line for line in out if line]


class _Writer:
    """Paragraphs collected in document order: lines of inline text, set off by blocks."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.lines: list[list[str]] = [[]]
        self.pre = 0

    def text(self, text: str | None) -> None:
        if not text:
            return
        if self.pre:
            first, *rest = text.split("\n")
            self.lines[-1].append(first)
            self.lines.extend([part] for part in rest)
        else:
            self.lines[-1].append(text)

    def line_break(self) -> None:
        self.lines.append([])

    def flush(self) -> None:
        """End the paragraph. Each of its lines (ended by ``<br>``) is a paragraph of its own,
        as the article's lines are; inside ``<pre>`` they stay together, one per line."""
        if len(self.lines) == 1 and not self.lines[0]:
            return
        lines = [_normal("".join(parts)) for parts in self.lines]
        lines = [line for line in lines if line.strip(INVISIBLE)]  # a spacer shows nothing
        if self.pre and lines:
            self.blocks.append("\n".join(lines))
        else:
            self.blocks.extend(lines)
        self.lines = [[]]

    def block(self, text: str) -> None:
        self.flush()
        if text:
            self.blocks.append(text)


def _cell_text(cell: Element, never: set[Element]) -> str:
    return " ".join(_inline_text(cell, never)).replace("|", "/")


def _table_rows(table: Element, never: set[Element]) -> list[list[str]] | None:
    """The rows of a data table, or None for a layout table (a nested table, a long cell)."""
    if table.find(".//table") is not None:
        return None
    rows: list[list[str]] = []
    for row in table.iter("tr"):
        cells = [
            _cell_text(cell, never)
            for cell in row
            if isinstance(cell.tag, str) and cell.tag in ("td", "th") and cell not in never
        ]
        if any(len(cell) > LAYOUT_CELL for cell in cells):
            return None
        if cells:
            rows.append(cells)
    return rows


def pipe_table(rows: list[list[str]]) -> str:
    """``rows`` as the pipe table ``html_to_text`` writes: ``a | b |``, ``---|`` under row 1."""
    lines = []
    for index, row in enumerate(rows):
        lines.append(" | ".join(row) + " |")
        if index == 0:
            lines.append("---|")
    return "\n".join(lines)


def _titles(tree: Element, detected: dict[str, str]) -> tuple[set[str], list[str]]:
    """The page's titles, normalized: those a headline must equal (trafilatura's, which has the
    site name cut off already), and those it may fill most of (``og:title``, ``<title>``)."""
    found = tree.xpath(
        "//meta[@property='og:title' or @name='og:title' or @name='twitter:title']/@content"
        " | //head/title//text()"
    )
    titles = [_normal(str(value)).casefold() for value in found]
    exact = {title for title in titles if title}
    if detected.get("title"):
        exact.add(_normal(detected["title"]).casefold())
    return exact, [title for title in titles if title]


def _matches_title(heading: str, titles: tuple[set[str], list[str]]) -> bool:
    """True when ``heading`` is the page's title, or most of it (the rest: the site's name)."""
    heading = heading.casefold()
    exact, page_titles = titles
    if heading in exact:
        return True
    for title in page_titles:
        longer, shorter = (title, heading) if len(title) > len(heading) else (heading, title)
        fits = longer.startswith(shorter) or longer.endswith(shorter)
        if fits and len(shorter) >= MAX_TITLE_FILL * len(longer):
            return True
    return False


def _title_block(
    page: _Page, first: int, titles: tuple[set[str], list[str]]
) -> tuple[Element | None, str]:
    """The last block up to the root's first prose whose text is the page's title, with no
    block inside it: a headline drawn in a ``<div class="title">`` or a layout table's cell.

    Only such leaf blocks no longer than twice the longest title are read; leaf blocks do not
    nest, so each element is read at most once however deeply blocks nest."""
    exact, page_titles = titles
    longest = max((len(title) for title in (*exact, *page_titles)), default=0)
    found: tuple[Element | None, str] = (None, "")
    for element in page.body.iter():
        node = page.nodes.get(element)
        if node is None or element in page.never or element.tag not in BLOCK_TAGS:
            continue
        if node.order > first:  # a title in a <div> is its own text: it may be the first prose
            break
        if node.chrome or not 0 < node.chars <= 2 * longest:
            continue
        if page.has_block_inside(element):  # leaf blocks do not nest: each is read once
            continue
        text = " ".join(_inline_text(element, page.never))
        if text and _matches_title(text, titles):
            found = (element, text)
    return found


def _headline(
    page: _Page, root: Element, titles: tuple[set[str], list[str]]
) -> tuple[Element | None, str]:
    """The headline element before the root's first prose, and its text."""
    first = page.first_prose(root)
    line = {root, *root.iterancestors()}
    # (heading, text, chrome by its own class alone: "post-title published"), in page order
    found: list[tuple[Element, str, bool]] = []
    for heading in page.headings:
        if page.nodes[heading].order >= first:
            break
        own_class = page.in_chrome(heading, line)
        parent = heading.getparent()
        if own_class and (heading in page.never or parent is None or page.in_chrome(parent, line)):
            continue
        text = " ".join(_inline_text(heading, page.never))
        if text:
            found.append((heading, text, own_class))
    # The page's own title names its headline even where a class word reads as chrome.
    for heading, text, _ in found:
        if _matches_title(text, titles):
            return heading, text
    block, text = _title_block(page, first, titles)
    if block is not None:
        return block, text
    candidates = [(heading, text) for heading, text, own_class in found if not own_class]
    for heading, text in reversed(candidates):
        if heading.tag == "h1":
            return heading, text
    if candidates:
        return candidates[-1]
    return None, ""


ENTER, EXIT, TAIL = 0, 1, 2


class _ArticleWriter:
    """Writes the span from the headline to the end of the root (see the module docstring)."""

    def __init__(self, page: _Page, root: Element, headline: Element | None) -> None:
        self.page = page
        self.root = root
        self.headline = headline
        root_node = page.nodes[root]
        self.root_first, self.root_last = root_node.order, root_node.end
        self.start = page.nodes[headline].order if headline is not None else root_node.order
        self.keep = {root, *root.iterancestors()}
        if headline is not None:
            self.keep.update(headline.iterancestors())
        self.writer = _Writer()

    def in_root(self, node: _Node) -> bool:
        return self.root_first <= node.order <= self.root_last

    def write(self, headline_text: str) -> list[str]:
        """The article's blocks: headline, standfirst, body."""
        page, writer = self.page, self.writer
        stack: list[tuple[Element, int]] = [(page.body, ENTER)]
        while stack:
            element, event = stack.pop()
            node = page.nodes[element]
            if event == TAIL:
                if node.order >= self.start and self.in_root(node):
                    if element.tag == "aside":
                        for line in _fact_box(element):
                            writer.block(line)
                    writer.text(element.tail)
                continue
            if event == EXIT:
                if element.tag in BLOCK_TAGS:
                    writer.flush()
                if element.tag == "pre":
                    writer.pre = max(writer.pre - 1, 0)
                if element is not self.root:
                    writer.text(element.tail)
                continue
            if node.order > self.root_last:
                break
            if node.end < self.start:
                continue
            descend = True
            if element is self.headline:
                writer.block(headline_text)
                descend = False
            elif node.order < self.start or element in self.keep:
                if element is self.root and node.order >= self.start:
                    writer.flush()
                    writer.text(element.text)
            elif not self.in_root(node):
                descend = self._open_in_header(element, node)
            else:
                descend = self._open_in_root(element, node)
            if not descend:
                if element.tag in BLOCK_TAGS:
                    writer.flush()
                if self.in_root(node) and element is not self.root:
                    writer.text(element.tail)
                continue
            if self.in_root(node) or element is self.root:
                stack.append((element, EXIT))
            stack.extend(
                (child, TAIL if child in page.never else ENTER) for child in reversed(element)
            )
        writer.flush()
        return writer.blocks

    def _open_in_header(self, element: Element, node: _Node) -> bool:
        """Between headline and root: write a standfirst; True to look inside ``element``."""
        if node.chrome:
            return False
        # A paragraph here is a standfirst when it is prose: a short one under a video or a
        # photo ("KBN 뉴스9 2026.03.17") is its label. Subheadings and classed leads stay.
        by_tag = element.tag in STANDFIRST_TAGS and (
            element.tag in HEADINGS or node.chars >= MIN_PARAGRAPH
        )
        standfirst = by_tag or node.words & STANDFIRST_WORDS
        if standfirst and self.page.link_density(element) < LINK_DENSITY_LIMIT:
            for line in _inline_text(element, self.page.never):
                self.writer.block(line)
            return False
        return element.tag in BLOCK_TAGS

    def _open_in_root(self, element: Element, node: _Node) -> bool:
        """Inside the root: write what ``element`` opens; True to write its content."""
        page, writer, tag = self.page, self.writer, element.tag
        guarded = node.chars >= GUARD_SHARE * page.nodes[self.root].chars
        if node.chrome and not guarded:
            return False
        if (
            tag in LINK_LIST_TAGS
            and page.link_density(element) > LINK_DENSITY_LIMIT
            and not guarded
        ):
            return False
        if tag == "table":
            rows = _table_rows(element, page.never)
            if rows is not None:
                caption = element.find("caption")
                if caption is not None:
                    writer.block(" ".join(_inline_text(caption, page.never)))
                writer.block(pipe_table(rows))
                return False
        if tag == "br":
            writer.line_break()
            return False
        if tag in BLOCK_TAGS:
            writer.flush()
        if tag == "pre":
            writer.pre += 1
        writer.text(element.text)
        return True


# Inside a fact box only text may stand: anything that runs, asks or is hidden makes it not one.
FACT_BOX_NEVER = _names("script style noscript template form button input select textarea nav")
MIN_FACT_LINES = 2  # lines of prose (MIN_PARAGRAPH characters) a fact box holds at least


def _fact_box(aside: Element) -> list[str]:
    """The lines of an ``<aside>`` inside the article that is part of it (a "Key takeaways" or
    fact box), else none: not hidden nor classed as chrome, mostly not links, holding only text
    (no script, form or navigation) and at least ``MIN_FACT_LINES`` lines of prose.

    Asides are set aside when the page is measured (a sidebar must not win the root); this asks
    only of those inside the root, and reads each once."""
    if _hidden_or_chrome_role(aside) or _is_chrome_named(_class_words(aside)):
        return []
    chars = links = 0
    unseen: set[Element] = set()  # hidden, an image, a video...: left out of its text
    stack: list[tuple[Element, bool]] = [(aside, False)]  # (element, inside a link)
    while stack:
        element, in_link = stack.pop()
        in_link = in_link or element.tag == "a"
        text = _chars(element.text)
        chars += text
        links += text if in_link else 0
        for child in element:
            tail = _chars(child.tail)  # the child's tail is this element's text
            chars += tail
            links += tail if in_link else 0
            if isinstance(child.tag, str) and child.tag in FACT_BOX_NEVER:
                return []
            if _never_text(child, element.tag):
                unseen.add(child)
            else:
                stack.append((child, in_link))
    if not chars or links / chars >= LINK_DENSITY_LIMIT:
        return []
    lines = _inline_text(aside, unseen)
    if sum(1 for line in lines if _chars(line) >= MIN_PARAGRAPH) < MIN_FACT_LINES:
        return []
    return lines


def _drop_signatures(blocks: list[str]) -> list[str]:
    """Drop the reporter's e-mail signature lines at the end of the article."""
    while blocks and len(blocks[-1]) <= SIGNATURE_MAX and EMAIL.search(blocks[-1]):
        blocks.pop()
    return blocks


def detect_metadata(markup: str) -> dict[str, str]:
    """Title, author, date, URL and site name the page declares, by trafilatura, or {}."""
    import trafilatura  # imported on first use: plain-text sources never need it

    try:
        document = trafilatura.extract_metadata(markup[:METADATA_WINDOW], extensive=False)
    except Exception:  # noqa: BLE001 - a third-party reader's bug must not lose the page
        return {}
    fields = {
        "title": document.title,
        "author": document.author,
        "published": document.date,
        "url": document.url,
        "publisher": document.sitename,
    }
    return {key: _normal(value)[:DETECTED_MAX] for key, value in fields.items() if value}


def extract_main_content(markup: str) -> MainContent:
    """The article in ``markup`` as text (empty when the page has no prose), and its metadata."""
    detected = detect_metadata(markup)
    tree = parse_html(markup)
    if tree is None:
        return MainContent("", detected)
    body = tree.find("body")
    if body is None:
        body = tree
    titles = _titles(tree, detected)
    text = _article_text(body, titles, detected, templates=False)
    if _chars(text) < TEMPLATE_FALLBACK_CHARS and body.find(".//template") is not None:
        # A shell page whose story a script draws from a <template>: what a reader sees is the
        # template's content, so the page is read again with it.
        drawn = _article_text(body, titles, detected, templates=True)
        if _chars(drawn) >= max(2 * _chars(text), TEMPLATE_FALLBACK_CHARS):
            text = drawn
    return MainContent(text + "\n" if text else "", detected)


def _article_text(
    body: Element, titles: tuple[set[str], list[str]], detected: dict[str, str], *, templates: bool
) -> str:
    """The article's blocks as text (``templates``: the content of ``<template>`` read too);
    the headline found replaces ``detected["title"]``."""
    page = _Page(body, templates=templates)
    root = page.content_root()
    if root is None:
        return ""
    headline, headline_text = _headline(page, root, titles)
    if headline_text:  # the article's own headline is a better title than the page's
        detected["title"] = headline_text[:DETECTED_MAX]
    blocks = _drop_signatures(_ArticleWriter(page, root, headline).write(headline_text))
    if headline is None and blocks:
        title = detected.get("title") or ""
        if title and _normal(blocks[0]).casefold() != title.casefold():
            blocks.insert(0, title)
    return "\n\n".join(blocks)
