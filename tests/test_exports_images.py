"""Chart images rendered by kaleido: size, real colours (not the black placeholder), text, one PDF page, no-Chromium message."""
from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from desk.charts import build_timeline_figure
from desk.export import images as image_export
from desk.export.briefing import SIZE_PRESETS, briefing_figure, pdf_scale
from desk.export.images import CHROMIUM_MISSING_MESSAGE, ImageExportUnavailable, render_image
from desk.marks import SOURCE_PALETTE
from tests.support.browsers import needs_browser
from tests.support.synthetic import synthetic_documents, synthetic_statements



@pytest.fixture(scope="module")
def statements():
    return synthetic_statements(150, seed=11)


@pytest.fixture(scope="module")
def slide_figure(statements):
    """The on-screen chart laid out as a 16:9 briefing slide."""
    return briefing_figure(build_timeline_figure(statements), statements, title="Iran after the June war",
                           filter_description="Countries: Iran", size="16:9 slide",
                           documents=synthetic_documents(statements))


@pytest.fixture(scope="module")
def slide_png(slide_figure):
    width, height = SIZE_PRESETS["16:9 slide"]
    return render_image(slide_figure, image_format="png", width=width, height=height, scale=2)


def _hex_to_rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


@needs_browser
def test_png_has_the_requested_size_times_scale(slide_png):
    image = Image.open(io.BytesIO(slide_png))
    assert image.format == "PNG"
    assert image.size == (1600 * 2, 900 * 2)


@needs_browser
def test_png_is_not_blank(slide_png):
    image = Image.open(io.BytesIO(slide_png)).convert("RGB")
    non_white = sum(count for count, pixel in image.getcolors(maxcolors=image.width * image.height) if min(pixel) < 235)
    assert non_white > 0.02 * image.width * image.height


@needs_browser
def test_png_marks_carry_the_palette_colours_not_black(slide_png):
    image = Image.open(io.BytesIO(slide_png)).convert("RGB")
    palette = [rgb for rgb in map(_hex_to_rgb, SOURCE_PALETTE) if max(rgb) - min(rgb) > 40]  # greys prove nothing
    palette_hits = 0
    coloured = 0
    for count, pixel in image.getcolors(maxcolors=image.width * image.height):
        if max(pixel) - min(pixel) > 40:  # saturated: neither white, grey nor black
            coloured += count
        if any(sum(abs(a - b) for a, b in zip(pixel, colour)) <= 12 for colour in palette):
            palette_hits += count
    assert palette_hits > 500, "the point markers should be drawn in the chart's source palette"
    assert coloured > 5000, "the marks came out black/grey: template colours were not applied"


@needs_browser
def test_svg_contains_the_title_and_a_source_name(slide_figure):
    svg = render_image(slide_figure, image_format="svg", width=1600, height=900).decode("utf-8")
    assert svg.lstrip().startswith("<svg")
    assert "Iran after the June war" in svg
    assert "Kyiv Post" in svg or "Modern Diplomacy" in svg


@needs_browser
def test_pdf_has_exactly_one_page(slide_figure):
    pdf = render_image(slide_figure, image_format="pdf", width=1600, height=900, scale=pdf_scale("16:9 slide"))
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf)) == 1


@needs_browser
def test_a4_pdf_page_is_a4_landscape(statements):
    figure = briefing_figure(build_timeline_figure(statements), statements, title="A4", filter_description="",
                             size="A4 landscape")
    pdf = render_image(figure, image_format="pdf", width=1754, height=1240, scale=pdf_scale("A4 landscape"))
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+(?P<w>[\d.]+)\s+(?P<h>[\d.]+)", pdf)
    assert box is not None
    assert float(box["w"]) == pytest.approx(841.9, abs=2) and float(box["h"]) == pytest.approx(595.3, abs=2)


def test_unknown_format_is_refused_with_the_choices(slide_figure):
    with pytest.raises(ValueError, match="png, svg, pdf"):
        render_image(slide_figure, image_format="gif", width=10, height=10)


def test_without_chromium_export_says_how_to_install_it(monkeypatch, slide_figure):
    image_export.stop_image_server()
    monkeypatch.setattr(image_export, "find_browser", lambda: None)
    assert image_export.image_export_problem() == CHROMIUM_MISSING_MESSAGE
    with pytest.raises(ImageExportUnavailable, match="sudo apt-get install -y chromium"):
        render_image(slide_figure, image_format="png", width=100, height=100)


@needs_browser
def test_a_failed_render_is_reported_and_the_next_export_gets_a_fresh_browser(monkeypatch, slide_figure):
    render_image(slide_figure, image_format="svg", width=400, height=300)
    broken_session = image_export._server._kaleido

    async def crash(*args, **kwargs):
        raise ConnectionError("browser pipe closed")

    monkeypatch.setattr(broken_session, "calc_fig", crash)
    with pytest.raises(image_export.ImageRenderError, match="SVG image failed.*browser pipe closed"):
        render_image(slide_figure, image_format="svg", width=400, height=300)
    assert render_image(slide_figure, image_format="png", width=400, height=300, scale=1).startswith(b"\x89PNG")
    assert image_export._server._kaleido is not broken_session


def _axis_tick_texts(svg: str) -> list[str]:
    return re.findall(r'<g class="xtick"><text[^>]*>([^<]*)</text>', svg)


@needs_browser
@pytest.mark.parametrize("chart", ["key events", "raw statements"])
def test_a_one_day_chart_ticks_whole_days_not_hours(chart):
    from desk.event_chart import build_event_chart
    from desk.story import select_key_events
    from tests.support.event_factory import events_frame, make_event
    from tests.support.rows import statement_row, statements_of

    if chart == "key events":
        figure = build_event_chart(select_key_events(events_frame([
            make_event("Peace of Westphalia signed in Münster", "1648-10-24")]), key=0).shown).figure
    else:
        figure = build_timeline_figure(statements_of(statement_row(
            value="1648-10-24", start="1648-10-24", end="1648-10-25", countries=["Germany"], published=None)))
    ticks = _axis_tick_texts(render_image(figure, image_format="svg", width=1600, height=900).decode("utf-8"))
    assert "Sat 24 Oct" in ticks and not any(":" in tick for tick in ticks), ticks
