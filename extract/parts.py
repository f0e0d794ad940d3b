"""A run's statements and documents as Parquet datasets in parts, written by whoever extracted each batch.

Reads: a batch's typed statements and documents frames. Writes, inside a folder (an output set's generation
being built, on storage every worker can reach): `statements/part-NNNNN.parquet` and
`documents/part-NNNNN.parquet`, the same documents in part NNNNN of both. A Dask worker writes the parts of the
batches it extracts and sends back only their names, counts, warnings and file states, so the submitting process
never holds every statement and text at once. Every part has the schema of `extract.schema` (list columns as
lists of strings even in an empty part), so `pandas.read_parquet(folder)` and DuckDB's
`read_parquet('.../part-*.parquet')` read the parts as one table. A re-run links the parts whose documents are
all unchanged into the new folder (a hard link: no bytes copied) and writes the rest again.

>>> import tempfile
>>> from extract.schema import empty_documents, empty_statements
>>> folder = Path(tempfile.mkdtemp())
>>> write_part(folder, 3, empty_statements(), empty_documents()).name
'part-00003.parquet'
>>> read_dataset(folder, "statements").empty, list_parts(folder)
(True, ['part-00003.parquet'])
"""
from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from extract.schema import conform_documents, conform_statements, empty_documents, empty_statements

DATASETS = ("statements", "documents")      # the frames written in parts (folders of the same names)
PART_NAME = re.compile(r"^part-(?P<index>\d+)\.parquet$")
_EMPTY = {"statements": empty_statements, "documents": empty_documents}
_CONFORM = {"statements": conform_statements, "documents": conform_documents}


def part_name(index: int) -> str:
    """The file name of part number `index` (the same in every dataset).

    >>> part_name(7)
    'part-00007.parquet'
    """
    return f"part-{index:05d}.parquet"


def part_index(name: str) -> int:
    """The number of a part from its file name.

    >>> part_index("part-00012.parquet")
    12
    """
    match = PART_NAME.match(name)
    if match is None:
        raise ValueError(f"{name}: not a part file name (part-NNNNN.parquet)")
    return int(match["index"])


@lru_cache(maxsize=None)
def arrow_schema(dataset: str) -> pa.Schema:
    """The Arrow schema of a dataset's parts: the schema module's types, list columns as lists of strings."""
    schema = pa.Schema.from_pandas(_EMPTY[dataset](), preserve_index=False)
    for position, field in enumerate(schema):
        if pa.types.is_null(field.type):     # an object column of the schema holds lists of strings
            schema = schema.set(position, pa.field(field.name, pa.list_(pa.string())))
    return schema


def _write_table(frame: pd.DataFrame, dataset: str, path: Path) -> None:
    staging = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    table = pa.Table.from_pandas(frame, schema=arrow_schema(dataset), preserve_index=False)
    pq.write_table(table, staging)
    with open(staging, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(staging, path)    # a part is whole or absent, even when a worker dies while writing


def write_part(folder: Path, index: int, statements: pd.DataFrame, documents: pd.DataFrame) -> Path:
    """Write one batch's typed frames as part `index` of the statements and documents datasets in `folder`;
    returns the documents part (the statements part has the same name)."""
    for dataset, frame in (("statements", statements), ("documents", documents)):
        (Path(folder) / dataset).mkdir(parents=True, exist_ok=True)
        _write_table(frame, dataset, Path(folder) / dataset / part_name(index))
    return Path(folder) / "documents" / part_name(index)


def list_parts(folder: Path) -> list[str]:
    """The part file names of the datasets in `folder`, in part order (those of the documents dataset)."""
    documents = Path(folder) / "documents"
    names = [path.name for path in documents.glob("part-*.parquet")] if documents.is_dir() else []
    return sorted(names, key=part_index)


def _read_table(path: Path, dataset: str) -> pa.Table:
    return pq.ParquetFile(path).read().cast(arrow_schema(dataset))   # the file alone: no dataset discovery per part


def _typed_frame(table: pa.Table, dataset: str) -> pd.DataFrame:
    """A table of the dataset's schema as the typed frame `extract.schema` defines, without a Python call per cell
    (list cells straight from Arrow); anything else goes through the schema module's conform."""
    frame = table.to_pandas()
    for field in arrow_schema(dataset):
        if pa.types.is_list(field.type):
            frame[field.name] = pd.Series(table.column(field.name).to_pylist(), index=frame.index, dtype=object)
    if frame.dtypes.to_dict() != _EMPTY[dataset]().dtypes.to_dict():
        return _CONFORM[dataset](frame)
    return frame


def read_part(folder: Path, dataset: str, name: str) -> pd.DataFrame:
    """One part of a dataset as a typed frame."""
    return _typed_frame(_read_table(Path(folder) / dataset / name, dataset), dataset)


def read_dataset(folder: Path, dataset: str, parts: Iterable[str] | None = None) -> pd.DataFrame:
    """The parts of a dataset (all, or the names given) as one typed frame, parts in order."""
    names = list_parts(folder) if parts is None else list(parts)
    if not names:
        return _EMPTY[dataset]()
    return _typed_frame(pa.concat_tables([_read_table(Path(folder) / dataset / name, dataset) for name in names]),
                        dataset)


def documents_by_part(folder: Path) -> dict[str, list[str]]:
    """Part file name -> the doc ids it holds, from the documents dataset in `folder` (only its doc_id column read)."""
    return {name: pq.ParquetFile(Path(folder) / "documents" / name).read(columns=["doc_id"])["doc_id"].to_pylist()
            for name in list_parts(folder)}


def link_part(source: Path, target: Path, name: str) -> None:
    """Part `name` of both datasets in `source` made part of `target` too: a hard link, a copy where links fail."""
    for dataset in DATASETS:
        (Path(target) / dataset).mkdir(parents=True, exist_ok=True)
        try:
            os.link(Path(source) / dataset / name, Path(target) / dataset / name)
        except OSError:
            shutil.copyfile(Path(source) / dataset / name, Path(target) / dataset / name)
