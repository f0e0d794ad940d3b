"""Stage 0: every entry the user gave, accounted for: the regular files to read, and why each other entry is not read.

Folders are walked recursively (sorted); a folder named as an ISO date (`2011-03-18/`) is a
reference-date hint for the articles inside it. Hidden entries found in a folder (names starting with
".", as `ls` hides them: `.DS_Store`, `._a.txt`, `.git/`) are not read, but each is a row with the
reason; a hidden folder is one row, never walked (a repository checkout's `.git/` does not flood the
frame). A hidden file named on the command line is read. Special files (FIFO, device,
socket) and links to them are refused from `os.stat` alone, never opened; dangling links, link
loops and folders linked twice are reported. Doc ids are the path below the folder given, without
suffix ("2011-03-18/reuters"), so they are unique across folders and stable across runs.

>>> [entry.doc_id for entry in list_inputs([])]
[]
"""
from __future__ import annotations

import datetime as dt
import errno
import fnmatch
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from extract.timex.resolve import parse_iso_date

DATE_FOLDER = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$")
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")
HIDDEN_PREFIX = "."
# Hidden names that say what they are: (shell pattern of the name, what it is); the first match wins.
HIDDEN_KINDS: tuple[tuple[str, str], ...] = (
    ("._*", "a macOS resource fork (AppleDouble file)"),
    (".DS_Store", "macOS folder view settings"),
    (".git", "git repository data"),
    (".svn", "Subversion data"),
    (".ipynb_checkpoints", "Jupyter checkpoints"),
    (".~lock.*", "an office suite's lock file"),
)
HIDDEN_REASON = "(hidden: its name starts with '.')"
_SPECIAL_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
                  (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


@dataclass(frozen=True)
class InputEntry:
    """One entry to account for: a regular file to read (problem ''), or anything else with the reason it is not read."""
    doc_id: str
    path: str
    problem: str = ""
    folder_date: dt.date | None = None      # from the nearest enclosing folder named YYYY-MM-DD
    folder_date_basis: str = ""             # e.g. "folder '2011-03-18/'"

    @property
    def readable(self) -> bool:
        """True for a regular file to open and read."""
        return not self.problem


def folder_date(name: str) -> dt.date | None:
    """The date a folder name states (ISO YYYY-MM-DD), else None.

    >>> folder_date("2011-03-18"), folder_date("2011-02-30"), folder_date("archive")
    (datetime.date(2011, 3, 18), None, None)
    """
    return parse_iso_date(name) if DATE_FOLDER.match(name) else None


def hidden_entry_problem(name: str, is_folder: bool) -> str:
    """Why a hidden entry found in a folder is not read ('' when the name is not hidden).

    >>> hidden_entry_problem("._talks.txt", False)
    "hidden file, a macOS resource fork (AppleDouble file); not read (hidden: its name starts with '.')"
    >>> hidden_entry_problem(".git", True)
    "hidden folder, git repository data; not read, nor anything inside it (hidden: its name starts with '.')"
    >>> hidden_entry_problem("talks.txt", False)
    ''
    """
    if not name.startswith(HIDDEN_PREFIX) or name in (".", ".."):
        return ""
    kind = next((what for pattern, what in HIDDEN_KINDS if fnmatch.fnmatchcase(name, pattern)), "")
    what = f"hidden {'folder' if is_folder else 'file'}" + (f", {kind}" if kind else "")
    return f"{what}; not read{', nor anything inside it' if is_folder else ''} {HIDDEN_REASON}"


def is_hidden_entry_problem(problem: str) -> bool:
    """True for the problem of a hidden entry (its warnings are summed up in one line, see `hidden_entries_warning`)."""
    return problem.startswith("hidden ") and problem.endswith(HIDDEN_REASON)


def hidden_entries_warning(paths: list[str]) -> list[str]:
    """One warning for all hidden entries not read (each has its own row in the documents frame); [] for none.

    >>> hidden_entries_warning(["news/.DS_Store", "news/.git"])
    ["2 hidden entries not read (names starting with '.'; each is a row of the documents frame): news/.DS_Store, news/.git"]
    """
    if not paths:
        return []
    shown = ", ".join(paths[:HIDDEN_PATHS_SHOWN]) + (f" and {len(paths) - HIDDEN_PATHS_SHOWN} more"
                                                    if len(paths) > HIDDEN_PATHS_SHOWN else "")
    noun = "entry" if len(paths) == 1 else "entries"
    return [f"{len(paths)} hidden {noun} not read (names starting with '.'; each is a row of the documents frame): {shown}"]


HIDDEN_PATHS_SHOWN = 10


def special_kind(mode: int) -> str:
    """What a non-regular, non-folder file is ('' for a regular file or folder).

    >>> special_kind(stat.S_IFIFO), special_kind(stat.S_IFREG)
    ('a named pipe (FIFO)', '')
    """
    return next((kind for test, kind in _SPECIAL_KINDS if test(mode)), "")


class _Walk:
    """One walk over the inputs: remembers the folders already read so links cannot loop or repeat."""

    def __init__(self) -> None:
        self.entries: list[tuple[InputEntry, str]] = []   # (entry, name of the input it was found under)
        self.folders_seen: dict[tuple[int, int], str] = {}
        self.root_name = ""

    def add(self, doc_id: str, path: Path, problem: str = "", dated: tuple[dt.date | None, str] = (None, "")) -> None:
        self.entries.append((InputEntry(doc_id, str(path), problem, *dated), self.root_name))

    def visit(self, path: Path, doc_id: str, dated: tuple[dt.date | None, str]) -> None:
        """Account for one entry: read a file, walk a folder, report anything else."""
        try:
            link = path.is_symlink()
            status = path.stat()
        except FileNotFoundError:
            problem = (f"dangling symbolic link (its target {os.readlink(path)!r} does not exist)"
                       if path.is_symlink() else "no such file")
            self.add(doc_id, path, problem, dated)
            return
        except OSError as error:
            problem = ("symbolic link loop (the link points back to itself)" if error.errno == errno.ELOOP
                       else f"cannot read: {error.strerror or error}")
            self.add(doc_id, path, problem, dated)
            return
        if stat.S_ISDIR(status.st_mode):
            self.walk_folder(path, doc_id, status, dated)
        elif stat.S_ISREG(status.st_mode):
            self.add(doc_id, path, "", dated)
        else:
            via = f"a symbolic link to {os.path.realpath(path)}, " if link else ""
            self.add(doc_id, path, f"{via}{special_kind(status.st_mode) or 'not a regular file'}; "
                                   "refused without opening it", dated)

    def walk_folder(self, folder: Path, doc_id: str, status: os.stat_result, dated: tuple[dt.date | None, str]) -> None:
        key = (status.st_dev, status.st_ino)
        if key in self.folders_seen:
            self.add(doc_id, folder, f"folder already read as {self.folders_seen[key]} (a link to it, or a "
                                     "link loop); not read twice", dated)
            return
        self.folders_seen[key] = str(folder)
        name = os.path.basename(os.path.abspath(folder))
        day = folder_date(name)
        if day is not None:
            dated = (day, f"folder '{name}/'")
        if folder.suffix.lower() in ARTICLE_SUFFIXES:
            self.add(doc_id, folder, "a folder, not a file, although named like an article; "
                                     "the articles inside it are read", dated)
        try:
            children = sorted(folder.iterdir())
        except OSError as error:
            self.add(doc_id, folder, f"cannot list folder: {error.strerror or error}", dated)
            return
        visible = [child for child in children if not child.name.startswith(HIDDEN_PREFIX)]
        if not visible:
            self.add(doc_id, folder, "empty folder (no articles inside)" if not children
                     else "no articles inside (only hidden entries)", dated)
        prefix = f"{doc_id}/" if doc_id else ""
        for child in children:
            if child.name.startswith(HIDDEN_PREFIX):
                self.add(f"{prefix}{child.name}", child, hidden_entry_problem(child.name, _is_folder(child)), dated)
            else:
                self.visit(child, f"{prefix}{_stem(child)}", dated)


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a link loop or an unreadable target: not a folder we could walk
        return False


def _stem(path: Path) -> str:
    return path.stem if path.suffix.lower() in ARTICLE_SUFFIXES else path.name


def list_inputs(folder_or_paths: str | Path | list) -> list[InputEntry]:
    """Every entry under the given folders and files, in a stable order, each with a unique doc id."""
    items = [folder_or_paths] if isinstance(folder_or_paths, (str, Path)) else list(folder_or_paths)
    walk = _Walk()
    for item in map(Path, items):
        folder = item if item.is_dir() else item.parent
        walk.root_name = os.path.basename(os.path.abspath(folder))
        walk.visit(item, "" if item.is_dir() else _stem(item), (None, ""))
    return _with_unique_ids(walk.entries)


def _with_unique_ids(entries: list[tuple[InputEntry, str]]) -> list[InputEntry]:
    """The first entry keeps its id; a later clash gets the input's name in front (two folders given), else
    its file name (a.txt beside a.md), else a number."""
    taken: dict[str, str] = {}   # doc id -> the input it came from
    unique = []
    for entry, root_name in entries:
        doc_id = entry.doc_id or root_name
        if doc_id in taken:
            parent = doc_id.rsplit("/", 1)[0] + "/" if "/" in doc_id else ""
            doc_id = f"{root_name}/{doc_id}" if taken[doc_id] != root_name else f"{parent}{Path(entry.path).name}"
        base, number = doc_id, 1
        while doc_id in taken:
            number += 1
            doc_id = f"{base}~{number}"
        taken[doc_id] = root_name
        unique.append(InputEntry(doc_id, entry.path, entry.problem, entry.folder_date, entry.folder_date_basis))
    return unique
