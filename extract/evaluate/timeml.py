"""Read TimeML (.tml) files: the plain text of <TEXT>, the creation time and the gold TIMEX3 spans.

The text is the content of the <TEXT> element with every tag removed and entities decoded;
gold offsets are character offsets into that text (end exclusive). This reproduces, with
its own code, the text and offsets of the reference scorer `/work/shared/tools/timex_eval.py`.

>>> document = parse_timeml('<TEXT>Sales rose <TIMEX3 type="DATE" value="1998-01">last month</TIMEX3>.</TEXT>', "x.tml")
>>> document.text, document.timexes[0].start, document.timexes[0].value
('Sales rose last month.', 11, '1998-01')
"""
from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from extract.timex.resolve import parse_iso_date

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")

# One markup token: an element tag (opening, closing or self-closing), a comment or a
# processing instruction. Everything between tokens is text.
MARKUP_TOKEN = re.compile(
    r"<(?P<closing>/?)(?P<name>[A-Za-z][\w:.-]*)(?P<attributes>(?:\s+[^<>]*?)?)\s*(?P<self_closing>/?)>"
    r"|<!--.*?-->"
    r"|<\?.*?\?>",
    re.S,
)
ATTRIBUTE = re.compile(r"""(?P<name>[\w:.-]+)\s*=\s*(?:"(?P<double_quoted>[^"]*)"|'(?P<single_quoted>[^']*)')""")
TIMEX3_OPENING = re.compile(r"<TIMEX3\b(?P<attributes>[^>]*)>")
TEXT_OPENING = re.compile(r"<TEXT\b[^>]*>")
TEXT_CLOSING = "</TEXT>"
FILE_NAME_DATE = re.compile(r"(?:19|20)\d{6}")


class TimemlError(ValueError):
    """A TimeML file that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class GoldTimex:
    """One annotated TIMEX3: offsets into the document text (end exclusive), type, value, surface text."""

    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass
class TimemlDocument:
    """One TimeML file: its name, plain text, creation date (None when unknown) and gold timexes."""

    name: str
    text: str
    creation_date: datetime.date | None
    creation_date_basis: str          # "CREATION_TIME", "file name" or "none"
    timexes: list[GoldTimex] = field(default_factory=list)


def parse_attributes(attribute_text: str) -> dict[str, str]:
    """Attributes of one tag, values entity-decoded.

    >>> parse_attributes('type="DATE" value="&lt;1998&gt;"')
    {'type': 'DATE', 'value': '<1998>'}
    """
    attributes = {}
    for match in ATTRIBUTE.finditer(attribute_text):
        quoted = match.group("double_quoted")
        attributes[match.group("name")] = html.unescape(quoted if quoted is not None else match.group("single_quoted"))
    return attributes


def find_creation_date(raw: str, name: str) -> tuple[datetime.date | None, str]:
    """Creation date and its basis: the CREATION_TIME TIMEX3, else a date in the file name.

    >>> find_creation_date('', 'AP_20130322.tml')
    (datetime.date(2013, 3, 22), 'file name')
    """
    for match in TIMEX3_OPENING.finditer(raw):
        attributes = parse_attributes(match.group("attributes"))
        if attributes.get("functionInDocument") == "CREATION_TIME":
            creation_date = parse_iso_date(attributes.get("value"))
            if creation_date is not None:
                return creation_date, "CREATION_TIME"
            break
    file_name_match = FILE_NAME_DATE.search(Path(name).name)
    creation_date = parse_iso_date(file_name_match.group(0)) if file_name_match else None
    if creation_date is not None:
        return creation_date, "file name"
    return None, "none"


def _text_body(raw: str, name: str) -> str:
    if "<" not in raw:
        raise TimemlError(f"{name}: not a TimeML file (no markup at all)")
    opening = TEXT_OPENING.search(raw)
    closing = raw.rfind(TEXT_CLOSING)
    if not opening or closing < 0:
        raise TimemlError(f"{name}: no <TEXT> element")
    if closing < opening.end():
        raise TimemlError(f"{name}: </TEXT> comes before <TEXT>")
    return raw[opening.end():closing]


def parse_timeml(raw: str, name: str) -> TimemlDocument:
    """Parse the content of one TimeML file named `name`; raise TimemlError naming it when malformed (see the module docstring)."""
    body = _text_body(raw, name)
    pieces: list[str] = []
    length = 0
    position = 0
    open_timexes: list[tuple[dict[str, str], int]] = []
    spans: list[tuple[int, int, str, str]] = []
    for token in MARKUP_TOKEN.finditer(body):
        piece = html.unescape(body[position:token.start()])
        pieces.append(piece)
        length += len(piece)
        position = token.end()
        if token.group("name") != "TIMEX3":
            continue
        if token.group("closing"):
            if not open_timexes:
                raise TimemlError(f"{name}: </TIMEX3> without an opening <TIMEX3> at character {token.start()} of <TEXT>")
            attributes, start = open_timexes.pop()
            if length > start:  # an empty timex covers no text: not a span
                spans.append((start, length, attributes.get("type", ""), attributes.get("value", "")))
        elif not token.group("self_closing"):  # a self-closing TIMEX3 covers no text: not a span
            open_timexes.append((parse_attributes(token.group("attributes") or ""), length))
    if open_timexes:
        raise TimemlError(f"{name}: {len(open_timexes)} <TIMEX3> element(s) never closed")
    pieces.append(html.unescape(body[position:]))
    text = "".join(pieces)
    timexes = sorted(
        (GoldTimex(start, end, timex_type, value, text[start:end]) for start, end, timex_type, value in spans),
        key=lambda timex: (timex.start, timex.end),
    )
    creation_date, basis = find_creation_date(raw, name)
    return TimemlDocument(Path(name).name, text, creation_date, basis, timexes)


def read_timeml(path: str | Path) -> TimemlDocument:
    """Read one .tml file; raise TimemlError naming the file when it is unreadable or malformed."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise TimemlError(f"{path}: not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise TimemlError(f"{path}: cannot be read ({error.strerror or error})") from None
    return parse_timeml(raw, str(path))


def corpus_files(directory: str | Path, limit: int | None = None) -> list[Path]:
    """The .tml files of a corpus folder, sorted by name, the first `limit` only."""
    directory = Path(directory)
    if not directory.is_dir():
        raise TimemlError(f"{directory}: corpus folder not found")
    files = sorted(path for path in directory.iterdir() if path.name.endswith(".tml") and not path.name.startswith("._"))
    if not files:
        raise TimemlError(f"{directory}: no .tml files in this folder")
    return files[:limit] if limit is not None else files


def read_corpus(directory: str | Path, limit: int | None = None) -> tuple[list[TimemlDocument], list[str]]:
    """The readable documents of a corpus folder and one warning per file that could not be read."""
    documents, warnings = [], []
    for path in corpus_files(directory, limit):
        try:
            documents.append(read_timeml(path))
        except TimemlError as error:
            warnings.append(f"skipped {error}")
    return documents, warnings
