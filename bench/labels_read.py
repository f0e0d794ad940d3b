"""Read the event labels a change moved: every event statement of extracted desks labelled by the labels code of a
git revision and by the working tree, the ones that differ printed in context. No gold: a person judges each pair.

The desks are statements files written by `python -m extract FOLDER --out DESK/statements.parquet` (e.g. one per
Timeline17-dev collection). Used for the label fixes of session 8 (HELD-OUT: H1N1_bbc, never studied).

    .venv/bin/python bench/labels_read.py --against c71f551 /tmp/desks/H1N1_bbc/statements.parquet
    .venv/bin/python bench/labels_read.py --against c71f551 --sample 40 --seed 3 /tmp/desks/*/statements.parquet
"""
from __future__ import annotations

import argparse
import importlib.util
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extract import labels as current  # noqa: E402


def labels_at(revision: str):
    """The `extract.labels` module as it was at git `revision`."""
    source = subprocess.run(["git", "-C", str(REPO), "show", f"{revision}:extract/labels.py"], check=True,
                            capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp()) / "labels_then.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("labels_then", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["labels_then"] = module
    spec.loader.exec_module(module)
    return module


def changed_labels(statements: pd.DataFrame, then) -> list[tuple[str, str, str, str, str]]:
    """(statement_id, sentence, date as written, label then, label now) of every event statement whose label moved."""
    rows = statements[statements["sentence"].notna()]
    rows = rows.assign(own_start=rows["date_start_char"] - rows["sentence_start"],
                       own_end=rows["date_end_char"] - rows["sentence_start"])
    changed = []
    for _, sentence_rows in rows.groupby(["doc_id", "sentence_start"]):
        spans = sorted(set(zip(sentence_rows["own_start"].astype(int), sentence_rows["own_end"].astype(int))))
        sentence = sentence_rows["sentence"].iloc[0]
        for row in sentence_rows[sentence_rows["kind"] == "event"].itertuples():
            own = spans.index((int(row.own_start), int(row.own_end)))
            before = then.derive_label(sentence, spans, own).text
            after = current.derive_label(sentence, spans, own).text
            if before != after:
                changed.append((row.statement_id, sentence, row.date_text, before, after))
    return changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("statements", nargs="+", help="statements.parquet files of extracted desks")
    parser.add_argument("--against", required=True, help="git revision whose labels code to compare with")
    parser.add_argument("--sample", type=int, default=0, help="print only this many changed labels, at random")
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args()
    then = labels_at(options.against)
    for path in options.statements:
        statements = pd.read_parquet(path)
        changed = changed_labels(statements, then)
        print(f"== {path}: {len(changed):,} of {int((statements['kind'] == 'event').sum()):,} event statements' "
              f"labels change")
        shown = random.Random(options.seed).sample(changed, options.sample) if 0 < options.sample < len(changed) \
            else changed
        for statement_id, sentence, date_text, before, after in shown:
            print(f"-- {statement_id} [{date_text}]\n   {sentence[:300]}\n   - {before}\n   + {after}")


if __name__ == "__main__":
    main()
