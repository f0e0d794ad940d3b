"""Web pages keep the article and its metadata; PDFs give text and metadata or a clear reason."""
from __future__ import annotations

import pytest

from extract import extract_corpus
from extract.documents import read_document_bytes
from extract.webpage import read_pdf, read_web_page
from tests.support.pdfs import encrypted_pdf, image_only_pdf, inflating_pdf, text_pdf

BODY = ("<p>The talks in Brussels resumed on Friday after a long pause, officials said on Saturday. " * 3 + "</p>"
        "<p>Ministers first met on March 18, 2011, and agreed to meet again within a month. " * 2 + "</p>")
HEAD = ("<head><title>Talks resume in Brussels</title><meta name='author' content='Ann Lee'>"
        "<meta property='og:site_name' content='Example News'><link rel='canonical' href='https://example.org/talks'>"
        "<meta property='article:published_time' content='2011-03-19T08:00:00Z'>")
NAVIGATION = ("<nav><ul><li>Home</li><li>World</li><li>Opening hours 9-17, Monday to Friday</li></ul></nav>"
              "<aside><h3>Related stories</h3><ul><li><a href='/a'>Storm hits coast on January 3, 2009</a></li></ul></aside>")
FOOTER = "<footer>Copyright 1998-2014 Example News, 1625 K Street</footer>"


@pytest.mark.parametrize("name, html", [
    ("well formed", f"<!doctype html><html>{HEAD}</head><body>{NAVIGATION}<article>{BODY}</article>{FOOTER}</body></html>"),
    ("no </head>", f"<!doctype html><html>{HEAD}<body>{NAVIGATION}<article>{BODY}</article>{FOOTER}</body></html>"),
    ("unclosed <svg>", f"<html>{HEAD}</head><body><nav><svg width='10'><path d='M0'></nav><article>{BODY}</article></body></html>"),
    ("unclosed <iframe>", f"<html>{HEAD}</head><body><iframe src='ad.html'><article>{BODY}</article></body></html>"),
])
def test_the_article_body_survives_and_boilerplate_is_left_out(name, html):
    page = read_web_page(html)
    assert "The talks in Brussels resumed on Friday" in page.text and "Ministers first met on March 18, 2011" in page.text
    assert "<p>" not in page.text and "Related stories" not in page.text and "Copyright" not in page.text
    assert (page.metadata.title, page.metadata.author) == ("Talks resume in Brussels", "Ann Lee")


def test_page_metadata_reaches_the_documents_frame_and_dates_the_article(tmp_path):
    (tmp_path / "talks.html").write_text(f"<html>{HEAD}</head><body>{NAVIGATION}<article>{BODY}</article></body></html>")
    extraction = extract_corpus(tmp_path, sources_csv=None, with_events=False)
    row = extraction.documents.iloc[0]
    assert (row["title"], row["author"], row["outlet"], row["url"]) == (
        "Talks resume in Brussels", "Ann Lee", "Example News", "https://example.org/talks")
    assert str(row["published"].date()) == "2011-03-19" and row["reference_date_basis"].startswith("page metadata")
    assert set(extraction.statements.query("date_text == 'Friday'")["value"]) == {"2011-03-18"}
    assert "2009-01-03" not in set(extraction.statements["value"])   # the sidebar's headline is not an article fact


def test_a_page_where_no_article_is_found_falls_back_to_its_visible_text():
    page = read_web_page("<html><body><table><tr><td>On 3 May 2024 the list was updated.</td></tr></table></body></html>")
    assert "On 3 May 2024 the list was updated." in page.text
    assert page.reader == "visible text" and "all visible text" in page.notes[0]


def test_pdf_text_and_metadata_are_read():
    document = read_document_bytes("talks.pdf", text_pdf(["Kyiv, 3 May 2024", "Iran met Russia on Friday."]))
    assert document.readable and document.text == "Kyiv, 3 May 2024\nIran met Russia on Friday.\n"
    assert (document.metadata.title, document.metadata.author, str(document.metadata.published)) == (
        "Talks", "Ann Lee", "2024-05-03")


@pytest.mark.parametrize("raw, reason", [
    (encrypted_pdf(), "encrypted PDF (password protected); cannot read its text"),
    (image_only_pdf(), "image-only PDF (1 page(s), no text layer); run OCR on it first"),
    (b"%PDF-1.7\nnot really", "damaged PDF, cannot be read"),
])
def test_unreadable_pdfs_say_why(raw, reason):
    document = read_document_bytes("scan.pdf", raw)
    assert not document.readable and reason in document.problem


def test_a_pdf_that_inflates_beyond_the_readers_limit_is_refused_as_such_not_called_damaged():
    raw = inflating_pdf(100_000_000)
    assert len(raw) < 1_000_000
    document = read_document_bytes("report.pdf", raw)
    assert not document.readable and "damaged" not in document.problem
    assert document.problem.startswith("PDF content expands beyond the reader's safety limit")


def test_read_pdf_raises_a_clear_error():
    with pytest.raises(ValueError, match="image-only PDF"):
        read_pdf(image_only_pdf())
