"""Benchmark: web-page reading on real saved news pages (`../shared/corpora/html-dev`: html/ + expected text/).

Side by side, in the same run: the visible-text reader (`extract.markup.html_to_text`, what every page went
through before issue 8), trafilatura's own plain text (the main-content reader as first landed), and the
main-content reader now (`extract.webpage.read_web_page`: trafilatura's body tree through the furniture
rules of `extract.page_body`, htmldate for the date, visible text only when it finds nothing):
- statements in body: share of statements (dated expressions found by the pipeline) whose sentence lies in
  the expected article text (whitespace/quotes/case normalised substring);
- token precision / recall of the extracted text against the expected text (bags of lower-cased words, micro);
- publication date: on pages whose canonical/og:url carries /YYYY/MM/DD/, the share whose date is found
  exactly (the visible-text reader's is the reference date inferred from its text). htmldate may read
  that URL too, so this is agreement with the URL date, an upper bound for pages without one.
Pages are split by site (sorted sites, alternating) into DEV (studied) and HELD-OUT (only scored).
Pages whose expected text is not an article are not scored: an empty file, or an annotator's note with no
lower-case letter ("EXTRACTED NOTHING", "MISSED LAST PARAGRAPH"); `--keep-note-pages` scores them too (the
basis of the first figures in bench/README.md).

    .venv/bin/python bench/bench_webpages.py [--corpus ../shared/corpora/html-dev] [--show-misses 5] [--keep-note-pages]
"""
from __future__ import annotations

import argparse
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extract.documents import Document, decode_bytes  # noqa: E402
from extract.markup import html_to_text  # noqa: E402
from extract.pipeline import extract_document, find_drafts  # noqa: E402
from extract.sources import Source, infer_reference_date  # noqa: E402
from extract.webpage import read_web_page  # noqa: E402

_URL_DATE = re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<month>\d{1,2})/(?P<day>\d{1,2})/")
_PAGE_URL = re.compile(r"(?:rel=[\"']canonical[\"'][^>]*href|property=[\"']og:url[\"'][^>]*content)=[\"']([^\"']+)", re.I)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\xa0": " "})


def normalised(text: str) -> str:
    """Lower case, NFKC, straight quotes, single spaces: the form texts are compared in."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).lower().split())


def tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", normalised(text)))


def site_of(stem: str) -> str:
    return re.sub(r"\d+$", "", stem)


def url_date(html: str) -> str | None:
    for url in _PAGE_URL.findall(html):
        match = _URL_DATE.search(url)
        if match:
            return f"{int(match['year']):04d}-{int(match['month']):02d}-{int(match['day']):02d}"
    return None


def statement_sentences(text: str) -> list[str]:
    document = Document("page", "page.html", text)
    return [row["sentence"] for row in extract_document(document, Source("page"), None, [])]


def score(pages: list[tuple[str, str, str]], reader) -> dict:
    """Figures of one reader over (stem, html, expected) pages."""
    in_body = statements = 0
    overlap = extracted_total = expected_total = 0
    dated = correct = 0
    misses = []
    started = time.perf_counter()
    for stem, html, expected in pages:
        text, published = reader(html)
        expected_norm = normalised(expected)
        sentences = statement_sentences(text)
        inside = [normalised(sentence) in expected_norm for sentence in sentences]
        in_body += sum(inside)
        statements += len(sentences)
        misses.extend((stem, sentence) for sentence, ok in zip(sentences, inside) if not ok)
        got, want = tokens(text), tokens(expected)
        overlap += sum((got & want).values())
        extracted_total += sum(got.values())
        expected_total += sum(want.values())
        truth = url_date(html)
        if truth:
            dated += 1
            correct += published == truth
    seconds = time.perf_counter() - started
    return {"statements": statements, "in_body": in_body / max(statements, 1),
            "precision": overlap / max(extracted_total, 1), "recall": overlap / max(expected_total, 1),
            "dated": dated, "date_exact": correct / max(dated, 1), "seconds": seconds, "misses": misses}


def visible_text_reader(html: str) -> tuple[str, str | None]:
    text = html_to_text(html)
    reference, _basis, _confidence = infer_reference_date(text, find_drafts(text)[0])
    return text, reference.isoformat() if reference else None


def round_one_reader(html: str) -> tuple[str, str | None]:
    """The main-content reader as first landed (issue 8, round 1): trafilatura's own plain text, no furniture rules."""
    import warnings

    from trafilatura import bare_extraction

    from extract.markup import without_iframe_tags
    from extract.webpage import DATE_SEARCH, _htmldate

    cleaned = without_iframe_tags(html)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            extracted = bare_extraction(cleaned, with_metadata=True, include_comments=False, include_tables=True,
                                        favor_precision=False, date_extraction_params=DATE_SEARCH)
        except Exception:
            extracted = None
    body = (getattr(extracted, "text", "") or "").strip()
    text = body + "\n" if len(body) >= 40 else html_to_text(html)
    date = str(getattr(extracted, "date", "") or "")[:10] or (str(_htmldate(cleaned) or "") or None)
    return text, date


def main_content_reader(html: str) -> tuple[str, str | None]:
    page = read_web_page(html)
    return page.text, page.metadata.published.isoformat() if page.metadata.published else None


def is_annotators_note(expected: str) -> bool:
    """True when an expected text is not an article: empty, or a note in capitals ("EXTRACTED NOTHING")."""
    return not re.search(r"[a-z]", expected)


def load_pages(corpus: Path) -> list[tuple[str, str, str]]:
    pages = []
    for html_path in sorted((corpus / "html").glob("*.html")):
        expected_path = corpus / "text" / f"{html_path.stem}.txt"
        if expected_path.exists():
            html, _ = decode_bytes(html_path.read_bytes())
            pages.append((html_path.stem, html, expected_path.read_text(encoding="utf-8", errors="replace")))
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpora" / "html-dev")
    parser.add_argument("--show-misses", type=int, default=0, help="print N statements outside the body (DEV only)")
    parser.add_argument("--keep-note-pages", action="store_true",
                        help="also score pages whose expected text is empty or an annotator's note")
    args = parser.parse_args()
    pages = load_pages(args.corpus)
    sites = sorted({site_of(stem) for stem, _, _ in pages})      # the split is fixed before any page is left out
    dev_sites = set(sites[0::2])
    notes = [stem for stem, _, expected in pages if is_annotators_note(expected)]
    if not args.keep_note_pages:
        pages = [page for page in pages if not is_annotators_note(page[2])]
        sites = sorted({site_of(stem) for stem, _, _ in pages})
    halves = {"DEV": [p for p in pages if site_of(p[0]) in dev_sites],
              "HELD-OUT": [p for p in pages if site_of(p[0]) not in dev_sites]}
    print(f"{len(pages)} pages with expected text; DEV {len(halves['DEV'])} pages ({len(set(sites) & dev_sites)} sites), "
          f"HELD-OUT {len(halves['HELD-OUT'])} pages ({len(set(sites) - dev_sites)} sites); "
          f"{len(notes)} pages whose expected text is empty or an annotator's note "
          f"{'scored too' if args.keep_note_pages else 'left out'}")
    header = f"{'half':<9} {'reader':<28} {'statements':>10} {'in body':>8} {'tok P':>6} {'tok R':>6} {'dated':>5} {'date ok':>8} {'s':>6}"
    print(header)
    for half, subset in halves.items():
        results = {}
        for name, reader in (("visible text (before)", visible_text_reader),
                             ("trafilatura text (round 1)", round_one_reader),
                             ("trafilatura+furniture rules", main_content_reader)):
            results[name] = figures = score(subset, reader)
            print(f"{half:<9} {name:<28} {figures['statements']:>10} {figures['in_body']:>8.1%} "
                  f"{figures['precision']:>6.1%} {figures['recall']:>6.1%} {figures['dated']:>5} "
                  f"{figures['date_exact']:>8.1%} {figures['seconds']:>6.1f}")
        ratio = results["trafilatura+furniture rules"]["seconds"] / max(results["visible text (before)"]["seconds"], 1e-9)
        print(f"{half:<9} time ratio main-content / visible-text reader (same run): {ratio:.1f}x")
        if half == "DEV" and args.show_misses:
            for stem, sentence in results["trafilatura+furniture rules"]["misses"][:args.show_misses]:
                print(f"  miss {stem}: {sentence[:140]!r}")


if __name__ == "__main__":
    main()
