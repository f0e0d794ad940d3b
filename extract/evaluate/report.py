"""The TempEval report as a text table: one row per view, then warnings and error examples."""
from __future__ import annotations


def _percent(fraction: float | None) -> str:
    return f"{'-':>6}" if fraction is None else f"{100 * fraction:6.1f}"


REPORT_GROUPS = " " * 28 + " |" + " |".join(group.center(width) for group, width in
                                             (("strict span", 18), ("relaxed span", 18), ("value", 30), ("type", 6)))
REPORT_HEADER = (f"{'view':<10}{'gold':>6}{'sys':>6}{'ign':>6} |" + "     P     R    F1 |" * 2
                 + "   acc     P     R    F1 TE3-F1 |   acc")


def format_report(title: str, report: dict) -> str:
    """The report as a text table, one row per view, then warnings and error examples."""
    speed = ("n/a" if report["chars_per_s"] is None
             else f"{report['chars_per_s']:,.0f} chars/s, {report['docs_per_s']:,.1f} docs/s")
    lines = [f"== {title}: {report['docs']} docs, {report['chars']:,} chars; "
             f"extractor {report['seconds']:.3f} s ({speed})", REPORT_GROUPS, REPORT_HEADER]
    for view, summary in report["views"].items():
        counts, value = summary["counts"], summary["value"]
        cells = [summary["strict"][key] for key in ("p", "r", "f1")] + [summary["relaxed"][key] for key in ("p", "r", "f1")]
        value_cells = [value[key] for key in ("accuracy", "p", "r", "f1", "f1_te3")]
        lines.append(f"{view:<10}{counts['gold']:>6}{counts['system']:>6}{counts['ignored']:>6} |"
                     + "".join(map(_percent, cells[:3])) + " |" + "".join(map(_percent, cells[3:])) + " |"
                     + "".join(map(_percent, value_cells)) + " |" + _percent(summary["type_accuracy"]))
    if report["invalid_spans_dropped"]:
        lines.append(f"warning: {report['invalid_spans_dropped']} invalid spans (empty, outside the text or not a span) were dropped")
    lines.extend(f"warning: {failure}" for failure in report["extractor_failures"])
    for view, summary in report["views"].items():
        for kind, examples in summary.get("examples", {}).items():
            lines.extend(f"  [{view} {kind.replace('_', ' ')}] {example}" for example in examples)
    return "\n".join(lines)
