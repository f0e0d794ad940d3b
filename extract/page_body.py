"""The article body of a web page as plain text: trafilatura's body tree, block by block, page furniture left out.

Reads: the `<body>` tree `trafilatura.bare_extraction(..., include_links=True)` returns.
Writes: the text every offset of the document points into.

trafilatura finds the main content; what it still keeps around the story is left out here by rules with
examples (`LINE_RULES` for lines, `article_blocks` for blocks): the headline and kicker above the first
paragraph (the page title is the document's title), headings and list items that are nothing but links
(related stories, share buttons), teasers ending in "Full Article", and lines that are only a page stamp
("Updated 12:45 GMT") or a copyright notice. A line that is only a date ("28 December 2014") goes when it
stands alone once or twice, and stays when such lines recur (a timeline's own headings: "June 2009").
Lists and tables become plain lines (no "- " or "|" markers; table cells separated by a tab); paragraphs
are separated by a blank line, so the tagger sees real paragraphs.

>>> from lxml import etree
>>> body = etree.fromstring("<body><head>Talks resume</head><p>Talks resumed on <ref target='/x'>Friday</ref>.</p>"
...                         "<p>Updated 12:45 GMT</p><list><item><ref target='/y'>Storm hits coast in 2009</ref></item></list></body>")
>>> article_text(body)
'Talks resumed on Friday.\\n'
"""
from __future__ import annotations

import re
from dataclasses import dataclass

BLOCK_TAGS = frozenset({"p", "head", "item", "row", "quote", "code", "list", "table", "div", "cell"})
LINE_BREAK_TAG = "lb"
LINK_TAG = "ref"
LINK_ONLY_SHARE = 0.9        # a heading or list item with at least this share of its characters inside links is a link
LINK_LIST_KINDS = ("item", "head")   # a paragraph all in links is kept: list articles link whole points of prose
CELL_SEPARATOR = "\t"


@dataclass(frozen=True)
class Block:
    """One paragraph-like piece of the body: its kind (trafilatura's tag), its text, how much of it is link text."""
    kind: str
    text: str
    linked_chars: int = 0

    @property
    def link_share(self) -> float:
        """Share of the block's non-space characters that sit inside links."""
        visible = len("".join(self.text.split()))
        return self.linked_chars / visible if visible else 0.0


def _inline(element, parts: list[str], linked: list[int], inside_link: bool = False) -> None:
    """Append the text of an inline element (and its inline children) to parts; count link characters."""
    in_link = inside_link or element.tag == LINK_TAG
    if element.tag == LINE_BREAK_TAG:
        parts.append("\n")
    if element.text:
        parts.append(element.text)
        linked[0] += len("".join(element.text.split())) if in_link else 0
    for child in element:
        _inline(child, parts, linked, in_link)
        if child.tail:
            parts.append(child.tail)
            linked[0] += len("".join(child.tail.split())) if in_link else 0


def _clean(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _row_block(row) -> Block:
    cells, linked = [], [0]
    for cell in row:
        parts: list[str] = []
        _inline(cell, parts, linked)
        cells.append(" ".join("".join(parts).split()))
    return Block("row", CELL_SEPARATOR.join(cell for cell in cells if cell), linked[0])


def body_blocks(element) -> list[Block]:
    """The body tree as a flat list of blocks, in reading order (inline text runs become blocks of their parent's kind).

    >>> from lxml import etree
    >>> [(b.kind, b.text) for b in body_blocks(etree.fromstring(
    ...     "<body><p>One<lb/>two</p><list><item>A</item></list><table><row><cell>x</cell><cell>1</cell></row></table></body>"))]
    [('p', 'One\\ntwo'), ('item', 'A'), ('row', 'x\\t1')]
    """
    if element.tag == "row":
        return [_row_block(element)]
    blocks: list[Block] = []
    parts: list[str] = []
    linked = [0]

    def flush() -> None:
        text = _clean("".join(parts))
        if text:
            blocks.append(Block(element.tag, text, linked[0]))
        parts.clear()
        linked[0] = 0

    if element.text:
        parts.append(element.text)
    for child in element:
        if child.tag in BLOCK_TAGS or child.tag == "row":
            flush()
            blocks.extend(body_blocks(child))
        else:
            _inline(child, parts, linked)
        if child.tail:
            parts.append(child.tail)
    flush()
    return blocks


# --- lines that are page furniture, not prose ---------------------------------------------------------------
MONTH_WORDS = """
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
januar februar märz mai juni juli oktober dezember jänner
janvier février mars avril juin juillet août septembre octobre novembre décembre
enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
""".split()
WEEKDAY_WORDS = """
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
montag dienstag mittwoch donnerstag freitag samstag sonntag
lundi mardi mercredi jeudi vendredi samedi dimanche
lunes martes miércoles jueves viernes sábado domingo
""".split()
CLOCK_WORDS = """
am pm a.m p.m a.m. p.m. h hrs uhr gmt utc bst cet cest est edt cst cdt mst mdt pst pdt ist aest aedt jst hkt sgt
""".split()
STAMP_LABEL_WORDS = """
updated update published posted modified created first last date time on at this story was
ago hour hours minute minutes min mins day days today yesterday
aktualisiert veröffentlicht am um publié mis à jour le publicado actualizado el de del pubblicato aggiornato il
""".split()
STAMP_WORDS = frozenset(MONTH_WORDS + WEEKDAY_WORDS + CLOCK_WORDS + STAMP_LABEL_WORDS)
MAX_STAMP_CHARS = 90
_WORD = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*\.?", re.UNICODE)


# What makes a date line a stamp rather than a heading: a clock time or a stamp word.
_STAMP_MARK = re.compile(r"\d[:.]\d\d|\b(?:a\.?m|p\.?m|uhr|gmt|utc|bst|cet|cest|[ecmp][sd]t|ist|aest|aedt|jst|hkt|sgt|updated?"
                         r"|published|posted|modified|created|ago|today|yesterday|aktualisiert|veröffentlicht|publié"
                         r"|publicado|actualizado|pubblicato|aggiornato)\b", re.I)
MAX_LONE_DATE_LINES = 2    # more lines that are only a date than this: the article's own timeline headings, kept


def _only_date_words(line: str) -> bool:
    if len(line) > MAX_STAMP_CHARS or not any(character.isdigit() for character in line):
        return False
    return all(word.lower().rstrip(".") in STAMP_WORDS or word.lower() in STAMP_WORDS for word in _WORD.findall(line))


def is_page_stamp(line: str) -> bool:
    """True when a line is only a date or time with a clock time or stamp word: the page stamping itself.

    >>> [is_page_stamp(line) for line in ("Updated 12:45 GMT", "- 12:03 pm |", "28 December 2014", "The talks ended at 12:45.")]
    [True, True, False, False]
    """
    return _only_date_words(line) and bool(_STAMP_MARK.search(line))


def is_lone_date(line: str) -> bool:
    """True when a line is only a date, with no clock time or stamp word: a page stamp when it stands alone once or
    twice in the body, the article's own timeline headings when it recurs (see `article_blocks`).

    >>> [is_lone_date(line) for line in ("28 December 2014", "Friday, August 01, 2014", "Mai 2013", "Updated 12:45 GMT")]
    [True, True, True, False]
    """
    return _only_date_words(line) and not _STAMP_MARK.search(line)


@dataclass(frozen=True)
class LineRule:
    """A kind of line that is page furniture: a name, a pattern (or test), lines it drops, lines it keeps."""
    name: str
    drops_line: object            # str -> bool
    drops: tuple[str, ...]
    keeps: tuple[str, ...]


_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\s*(?:©|\(c\))?\s*\d{4})|all rights reserved\.?$", re.I)
MAX_COPYRIGHT_CHARS = 160

LINE_RULES: tuple[LineRule, ...] = (
    LineRule("page stamp", is_page_stamp,
             drops=("Updated 12:45 GMT", "- 12:03 pm |", "Published: 29 Dec 2014 14:05 EST", "3 hours ago",
                    "Aktualisiert am 24. Dezember 2014 um 10:15 Uhr", "Friday, August 01, 2014 6:30 am"),
             keeps=("The talks ended on 28 December 2014.", "Holiday Gift Guides 2014", "end 2013\tend 2014",
                    "Updated rules apply from 1 May 2015 to all banks.", "28 December 2014", "June 2009")),
    LineRule("copyright notice", lambda line: bool(_COPYRIGHT.search(line)) and len(line) <= MAX_COPYRIGHT_CHARS,
             drops=("© 2019 Reuters. All rights reserved.", "Copyright 1998-2014 Example News", "(c) 2014 AP",
                    "Copyright © 2014 Example Media", "Example Media 2014. All rights reserved."),
             keeps=("Copyright law changed in 1998, the court said.",)),
)


def furniture_line_rule(line: str) -> str | None:
    """The name of the line rule that drops `line`, or None when the line is prose.

    >>> furniture_line_rule("Updated 12:45 GMT"), furniture_line_rule("The talks resumed on Friday.")
    ('page stamp', None)
    """
    for rule in LINE_RULES:
        if rule.drops_line(line):
            return rule.name
    return None


# --- blocks that are page furniture -----------------------------------------------------------------------
TEASER_LINK_WORDS = ("full article", "full coverage", "full story", "read more", "continue reading", "read the full story")


def _without_furniture_lines(block: Block, drop_lone_dates: bool) -> Block | None:
    lines = [line for line in block.text.split("\n") if furniture_line_rule(line.strip(" -|•")) is None
             and not (drop_lone_dates and is_lone_date(line.strip(" -|•")))]
    return Block(block.kind, "\n".join(lines), block.linked_chars) if lines else None


def _is_link_block(block: Block) -> bool:
    return block.kind in LINK_LIST_KINDS and block.link_share >= LINK_ONLY_SHARE


def _is_teaser(block: Block) -> bool:
    ending = block.text.lower().rstrip(" .»>›")
    return block.linked_chars > 0 and ending.endswith(TEASER_LINK_WORDS)


def article_blocks(blocks: list[Block]) -> list[Block]:
    """The blocks of the article itself: furniture lines, link lists, teasers and the headline above the first paragraph
    left out; lines that are only a date too, unless more than MAX_LONE_DATE_LINES of them make a timeline's headings.

    >>> kept = article_blocks([Block("head", "Talks resume"), Block("p", "Talks resumed on Friday."),
    ...                        Block("item", "Storm hits coast", 16), Block("p", "© 2019 X")])
    >>> [b.text for b in kept]
    ['Talks resumed on Friday.']
    """
    lone_dates = sum(is_lone_date(line.strip(" -|•")) for block in blocks for line in block.text.split("\n"))
    drop_lone_dates = lone_dates <= MAX_LONE_DATE_LINES
    kept = [cleaned for block in blocks
            if not _is_link_block(block) and not _is_teaser(block)
            for cleaned in [_without_furniture_lines(block, drop_lone_dates)] if cleaned is not None]
    first_paragraph = next((index for index, block in enumerate(kept) if block.kind == "p"), 0)
    return [block for index, block in enumerate(kept) if not (block.kind == "head" and index < first_paragraph)]


def render_blocks(blocks: list[Block]) -> str:
    """Blocks as text: items of one list and rows of one table on consecutive lines, other blocks a blank line apart.

    >>> render_blocks([Block("p", "One."), Block("item", "a"), Block("item", "b"), Block("p", "Two.")])
    'One.\\n\\na\\nb\\n\\nTwo.\\n'
    """
    pieces: list[str] = []
    for index, block in enumerate(blocks):
        if index:
            same_run = block.kind in ("item", "row") and blocks[index - 1].kind == block.kind
            pieces.append("\n" if same_run else "\n\n")
        pieces.append(block.text)
    return "".join(pieces) + "\n" if pieces else ""


def article_text(body) -> str:
    """The article's text from trafilatura's body tree (see the module's rules); '' when nothing is left."""
    return render_blocks(article_blocks(body_blocks(body)))
