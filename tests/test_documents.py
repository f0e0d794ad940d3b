"""Reading article files: every bad input gets one clear problem naming the reason; the rest is read."""
import codecs

import pytest

from extract.documents import decode_bytes, read_document, read_document_bytes, read_documents
from extract.markup import html_to_text, markdown_to_text

ARTICLE = "On June 24, Israel and Iran ended their conflict.\n"


def test_utf8_article_is_read_without_problem(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    document = read_document(path)
    assert (document.doc_id, document.text, document.problem, document.readable) == ("a", ARTICLE, "", True)


def test_utf8_bom_is_dropped_from_the_text():
    document = read_document_bytes("a.txt", codecs.BOM_UTF8 + ARTICLE.encode())
    assert document.text == ARTICLE and document.problem == ""


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_bom_is_decoded_and_reported(encoding):
    raw = ARTICLE.encode(encoding) if encoding == "utf-16" else codecs.BOM_UTF16_BE + ARTICLE.encode(encoding)
    document = read_document_bytes("a.txt", raw)
    assert document.readable and document.text == ARTICLE
    assert "UTF-16" in document.problem


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_decoded_and_reported_not_called_binary(encoding):
    document = read_document_bytes("a.txt", (ARTICLE + "Café.\n").encode(encoding))
    assert document.readable and document.text == ARTICLE + "Café.\n"
    assert f"UTF-16 text without a byte-order mark; decoded as {encoding.upper()}" == document.problem


def test_latin1_text_is_decoded_and_reported():
    document = read_document_bytes("a.txt", "Araghchi’s visit to Moscow, café, 23 juin".encode("cp1252"))
    assert document.readable and "café" in document.text and "’" in document.text
    assert "not valid UTF-8" in document.problem


def test_windows_line_endings_become_newlines():
    assert read_document_bytes("a.txt", b"One.\r\nTwo.\rThree.").text == "One.\nTwo.\nThree."


@pytest.mark.parametrize("raw, reason", [
    (b"", "empty file"),
    (b"  \n\t \n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (bytes(range(1, 32)) * 50, "binary file"),
])
def test_empty_and_binary_files_are_unreadable_with_reason(raw, reason):
    document = read_document_bytes("x.txt", raw)
    assert not document.readable and document.text == ""
    assert reason in document.problem


def test_huge_file_is_skipped_with_its_size_named(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"In 2007 the embargo began. " * 800_000)  # 21.6 MB
    document = read_document(path)
    assert not document.readable
    assert "21.6 MB" in document.problem and "limit" in document.problem


def test_huge_file_is_read_when_the_limit_is_raised(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"In 2007 the embargo began. " * 1000)
    assert read_document(path, max_bytes=10_000).readable is False
    assert read_document(path, max_bytes=100_000).readable is True


def test_unreadable_file_reports_permission(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE)
    path.chmod(0)  # enough for a normal user; root reads anyway, so the denial is simulated too

    def denied(self):
        raise PermissionError(13, "Permission denied", str(self))
    monkeypatch.setattr("extract.documents.read_bounded", lambda *args: denied(path))
    document = read_document(path)
    assert not document.readable and document.problem == "cannot read file: Permission denied"


def test_directory_given_as_file_is_reported_not_raised(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    document = read_document(tmp_path / "folder.txt")
    assert not document.readable and "cannot read file" in document.problem


def test_unsupported_suffix_is_reported():
    document = read_document_bytes("report.docx", b"PK\x03\x04")
    assert not document.readable and "unsupported file type '.docx'" in document.problem


def test_missing_path_becomes_a_document_with_a_problem(tmp_path):
    [document] = read_documents([tmp_path / "nope.txt"])
    assert document.problem == "no such file" and not document.readable


def test_folder_reads_every_file_sorted_and_does_not_read_hidden_ones(tmp_path):
    (tmp_path / "b.txt").write_text(ARTICLE)
    (tmp_path / "a.md").write_text("# Title\n" + ARTICLE)
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    documents = read_documents(tmp_path)
    assert [(d.doc_id, d.readable) for d in documents] == [(".DS_Store", False), ("a", True), ("b", True)]
    assert documents[0].problem.startswith("hidden file, macOS folder view settings; not read")


def test_html_article_keeps_visible_text_and_drops_scripts():
    text = html_to_text("<html><head><title>War</title><style>p{}</style></head><body>"
                        "<h1>Iran alone</h1><p>On <em>June 24</em> it ended &amp; Iran &lt;lost&gt;.</p>"
                        "<script>document.write('2099')</script></body></html>")
    assert "War" in text and "Iran alone\n" in text and "On June 24 it ended & Iran <lost>." in text
    assert "2099" not in text and "p{}" not in text


def test_markdown_article_loses_markup_but_keeps_words():
    assert markdown_to_text("## In **October 2020** the [embargo](http://un.org) *expired*") == \
        "In October 2020 the embargo expired"


def test_decode_prefers_utf8():
    assert decode_bytes("Tehran’s".encode()) == ("Tehran’s", "")
