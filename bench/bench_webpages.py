"""Benchmark: web-page reading on real saved news pages (`../shared/corpora/html-dev`: html/ + expected text/).

Side by side, the visible-text reader (`extract.markup.html_to_text`, what every page went through before)
and the main-content reader (`extract.webpage.read_web_page`: trafilatura + htmldate, visible text only when
it finds nothing):
- statements in body: share of statements (dated expressions found by the pipeline) whose sentence lies in
  the expected article text (whitespace/quotes/case normalised substring);
- token precision / recall of the extracted text against the expected text (bags of lower-cased words, micro);
- publication date: on pages whose canonical/og:url carries /YYYY/MM/DD/, the share whose date is found
  exactly (the visible-text reader's is the reference date inferred from its text). htmldate may read
  that URL too, so this is agreement with the URL date, an upper bound for pages without one.
Pages are split by site (sorted sites, alternating) into DEV (studied) and HELD-OUT (only scored).

    .venv/bin/python bench/bench_webpages.py [--corpus ../shared/corpora/html-dev] [--show-misses 5]
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
    reference, _ = infer_reference_date(text, find_drafts(text)[0])
    return text, reference.isoformat() if reference else None


def main_content_reader(html: str) -> tuple[str, str | None]:
    page = read_web_page(html)
    return page.text, page.metadata.published.isoformat() if page.metadata.published else None


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
    args = parser.parse_args()
    pages = load_pages(args.corpus)
    sites = sorted({site_of(stem) for stem, _, _ in pages})
    dev_sites = set(sites[0::2])
    halves = {"DEV": [p for p in pages if site_of(p[0]) in dev_sites],
              "HELD-OUT": [p for p in pages if site_of(p[0]) not in dev_sites]}
    print(f"{len(pages)} pages with expected text; DEV {len(halves['DEV'])} pages ({len(dev_sites)} sites), "
          f"HELD-OUT {len(halves['HELD-OUT'])} pages ({len(sites) - len(dev_sites)} sites)")
    header = f"{'half':<9} {'reader':<26} {'statements':>10} {'in body':>8} {'tok P':>6} {'tok R':>6} {'dated':>5} {'date ok':>8} {'s':>6}"
    print(header)
    for half, subset in halves.items():
        results = {}
        for name, reader in (("visible text (before)", visible_text_reader),
                             ("trafilatura+htmldate", main_content_reader)):
            results[name] = figures = score(subset, reader)
            print(f"{half:<9} {name:<26} {figures['statements']:>10} {figures['in_body']:>8.1%} "
                  f"{figures['precision']:>6.1%} {figures['recall']:>6.1%} {figures['dated']:>5} "
                  f"{figures['date_exact']:>8.1%} {figures['seconds']:>6.1f}")
        ratio = results["trafilatura+htmldate"]["seconds"] / max(results["visible text (before)"]["seconds"], 1e-9)
        print(f"{half:<9} time ratio main-content / visible-text reader (same run): {ratio:.1f}x")
        if half == "DEV" and args.show_misses:
            for stem, sentence in results["trafilatura+htmldate"]["misses"][:args.show_misses]:
                print(f"  miss {stem}: {sentence[:140]!r}")


if __name__ == "__main__":
    main()
