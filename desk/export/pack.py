"""The briefing pack: the labelled key-event chart and a table of the key events, each citing its sentences
(at most `MAX_SENTENCES_PER_EVENT`, one per article first; the others are counted).

One PDF (the chart page, then the table; printed by the same headless Chromium that renders the
images) and one PPTX (python-pptx: the chart slide, then table slides with the evidence in the
speaker notes). Built from `desk.export.event_briefing.event_briefing`, so the pack's chart is the
chart of the page and of the screen.

>>> PAGE_CSS_SIZE["A4 landscape"]
'297mm 210mm'
"""
from __future__ import annotations

import html
import io
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from desk.evidence import Evidence, cited_evidence, evidence_by_event
from desk.export.briefing import PNG_SCALE
from desk.export.event_briefing import EventBriefing
from desk.export.images import (CHROMIUM_MISSING_MESSAGE, ImageExportUnavailable, ImageRenderError, find_browser,
                                render_image)
from desk.highlight import SPAN_STYLES
from desk.labels import interval_label

PAGE_CSS_SIZE = {"16:9 slide": "13.333in 7.5in", "A4 landscape": "297mm 210mm"}
PRINT_TIMEOUT_SECONDS = 90
PACK_FORMATS: dict[str, str] = {"pdf": "application/pdf",
                                "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}
EVENTS_PER_SLIDE = 6
SENTENCE_CHARS_ON_SLIDE = 160
MAX_SENTENCES_PER_EVENT = 5   # cited in the pack (one per article first, `cited_evidence`); the rest are counted


@dataclass(frozen=True)
class PackEntry:
    """One row of the pack's table: the event, its evidence and whether the chart draws it."""

    event_id: str
    kind: str
    date_text: str
    label: str
    n_sources: int
    evidence: tuple[Evidence, ...]   # the sentences cited (`cited_evidence`)
    where: str                    # "" when on the chart, else why not ("outside the chart window", ...)
    more_sentences: int = 0       # evidence sentences not cited, and the articles only they come from
    more_articles: int = 0

    def sources_text(self) -> str:
        """'Kyiv Post, “Title” (15 Jun 2025); …' — each source cited once, then 'and 40 more articles'."""
        cited = "; ".join(dict.fromkeys(item.citation() for item in self.evidence)) or "(no source found)"
        return cited + (f"; and {self.more_articles} more article{'s' if self.more_articles != 1 else ''}"
                         if self.more_articles else "")

    def more_text(self) -> str:
        """'… and 55 more sentences from 55 more articles (every one: event ev-… on the dashboard)', or ''."""
        if not self.more_sentences:
            return ""
        sentences = f"{self.more_sentences} more sentence{'s' if self.more_sentences != 1 else ''}"
        articles = f" from {self.more_articles} more article{'s' if self.more_articles != 1 else ''}" \
            if self.more_articles else ""
        return f"… and {sentences}{articles} (every one: event {self.event_id} on the dashboard)"


def pack_entries(page: EventBriefing, statements: pd.DataFrame, documents: pd.DataFrame | None) -> list[PackEntry]:
    """The key events of `page` in date order, each with its evidence and its place on the chart."""
    shown = page.chart_events
    evidence = evidence_by_event(shown, statements, documents)
    drawn = set(page.chart.placed["event_id"])
    outside = set(page.chart.outside["event_id"])
    entries = []
    for event in shown.sort_values(["start", "kind"], kind="stable").to_dict("records"):
        identifier = str(event["event_id"])
        where = "" if identifier in drawn else ("outside the chart window" if identifier in outside
                                                else "left off the chart for lack of room")
        cited, more_sentences, more_articles = cited_evidence(evidence.get(identifier, []), MAX_SENTENCES_PER_EVENT)
        entries.append(PackEntry(identifier, str(event["kind"]),
                                 interval_label(event["value"], event["grain"], event["start"], event["end"]),
                                 str(event["label"]), int(event["n_sources"]), tuple(cited), where, more_sentences,
                                 more_articles))
    return entries


def _table_heading(title: str) -> str:
    """'Key events — <title>', without saying 'Key events' twice.

    >>> _table_heading("Key events — Country: Iran"), _table_heading("Iran in June")
    ('Key events — Country: Iran', 'Key events — Iran in June')
    """
    return title if title.startswith("Key events") else f"Key events — {title}"


def _entry_row_html(entry: PackEntry) -> str:
    evidence = "".join(
        f'<li>“{item.sentence_html()}”<br><span class="cite">{html.escape(item.citation())} · reference date '
        f'{html.escape(item.reference_date_text())} · rule {html.escape(item.rule or "unknown")}</span></li>'
        for item in entry.evidence) or "<li>(no sentence found)</li>"
    more = f'<div class="more">{html.escape(entry.more_text())}</div>' if entry.more_sentences else ""
    badge = f'<span class="badge">{entry.n_sources} source{"s" if entry.n_sources != 1 else ""}</span>'
    where = f'<div class="where">{html.escape(entry.where)}</div>' if entry.where else ""
    kind = '<div class="where">episode</div>' if entry.kind == "episode" else ""
    return (f'<tr><td class="date">{html.escape(entry.date_text)}</td>'
            f'<td class="event"><b>{html.escape(entry.label)}</b> {badge}{kind}{where}</td>'
            f'<td class="evidence"><ul>{evidence}</ul>{more}</td></tr>')


def pack_html(page: EventBriefing, chart_svg: str, entries: list[PackEntry], *, size: str) -> str:
    """The pack as one printable HTML document: the chart page, then the key-event table."""
    marks = " ".join(f"mark.td-{kind} {{background:{colour}; padding:0 1px;}}" for kind, colour in SPAN_STYLES.items())
    footnote = html.escape(" ".join(page.footnote))
    rows = "".join(_entry_row_html(entry) for entry in entries)
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(page.title)}</title><style>
@page {{ size: {PAGE_CSS_SIZE[size]}; margin: 12mm 14mm; }}
@page chart {{ margin: 0; }}
body {{ font-family: Arial, 'Liberation Sans', Helvetica, sans-serif; font-size: 10.5pt; color: #111; margin: 0; }}
.chart {{ page: chart; break-after: page; width: 100vw; height: 100vh; display: flex; align-items: center; }}
.chart svg {{ width: 100%; height: auto; }}
h1 {{ font-size: 17pt; margin: 0 0 2pt 0; }} .subtitle {{ color: #444; margin: 0 0 8pt 0; }}
table {{ border-collapse: collapse; width: 100%; }}
th {{ text-align: left; border-bottom: 1.5pt solid #333; padding: 3pt 6pt; }}
td {{ vertical-align: top; border-bottom: 0.5pt solid #bbb; padding: 4pt 6pt; }}
tr {{ break-inside: avoid; }} thead {{ display: table-header-group; }}
td.date {{ white-space: nowrap; width: 11%; }} td.event {{ width: 27%; }}
ul {{ margin: 0; padding-left: 12pt; }} li {{ margin-bottom: 3pt; }}
.cite {{ color: #555; font-size: 8.5pt; }} .badge {{ color: #1f4e9c; font-size: 8.5pt; white-space: nowrap; }}
.where {{ color: #8a5a00; font-size: 8.5pt; }} .more {{ color: #555; font-size: 8.5pt; padding-left: 12pt; }} .foot {{ color: #555; font-size: 8.5pt; margin-top: 8pt; }}
{marks}
</style></head><body>
<section class="chart">{chart_svg}</section>
<section><h1>{html.escape(_table_heading(page.title))}</h1><p class="subtitle">{html.escape(page.subtitle)}</p>
<table><thead><tr><th>Date</th><th>Event</th><th>Evidence: the sentences, their sources, reference dates and the rule that
fired</th></tr></thead><tbody>{rows}</tbody></table><p class="foot">{footnote}</p></section>
</body></html>"""


def html_to_pdf(document: str) -> bytes:
    """PDF bytes of an HTML document, printed by headless Chromium (page size from its CSS @page)."""
    browser = find_browser()
    if browser is None:
        raise ImageExportUnavailable(CHROMIUM_MISSING_MESSAGE)
    with tempfile.TemporaryDirectory(prefix="timeline-desk-pack-") as folder:
        source, target = Path(folder) / "pack.html", Path(folder) / "pack.pdf"
        source.write_text(document, encoding="utf-8")
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                   f"--user-data-dir={folder}/profile", f"--print-to-pdf={target}", source.as_uri()]
        try:
            subprocess.run(command, capture_output=True, timeout=PRINT_TIMEOUT_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired) as problem:
            raise ImageRenderError(f"printing the briefing pack failed ({type(problem).__name__}: {problem})") from problem
        if not target.is_file() or target.stat().st_size == 0:
            raise ImageRenderError("printing the briefing pack failed: Chromium wrote no PDF; please try again")
        return target.read_bytes()


def pack_pptx(page: EventBriefing, chart_png: bytes, entries: list[PackEntry]) -> bytes:
    """A PowerPoint deck: the chart slide, then the key events in tables (evidence sentences in the speaker notes)."""
    from pptx import Presentation
    from pptx.util import Emu, Inches, Pt

    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    blank = deck.slide_layouts[6]
    chart_slide = deck.slides.add_slide(blank)
    chart_slide.shapes.add_picture(io.BytesIO(chart_png), 0, 0, width=deck.slide_width)
    chart_slide.notes_slide.notes_text_frame.text = f"{page.subtitle}\n" + "\n".join(page.footnote)
    for first in range(0, len(entries), EVENTS_PER_SLIDE):
        chunk = entries[first:first + EVENTS_PER_SLIDE]
        slide = deck.slides.add_slide(blank)
        heading = slide.shapes.add_textbox(Inches(0.4), Inches(0.25), Inches(12.5), Inches(0.6)).text_frame
        heading.text = _table_heading(page.title) + (f" ({first // EVENTS_PER_SLIDE + 1})" if len(entries) > EVENTS_PER_SLIDE else "")
        heading.paragraphs[0].runs[0].font.size = Pt(22)
        heading.paragraphs[0].runs[0].font.bold = True
        table = slide.shapes.add_table(len(chunk) + 1, 3, Inches(0.4), Inches(0.95), Inches(12.5),
                                       Inches(0.4 + 0.95 * len(chunk))).table
        for column, (name, width) in enumerate((("Date", 1.6), ("Event", 4.4), ("Sources and evidence", 6.5))):
            table.columns[column].width = Emu(Inches(width))
            table.cell(0, column).text = name
        for row, entry in enumerate(chunk, start=1):
            first_sentence = entry.evidence[0].sentence if entry.evidence else ""
            if len(first_sentence) > SENTENCE_CHARS_ON_SLIDE:
                first_sentence = first_sentence[:SENTENCE_CHARS_ON_SLIDE].rsplit(" ", 1)[0] + " …"
            cells = (entry.date_text,
                     f"{entry.label} ({entry.n_sources} source{'s' if entry.n_sources != 1 else ''})"
                     + (f" — {entry.where}" if entry.where else ""),
                     f"{entry.sources_text()}\n“{first_sentence}”" if first_sentence else entry.sources_text())
            for column, text in enumerate(cells):
                table.cell(row, column).text = text
                for paragraph in table.cell(row, column).text_frame.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(11 if column < 2 else 9.5)
        slide.notes_slide.notes_text_frame.text = "\n\n".join(
            f"{entry.date_text} — {entry.label}\n" + "\n".join([f"“{item.sentence}” — {item.citation()}, rule {item.rule}"
                                                                for item in entry.evidence] + [entry.more_text()]).rstrip()
            for entry in chunk)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def briefing_pack(page: EventBriefing, statements: pd.DataFrame, documents: pd.DataFrame | None, *, size: str,
                  formats: tuple[str, ...] = ("pdf", "pptx")) -> dict[str, bytes]:
    """{format: bytes} of the pack of `page` ("pdf" and/or "pptx"); raises IMAGE_EXPORT_ERRORS without a browser."""
    unknown = [name for name in formats if name not in PACK_FORMATS]
    if unknown:
        raise ValueError(f"unknown pack format {', '.join(unknown)}; choose from {', '.join(PACK_FORMATS)}")
    entries = pack_entries(page, statements, documents)
    files: dict[str, bytes] = {}
    if "pdf" in formats:
        svg = render_image(page.figure, image_format="svg", width=page.width, height=page.height, scale=1)
        files["pdf"] = html_to_pdf(pack_html(page, svg.decode("utf-8"), entries, size=size))
    if "pptx" in formats:
        png = render_image(page.figure, image_format="png", width=page.width, height=page.height, scale=PNG_SCALE)
        files["pptx"] = pack_pptx(page, png, entries)
    return files
