"""Every entry given is accounted for: a bad-input corpus (built by a fixture, no committed binaries) is extracted
without aborting; each entry is in the documents frame, with the warning that says what is wrong with it."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from extract import extract_corpus
from extract.__main__ import main as extract_main
from extract.documents import read_document
from tests.support.pages import page_on_extracted_folder

REPO = Path(__file__).resolve().parent.parent
ARTICLE = "Kyiv, 3 May 2024\nIran met Russia on Friday.\n"

# entry (path below the corpus folder) -> (doc_id in the documents frame, status, words the warning must hold; "" = none)
EXPECTED = {
    "plain.txt": ("plain", "ok", ""),
    "sub/plain.txt": ("sub/plain", "ok", ""),
    "sub/deeper/note.md": ("sub/deeper/note", "ok", ""),
    "2011-03-18/wire.txt": ("2011-03-18/wire", "ok", ""),
    "x.txt": ("x", "unreadable", "a folder, not a file, although named like an article; the articles inside it are read"),
    "x.txt/inside.txt": ("x/inside", "ok", ""),
    "empty-folder": ("empty-folder", "unreadable", "empty folder (no articles inside)"),
    "pipe.txt": ("pipe", "unreadable", "a named pipe (FIFO); refused without opening it"),
    "socket.txt": ("socket", "unreadable", "a socket; refused without opening it"),
    "zero.txt": ("zero", "unreadable", "a symbolic link to /dev/zero, a character device; refused without opening it"),
    "link-to-pipe.txt": ("link-to-pipe", "unreadable", "a named pipe (FIFO); refused without opening it"),
    "dangling.txt": ("dangling", "unreadable", "dangling symbolic link (its target 'nowhere.txt' does not exist)"),
    "loop.txt": ("loop", "unreadable", "symbolic link loop"),
    "sub/back-up": ("sub/back-up", "unreadable", "folder already read as"),
    "empty.txt": ("empty", "unreadable", "empty file (no text)"),
    "binary.txt": ("binary", "unreadable", "binary file"),
    "report.docx": ("report.docx", "unreadable", "unsupported file type '.docx'"),
    "latin.txt": ("latin", "ok", "not valid UTF-8; decoded as Windows-1252"),
    "proc-size-zero.txt": ("proc-size-zero", "unreadable", "counted while reading"),
    "oversized.txt": ("oversized", "unreadable", "over the 20,000 bytes limit"),
    "dates-flood.txt": ("dates-flood", "ok", "over the limit of 50 per document"),
    "old-years.txt": ("old-years", "ok", "outside the calendar the timeline can hold"),
    "no-head.html": ("no-head", "ok", "no reference date (no dateline and no page stamp"),   # a date it only mentions
    "unclosed-svg.html": ("unclosed-svg", "ok", "no reference date (no dateline and no page stamp"),
    "scan.pdf": ("scan", "unreadable", "image-only PDF (1 page(s), no text layer); run OCR on it first"),
    "locked.pdf": ("locked", "unreadable", "encrypted PDF (password protected); cannot read its text"),
}
# hidden entries found in a folder: a row each (a hidden folder is one row), all named in ONE warning
HIDDEN = {
    ".DS_Store": (".DS_Store", "hidden file, macOS folder view settings; not read"),
    "._plain.txt": ("._plain.txt", "hidden file, a macOS resource fork (AppleDouble file); not read"),
    ".git": (".git", "hidden folder, git repository data; not read, nor anything inside it"),
    "sub/.notes.txt": ("sub/.notes.txt", "hidden file; not read"),
    "only-hidden/.cache": ("only-hidden/.cache", "hidden folder; not read, nor anything inside it"),
}
EXPECTED["only-hidden"] = ("only-hidden", "unreadable", "no articles inside (only hidden entries)")
HTML_BODY = "<article><p>" + "The talks in Brussels resumed on Friday, 18 March 2011, after a pause. " * 3 + "</p></article>"


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory) -> Path:
    """A folder holding every kind of bad entry named in issue 8, built on the fly (FIFO, socket, device link...)."""
    root = tmp_path_factory.mktemp("bad_corpus")
    for relative in ("plain.txt", "sub/plain.txt", "x.txt/inside.txt"):
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(ARTICLE, encoding="utf-8")
    (root / "sub/deeper").mkdir()
    (root / "sub/deeper/note.md").write_text("# Note\n" + ARTICLE, encoding="utf-8")
    (root / "2011-03-18").mkdir()
    (root / "2011-03-18/wire.txt").write_text("The talks resumed on Friday in Brussels.\n", encoding="utf-8")
    (root / "empty-folder").mkdir()
    os.mkfifo(root / "pipe.txt")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(root / "socket.txt"))
    (root / "zero.txt").symlink_to("/dev/zero")
    (root / "link-to-pipe.txt").symlink_to("pipe.txt")
    (root / "dangling.txt").symlink_to("nowhere.txt")
    (root / "loop.txt").symlink_to("loop.txt")
    (root / "sub/back-up").symlink_to("..")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (root / "report.docx").write_bytes(b"PK\x03\x04")
    (root / "latin.txt").write_bytes("Café talks, 3 May 2024.".encode("cp1252"))
    (root / "proc-size-zero.txt").symlink_to("/proc/self/maps")   # a regular file that reports 0 bytes
    (root / ".DS_Store").write_bytes(b"\x00")                      # hidden: not read (like `ls`), but a row each
    (root / "._plain.txt").write_bytes(b"\x00\x05\x16\x07")
    (root / "sub/.notes.txt").write_text(ARTICLE, encoding="utf-8")
    for number in range(30):                                       # a repository checkout: one row, not 30
        (root / f".git/objects/{number:02d}").mkdir(parents=True)
        (root / f".git/objects/{number:02d}/blob.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "only-hidden/.cache").mkdir(parents=True)
    (root / "oversized.txt").write_text("On 3 May 2024 it rained. " * 1_000, encoding="utf-8")
    (root / "dates-flood.txt").write_text("1 May 2024, 2 May 2024, 3 May 2024.\n" * 40, encoding="utf-8")
    (root / "old-years.txt").write_text("Kyiv, 3 May 2024\nFounded in the 14th century, rebuilt in 1648, "
                                        "older than the 1st century.\n", encoding="utf-8")
    (root / "no-head.html").write_text(f"<!doctype html><html><head><title>Talks</title><body>{HTML_BODY}")
    (root / "unclosed-svg.html").write_text(f"<html><body><nav><svg width='9'><path d='M0'></nav>{HTML_BODY}</body></html>")
    from tests.support.pdfs import encrypted_pdf, image_only_pdf   # PDFs built in code, no committed binaries
    (root / "scan.pdf").write_bytes(image_only_pdf())
    (root / "locked.pdf").write_bytes(encrypted_pdf())
    yield root
    server.close()


@pytest.fixture(scope="module")
def bad_extraction(bad_corpus):
    return extract_corpus(bad_corpus, sources_csv=None, max_bytes=20_000, max_statements=50, with_events=False)


@pytest.mark.parametrize("entry", EXPECTED)
def test_every_entry_is_in_the_documents_frame_with_its_warning(bad_corpus, bad_extraction, entry):
    doc_id, status, warning = EXPECTED[entry]
    documents = bad_extraction.documents.set_index("doc_id")
    assert doc_id in documents.index, sorted(documents.index)
    row = documents.loc[doc_id]
    assert (row["status"], row["path"]) == (status, str(bad_corpus / entry))
    if warning:
        assert warning in row["problem"]
        assert any(w.startswith(f"{bad_corpus / entry}: ") and warning in w for w in bad_extraction.warnings)
    else:
        assert row["problem"] == ""


@pytest.mark.parametrize("entry", HIDDEN)
def test_every_hidden_entry_is_a_row_saying_why_it_was_not_read(bad_corpus, bad_extraction, entry):
    doc_id, reason = HIDDEN[entry]
    row = bad_extraction.documents.set_index("doc_id").loc[doc_id]
    assert (row["status"], row["path"], row["text"]) == ("unreadable", str(bad_corpus / entry), "")
    assert row["problem"].startswith(reason)


def test_hidden_entries_are_named_in_one_warning_not_one_each(bad_corpus, bad_extraction):
    hidden_warnings = [w for w in bad_extraction.warnings if any(str(bad_corpus / entry) in w for entry in HIDDEN)]
    assert len(hidden_warnings) == 1
    assert hidden_warnings[0].startswith(f"{len(HIDDEN)} hidden entries not read")
    assert all(str(bad_corpus / entry) in hidden_warnings[0] for entry in HIDDEN)


def test_a_hidden_file_named_on_the_command_line_is_read(bad_corpus):
    extraction = extract_corpus([bad_corpus / "sub/.notes.txt"], sources_csv=None, with_events=False)
    assert list(extraction.documents["status"]) == ["ok"] and len(extraction.statements) > 0


def test_nothing_else_is_in_the_documents_frame_and_the_readable_ones_have_statements(bad_extraction):
    assert sorted(bad_extraction.documents["doc_id"]) == sorted(
        [doc_id for doc_id, _, _ in EXPECTED.values()] + [doc_id for doc_id, _ in HIDDEN.values()])
    read = {doc_id for doc_id, status, _ in EXPECTED.values() if status == "ok"}
    assert read == set(bad_extraction.statements["doc_id"])


def test_a_date_folder_dates_the_articles_inside_it(bad_extraction):
    wire = bad_extraction.documents.set_index("doc_id").loc["2011-03-18/wire"]
    assert str(wire["published"].date()) == "2011-03-18"
    assert wire["reference_date_basis"] == "folder date: folder '2011-03-18/'"
    friday = bad_extraction.statements.query("doc_id == '2011-03-18/wire' and date_text == 'Friday'").iloc[0]
    assert friday["value"] == "2011-03-18"


def test_doc_ids_are_unique_across_folders_and_stable_across_runs(tmp_path):
    for folder in ("one", "two", "three"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    given = [tmp_path / "one", tmp_path / "two", tmp_path / "three"]
    first = extract_corpus(given, sources_csv=None, with_events=False)
    again = extract_corpus(given, sources_csv=None, with_events=False)
    assert first.documents["doc_id"].tolist() == ["a", "two/a", "three/a"] == again.documents["doc_id"].tolist()
    assert first.statements["statement_id"].is_unique
    assert first.statements["statement_id"].tolist() == again.statements["statement_id"].tolist()
    walked = extract_corpus(tmp_path, sources_csv=None, with_events=False)
    assert sorted(walked.documents["doc_id"]) == ["one/a", "three/a", "two/a"]


def test_a_fifo_named_on_the_command_line_is_refused_without_hanging(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    finished = subprocess.run([sys.executable, "-m", "extract", str(tmp_path / "pipe.txt"), str(tmp_path / "ok.txt"),
                               "--out", str(tmp_path / "out" / "statements.parquet")],
                              cwd=REPO, capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stderr
    assert f"{tmp_path / 'pipe.txt'}: a named pipe (FIFO); refused without opening it" in finished.stdout


def test_reading_is_bounded_by_the_bytes_read_not_the_reported_size(tmp_path):
    (tmp_path / "maps.txt").symlink_to("/proc/self/maps")
    assert os.stat(tmp_path / "maps.txt").st_size == 0
    document = read_document(tmp_path / "maps.txt", max_bytes=200)
    assert not document.readable
    assert document.problem == ("file is more than 200 bytes (counted while reading), over the 200 bytes limit "
                                "(split it, or raise --max-mb)")


def test_a_missing_sources_file_is_an_error_naming_it(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    missing = tmp_path / "nowhere" / "sources.csv"
    assert extract_main([str(tmp_path / "a.txt"), "--sources", str(missing), "--out", str(tmp_path / "s.parquet")]) == 2
    assert f"error: the --sources file {missing} does not exist" in capsys.readouterr().err
    assert not (tmp_path / "s.parquet").exists()


def test_the_default_sources_file_may_be_missing(tmp_path, monkeypatch):
    import extract.__main__ as cli

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setattr(cli, "DEFAULT_SOURCES_CSV", tmp_path / "absent.csv")
    assert cli.main([str(tmp_path / "a.txt"), "--sources", str(tmp_path / "absent.csv"),
                     "--out", str(tmp_path / "s.parquet")]) == 0


def test_the_sources_page_sums_hidden_entries_up_in_one_line_and_warns_about_the_rest(navigation_app, tmp_path, monkeypatch):
    from desk.literal import markdown_unescaped

    articles = tmp_path / "articles"
    (articles / ".git" / "objects").mkdir(parents=True)
    (articles / "talks.txt").write_text(ARTICLE, encoding="utf-8")
    (articles / "._talks.txt").write_bytes(b"\x00\x05\x16\x07")
    (articles / ".DS_Store").write_bytes(b"\x00")
    (articles / "empty.txt").write_bytes(b"")
    app = page_on_extracted_folder("pages/sources.py", articles, tmp_path / "data" / "statements.parquet", monkeypatch)
    warnings = [markdown_unescaped(warning.value) for warning in app.warning]
    assert any("empty.txt: empty file (no text)" in warning for warning in warnings)
    assert not any("hidden" in warning for warning in warnings)
    hidden_lines = [markdown_unescaped(caption.value) for caption in app.caption if "hidden" in caption.value]
    assert len(hidden_lines) == 1 and hidden_lines[0].startswith("3 hidden entries not read")
