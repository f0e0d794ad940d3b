"""Adding articles to the corpus from the app: check an upload, keep it in the corpus folder, record its
reference date, and extract it into the existing frames.

An upload is kept only if it can be read (`extract.documents.read_document_bytes` says why not:
binary, too large, unsupported type, empty); a kept file is never overwritten or lost: a name already
taken gets a new stem, so its doc_id is unique and `python -m extract CORPUS` later gives the same ids.
The extractor (reading, tagger, pipeline, events: ~2 s of imports) is imported only by the functions that use it,
so a page can show the upload form without it.

>>> safe_file_name("../My report (final).HTML")
'My_report_final_.html'
"""
from __future__ import annotations

import csv
import datetime as dt
import math
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from extract.documents import Document
    from extract.pipeline import Extraction

UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")
MAX_UPLOAD_BYTES = 10_000_000   # the extractor's default limit, extract.documents.DEFAULT_MAX_BYTES (a test checks)
CONFIRMED_BASIS = "analyst: confirmed on upload"
MAX_STEM_CHARS = 80    # the stem is the article's doc id: kept readable
MAX_STEM_BYTES = 200   # a file system refuses a name over 255 bytes; room for the suffix and a taken-name number
_UNSAFE = re.compile(r"[^\w.-]+")


@dataclass(frozen=True)
class UploadCheck:
    """One uploaded file as read: its text, the reference date inferred from it (and how), or its problem."""
    name: str
    document: "Document"
    reference_date: dt.date | None
    basis: str

    @property
    def problem(self) -> str:
        """'' when the file can be added, else the message naming the file and the problem."""
        return "" if self.document.readable else f"{self.name}: {self.document.problem}. Nothing was added."


def safe_file_name(name: str) -> str:
    """The upload's base name with only letters, digits, '.', '_' and '-' (lower-case suffix), its stem at most
    MAX_STEM_CHARS characters and MAX_STEM_BYTES bytes in UTF-8 (a file system refuses a name over 255 bytes).

    >>> len(safe_file_name("é" * 300 + ".txt"))
    84
    """
    base = Path(name.replace("\\", "/")).name or "article.txt"
    stem, suffix = Path(base).stem, Path(base).suffix.lower()
    stem = _UNSAFE.sub("_", stem).strip(".")[:MAX_STEM_CHARS]
    while len(stem.encode("utf-8")) > MAX_STEM_BYTES:
        stem = stem[:-1]
    return f"{stem.rstrip('.') or 'article'}{suffix[:12]}"


def over_the_page_limit(size: int, max_bytes: int = MAX_UPLOAD_BYTES) -> str:
    """Why an upload of `size` bytes is refused, and what the analyst can do instead (the page's limit is fixed).

    >>> over_the_page_limit(10_300_000)
    "file is 10.3 MB (10,300,000 bytes), over this page's limit of 10 MB (10,000,000 bytes) per file; split it into \
smaller files and upload those, or copy it into the corpus folder and run python -m extract on that folder \
with --max-mb 11"
    """
    return (f"file is {size / 1e6:.1f} MB ({size:,} bytes), over this page's limit of {max_bytes / 1e6:g} MB "
            f"({max_bytes:,} bytes) per file; split it into smaller files and upload those, or copy it into the corpus "
            f"folder and run python -m extract on that folder with --max-mb {math.ceil(size / 1e6 + 1e-9):g}")


def check_upload(name: str, raw: bytes, max_bytes: int = MAX_UPLOAD_BYTES) -> UploadCheck:
    """Read the uploaded bytes as the extractor would, and infer the reference date it would use."""
    from extract.documents import Document, read_document_bytes
    from extract.sources import resolve_source
    from extract.timex import find

    if Path(name).suffix.lower() not in UPLOAD_SUFFIXES:
        document = Document(Path(name).stem, name, "", f"unsupported file type {Path(name).suffix or '(none)'!r}; "
                            f"upload one of {', '.join(UPLOAD_SUFFIXES)}", readable=False)
        return UploadCheck(name, document, None, "")
    if len(raw) > max_bytes:   # the browser's own check lets through up to 10 MiB on Windows (it counts 1 MB = 1024²)
        document = Document(Path(name).stem, name, "", over_the_page_limit(len(raw), max_bytes), readable=False)
        return UploadCheck(name, document, None, "")
    document = read_document_bytes(safe_file_name(name), raw, max_bytes)
    if not document.readable:
        return UploadCheck(name, document, None, "")
    source = resolve_source(document, None, find(document.text), [])  # as the extractor decides it (page metadata first)
    return UploadCheck(name, document, source.published, source.reference_date_basis)


def store_upload(corpus: Path, name: str, raw: bytes) -> Path:
    """Write the upload into the corpus folder under a free name (same bytes already there: that file)."""
    corpus.mkdir(parents=True, exist_ok=True)
    wanted = Path(safe_file_name(name))
    taken_stems = {path.stem for path in corpus.iterdir() if path.is_file()}
    same_name = corpus / wanted.name
    if same_name.is_file() and same_name.read_bytes() == raw:
        return same_name
    stem, number = wanted.stem, 1
    while stem in taken_stems:
        number += 1
        stem = f"{wanted.stem}-{number}"
    target = corpus / f"{stem}{wanted.suffix}"
    handle, temporary = tempfile.mkstemp(dir=corpus, prefix=".upload-")
    with os.fdopen(handle, "wb") as stream:
        stream.write(raw)
    os.replace(temporary, target)
    return target


def record_reference_date(sources_csv: Path, doc_id: str, published: dt.date, basis: str = CONFIRMED_BASIS) -> None:
    """Set the article's reference date in sources.csv (adds its row, or updates `published` in it); OSError when it
    cannot be written, ValueError when it is no CSV file (it is then left as it was)."""
    from extract.sources import SOURCE_FIELDS

    rows, fields = [], list(SOURCE_FIELDS)
    if sources_csv.is_file():
        try:
            with open(sources_csv, encoding="utf-8-sig", newline="") as handle:
                reader = csv.DictReader(handle)
                fields = list(reader.fieldnames or SOURCE_FIELDS)
                rows = list(reader)
        except (UnicodeDecodeError, csv.Error) as error:   # never rewrite a file that could not be read whole
            raise ValueError(f"not a UTF-8 CSV file ({error}); left as it was") from error
    fields += [name for name in SOURCE_FIELDS if name not in fields]
    for row in rows:
        if row.get("doc_id") == doc_id:
            row.update(published=published.isoformat(), reference_date_basis=basis)
            break
    else:
        rows.append({"doc_id": doc_id, "published": published.isoformat(), "reference_date_basis": basis})
    sources_csv.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=sources_csv.parent, prefix=".sources-", suffix=".csv")
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows({name: row.get(name, "") or "" for name in fields} for row in rows)
    os.replace(temporary, sources_csv)


def corpus_folder(documents: pd.DataFrame, configured: str = "") -> Path | None:
    """The folder the articles were extracted from: `configured`, else the one folder of the documents' paths, when
    their files are there (None otherwise: `corpus_folder_problem` says why)."""
    if configured.strip():
        return Path(configured.strip()).expanduser()
    return None if corpus_folder_problem(documents) else _document_folders(documents)[0].resolve()


def _document_paths(documents: pd.DataFrame) -> list[Path]:
    return [Path(path) for path in documents.get("path", pd.Series(dtype=str)).dropna() if str(path)]


def _document_folders(documents: pd.DataFrame) -> list[Path]:
    return list(dict.fromkeys(path.parent for path in _document_paths(documents)))


def corpus_folder_problem(documents: pd.DataFrame) -> str:
    """Why the documents name no corpus folder to add articles to ('' when they do).

    >>> corpus_folder_problem(pd.DataFrame({"path": ["nowhere-7f3a/a.txt"]}))[:60]
    'the articles were extracted from nowhere-7f3a, which is not '
    """
    folders = _document_folders(documents)
    if not folders:
        return "the data lists no article file"
    if len({folder.resolve() for folder in folders}) > 1:
        return f"the articles come from {len(folders)} folders ({', '.join(map(str, folders[:3]))}, …)"
    if not any(path.is_file() for path in _document_paths(documents)):
        return (f"the articles were extracted from {folders[0]}, which is not found from the dashboard's working folder "
                f"{Path.cwd()} (start the dashboard from the folder python -m extract ran in)")
    return ""


def _run_folders(documents: pd.DataFrame) -> list[str]:
    """The folders the run that read `documents` was given, as it wrote them (a doc id is the path below one)."""
    folders = []
    for doc_id, path in zip(documents.get("doc_id", []), documents.get("path", [])):
        if not isinstance(path, str) or not path or not isinstance(doc_id, str):
            continue
        parents = Path(path).parents
        folder = str(parents[min(doc_id.count("/"), len(parents) - 1)])
        if folder not in folders:
            folders.append(folder)
    return folders


def recorded_path(path: Path, documents: pd.DataFrame) -> str:
    """`path` written the way the run that read `documents` wrote its files' paths (relative to where it ran, or
    absolute), so the next `python -m extract` of that folder finds the file recorded under the same key.

    >>> recorded_path(Path("/nowhere/new.txt"), pd.DataFrame({"doc_id": ["a"], "path": ["corpus/a.txt"]}))
    '/nowhere/new.txt'
    """
    for folder in _run_folders(documents):
        try:
            if os.path.samefile(folder, path.parent):
                return str(Path(folder) / path.name)
        except OSError:
            continue
    return str(path)


def extract_added(paths: list[Path], statements: pd.DataFrame, documents: pd.DataFrame,
                  sources_csv: Path | None, progress=None, event_memo: pd.DataFrame | None = None,
                  inputs_manifest: pd.DataFrame | None = None) -> "Extraction":
    """The extracted frames with `paths` extracted and added (a doc_id extracted again is replaced).

    `progress(done, total, file_name)` is called after each file (`extract_corpus`'s progress callback); the
    events are then built again over all statements (an added article can join an existing event), reusing
    `event_memo` (the run's `extract.event_memo` frame, None when it has none) for the sentences already there;
    the result carries the memo for the next run. It is what `python -m extract` on the whole corpus would give
    (same doc_ids, same statement ids, same events). Its inputs manifest is the run's (`inputs_manifest`, None when
    it has none) with the added files' rows put in, so the next `python -m extract` on the corpus extracts only what
    is new or changed since (without it, the set written lacked a manifest and the next run extracted everything);
    the added files' paths are written as the run wrote its own (`recorded_path`: `seeds/new.txt` after
    `python -m extract seeds`, not the absolute path the page stored it at), the key that run compares.
    """
    from extract.events import build_events_with_memo
    from extract.pipeline import Extraction, extract_corpus
    from extract.schema import conform_documents, conform_input_manifest, conform_statements, empty_input_manifest

    warnings = []
    manifest = conform_input_manifest(inputs_manifest) if inputs_manifest is not None else empty_input_manifest()
    if paths:
        added = extract_corpus(list(paths), sources_csv=sources_csv, with_events=False, progress=progress)
        recorded = {str(path): recorded_path(Path(path), documents) for path in paths}
        for frame in (added.documents, added.manifest):
            frame["path"] = frame["path"].map(lambda path: recorded.get(path, path))
        replaced = {path.stem for path in paths} | set(added.documents["doc_id"])

        def with_added(frame: pd.DataFrame, new_rows: pd.DataFrame, conform) -> pd.DataFrame:
            return conform(pd.concat([frame[~frame["doc_id"].isin(replaced)], new_rows], ignore_index=True))

        statements = with_added(statements, added.statements, conform_statements)
        documents = with_added(documents, added.documents, conform_documents)
        manifest = with_added(manifest, added.manifest, conform_input_manifest)
        warnings = added.warnings
    events, memo = build_events_with_memo(statements, documents, event_memo)
    return Extraction(statements, documents, warnings, events, manifest, event_memo=memo)
