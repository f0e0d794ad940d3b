"""Stage 2: what each article is and the reference date its relative dates resolve against.

`data/sources.csv` describes known articles (doc_id, title, outlet, author, published, url,
reference_date_basis). An article without a row gets its reference date from its own text only
where the text states it: a dateline near the top, or the page's own stamp (a full date with a
clock time or "updated"/"published" beside it, not a reader comment's header). A date the story
merely mentions is an event, not the story's date: with neither, the article has no reference date
and its relative expressions stay unresolved. Never today's date.

>>> infer_reference_date("Kyiv, 3 May 2024\\nTroops moved.", timexes=[])
(None, 'none: no dateline and no page stamp with a full date; relative dates are left unresolved', 'none')
"""
from __future__ import annotations

import csv
from collections import Counter
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from extract.documents import Document
from extract.webpage import PageMetadata
from extract.timex.resolve import parse_iso_date

SOURCE_FIELDS = ("doc_id", "title", "outlet", "author", "published", "url", "reference_date_basis")
DEFAULT_SOURCES_CSV = Path(__file__).resolve().parent.parent / "data" / "sources.csv"
DATELINE_LINES = 5          # a dateline stands among the first few non-empty lines
DATELINE_MAX_CHARS = 60
TITLE_MAX_CHARS = 200
_YEARLESS_DATE = re.compile(r"^XXXX-(?P<month>\d{2})-(?P<day>\d{2})")
_YEAR = re.compile(r"^(?P<year>\d{4})")
# What a dateline may hold besides its date and time: punctuation, a few words, weekday names, time zones.
_DATELINE_RESIDUE = re.compile(
    r"(?:[\W\d_]|\b(?:updated|published|posted|last|modified|at|on|am|pm|a\.m|p\.m|gmt|utc|bst|cet|cest|[ecmp][sd]t"
    r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)*",
    re.I)
# A dateline's place and agency before the date: "BRUSSELS |", "NAIROBI, Kenya (AP) _", "WASHINGTON (Reuters) -",
# "Gaza,", "New York,".
# Place names are any script's letters ("Münster,", "SÃO PAULO -", "Zürich,"), capitalised as in ASCII.
_UPPER = "[" + re.escape("".join(sorted({chr(code) for code in range(0x3000) if chr(code).isupper()}))) + "]"
_LOWER = "[" + re.escape("".join(sorted({chr(code) for code in range(0x3000) if chr(code).islower()}))) + "]"
_PLACE_WORD = rf"{_UPPER}(?:[^\W\d_]|[.'-])+"
_DATELINE_PLACE = re.compile(rf"^\s*{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,3}}(?:,\s*{_UPPER}{_LOWER}+(?:\s+{_UPPER}{_LOWER}+)*)?"
                             r"\s*(?:\((?:AP|Reuters|AFP|UPI|dpa|Xinhua|Bloomberg)\))?\s*[|_—–-]?")
# A page's own stamp: a full date with a clock time or a stamp word beside it ("Page last updated at 08:58 GMT,
# Thursday, 24 June 2010", "Saturday 25 April 2009 23.24 BST", "6 January 2011 Last updated at 04:46 GMT").
STAMP_SEARCH_CHARS = 3000     # the page's own stamp stands near its top; comments and embedded older stories come later
STAMP_WINDOW = 40            # characters looked at before and after the date (never past another date or a sentence end)
MAX_STAMPED_DAYS = 2         # more different stamped days than this: a list of posts (a blog index), not one story
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\.\d{2}\s*(?:[ap]\.?m\b|gmt|bst|utc|[ecmp][sd]t|cet|cest|ist|uk\b)", re.I)
_STAMP_WORD = re.compile(r"\b(?:last updated|updated|published|first broadcast|first published)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“])|\n")
# A reader comment's header dates the comment, not the story: "At 07:59 am on 01 Jun 2009, Ann wrote:", "Added: ...".
_COMMENT_AFTER = re.compile(r"^[^\n]{0,60}?\b(?:wrote|said|replied|commented)\s*:|^[^\n]{0,30}?\bcomments?\b", re.I)
_COMMENT_BEFORE = re.compile(r"\b(?:added|posted|comment(?:ed)?)\s*:?\s*(?:on\s*)?[^\n]{0,12}$", re.I)
_CALENDAR_DATE = re.compile(r"^(?:\d{4}|XXXX)-\d{2}")     # a date with at least a month (not a clock time, not a weekday)
# A date written only in digits with day and month both <= 12 ("08/05/2009") reads either way round.
_NUMERIC_DATE = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_CLOCK_WEEKDAY_DATE = re.compile("(?:" + _CLOCK.pattern + r")[^,\n]{0,12},?\s+(?:on\s+)?(?:" + "|".join(_WEEKDAYS) + r")\b", re.I)


@dataclass(frozen=True)
class Source:
    """What is known about one article; `published` is its reference date (None when unknown)."""
    doc_id: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    published: dt.date | None = None
    url: str = ""
    reference_date_basis: str = ""
    reference_date_confidence: str = ""     # one of extract.schema.REFERENCE_DATE_CONFIDENCES ("" = not decided)


@dataclass
class SourceTable:
    """The rows of sources.csv by doc_id, and the problems found while reading it."""
    by_doc_id: dict[str, Source] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def for_doc_ids(self, doc_ids: list[str]) -> dict[str, Source | None]:
        """The row of each article: by its doc id ("2011-03-18/reuters"), else by its file stem ("reuters")
        when no other article of the run has that stem.

        >>> {doc_id: source and source.title for doc_id, source in SourceTable({"a": Source("a", "A")}).for_doc_ids(["x/a", "b"]).items()}
        {'x/a': 'A', 'b': None}
        """
        stems = Counter(doc_id.rsplit("/", 1)[-1] for doc_id in doc_ids)
        rows = {}
        for doc_id in doc_ids:
            stem = doc_id.rsplit("/", 1)[-1]
            rows[doc_id] = self.by_doc_id.get(doc_id) or (self.by_doc_id.get(stem) if stems[stem] == 1 else None)
        return rows


def read_sources_csv(path: Path | None = DEFAULT_SOURCES_CSV) -> SourceTable:
    """Read sources.csv; bad rows are reported (file and line) and skipped, a missing file is no error."""
    table = SourceTable()
    if path is None or not Path(path).exists():
        return table
    if not Path(path).is_file():  # a FIFO or device would block or never end: refused without opening
        table.problems.append(f"{path}: not a regular file; not read, every article's reference date is inferred")
        return table
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [name for name in ("doc_id", "published") if name not in (reader.fieldnames or [])]
            if missing:
                table.problems.append(f"{path}: missing column(s) {', '.join(missing)}; file ignored")
                return table
            for line_number, row in enumerate(reader, start=2):
                source, problem = _source_from_row(row)
                if problem:
                    table.problems.append(f"{path}, line {line_number}: {problem}")
                if source is not None:
                    table.by_doc_id[source.doc_id] = source
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        table.problems.append(f"{path}: cannot read ({error}); every article's reference date is inferred")
    return table


def _source_from_row(row: dict) -> tuple[Source | None, str]:
    values = {name: (row.get(name) or "").strip() for name in SOURCE_FIELDS}
    if not values["doc_id"]:
        return None, "empty doc_id; row skipped"
    published, problem = None, ""
    if values["published"]:
        try:
            published = dt.date.fromisoformat(values["published"])
        except ValueError:
            problem = (f"published {values['published']!r} of {values['doc_id']} is not an ISO date "
                       "(YYYY-MM-DD); its reference date is inferred from the text instead")
    values["published"] = published
    return Source(**values), problem


def _first_lines(text: str, count: int) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    return spans[:count]


def find_dateline(text: str, timexes: list) -> tuple[int, int] | None:
    """The [start, end) of a dateline: a short line near the top that is only a date/time.

    >>> class T: start, end = 0, 7
    >>> find_dateline("15 June\\nBody text.", [T()])
    (0, 7)
    """
    for start, end in _first_lines(text, DATELINE_LINES):
        inside = [t for t in timexes if start <= t.start and t.end <= end]
        if not inside or end - start > DATELINE_MAX_CHARS:
            continue
        residue = text[start:end]
        for timex in sorted(inside, key=lambda t: -t.start):
            residue = residue[:timex.start - start] + residue[timex.end - start:]
        if _DATELINE_RESIDUE.fullmatch(_DATELINE_PLACE.sub("", residue, count=1)):
            return start, end
    return None


def _weekday_contradicts(written: str, day: dt.date) -> bool:
    named = [index for index, name in enumerate(_WEEKDAYS) if re.search(rf"\b{name[:3]}", written, re.I)]
    return bool(named) and day.weekday() not in named


def _stamp_surroundings(text: str, start: int, end: int, others: list) -> str:
    """The text just before and after a date, cut at the neighbouring dates and at sentence ends."""
    before_from = max([max(0, start - STAMP_WINDOW)] + [t.end for t in others if t.end <= start])
    after_to = min([end + STAMP_WINDOW] + [t.start for t in others if t.start >= end])
    before, after = text[before_from:start], text[end:after_to]
    before = _SENTENCE_END.split(before)[-1]
    after = _SENTENCE_END.split(after)[0]
    return f"{before} {after}"


def in_comment_header(text: str, start: int, end: int) -> bool:
    """True when the date at [start, end) dates a reader comment ("At 07:59 am on 01 Jun 2009, Ann wrote:").

    >>> text = "At 07:59 am on 01 Jun 2009, Ann wrote: Well."
    >>> in_comment_header(text, 15, 26), in_comment_header("Talks ended on 01 Jun 2009 in Paris.", 15, 26)
    (True, False)
    """
    return bool(_COMMENT_AFTER.search(text[end:end + 80]) or _COMMENT_BEFORE.search(text[max(0, start - 30):start]))


def _ambiguous_numeric(written: str, day: dt.date) -> bool:
    return bool(_NUMERIC_DATE.match(written.strip())) and day.day <= 12 and day.month <= 12 and day.day != day.month


def page_stamps(text: str, timexes: list) -> list[tuple[dt.date, object]]:
    """Every full date in the first STAMP_SEARCH_CHARS that the page stamps on itself (a clock time or "updated"/
    "published" beside it; not a reader comment's header, not an all-digit date that reads either way round).

    >>> from extract.timex import find
    >>> text = "Swine flu spreads\\nPage last updated at 08:58 GMT, Thursday, 30 April 2009\\nCases rose on May 1, 2008."
    >>> [(day, timex.text) for day, timex in page_stamps(text, find(text))]
    [(datetime.date(2009, 4, 30), '08:58 GMT, Thursday, 30 April 2009')]
    """
    dated = sorted((t for t in timexes if t.type in ("DATE", "TIME")), key=lambda t: t.start)
    candidates = [t for t in dated if t.start < STAMP_SEARCH_CHARS]
    # only dates within STAMP_WINDOW of a candidate can bound its surroundings: the rest of a long page is not read
    # (each value is resolved on demand; reading them all for every candidate made a 1 MB page take 17 s)
    reach = max((t.end for t in candidates), default=0) + STAMP_WINDOW
    calendar = [t for t in dated if t.start < reach and _CALENDAR_DATE.match(str(t.value))]
    stamps = []
    for timex in candidates:
        day = parse_iso_date(timex.value)
        if day is None or _ambiguous_numeric(timex.text, day) or in_comment_header(text, timex.start, timex.end):
            continue
        others = [t for t in calendar if t is not timex]
        around = _stamp_surroundings(text, timex.start, timex.end, others)
        # the tagger reads "08:58 GMT, Thursday, 30 April 2009" as one TIME: its clock, before the weekday, is beside the date
        clock = _CLOCK.search(around) or _CLOCK_WEEKDAY_DATE.match(timex.text)
        if (clock or _STAMP_WORD.search(around)) and not _weekday_contradicts(around + timex.text, day):
            stamps.append((day, timex))
    return stamps


def infer_reference_date(text: str, timexes: list) -> tuple[dt.date | None, str, str]:
    """Infer a reference date from the text alone: (date, basis, confidence); (None, why, "none") rather than a guess.

    A dateline with a full date, or the page's own stamp ("Page last updated at 08:58 GMT, Thursday, 30 April
    2009"), is "high"; a dateline's day and month with the text's latest year is "medium". A date the story
    only mentions is not used: on Timeline17-dev and TimeBank the latest such date was the story's date
    almost never (bench/README.md). `timexes` are the tagger's phase-one drafts (or unresolved Timexes).

    >>> from extract.timex import find
    >>> text = "BRUSSELS | Fri Mar 18, 2011 12:45pm EDT\\nTalks resumed."
    >>> infer_reference_date(text, find(text))
    (datetime.date(2011, 3, 18), "inferred: dateline 'Mar 18, 2011'", 'high')
    """
    dated = [t for t in timexes if t.type in ("DATE", "TIME")]
    years = [int(m.group("year")) for t in dated for m in [_YEAR.match(t.value)] if m]
    dateline = find_dateline(text, timexes)
    if dateline:
        line = text[dateline[0]:dateline[1]]
        for timex in (t for t in dated if dateline[0] <= t.start < dateline[1]):
            full = parse_iso_date(timex.value)
            if full and not _weekday_contradicts(line, full):
                return full, f"inferred: dateline {timex.text!r}", "high"
            yearless = _YEARLESS_DATE.match(timex.value)
            day = yearless and years and parse_iso_date(f"{max(years):04d}-{yearless['month']}-{yearless['day']}")
            if day and not _weekday_contradicts(line, day):
                return day, (f"inferred: dateline {timex.text!r}, year {day.year} = the latest year the text "
                             "mentions"), "medium"
    stamps = page_stamps(text, timexes)
    days = sorted({day for day, _ in stamps})
    if len(days) > MAX_STAMPED_DAYS:
        return None, (f"none: the page stamps {len(days)} different days ({', '.join(map(str, days[:3]))} ...), a list of "
                      "posts rather than one story; relative dates are left unresolved"), "none"
    if stamps:
        return stamps[0][0], f"inferred: page stamp {stamps[0][1].text!r}", "high"
    return None, "none: no dateline and no page stamp with a full date; relative dates are left unresolved", "none"


def inferred_title(text: str, doc_id: str, skip: tuple[int, int] | None = None) -> str:
    """The first non-empty line of the text (not the dateline `skip`), shortened; the doc id when there is none.

    >>> inferred_title("\\n15 June\\nRussia stays out\\nBody.", "a", skip=(1, 8))
    'Russia stays out'
    """
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not (skip and stripped in text[skip[0]:skip[1]]):
            return stripped if len(stripped) <= TITLE_MAX_CHARS else stripped[:TITLE_MAX_CHARS - 1] + "…"
    return doc_id


def resolve_source(document: Document, known: Source | None, drafts: list, warnings: list[str]) -> Source:
    """What the article is and its reference date: sources.csv, else the page's own metadata (web page, PDF),
    else its folder's date, else inferred from its text. Title, outlet, author and url: sources.csv, else the page.

    `drafts` are the tagger's phase-one findings for the text (`extract.timex.find`); problems go to `warnings`.
    """
    page = document.metadata or PageMetadata()
    known = known or Source(document.doc_id)
    dateline = find_dateline(document.text, drafts)
    title = known.title or page.title or inferred_title(document.text, document.doc_id, dateline)
    described = dict(title=title, outlet=known.outlet or page.site, author=known.author or page.author,
                     url=known.url or page.url)
    if known.published is not None:
        return Source(document.doc_id, published=known.published, reference_date_confidence="given",
                      reference_date_basis=known.reference_date_basis or "sources.csv", **described)
    if page.published is not None:
        reference_date, basis, confidence = page.published, page.published_basis, "high"
    elif document.folder_date is not None:
        reference_date, basis, confidence = document.folder_date, f"folder date: {document.folder_date_basis}", "high"
    else:
        reference_date, basis, confidence = infer_reference_date(document.text, drafts)
    if reference_date is None:
        warnings.append(f"{document.path}: no reference date ({basis.removeprefix('none: ')}); give it a "
                        "'published' date in sources.csv")
    return Source(document.doc_id, published=reference_date, reference_date_basis=basis,
                  reference_date_confidence=confidence, **described)
