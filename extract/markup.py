"""Turn HTML and Markdown articles into plain text (the text every offset points into).

>>> html_to_text("<html><title>T</title><p>On <b>June 24</b> it ended.</p><script>alert(1)</script></html>")
'T\\n\\nOn June 24 it ended.\\n'
>>> markdown_to_text("# Title\\nSee [the report](http://x) from **May 2024**.")
'Title\\nSee the report from May 2024.'
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
               "table", "section", "article", "header", "footer", "blockquote", "pre", "title",
               "figcaption", "dd", "dt", "hr"}
_SKIPPED_TAGS = {"script", "style", "noscript", "template", "svg", "object", "head"}
# Skipped elements that a page often leaves open (HTML5 may omit </head>; a broken <svg> or <object>):
# as in a browser, body content ends them, so an unclosed one cannot swallow the article.
_ENDED_BY_BODY = {"head", "svg", "object"}
_BODY_TAGS = {"body", "main", "article", "section", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
              "table", "blockquote", "pre", "header", "footer", "nav", "figure"}
_IFRAME_TAG = re.compile(r"</?iframe\b[^>]*>", re.I)   # an iframe's content is fallback text: keep it, drop the tags


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _BODY_TAGS:
            while self.skipping and self.skipping[-1] in _ENDED_BY_BODY:
                self.skipping.pop()
        if tag == "title":
            self.in_title = True
        elif tag in _SKIPPED_TAGS:
            self.skipping.append(tag)
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in self.skipping:
            while self.skipping and self.skipping.pop() != tag:
                pass
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title or not self.skipping:
            self.parts.append(data)


def without_iframe_tags(html: str) -> str:
    """The page with its <iframe> tags removed (an unclosed one would turn the rest of the page into raw text).

    >>> without_iframe_tags('<iframe src="ad"><p>Body</p>')
    '<p>Body</p>'
    """
    return _IFRAME_TAG.sub("", html)


def html_to_text(html: str) -> str:
    """Visible text of an HTML page, block elements on their own lines, scripts and styles dropped."""
    collector = _TextCollector()
    collector.feed(without_iframe_tags(html))
    collector.close()
    text = "".join(collector.parts)
    text = re.sub(r"[ \t\xa0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


_MARKDOWN_RULES = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),           # images -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),            # links -> link text
    (re.compile(r"^\s{0,3}#{1,6}\s+", re.M), ""),             # heading markers
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),                  # block quotes
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),    # bold
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # italics
    (re.compile(r"`([^`\n]+)`"), r"\1"),                      # inline code
]


def markdown_to_text(markdown: str) -> str:
    """Markdown with its inline markup removed (links keep their text, headings their words)."""
    for pattern, replacement in _MARKDOWN_RULES:
        markdown = pattern.sub(replacement, markdown)
    return markdown
