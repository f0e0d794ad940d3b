"""Timeline Desk extraction: articles -> dated statements -> events (one row per happening).

Public API: `extract_corpus(...) -> Extraction` (statements, documents, warnings, events),
`extract_statements(folder_or_paths) -> DataFrame` (`extract_events` is its deprecated old name:
it returns statements), `extract.events.build_events(statements, documents)`, and the temporal
tagger `extract.timex.tag`.
Loaded lazily so that `extract.timex` and `extract.schema` import without the whole chain.
"""
from __future__ import annotations

__all__ = ["extract_statements", "extract_events", "extract_corpus", "Extraction"]


def __getattr__(name: str):
    if name in __all__:
        from extract import pipeline
        return getattr(pipeline, name)
    raise AttributeError(f"module 'extract' has no attribute {name!r}")
