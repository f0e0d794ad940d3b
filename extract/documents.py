"""Stage 1: read article files into plain text, with one clear problem per bad file.

Supported: `.txt`, `.md` / `.markdown`, `.html` / `.htm` (main content and metadata through
`extract.webpage`: trafilatura, htmldate), `.pdf` (pypdf). Encodings: UTF-8 (with or without
BOM), UTF-16 with BOM, and a Windows-1252 / Latin-1 fallback that is reported. Empty,
binary, unreadable, oversized and unsupported files are reported and skipped; the others
are read. Which entries to read is `extract.inputs` (folders walked, special files refused);
a file is opened non-blocking, checked to be a regular file by its open handle, and read only
up to the size limit, counted in bytes actually read (a device or a growing file reports a
size of 0). Offsets everywhere in the project point into `Document.text`.

>>> doc = read_document_bytes("note.txt", b"On June 24 the war ended.\\r\\n")
>>> doc.text, doc.problem
('On June 24 the war ended.\\n', '')
"""
from __future__ import annotations

import codecs
import datetime as dt
import os
import re
import stat
from dataclasses import dataclass, replace
from pathlib import Path

from extract.inputs import InputEntry, list_inputs, special_kind
from extract.markup import markdown_to_text
from extract.ptb import normalise_if_tokenised
from extract.webpage import PageMetadata, read_pdf, read_web_page

SUPPORTED_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown",
                      ".html": "html", ".htm": "html", ".pdf": "pdf"}
DEFAULT_MAX_BYTES = 10_000_000   # 10 MB, as every message and the --max-mb option count (1 MB = 10**6 bytes)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Document:
    """One input entry: its id (path below the folder given, no suffix), path, plain text, and a problem ('' when fine)."""
    doc_id: str
    path: str
    text: str
    problem: str = ""
    readable: bool = True
    folder_date: dt.date | None = None      # the date of an enclosing folder named YYYY-MM-DD
    folder_date_basis: str = ""
    metadata: PageMetadata | None = None    # what a web page or PDF says about itself


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
        byte_order = _utf16_without_bom(raw)
        if byte_order is None:
            raise UnicodeError("binary file (contains NUL bytes), not text")
        return raw.decode(byte_order, errors="replace"), f"UTF-16 text without a byte-order mark; decoded as {byte_order.upper()}"
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "not valid UTF-8; decoded as Windows-1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "not valid UTF-8; decoded as Latin-1"


def _utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes read as mostly-ASCII UTF-16 (every other byte NUL), else None.

    >>> _utf16_without_bom("Iran, 24 June".encode("utf-16-le")), _utf16_without_bom(b"\\x89PNG\\x00\\x00\\x01\\x02")
    ('utf-16-le', None)
    """
    sample = raw[:20000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    nul_share = (lambda half: half.count(0) / len(half))
    for byte_order, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nul_share(high) > 0.9 and nul_share(low) < 0.01:
            return byte_order
    return None


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
        return Document(doc_id, name, "", _over_limit(len(raw), max_bytes, False), readable=False)
    if not raw.strip():
        return Document(doc_id, name, "", "empty file (no text)", readable=False)
    if fmt == "pdf":
        try:
            page = read_pdf(raw)
        except ValueError as error:
            return Document(doc_id, name, "", str(error), readable=False)
        return Document(doc_id, name, page.text, "; ".join(page.notes), metadata=page.metadata)
    try:
        text, note = decode_bytes(raw)
    except UnicodeError as error:
        return Document(doc_id, name, "", str(error), readable=False)
    if _looks_binary(text):
        return Document(doc_id, name, "", "binary file (control characters), not text", readable=False)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    metadata = None
    if fmt == "html":
        page = read_web_page(text)
        text, metadata, note = page.text, page.metadata, "; ".join(filter(None, [note, *page.notes]))
    elif fmt == "markdown":
        text = markdown_to_text(text)
    else:
        text = normalise_if_tokenised(text)  # Penn-Treebank tokenised corpora read as normal text
    if not text.strip():
        return Document(doc_id, name, "", f"no text left after reading the {fmt} markup", readable=False)
    return Document(doc_id, name, text, note, metadata=metadata)


class TooLarge(Exception):
    """A file holds more bytes than the limit (counted while reading)."""


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, at most `max_bytes`; TooLarge beyond, OSError when it is not a regular file.

    Opened non-blocking (a FIFO swapped in after listing cannot hang the run) and checked by its handle.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise OSError(f"{special_kind(mode) or 'not a regular file'}; refused")
        chunks, total = [], 0
        while chunk := os.read(descriptor, min(1 << 20, max_bytes + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise TooLarge(total)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def _megabytes(size: float) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 1e5 else f"{size:,.0f} bytes"


def _over_limit(size_bytes: float, max_bytes: int, counted: bool) -> str:
    size = f"more than {_megabytes(max_bytes)} (counted while reading)" if counted else _megabytes(size_bytes)
    return f"file is {size}, over the {_megabytes(max_bytes)} limit (split it, or raise --max-mb)"


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, doc_id: str | None = None) -> Document:
    """Read one regular file from disk; permission, I/O and size problems become the document's problem."""
    doc_id = path.stem if doc_id is None else doc_id
    try:
        size = path.stat().st_size
        if size > max_bytes:  # do not load a huge file only to reject it
            return Document(doc_id, str(path), "", _over_limit(size, max_bytes, False), readable=False)
        raw = read_bounded(path, max_bytes)
    except TooLarge:
        return Document(doc_id, str(path), "", _over_limit(0, max_bytes, True), readable=False)
    except OSError as error:
        return Document(doc_id, str(path), "", f"cannot read file: {error.strerror or error}", readable=False)
    return replace(read_document_bytes(str(path), raw, max_bytes), doc_id=doc_id)


def read_entry(entry: InputEntry, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """The Document of one input entry: the file read, or the entry's problem (folder date hints kept)."""
    if entry.readable:
        document = read_document(Path(entry.path), max_bytes, entry.doc_id)
    else:
        document = Document(entry.doc_id, entry.path, "", entry.problem, readable=False)
    return replace(document, folder_date=entry.folder_date, folder_date_basis=entry.folder_date_basis)


def read_documents(folder_or_paths: str | Path | list, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document]:
    """One Document per entry given (folders walked, see `extract.inputs`); problems are kept, never raised."""
    return [read_entry(entry, max_bytes) for entry in list_inputs(folder_or_paths)]
