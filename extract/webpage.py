"""Web pages and PDFs: the article body and its metadata, read with libraries made for the job.

HTML: trafilatura keeps the main content (not navigation, "related stories", footers) and reads
title, author, site name and date from the page's metadata; htmldate finds the publication date
where trafilatura has none. Only when trafilatura finds no body does the plain visible-text reader
(`extract.markup.html_to_text`) take over, and the document says so. PDF: pypdf gives the text and
the document information (title, author, creation date); encrypted and image-only PDFs are reported.
Neither library is asked for today's date: a date found in the page is kept only if it is a real
calendar day stated by the page itself.

>>> page = read_web_page("<html><head><title>Talks</title><meta name='author' content='Ann Lee'></head>"
...                      "<body><article><p>" + "The talks in Brussels resumed on Friday after a pause. " * 3
...                      + "</p></article></body></html>")
>>> page.metadata.title, page.metadata.author, page.reader
('Talks', 'Ann Lee', 'trafilatura')
"""
from __future__ import annotations

import datetime as dt
import io
import re
import warnings
from dataclasses import dataclass, field

from extract.markup import html_to_text, without_iframe_tags
from extract.page_body import article_text
from extract.timex.resolve import parse_iso_date

FAVOR_PRECISION = False   # DEV half of html-dev: True drops whole articles (token recall 98.1% -> 93.2%)
DATE_SEARCH = {"original_date": True, "extensive_search": False}   # the page's stated date, no guessing
MIN_BODY_CHARS = 40                # a body shorter than this is "nothing found"; the fallback reader takes over
_ISO_DAY = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")


@dataclass(frozen=True)
class PageMetadata:
    """What a page or PDF says about itself ('' / None when it does not say)."""
    title: str = ""
    author: str = ""
    site: str = ""
    url: str = ""
    published: dt.date | None = None
    published_basis: str = ""       # e.g. "page metadata (trafilatura)", "htmldate: <meta property=...>"


@dataclass(frozen=True)
class ReadPage:
    """The text every offset points into, the page's metadata, which reader produced the text, and notes."""
    text: str
    metadata: PageMetadata = field(default_factory=PageMetadata)
    reader: str = ""
    notes: tuple[str, ...] = ()


def _day(value: object) -> dt.date | None:
    text = str(value or "")
    return parse_iso_date(text) if _ISO_DAY.match(text) else None


def _clean(value: object) -> str:
    return " ".join(str(value).split()) if value else ""


def _htmldate(html: str) -> dt.date | None:
    """htmldate's publication date from the page's markup alone (original date, no guessing from the URL's today)."""
    from htmldate import find_date

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = find_date(html, outputformat="%Y-%m-%d", **DATE_SEARCH)
    except Exception:  # htmldate raises on odd markup; no date is an honest answer
        return None
    return _day(found)


def read_web_page(html: str) -> ReadPage:
    """Main text and metadata of one HTML page (trafilatura, htmldate), falling back to all visible text."""
    from trafilatura import bare_extraction

    cleaned = without_iframe_tags(html)
    try:
        with warnings.catch_warnings():  # dateutil warns about time zone names it cannot place; the day is kept
            warnings.simplefilter("ignore")
            extracted = bare_extraction(cleaned, with_metadata=True, include_comments=False, include_tables=True,
                                        include_links=True, favor_precision=FAVOR_PRECISION,
                                        date_extraction_params=DATE_SEARCH)
    except Exception:  # trafilatura/lxml raise on some broken pages: the fallback reader still reads them
        extracted = None
    tree = getattr(extracted, "body", None)   # include_links: link text is marked, so link lists can be told apart
    body = article_text(tree).strip() if tree is not None else ""
    title = _clean(getattr(extracted, "title", ""))
    published = _day(getattr(extracted, "date", None))
    basis = "page metadata (trafilatura)" if published else ""
    if published is None:
        published = _htmldate(cleaned)
        basis = "page metadata (htmldate)" if published else ""
    metadata = PageMetadata(title=title, author=_clean(getattr(extracted, "author", "")),
                            site=_clean(getattr(extracted, "sitename", "")) or _clean(getattr(extracted, "hostname", "")),
                            url=_clean(getattr(extracted, "url", "")), published=published, published_basis=basis)
    if len(body) >= MIN_BODY_CHARS:
        return ReadPage(body + "\n", metadata, "trafilatura")
    fallback = html_to_text(html)
    return ReadPage(fallback, metadata, "visible text",
                    ("the main-content reader found no article body; all visible text of the page is kept",))


def read_pdf(raw: bytes) -> ReadPage:
    """Text and document information of a PDF; ValueError with a clear reason for encrypted or image-only files."""
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise ValueError("encrypted PDF (password protected); cannot read its text")
            except Exception as error:
                raise ValueError("encrypted PDF (password protected); cannot read its text") from error
        pages = [page.extract_text() or "" for page in reader.pages]
        information = reader.metadata or {}
    except ValueError:
        raise
    except LimitReachedError as error:   # a small file whose streams inflate to hundreds of MB: pypdf stops, so do we
        raise ValueError(f"PDF content expands beyond the reader's safety limit ({error}); not read (a decompression "
                         "bomb, or a very large scan: split it or save it as text)") from error
    except (PdfReadError, Exception) as error:  # pypdf raises many types on damaged files
        raise ValueError(f"damaged PDF, cannot be read ({type(error).__name__}: {error})") from error
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text.strip():
        raise ValueError(f"image-only PDF ({len(pages)} page(s), no text layer); run OCR on it first")
    created = getattr(information, "creation_date", None) if hasattr(information, "creation_date") else None
    published = created.date() if isinstance(created, dt.datetime) else None
    metadata = PageMetadata(title=_clean(information.get("/Title", "")), author=_clean(information.get("/Author", "")),
                            published=published, published_basis="PDF creation date" if published else "")
    return ReadPage(text + "\n", metadata, "pypdf")
