"""Read the Timeline17 layout: articles in date folders and journalists' reference timelines.

A collection is a folder with `InputDocs/<YYYY-MM-DD>/*.txt` (one article each, published on the
folder's date; Penn-Treebank tokenised, one sentence per line) and `timelines/*.txt` (a date line
`2009-05-04`, that date's sentences, then a line of dashes). A date given twice in one timeline
(it happens: H1N1_bbc) is one date with the sentences of both entries, nothing dropped.
A Timeline17 root is either one collection or a folder of collections.

>>> timeline, problems = parse_timeline("2009-05-03\\nA case is confirmed .\\n----\\n2009-05-03\\nAnother one .\\n----\\n"
...                                      "2011-04-0\\nJury selection begins .\\n----\\n", "t.txt")
>>> timeline.dates, timeline.n_dates, timeline.sentences_per_date
({datetime.date(2009, 5, 3): ['A case is confirmed .', 'Another one .']}, 1, 2)
>>> problems
["t.txt, line 7: '2011-04-0' is not a YYYY-MM-DD date line; this entry is skipped"]
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

ARTICLES_FOLDER = "InputDocs"
TIMELINES_FOLDER = "timelines"
_DATE_LINE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SEPARATOR_LINE = re.compile(r"^-{3,}$")


class Timeline17Error(ValueError):
    """A collection or timeline file that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class ReferenceTimeline:
    """One journalist's timeline: its file name and its dates (sorted) with their sentences."""

    name: str
    dates: dict[datetime.date, list[str]]

    @property
    def n_dates(self) -> int:
        """How many dates the timeline has (the N of the protocol)."""
        return len(self.dates)

    @property
    def sentences_per_date(self) -> int:
        """round(mean sentences per date), Python's round as news-tls (the K of the protocol)."""
        return round(sum(map(len, self.dates.values())) / len(self.dates)) if self.dates else 0

    @property
    def first_date(self) -> datetime.date:
        """The timeline's first date."""
        return min(self.dates)

    @property
    def last_date(self) -> datetime.date:
        """The timeline's last date."""
        return max(self.dates)


@dataclass(frozen=True)
class Article:
    """One article file and its publication date (its folder's name)."""

    path: Path
    published: datetime.date


@dataclass
class Collection:
    """One Timeline17 collection: its name, articles (by date, then file name) and reference timelines."""

    name: str
    path: Path
    articles: list[Article] = field(default_factory=list)
    timelines: list[ReferenceTimeline] = field(default_factory=list)

    def articles_between(self, first: datetime.date, last: datetime.date) -> list[Article]:
        """The articles published from `first` to `last`, both included."""
        return [article for article in self.articles if first <= article.published <= last]


def parse_timeline(text: str, name: str) -> tuple[ReferenceTimeline, list[str]]:
    """Parse one timeline file's text and list its problems; an entry whose date line is not a date is skipped.

    Raises Timeline17Error naming the file when no dated entry is left.
    """
    dates: dict[datetime.date, list[str]] = {}
    problems: list[str] = []
    current: datetime.date | None = None
    skipping = False
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        if _SEPARATOR_LINE.match(line):
            current, skipping = None, False
        elif skipping:
            continue
        elif current is None:
            try:
                current = datetime.date.fromisoformat(line) if _DATE_LINE.match(line) else None
            except ValueError:
                current = None
            if current is None:
                problems.append(f"{name}, line {number}: {line[:60]!r} is not a YYYY-MM-DD date line; "
                                "this entry is skipped")
                skipping = True
            else:
                dates.setdefault(current, [])
        else:
            dates[current].append(line)
    dates = {date: sentences for date, sentences in sorted(dates.items()) if sentences}
    if not dates:
        raise Timeline17Error(f"{name}: no dated entries (expected a YYYY-MM-DD line, sentences, a line of dashes)")
    return ReferenceTimeline(Path(name).name, dates), problems


def read_collection(path: str | Path) -> tuple[Collection, list[str]]:
    """Read one collection folder; unreadable timelines and misnamed date folders become warnings."""
    path = Path(path)
    articles_folder, timelines_folder = path / ARTICLES_FOLDER, path / TIMELINES_FOLDER
    if not articles_folder.is_dir() or not timelines_folder.is_dir():
        raise Timeline17Error(f"{path}: not a Timeline17 collection (expected {ARTICLES_FOLDER}/ and {TIMELINES_FOLDER}/)")
    collection, warnings = Collection(path.name, path), []
    for date_folder in sorted(item for item in articles_folder.iterdir() if item.is_dir()):
        try:
            published = datetime.date.fromisoformat(date_folder.name)
        except ValueError:
            warnings.append(f"{date_folder}: folder name is not a YYYY-MM-DD date; its articles are skipped")
            continue
        collection.articles.extend(Article(file, published) for file in sorted(date_folder.glob("*.txt"))
                                   if not file.name.startswith("."))
    for timeline_file in sorted(timelines_folder.glob("*.txt")):
        try:
            timeline, problems = parse_timeline(timeline_file.read_text(encoding="utf-8", errors="replace"),
                                                str(timeline_file))
        except (Timeline17Error, OSError) as error:
            warnings.append(f"skipped {error}")
            continue
        collection.timelines.append(timeline)
        warnings.extend(problems)
    if not collection.timelines:
        warnings.append(f"{timelines_folder}: no readable timeline")
    return collection, warnings


def read_timeline17(root: str | Path, names: list[str] | None = None) -> tuple[list[Collection], list[str]]:
    """The collections under `root` (or `root` itself when it is one), only those in `names` when given."""
    root = Path(root)
    if not root.is_dir():
        raise Timeline17Error(f"{root}: folder not found")
    folders = [root] if (root / ARTICLES_FOLDER).is_dir() else sorted(
        item for item in root.iterdir() if (item / ARTICLES_FOLDER).is_dir())
    if names:
        unknown = sorted(set(names) - {folder.name for folder in folders})
        if unknown:
            raise Timeline17Error(f"{root}: no collection named {', '.join(unknown)} "
                                  f"(have: {', '.join(folder.name for folder in folders)})")
        folders = [folder for folder in folders if folder.name in names]
    if not folders:
        raise Timeline17Error(f"{root}: no Timeline17 collection (a folder with {ARTICLES_FOLDER}/ and {TIMELINES_FOLDER}/)")
    collections, warnings = [], []
    for folder in folders:
        collection, collection_warnings = read_collection(folder)
        collections.append(collection)
        warnings.extend(collection_warnings)
    return collections, warnings
