"""Read the temporal tagger's output on news it was never tuned on: random spans, or the spans a change moved.

The news: Timeline17-dev (each article's folder date is its reference date) and html-dev (each page read as the
product reads it; its own date is the reference date, pages without one are skipped). No gold: a person judges
each span in its context. Used by the tagger rounds (bench/tagger_rounds.md, round 7).

    .venv/bin/python bench/tagger_read.py --sample 150 --seed 7          # random spans, one per line, in context
    .venv/bin/python bench/tagger_read.py --against d1a3565              # spans that differ from that revision's tagger
    .venv/bin/python bench/tagger_read.py --against d1a3565 --summary    # ... counted by rule
    .venv/bin/python bench/tagger_read.py --misses 150 --seed 7          # time words no span covers, to read for recall
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import importlib
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extract.documents import read_document_bytes  # noqa: E402
from extract.ptb import normalise_if_tokenised  # noqa: E402
from extract.timex import tag  # noqa: E402

CORPORA = REPO.parent / "shared" / "corpora"
CONTEXT = 90
# Words that often sit in a temporal expression; one no span covers may be a missed date (or no date at all).
TIME_WORDS = re.compile(
    r"\b(?:(?:1[5-9]|20)\d\d|(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?(?!\s+[A-Z])|"
    r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|today|tonight|yesterday|tomorrow|now|ago|later|earlier|"
    r"(?:morning|afternoon|evening|night|day|week|weekend|month|year|decade|century|quarter|season|"
    r"spring|summer|autumn|winter|hour|minute)s?))\b")


def news(corpora: Path) -> list[tuple[str, dt.date, str]]:
    """(name, reference date, text) of every Timeline17-dev article and every dated html-dev page."""
    documents = []
    for path in sorted((corpora / "Timeline17-dev").glob("*/InputDocs/*/*.txt")):
        text = normalise_if_tokenised(path.read_text(encoding="utf-8", errors="replace"))
        documents.append((str(path.relative_to(corpora)), dt.date.fromisoformat(path.parent.name), text))
    for path in sorted((corpora / "html-dev" / "html").glob("*")):
        document = read_document_bytes(path.name, path.read_bytes())
        if document.readable and document.metadata and document.metadata.published:
            documents.append((f"html-dev/{path.name}", document.metadata.published, document.text))
    return documents


def in_context(text: str, start: int, end: int) -> str:
    """The span in [[brackets]] with some text either side, on one line."""
    return " ".join((text[max(0, start - CONTEXT):start] + "[[" + text[start:end] + "]]" + text[end:end + CONTEXT // 2]).split())


def tagger_at(revision: str):
    """The `tag` function of extract/timex as it was at a git revision (imported under another package name)."""
    folder = Path(tempfile.mkdtemp(prefix="timex_at_")) / "timex_at_revision"
    folder.mkdir()
    names = subprocess.run(["git", "ls-tree", "--name-only", revision, "extract/timex/"], cwd=REPO, check=True,
                           capture_output=True, text=True).stdout.split()
    for name in names:
        source = subprocess.run(["git", "show", f"{revision}:{name}"], cwd=REPO, check=True, capture_output=True).stdout
        (folder / Path(name).name).write_bytes(source)
    sys.path.insert(0, str(folder.parent))
    return importlib.import_module("timex_at_revision").tag


def sample(documents, size: int, seed: int) -> None:
    spans = [(name, day, text, timex) for name, day, text in documents for timex in tag(text, day)]
    print(f"{len(spans)} spans in {len(documents)} documents; {size} at random (seed {seed})", file=sys.stderr)
    for number, (name, day, text, timex) in enumerate(random.Random(seed).sample(spans, min(size, len(spans)))):
        print(f"{number:3} {day} {day:%a} {timex.value:18} {timex.rule:24} | {in_context(text, timex.start, timex.end)}")


def misses(documents, size: int, seed: int) -> None:
    words = []
    for name, day, text in documents:
        spans = [(timex.start, timex.end) for timex in tag(text, day)]
        words.extend((name, day, text, match) for match in TIME_WORDS.finditer(text)
                     if not any(start <= match.start() < end for start, end in spans))
    print(f"{len(words)} time words outside every span in {len(documents)} documents; {size} at random (seed {seed})",
          file=sys.stderr)
    for number, (name, day, text, match) in enumerate(random.Random(seed).sample(words, min(size, len(words)))):
        print(f"{number:3} {day} {day:%a} {match.group():12} | {in_context(text, match.start(), match.end())}")


def against(documents, revision: str, summary: bool) -> None:
    old_tag = tagger_at(revision)
    added, dropped = collections.Counter(), collections.Counter()
    for name, day, text in documents:
        old = {(t.start, t.end, t.value): t for t in old_tag(text, day)}
        new = {(t.start, t.end, t.value): t for t in tag(text, day)}
        for key in sorted(new.keys() - old.keys()):
            added[new[key].rule] += 1
            if not summary:
                print(f"+ {day} {day:%a} {key[2]:18} | {in_context(text, key[0], key[1])}")
        for key in sorted(old.keys() - new.keys()):
            if not any(start < key[1] and key[0] < end for start, end, _ in new):
                dropped[old[key].rule] += 1
            if not summary:
                print(f"- {day} {day:%a} {key[2]:18} | {in_context(text, key[0], key[1])}")
    print(f"new or changed spans by rule: {dict(added.most_common())}")
    print(f"spans dropped (no new span overlaps them) by old rule: {dict(dropped.most_common())}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="folder holding Timeline17-dev and html-dev")
    parser.add_argument("--sample", type=int, metavar="N", help="print N random spans")
    parser.add_argument("--misses", type=int, metavar="N", help="print N random time words that no span covers")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--against", metavar="REV", help="print the spans that differ from the tagger at git revision REV")
    parser.add_argument("--summary", action="store_true", help="with --against: only the counts by rule")
    options = parser.parse_args(argv)
    if not (options.sample or options.misses or options.against):
        parser.error("give --sample N, --misses N or --against REV")
    documents = news(options.corpora)
    if options.sample:
        sample(documents, options.sample, options.seed)
    if options.misses:
        misses(documents, options.misses, options.seed)
    if options.against:
        against(documents, options.against, options.summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
