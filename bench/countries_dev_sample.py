"""Draw the sentences of the countries development set (run once; the labels were then added by reading).

    python bench/countries_dev_sample.py --out /tmp/countries_sample.csv

Sentences are drawn with a fixed seed from `../shared/corpora/TimeBank` (by outlet prefix) and
`../shared/corpora/Timeline17-dev` (by collection), keeping sentences of 8-70 words that name
something (a capitalised word after the first). The split is by document: all sentences of one
article fall in the same half (`dev` or `heldout`), decided by a hash of the document name, so
the held-out half never shares an article with the half that was studied.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extract.sentences import split_sentences  # noqa: E402
from extract.evaluate.timeml import read_timeml  # noqa: E402

CORPORA = REPO.parent / "shared" / "corpora"
PTB = [(" -LRB- ", " ("), ("-LRB- ", "("), (" -RRB-", ")"), ("``  ", '"'), ("`` ", '"'), (" ''", '"'),
       (" 's ", "'s "), (" n't", "n't"), (" , ", ", "), (" . ", ". "), (" ; ", "; "), (" : ", ": "),
       (" ?", "?"), (" !", "!"), (" %", "%"), ("$ ", "$"), (" 're", "'re"), (" 've", "'ve"), (" 'll", "'ll")]


def detokenize(line: str) -> str:
    """Undo the Penn-Treebank tokenisation of a Timeline17 line (approximately, enough to read)."""
    text = " " + line.strip() + " "
    for token, plain in PTB:
        text = text.replace(token, plain)
    return re.sub(r"\s+([.,;:])$", r"\1", text.strip())


def split_of(document: str) -> str:
    return "heldout" if hashlib.sha1(document.encode()).digest()[0] % 2 else "dev"


def names_something(sentence: str) -> bool:
    words = sentence.split()
    return 8 <= len(words) <= 70 and any(word[:1].isupper() for word in words[1:])


def timebank_sentences() -> list[dict]:
    rows = []
    for path in sorted((CORPORA / "TimeBank").glob("*.tml")):
        document = read_timeml(path)
        outlet = re.match(r"[A-Za-z]+", path.name).group().upper()
        for sentence in split_sentences(document.text):
            text = " ".join(sentence.text.split())
            if names_something(text):
                rows.append({"corpus": "TimeBank", "document": path.name, "outlet": outlet,
                             "date": str(document.creation_date or ""), "sentence": text})
    return rows


def timeline17_sentences() -> list[dict]:
    rows = []
    for path in sorted((CORPORA / "Timeline17-dev").glob("*/InputDocs/*/*.txt")):
        collection = path.parts[-4]
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            text = detokenize(line)
            if names_something(text) and text.isascii():
                rows.append({"corpus": "Timeline17", "document": f"{collection}/{path.parent.name}/{path.name}",
                             "outlet": collection.split("_")[1].upper(), "date": path.parent.name, "sentence": text})
    return rows


def draw(rows: list[dict], per_group: int, key: str, rng: random.Random) -> list[dict]:
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(row[key], []).append(row)
    chosen = []
    for name in sorted(groups):
        pool = groups[name]
        chosen += rng.sample(pool, min(per_group, len(pool)))
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    timebank = timebank_sentences()
    for row in timebank:  # wsj is 132 of 183 files: group it by year so the draw spreads over outlets and years
        row["group"] = row["outlet"] if row["outlet"] != "WSJ" else f"WSJ{row['date'][:4]}"
    timeline = timeline17_sentences()
    for row in timeline:
        row["group"] = row["document"].split("/")[0]
    chosen = draw(timebank, 8, "group", rng) + draw(timeline, 16, "group", rng)
    with open(args.out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["id", "split", "corpus", "outlet", "date", "document", "sentence"])
        writer.writeheader()
        for number, row in enumerate(chosen, 1):
            writer.writerow({"id": number, "split": split_of(row["document"]), **{k: row[k] for k in
                             ("corpus", "outlet", "date", "document", "sentence")}})
    print(f"{len(chosen)} sentences -> {args.out}")


if __name__ == "__main__":
    main()
