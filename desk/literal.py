r"""Strings that come from input (articles, file names, `sources.csv`, the URL) shown literally, whatever the surface.

Pure. Two surfaces interpret text, so each has one escaping function, used for every string from input:

- Streamlit's Markdown (`st.caption`, `st.warning`, `st.info`, `st.error`, image captions): CommonMark + GitHub
  autolinks + KaTeX `$...$` + `:emoji:` / `:red[...]` directives. `markdown_literal` backslash-escapes every
  ASCII punctuation character (CommonMark allows that for all of them), so no link, emphasis, heading, HTML,
  formula or directive can form; the reader sees exactly the characters given. GitHub's literal autolinks
  (`https://…`, `www.…`, `a@b.org`) are found in the parsed text, after escapes are undone, so an invisible
  WORD JOINER (U+2060) goes after `:` in `://`, after `www` and after `@` to keep them from becoming links.
- Plotly's text (titles, legends, hover, axis labels, annotations, in the browser and in exported images): a small
  HTML subset (`<b>`, `<a href>`, `<br>`) with only `&lt; &gt; &amp;` and numeric entities decoded. `plotly_literal`
  escapes `& < >` and nothing else, so a `"` stays a `"` (html.escape would show `&quot;`).

HTML given to `st.html` (the article text, the statement's facts) is escaped with `html.escape` in `desk.highlight`.

>>> markdown_literal("[x](https://example.org) **b** $$x^2$$")
'\\[x\\]\\(https\\:\u2060\\/\\/example\\.org\\) \\*\\*b\\*\\* \\$\\$x\\^2\\$\\$'
>>> plotly_literal('Iran says "no" <a href="x">here</a>')
'Iran says "no" &lt;a href="x"&gt;here&lt;/a&gt;'
"""
from __future__ import annotations

import re
import string

SHORTENED_CHARS = 60     # a value from input quoted in a message: at most this many characters of it
LISTED_VALUES = 5        # and at most this many values of a list
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")
_ASCII_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")
WORD_JOINER = "\u2060"
_AUTOLINK_STARTS = re.compile(r"(\\:)(?=\\/\\/)|(?i:(www))(?=\\\.)|(\\@)")


def markdown_literal(value: object) -> str:
    r"""`value` as Markdown that Streamlit renders as exactly these characters (every ASCII punctuation escaped).

    >>> markdown_literal("Kyiv Post: 1,000 _words_")
    'Kyiv Post\\: 1\\,000 \\_words\\_'
    """
    escaped = _ASCII_PUNCTUATION.sub(r"\\\1", str(value))
    return _AUTOLINK_STARTS.sub(lambda match: match.group(0) + WORD_JOINER, escaped)


def plotly_literal(value: object) -> str:
    """`value` as plotly text showing exactly these characters: `& < >` escaped, quotes left alone.

    >>> plotly_literal("AT&T's <b>“Q1”</b>")
    "AT&amp;T's &lt;b&gt;“Q1”&lt;/b&gt;"
    """
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def markdown_unescaped(markdown: str) -> str:
    """The characters Markdown made by `markdown_literal` shows (CommonMark backslash escapes undone), for checks.

    >>> markdown_unescaped(markdown_literal("[x](https://y.org) www.z.org a@b.org $1"))
    '[x](https://y.org) www.z.org a@b.org $1'
    """
    return re.sub(r"\\([" + re.escape(string.punctuation) + "])", r"\1", markdown.replace(WORD_JOINER, ""))


def is_markdown_literal(markdown: str) -> bool:
    """Whether every ASCII punctuation character of `markdown` is backslash-escaped and no autolink can start.

    >>> is_markdown_literal(markdown_literal("**b**")), is_markdown_literal("**b**")
    (True, False)
    """
    punctuation = re.escape(string.punctuation)
    unlinked = not re.search(r"(?i)(?:\\:\\/\\/|www\\\.|\\@(?!\u2060))", markdown)
    return unlinked and re.fullmatch(rf"(?:\\[{punctuation}]|[^{punctuation}])*", markdown, flags=re.S) is not None


def shortened(value: object, limit: int = SHORTENED_CHARS) -> str:
    r"""A value from input (the link, a file name) as a message quotes it: control characters written as escapes, and
    at most `limit` characters with the length of the rest said (a 100,000-character link value stays one line).

    >>> shortened("Iran"), shortened("a\x00b"), shortened("x" * 100, limit=5)
    ('Iran', 'a\\x00b', 'xxxxx… (100 characters)')
    """
    text = _CONTROL_CHARS.sub(lambda match: f"\\x{ord(match.group(0)):02x}", str(value))
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text):,} characters)"


def listed(values: list, limit: int = LISTED_VALUES) -> str:
    """Values from input joined for a message: each `shortened`, at most `limit` of them and how many more.

    >>> listed(["Atlantis"]), listed([str(n) for n in range(8)], limit=3)
    ('Atlantis', '0, 1, 2 and 5 more')
    """
    shown = ", ".join(shortened(value) for value in values[:limit])
    return shown if len(values) <= limit else f"{shown} and {len(values) - limit:,} more"
