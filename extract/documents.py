"""Stage 1: read article files into plain text, with one clear problem per bad file.

Supported: `.txt`, `.md` / `.markdown`, `.html` / `.htm`. Encodings: UTF-8 (with or without
BOM), UTF-16 with BOM, and a Windows-1252 / Latin-1 fallback that is reported. Empty,
binary, unreadable, oversized and unsupported files are reported and skipped; the others
are read. Offsets everywhere in the project point into `Document.text`.

>>> doc = read_document_bytes("note.txt", b"On June 24 the war ended.\\r\\n")
>>> doc.text, doc.problem
('On June 24 the war ended.\\n', '')
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from extract.markup import html_to_text, markdown_to_text
from extract.ptb import normalise_if_tokenised

SUPPORTED_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown",
                      ".html": "html", ".htm": "html"}
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Document:
    """One input file: its id (file stem), path, plain text, and a problem ('' when fine)."""
    doc_id: str
    path: str
    text: str
    problem: str = ""
    readable: bool = True


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Decode article bytes; return (text, note) where note says which fallback was used.

    >>> decode_bytes("café".encode("latin-1"))
    ('café', 'not valid UTF-8; decoded as Windows-1252')
    """
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), ""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace"), "UTF-16 text (byte-order mark); decoded as UTF-16"
    if b"\x00" in raw:
        raise UnicodeError("binary file (contains NUL bytes), not text")
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "not valid UTF-8; decoded as Windows-1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "not valid UTF-8; decoded as Latin-1"


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    return bool(sample) and len(_CONTROL_CHARS.findall(sample)) > 0.05 * len(sample)


def read_document_bytes(name: str, raw: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Turn one file's bytes into a Document (unreadable ones carry the reason in `problem`)."""
    path = Path(name)
    doc_id = path.stem
    fmt = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        return Document(doc_id, name, "", f"unsupported file type {path.suffix or '(none)'!r}; "
                        f"expected one of {', '.join(sorted(SUPPORTED_SUFFIXES))}", readable=False)
    if len(raw) > max_bytes:
        return Document(doc_id, name, "", f"file is {len(raw) / 1e6:.1f} MB, over the "
                        f"{max_bytes / 1e6:.0f} MB limit (split it, or raise --max-mb)", readable=False)
    if not raw.strip():
        return Document(doc_id, name, "", "empty file (no text)", readable=False)
    try:
        text, note = decode_bytes(raw)
    except UnicodeError as error:
        return Document(doc_id, name, "", str(error), readable=False)
    if _looks_binary(text):
        return Document(doc_id, name, "", "binary file (control characters), not text", readable=False)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if fmt == "html":
        text = html_to_text(text)
    elif fmt == "markdown":
        text = markdown_to_text(text)
    else:
        text = normalise_if_tokenised(text)  # Penn-Treebank tokenised corpora read as normal text
    if not text.strip():
        return Document(doc_id, name, "", f"no text left after reading the {fmt} markup", readable=False)
    return Document(doc_id, name, text, note)


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file from disk; permission and I/O errors become the document's problem."""
    try:
        size = path.stat().st_size
        if size > max_bytes:  # do not load a huge file only to reject it
            return Document(path.stem, str(path), "", f"file is {size / 1e6:.1f} MB, over the "
                            f"{max_bytes / 1e6:.0f} MB limit (split it, or raise --max-mb)", readable=False)
        raw = path.read_bytes()
    except OSError as error:
        return Document(path.stem, str(path), "", f"cannot read file: {error.strerror or error}", readable=False)
    return read_document_bytes(str(path), raw, max_bytes)


def list_input_files(folder_or_paths: str | Path | list) -> list[Path]:
    """Files to read: every file directly in a folder (sorted, hidden ones skipped), or the given paths.

    >>> list_input_files([])
    []
    """
    items = [folder_or_paths] if isinstance(folder_or_paths, (str, Path)) else list(folder_or_paths)
    files: list[Path] = []
    for item in map(Path, items):
        if item.is_dir():
            files.extend(sorted(p for p in item.iterdir() if p.is_file() and not p.name.startswith(".")))
        else:
            files.append(item)
    return files


def read_documents(folder_or_paths: str | Path | list, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document]:
    """Read every input file; a missing path becomes an unreadable Document, never an exception."""
    documents = []
    for path in list_input_files(folder_or_paths):
        if not path.exists():
            documents.append(Document(path.stem, str(path), "", "no such file", readable=False))
        else:
            documents.append(read_document(path, max_bytes))
    return documents
