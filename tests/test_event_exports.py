"""Exports of the key-event chart carry the labels: SVG text, legible PNG, TimelineJS headlines, the briefing pack."""
from __future__ import annotations

import io
import json
import re
import shutil
import xml.etree.ElementTree as ElementTree

import pytest

from desk.event_layout import overlapping_pairs
from desk.evidence import evidence_by_event
from desk.export.briefing import PNG_SCALE
from desk.export.event_briefing import event_briefing
from desk.export.event_timelinejs import events_to_timelinejs
from desk.story import select_key_events
from tests.support.event_factory import DESIGN_CARD_LABELS, design_card_events, evidence_statements

needs_chromium = pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def design_card():
    """The design card's events, their evidence statements and the key selection."""
    events = design_card_events()
    statements = evidence_statements(events)
    return events, statements, select_key_events(events)


def label_boxes(svg: bytes) -> list[tuple[str, tuple[float, float, float, float]]]:
    """(text, (left, top, right, bottom)) of every annotation of a plotly SVG that sits on the plot."""
    root = ElementTree.fromstring(svg)
    found = []
    for group in root.iter(f"{SVG}g"):
        if group.get("class") != "annotation":
            continue
        inner = next(element for element in group.iter(f"{SVG}g") if element.get("class") == "cursor-pointer")
        x, y = (float(number) for number in re.findall(r"[-\d.]+", inner.get("transform"))[:2])
        rect = next(element for element in inner.iter(f"{SVG}rect") if element.get("class") == "bg")
        text = "".join(next(element for element in inner.iter(f"{SVG}text")).itertext())
        found.append((text, (x, y, x + float(rect.get("width")), y + float(rect.get("height")))))
    return found


@needs_chromium
@pytest.mark.parametrize("size", ["16:9 slide", "A4 landscape"])
def test_exported_svg_has_the_design_card_labels_as_text_and_no_two_label_boxes_overlap(design_card, size):
    from desk.export.images import render_image

    _, statements, key = design_card
    page = event_briefing(key, statements, title="Russia and Iran", filter_description="Country: Iran", size=size,
                          window="all")
    svg = render_image(page.figure, image_format="svg", width=page.width, height=page.height, scale=1)
    labels = [(text, box) for text, box in label_boxes(svg) if " · " in text and box[1] > 150]
    texts = [text for text, _ in labels]
    for label in DESIGN_CARD_LABELS:
        assert any(label in text for text in texts), f"{label!r} is not drawn as text"
    assert overlapping_pairs([box for _, box in labels]) == []
    smallest_label_px = min(box[3] - box[1] for _, box in labels) * PNG_SCALE
    assert smallest_label_px >= 28, "labels must stay legible on the slide PNG (at least 28 px tall boxes)"


@needs_chromium
def test_story_window_page_draws_the_june_war_day_by_day_and_names_what_is_left_out(design_card):
    from desk.export.images import render_image

    _, statements, key = design_card
    page = event_briefing(key, statements, title="Russia and Iran", filter_description="Country: Iran")
    assert "12 Jun – 27 Jun 2025" in page.subtitle and "outside the window (1941, 2007, 2024, 2025)" in page.subtitle
    assert any("Kyiv Post" in line for line in page.footnote)
    svg = render_image(page.figure, image_format="svg", width=page.width, height=page.height, scale=1)
    texts = [text for text, _ in label_boxes(svg)]
    assert any("13 Jun 2025 · Israel launched Operation Rising Lion" in text for text in texts)
    assert any("Earlier, outside this window: 1941" in text for text in texts)


def test_timelinejs_uses_event_labels_as_headlines_and_the_evidence_as_text(design_card):
    events, statements, key = design_card
    document = events_to_timelinejs(key.shown, evidence_by_event(key.shown, statements), title="Iran")
    headlines = [slide["text"]["headline"] for slide in document["events"]]
    assert "Israel launched Operation Rising Lion against Iran&#x27;s nuclear sites" not in headlines  # escaped once, quote kept
    assert "Israel launched Operation Rising Lion against Iran's nuclear sites" in headlines
    rising = next(slide for slide in document["events"] if slide["text"]["headline"].startswith("Israel launched"))
    assert rising["text"]["text"].count("<mark") == 4 and "Kyiv Post" in rising["text"]["text"]
    assert document["eras"][0]["text"]["headline"] == "Israel–Iran war"
    embargo = next(slide for slide in document["events"] if "arms embargo" in slide["text"]["headline"])
    assert embargo["start_date"] == {"year": 2007} and embargo["display_date"] == "2007"
    json.dumps(document)


@needs_chromium
def test_briefing_pack_holds_the_chart_and_a_table_of_key_events_citing_their_sentences(design_card):
    from pptx import Presentation
    from pypdf import PdfReader

    from desk.export.pack import briefing_pack

    _, statements, key = design_card
    page = event_briefing(key, statements, title="Russia and Iran", filter_description="Country: Iran")
    files = briefing_pack(page, statements, None, size="16:9 slide")
    reader = PdfReader(io.BytesIO(files["pdf"]))
    assert len(reader.pages) >= 2
    assert round(float(reader.pages[0].mediabox.width)) == 960      # 13.33 in: a widescreen slide
    chart_text = reader.pages[0].extract_text()
    assert "Israel launched Operation Rising Lion" in chart_text
    table_text = " ".join(page_.extract_text() for page_ in reader.pages[1:])
    for label in DESIGN_CARD_LABELS:
        assert label in re.sub(r"\s+", " ", table_text)
    assert "On 2007, UN Security Council imposed an arms embargo" in re.sub(r"\s+", " ", table_text)
    assert "outside the chart window" in table_text
    deck = Presentation(io.BytesIO(files["pptx"]))
    slides = list(deck.slides)
    assert len(slides) >= 3
    table_texts = " ".join(cell.text for slide in slides[1:] for shape in slide.shapes if shape.has_table
                           for row in shape.table.rows for cell in row.cells)
    assert all(label in table_texts for label in DESIGN_CARD_LABELS)
    assert "Kyiv Post" in table_texts and "analysts said" in slides[1].notes_slide.notes_text_frame.text


@pytest.fixture(scope="module")
def widely_reported():
    """A quake reported by 60 articles (one sentence each) and a small aside: the shape of a real desk's top event."""
    from tests.support.event_factory import events_frame, make_event

    events = events_frame([
        make_event("A magnitude 7 earthquake hit Haiti", "2010-01-12", n_sources=60, salience=2.0, event_id="ev_quake",
                   countries=("Haiti",)),
        make_event("Haiti's president asked for help", "2010-01-13", n_sources=1, salience=1.0, event_id="ev_help",
                   countries=("Haiti",), doc_ids=("doc7",)),
    ])
    statements = evidence_statements(events)
    return statements, select_key_events(events)


def test_the_pack_cites_a_few_sentences_of_a_widely_reported_event_and_counts_the_rest(widely_reported):
    from desk.export.pack import MAX_SENTENCES_PER_EVENT, pack_entries, pack_html

    statements, key = widely_reported
    page = event_briefing(key, statements, title="Haiti", filter_description="Country: Haiti")
    quake = next(entry for entry in pack_entries(page, statements, None) if entry.event_id == "ev_quake")
    assert len(quake.evidence) == MAX_SENTENCES_PER_EVENT
    assert len({item.doc_id for item in quake.evidence}) == MAX_SENTENCES_PER_EVENT   # one sentence per article first
    assert (quake.more_sentences, quake.more_articles) == (60 - MAX_SENTENCES_PER_EVENT, 60 - MAX_SENTENCES_PER_EVENT)
    assert quake.sources_text().count("(26 Jun 2025)") == MAX_SENTENCES_PER_EVENT
    assert quake.sources_text().endswith(f"and {60 - MAX_SENTENCES_PER_EVENT} more articles")
    document = pack_html(page, "<svg></svg>", [quake], size="16:9 slide")
    assert document.count("<li>") == MAX_SENTENCES_PER_EVENT
    assert f"and {60 - MAX_SENTENCES_PER_EVENT} more sentences from {60 - MAX_SENTENCES_PER_EVENT} more articles" \
        in document and "ev_quake" in document


@needs_chromium
def test_the_pack_of_a_widely_reported_event_starts_its_table_on_the_page_after_the_chart(widely_reported):
    from pypdf import PdfReader

    from desk.export.pack import briefing_pack

    statements, key = widely_reported
    page = event_briefing(key, statements, title="Haiti", filter_description="Country: Haiti")
    reader = PdfReader(io.BytesIO(briefing_pack(page, statements, None, size="16:9 slide", formats=("pdf",))["pdf"]))
    assert len(reader.pages) == 2, "the chart page and one page of table (was 1 + a heading alone + 4 pages of quotes)"
    assert "A magnitude 7 earthquake hit Haiti" in reader.pages[1].extract_text()


@pytest.fixture(scope="module")
def short_week():
    """Three days of one week from one article: a one-line subtitle, no context line, a one-source footnote."""
    from tests.support.event_factory import events_frame, make_event

    events = events_frame([make_event(f"Day {day} of the talks", f"2025-03-0{day}", event_id=f"ev_day{day}",
                                      doc_ids=("doc1",)) for day in (3, 4, 5)])
    return evidence_statements(events), select_key_events(events)


def test_a_page_with_a_short_subtitle_and_footnote_gives_the_plot_their_unused_room(design_card, short_week):
    _, card_statements, card_key = design_card
    card = event_briefing(card_key, card_statements, title="Iran", filter_description="Country: Iran")
    statements, key = short_week
    short = event_briefing(key, statements, title="Iran", filter_description="Country: Iran")
    assert "Earlier, outside this window" in str(card.figure.layout.annotations)
    assert "outside this window" not in str(short.figure.layout.annotations) and len(short.footnote) == 1
    # was the same top margin whatever the words took: a blank band of two note lines and a subtitle line
    assert card.figure.layout.margin.t - short.figure.layout.margin.t >= 2 * 17
    assert card.figure.layout.margin.b > short.figure.layout.margin.b


@pytest.mark.parametrize("size", ["16:9 slide", "A4 landscape"])
def test_the_page_leaves_room_beside_the_plot_for_a_whole_tick_label_at_its_edge(short_week, size):
    from desk.event_layout import text_width_px
    from desk.export.event_briefing import TICK_SAMPLES

    statements, key = short_week
    page = event_briefing(key, statements, title="t", filter_description="", size=size)
    tick_px = page.figure.layout.xaxis.tickfont.size
    half_widest = max(text_width_px(sample, tick_px) for sample in TICK_SAMPLES) / 2   # "30 Sep 2025" on A4 needs 44 px
    assert page.figure.layout.margin.r >= half_widest and page.figure.layout.margin.l >= half_widest


def test_quotes_in_titles_and_sources_show_as_quotes_on_the_page_not_as_entities(short_week):
    statements, key = short_week
    quoted = statements.assign(title='Katherine Jackson: "Four years won\'t bring my son back"')
    page = event_briefing(key, quoted, title='Key events — "the talks"', filter_description="Text: won't")
    texts = [page.figure.layout.title.text, page.figure.layout.title.subtitle.text,
             *(annotation.text for annotation in page.figure.layout.annotations if annotation.name == "footnote")]
    assert '"the talks"' in texts[0] and "won't" in texts[1] and '"Four years won\'t' in texts[2]
    assert not any("&quot;" in text or "&#x27;" in text for text in texts)
