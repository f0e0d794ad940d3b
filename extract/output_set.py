"""The extractor's outputs as one consistent set: a reader sees the old set or the new one, never a mix.

Reads: frames (file name -> DataFrame) and optionally datasets (name -> parts). Writes:
`<folder>/.generations/<generation>/<file name>` for every frame and
`<folder>/.generations/<generation>/<name>/part-00000.parquet, ...` for every dataset (one Parquet file
per part, readable as one table by `pandas.read_parquet(folder)` or DuckDB's `read_parquet('.../part-*.parquet')`),
then `<folder>/output-set.json` (the manifest naming the current generation) by one
atomic rename. A `kill -9` at any moment leaves the previous manifest, hence the previous set, intact.
The top-level `<folder>/<file name>` entries are then replaced, one atomic rename each, by hard links
to the new generation's files, for tools that read one file; readers of the whole set go through
`read_output_set`, and a tool reading one of them should read it through one open handle
(`read_parquet_once`). One writer per folder at a time; the previous generation is kept for readers still
reading it, older ones are removed.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> written = write_output_set(folder, {"numbers.parquet": pd.DataFrame({"n": [1, 2]})})
>>> read_output_set(folder, ["numbers.parquet"]).frames["numbers.parquet"]["n"].tolist()
[1, 2]
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from extract.csv_form import frame_to_csv

MANIFEST_NAME = "output-set.json"
GENERATIONS_FOLDER = ".generations"
READ_ATTEMPTS = 5
FrameReader = Callable[[Path], pd.DataFrame]


def read_parquet_once(path: Path) -> pd.DataFrame:
    """Read a parquet file through ONE open handle (pyarrow given a path may open it twice and mix two versions)."""
    with open(path, "rb") as handle:
        return pd.read_parquet(handle)


class OutputSetError(Exception):
    """An output set cannot be written or read; the message names the file."""


@dataclass(frozen=True)
class OutputSet:
    """One generation of outputs: where each file of the set is, and (after reading) its frame."""
    folder: Path
    generation: str                       # "" for files written before output sets existed (read as they are)
    paths: dict[str, Path]
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    datasets: dict[str, Path] = field(default_factory=dict)   # name -> the folder of its part-*.parquet files


def _write_frame(frame: pd.DataFrame, path: Path) -> None:
    if path.suffix == ".csv":
        path.write_bytes(frame_to_csv(frame))  # the one CSV form: lists joined, ISO dates, formulas guarded
    elif path.suffix == ".parquet":
        frame.to_parquet(path, index=False)
    else:
        raise OutputSetError(f"{path}: cannot write a {path.suffix or '(no suffix)'} file; use .parquet or .csv")
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _manifest(folder: Path) -> dict | None:
    try:
        return json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        raise OutputSetError(f"{folder / MANIFEST_NAME}: cannot be read ({error}); rerun the extraction") from error


def _next_generation(previous: dict | None) -> str:
    number = int(str((previous or {}).get("generation", "0")).split("-")[0] or 0) + 1
    return f"{number:06d}-{os.getpid()}-{secrets.token_hex(3)}"


def _link_at_top(folder: Path, source: Path, name: str) -> None:
    """Make `folder/name` the generation's file in one atomic rename (a hard link; a copy where links fail)."""
    staging = folder / f".{name}.{os.getpid()}.tmp"
    staging.unlink(missing_ok=True)
    try:
        os.link(source, staging)
    except OSError:
        shutil.copyfile(source, staging)
    os.replace(staging, folder / name)


def _remove_old_generations(folder: Path, keep: set[str]) -> None:
    for generation in (folder / GENERATIONS_FOLDER).iterdir():
        if generation.name not in keep:
            shutil.rmtree(generation, ignore_errors=True)


def dataset_part_name(index: int) -> str:
    """The file name of a dataset's part number `index`.

    >>> dataset_part_name(7)
    'part-00007.parquet'
    """
    return f"part-{index:05d}.parquet"


def new_generation(folder: Path) -> Path:
    """A new, empty generation folder of `folder`'s output set, for files written before the set is (by
    `write_output_set(..., generation=...)`); it is not current until then, and removed by a later write if never."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    generation_folder = folder / GENERATIONS_FOLDER / _next_generation(_manifest(folder))
    generation_folder.mkdir(parents=True)
    return generation_folder


def write_output_set(folder: Path, frames: Mapping[str, pd.DataFrame],
                     datasets: Mapping[str, Sequence[pd.DataFrame]] | None = None,
                     generation: Path | None = None, written_datasets: Sequence[str] = ()) -> OutputSet:
    """Write `frames` (file name -> frame, .parquet or .csv) and `datasets` (name -> its parts, each written as
    `<name>/part-NNNNN.parquet` inside the generation) as the folder's new current set, atomically.

    `generation` is a folder from `new_generation` to complete (by default a new one); `written_datasets` names the
    datasets already written in it (e.g. parts written by Dask workers), listed in the set like the others.
    """
    folder = Path(folder)
    datasets = datasets or {}
    for name in frames:
        if Path(name).name != name or Path(name).suffix not in (".parquet", ".csv"):
            raise OutputSetError(f"{folder / name}: an output is a plain .parquet or .csv file name")
    for name in [*datasets, *written_datasets]:
        if Path(name).name != name or Path(name).suffix or name in frames or name.startswith("."):
            raise OutputSetError(f"{folder / name}: a dataset is a plain folder name without a suffix")
    previous = _manifest(folder)
    generation_folder = Path(generation) if generation is not None else new_generation(folder)
    if generation_folder.parent != folder / GENERATIONS_FOLDER:
        raise OutputSetError(f"{generation_folder}: not a generation folder of {folder}")
    for name, frame in frames.items():
        _write_frame(frame, generation_folder / name)
    for name, parts in datasets.items():
        (generation_folder / name).mkdir()
        for index, part in enumerate(parts):
            _write_frame(part, generation_folder / name / dataset_part_name(index))
        _fsync_folder(generation_folder / name)
    for name in written_datasets:
        (generation_folder / name).mkdir(exist_ok=True)
        _fsync_folder(generation_folder / name)
    _fsync_folder(generation_folder)
    all_datasets = sorted({*datasets, *written_datasets})
    manifest = {"generation": generation_folder.name, "files": sorted(frames), "datasets": all_datasets}
    staging = folder / f".{MANIFEST_NAME}.{os.getpid()}.tmp"
    staging.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    with open(staging, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(staging, folder / MANIFEST_NAME)   # the moment the new set becomes the current one
    _fsync_folder(folder)
    for name in frames:
        _link_at_top(folder, generation_folder / name, name)
    _remove_old_generations(folder, {generation_folder.name, (previous or {}).get("generation", "")})
    return OutputSet(folder, generation_folder.name, {name: generation_folder / name for name in frames},
                     datasets={name: generation_folder / name for name in all_datasets})


def current_output_set(folder: Path) -> OutputSet | None:
    """Where the files of the folder's current set are; None when the folder has no manifest (files written loose)."""
    folder = Path(folder)
    manifest = _manifest(folder)
    if manifest is None:
        return None
    generation = str(manifest.get("generation", ""))
    files = manifest.get("files", [])
    generation_folder = folder / GENERATIONS_FOLDER / generation
    return OutputSet(folder, generation, {name: generation_folder / name for name in files},
                     datasets={name: generation_folder / name for name in manifest.get("datasets", [])})


def read_output_set(folder: Path, names: list[str], reader: FrameReader = read_parquet_once) -> OutputSet:
    """The frames `names` of ONE generation (a name missing from the set is left out of `frames`).

    A folder without a manifest is read from its loose files. Raises FileNotFoundError for a missing
    loose file, and whatever `reader` raises for a corrupt one.
    """
    folder = Path(folder)
    for _ in range(READ_ATTEMPTS):
        current = current_output_set(folder)
        if current is None:
            paths = {name: folder / name for name in names if (folder / name).exists()}
            return OutputSet(folder, "", paths, {name: reader(path) for name, path in paths.items()})
        try:
            frames = {name: reader(current.paths[name]) for name in names if name in current.paths}
        except FileNotFoundError:
            continue  # a newer writer removed this generation while we read it: read the new current set
        return OutputSet(folder, current.generation, current.paths, frames, current.datasets)
    raise OutputSetError(f"{folder}: the output set kept changing during {READ_ATTEMPTS} attempts to read it")


def output_set_signature(folder: Path) -> str:
    """A key that changes whenever a new set is written (the generation; loose files: their mtimes and sizes)."""
    folder = Path(folder)
    current = current_output_set(folder)
    if current is not None:
        return current.generation
    stamps = []
    for path in sorted(folder.glob("*.parquet")) if folder.is_dir() else []:
        status = path.stat()
        stamps.append(f"{path.name}:{status.st_mtime_ns}:{status.st_size}")
    return "loose " + " ".join(stamps)
