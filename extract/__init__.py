"""Timeline Desk extraction: articles -> one pandas frame of dated statements.

Public API: `extract_events(folder_or_paths) -> DataFrame`, `extract_corpus(...) -> Extraction`
(statements, documents, warnings), and the temporal tagger `extract.timex.tag`.
Loaded lazily so that `extract.timex` and `extract.schema` import without the whole chain.
"""
from __future__ import annotations

__all__ = ["extract_events", "extract_corpus", "Extraction"]


def __getattr__(name: str):
    if name in __all__:
        from extract import pipeline
        return getattr(pipeline, name)
    raise AttributeError(f"module 'extract' has no attribute {name!r}")
