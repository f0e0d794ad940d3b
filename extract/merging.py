"""Event stage, step 1: group statements about the same happening into clusters.

Reads the statements frame (`extract.schema.STATEMENT_COLUMNS`); writes a list of clusters, each a
list of row positions into the candidate statements (`event_candidates`).

Rules, in order:

- Only `kind == "event"` statements with a resolved date make events (reference lines, datelines
  and `PRESENT_REF`-like values do not), and not page stamps or comment headers (`NON_EVENT_LINES`)
  or the date of a publication stamp glued to a sentence ("WASHINGTON | Thu Apr 30, 2009 4:32 pm EDT").
  An hour is read at its day; a bare clock time ("at 4 AM") in a sentence that names its day is
  left to that day's statement.
- **Blocking by date**: statements are compared only inside one block of the same date value, so
  the work grows with the busiest day, never with all pairs of the corpus.
- **Same date**: inside a block, statements join by average-link clustering over a similarity
  that mixes the TF-IDF cosine of their sentences (stemmed words, dates and numbers left out) with
  the overlap of their actors; two date expressions of one sentence always join. A week, month or
  year holds more happenings than a day, so its block asks for a higher similarity. A sentence of
  fewer than three content words joins nothing but itself.
- **A day inside a coarser period**: from the finest grain to the coarsest, a statement dated by a
  month, season or year joins an existing finer event inside its period when the wording agrees
  (cosine to the event's centroid above `cross_grain_threshold`) and their actors overlap;
  otherwise it clusters with the statements of its own period.
- **Passing mentions never swallow**: a statement whose date is introduced by "since", "until",
  "throughout", "by", ... or is a decade or century only mentions the period; it never joins a
  finer event and never absorbs one.

>>> from extract.merging import is_passing_mention
>>> is_passing_mention("Russia has lost aircraft since 2022.", 31, 35, "year")
True
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from nltk.stem.porter import PorterStemmer
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfTransformer
from sklearn.preprocessing import normalize

from extract.event_memo import EventMemo, text_keys
from extract.labels import derive_label
from extract.tense import event_tense, is_today

# Grains from the finest to the coarsest event grain; an hour is merged at its day.
EVENT_GRAINS = ("day", "week", "month", "season", "quarter", "year", "decade", "century")
PERIOD_ONLY_GRAINS = ("decade", "century")   # always a passing mention of a period
PASSING_MENTION_WORDS = ("since", "until", "till", "through", "throughout", "by", "before", "after",
                         "from", "between", "during", "over", "for", "within")
_WORD_BEFORE = re.compile(r"(?P<word>[A-Za-z]+)\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+|early\s+|late\s+"
                          r"|mid-?\s*)?$")
# "the anniversary of Germany's 1941 Operation Barbarossa attack": an old happening recalled by a date of the news.
_ANNIVERSARY_BEFORE = re.compile(r"\banniversary\s+of\b[^.;:,()]{0,40}$", re.I)
_TOKEN = re.compile(r"[a-z][a-z'’-]*[a-z]|[a-z]")
_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr "
    "jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday today "
    "yesterday tomorrow week weeks month months year years day days ago last next earlier later".split())
_STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | _DATE_WORDS | {"said", "says", "say", "lrb", "rrb", "s", "st", "nd", "rd", "th"}
_STEMMER = PorterStemmer()


@dataclass(frozen=True)
class MergeSettings:
    """Thresholds of the merging step (similarity = (1 - actor_weight) * cosine + actor_weight * actor overlap)."""
    same_date_threshold: float = 0.20     # average-link similarity to merge statements of one day
    coarse_date_threshold: float = 0.35   # ... of one week, month, season, year: a longer period holds more happenings
    cross_grain_threshold: float = 0.35   # cosine to a finer event's centroid for a coarse statement to join it
    actor_weight: float = 0.30
    min_cosine: float = 0.10              # below this cosine, actors alone never merge two statements
    min_content_words: int = 3            # a sentence with fewer distinct content words merges only with itself
    max_block_statements: int = 4_500     # a bigger date block is clustered in consecutive parts (n x n floats each)


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _STEMMER.stem(word)


def content_words(text: str) -> list[str]:
    """Stemmed content words of a sentence: no stop words, dates, numbers or punctuation.

    >>> content_words("On 13 June Israel struck Iran's nuclear sites.")
    ['israel', 'struck', 'iran', 'nuclear', 'site']
    """
    words = []
    for token in _TOKEN.findall(text.lower()):
        if token.endswith(("'s", "’s")):
            token = token[:-2]
        if len(token) > 1 and token not in _STOP_WORDS:
            words.append(_stem(token))
    return words


def is_passing_mention(sentence: str, date_start: int, date_end: int, grain: str) -> bool:
    """True when the date only names a period in passing ("since 2022", "until 2030", "the 1990s", "the anniversary of").

    Offsets are relative to the sentence.

    >>> is_passing_mention("In 2023 Russia was forced to support Hamas.", 3, 7, "year")
    False
    >>> is_passing_mention("Sanctions imposed in the 1990s remain.", 24, 30, "decade")
    True
    >>> is_passing_mention("It struck on the anniversary of the 1941 attack.", 36, 40, "year")
    True
    """
    if grain in PERIOD_ONLY_GRAINS:
        return True
    date_text = sentence[date_start:date_end].lower()
    if date_text.split()[:1] and date_text.split()[0] in PASSING_MENTION_WORDS:
        return True
    if _ANNIVERSARY_BEFORE.search(sentence[max(0, date_start - 60):date_start]):
        return True
    before = _WORD_BEFORE.search(sentence[max(0, date_start - 40):date_start])
    return bool(before) and before["word"].lower() in PASSING_MENTION_WORDS


# Lines that carry a date but report no happening: page stamps and comment headers (name, pattern, example).
NON_EVENT_LINES = (
    ("page stamp", re.compile(r"^\W*(?:page\s+)?(?:last\s+)?(?:updated|published|posted|modified)\b", re.I),
     "Page last updated at 10:21 GMT, Tuesday, 8 November 2011"),
    ("comment header", re.compile(r"^\W*(?:at|on)\b[^.]{0,60}?,\s*[^\s,]{1,40}\s+wrote\s*:", re.I),
     "At 10:07 pm on 02 Jun 2009, ucpegasus wrote: This comment was removed because it broke the House Rules."),
    ("broadcast credits", re.compile(r"\b(?:Presenters?|Producers?|Readers?|Editors?|Directors?|Writers?|Hosts?)\s*/\s*"
                                     r"[A-Z][a-z]"),
     "Presenter/Brett Westwood, Producers/Sheena Duncan and Julian Hector for the BBC Monday 16 to Friday 20 August"),
    # ... also glued to a headline the page ran into it ("A panic stoked in order to posture This article appeared on")
    ("print edition note", re.compile(r"\b(?:This\s+article|A\s+version(?:\s+of\s+this\s+article)?)\s+appeared\s+on\s+"
                                      r"p\.?\s*\d+\s+of\s+the\b", re.I),
     "A panic stoked This article appeared on p29 of the Main section section of the Guardian on Wednesday 29 April 2009."),
    ("schedule slot", re.compile(r"^\W*\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?|noon|midnight)?\s*[-–]\s*"
                                 r"\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?|noon|midnight)", re.I),
     "7.00-10.30 pm BBC RADIO 5 LIVE Mark Chapman introduces all the day's sports news"),
)
_DATE_IN_TEXT = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
                           r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|\b\d{4}\b|"
                           r"today|yesterday|tomorrow|tonight|last|next", re.I)


_TIME_ZONE = (r"(?:GMT|UTC|BST|CET|CEST|EET|EEST|WET|MSK|EDT|EST|CDT|CST|PDT|PST|MDT|MST|JST|HKT|SGT|IST|AEST|AEDT|"
              r"CAT|EAT|WAT|UK time|local time)")
_STAMP_AFTER = re.compile(rf"^\W{{0,3}}(?:\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?\s*)?{_TIME_ZONE}\b"
                          rf"|^\s*\([A-Z][\w ]{{1,20}}\)\s*[-–—]|^\W{{0,3}}(?:last\s+)?updated\s+(?:at|on)\b", re.I)
_STAMP_BEFORE = re.compile(rf"\|\s*(?:\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?\s*(?:{_TIME_ZONE})?,?\s*)?"
                           rf"(?:[A-Z][a-z]+,?\s*)?(?:(?:[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}|\d{{1,2}}\s+[A-Z][a-z]{{2,8}}),?"
                           rf"\s+\d{{4}},?\s*)?$")


# "8 November 2011 Last updated at 14:07 GMT": the stamp's clock time.
_STAMP_WORDS_BEFORE = re.compile(r"\b(?:updated|published|posted|modified)\s*(?:at|on)?\s*$", re.I)


def is_stamp_date(sentence: str, date_start: int, date_end: int) -> bool:
    """True for the date of a publication stamp glued to a sentence ("WASHINGTON | Thu Apr 30, 2009 4:32 pm EDT",
    "WASHINGTON, April 30 (Reuters) -").

    Offsets are relative to the sentence.

    >>> text = "WASHINGTON | Thu Apr 30, 2009 4:32 pm EDT WASHINGTON (Reuters) - Cases rose on Thursday."
    >>> is_stamp_date(text, 17, 29), is_stamp_date(text, 30, 41), is_stamp_date(text, 80, 88)
    (True, True, False)
    >>> is_stamp_date("GENEVA, May 16 (Reuters) - Turkey confirmed a case.", 8, 14)
    True
    >>> is_stamp_date("8 November 2011 Last updated at 14:07 GMT Help Michael Jackson's doctor", 32, 41)
    True
    >>> is_stamp_date("8 November 2011 Last updated at 14:07 GMT Help Michael Jackson's doctor", 0, 15)
    True
    """
    return bool(_STAMP_AFTER.match(sentence[date_end:date_end + 30])
                or _STAMP_BEFORE.search(sentence[max(0, date_start - 40):date_start])
                or _STAMP_WORDS_BEFORE.search(sentence[max(0, date_start - 30):date_start]))


def is_non_event_line(sentence: str) -> bool:
    """True for a page stamp or a comment header: a dated line that reports no happening.

    >>> is_non_event_line("Page last updated at 10:21 GMT, Tuesday, 8 November 2011")
    True
    >>> is_non_event_line("On 13 June Israel struck Iran.")
    False
    """
    return any(pattern.search(sentence) for _, pattern, _ in NON_EVENT_LINES)


def is_time_only(date_text: str) -> bool:
    """True for a clock time with no day of its own ("4 AM", "09:18 am"), which takes its day from the sentence.

    >>> is_time_only("09:18 am"), is_time_only("Friday at 4 pm")
    (True, False)
    """
    return not _DATE_IN_TEXT.search(date_text)


def statement_flags(sentence: str, date_start: int, date_end: int, grain: str, date_text: str) -> tuple[bool, ...]:
    """(stamp, passing, generic_present, time_only) of one statement: what `event_candidates` reads from its wording.

    Offsets are relative to the sentence; `grain` is the statement's own (an hour is read at its day for `passing`).

    >>> statement_flags("But today, it is Russia which holds the cards.", 4, 9, "day", "today")
    (False, False, True, False)
    """
    time_only = is_time_only(date_text)
    # "today" or a bare clock time ("It's 9:30 PM here") names the writer's present, not a happening, when its clause
    # has no past, perfect, progressive or future verb
    generic_present = bool((is_today(date_text) if grain == "day" else grain == "hour" and time_only)
                           and is_generic_present(sentence, date_start, date_end))
    return (is_stamp_date(sentence, date_start, date_end),
            is_passing_mention(sentence, date_start, date_end, "day" if grain == "hour" else grain),
            generic_present, time_only)


def event_candidates(statements: pd.DataFrame, memo: EventMemo | None = None) -> pd.DataFrame:
    """The statements that can make events, with their date at event grain (`event_value`, `event_grain`, ...).

    Adds: `event_value`, `event_grain`, `event_start`, `event_end` (an hour is read at its day),
    `sentence_key` (one key per sentence of an article), `passing` (a passing mention),
    `generic_present` (a "today" or a bare clock time in a present-tense generic clause: `extract.tense`),
    `content_words` (the sentence's, space-separated) and `sentence_hash` (its key in `memo`). What depends
    only on a sentence and its date is taken from `memo` when an earlier run computed it (`extract.event_memo`).
    """
    memo = memo if memo is not None else EventMemo()
    eligible = np.flatnonzero(((statements["kind"] == "event") & statements["start"].notna() & statements["end"].notna()
                               & statements["grain"].isin(EVENT_GRAINS + ("hour",))).to_numpy(dtype=bool))
    codes, texts = pd.factorize(statements["sentence"].to_numpy(dtype=object)[eligible])
    texts = np.asarray(texts, dtype=object)
    hashes = np.asarray(text_keys(texts), dtype=object)
    per_text = memo.lookup("sentence", hashes, lambda positions: [
        (is_non_event_line(texts[p]), " ".join(content_words(texts[p]))) for p in positions])
    non_event_line = np.array([entry[0] for entry in per_text], dtype=bool)[codes]
    words = np.array([entry[1] for entry in per_text], dtype=object)[codes]
    # a page stamp or comment header, or a sentence with no word beyond dates, numbers and stop words ("It's
    # Wednesday January the 12th."), tells of nothing
    keep = ~non_event_line & (words != "")
    rows, sentence_hash, words = eligible[keep], hashes[codes][keep], words[keep]
    column = {name: statements[name].to_numpy(dtype=object)[rows].tolist()
              for name in ("sentence", "sentence_start", "date_start_char", "date_end_char", "grain", "date_text", "doc_id")}
    relative_start = [int(a - b) for a, b in zip(column["date_start_char"], column["sentence_start"])]
    relative_end = [int(a - b) for a, b in zip(column["date_end_char"], column["sentence_start"])]
    grains, date_texts = [str(grain) for grain in column["grain"]], [str(text) for text in column["date_text"]]
    statement_keys = [f"{key}:{start}:{end}:{grain}:{text}" for key, start, end, grain, text
                      in zip(sentence_hash, relative_start, relative_end, grains, date_texts)]
    flags = np.array(memo.lookup("statement", statement_keys, lambda positions: [
        statement_flags(column["sentence"][p], relative_start[p], relative_end[p], grains[p], date_texts[p])
        for p in positions]), dtype=bool).reshape(-1, 4)
    stamp, passing, generic_present, time_only = flags.T
    chosen = ~stamp
    candidates = statements.iloc[rows[chosen]].reset_index(drop=True)
    candidates["sentence_hash"] = sentence_hash[chosen]
    candidates["content_words"] = words[chosen]
    passing, generic_present, time_only = passing[chosen], generic_present[chosen], time_only[chosen]
    # a clock time in a sentence that names its day ("on 25 Jun 2009, at 09:18 am"): the day's statement speaks
    keys = pd.Series([f"{doc}:{start}" for doc, start, kept in zip(column["doc_id"], column["sentence_start"], chosen)
                      if kept], dtype=object)
    is_hour = (candidates["grain"] == "hour").to_numpy(dtype=bool)
    sentences_with_day = set(keys[(candidates["grain"] == "day").to_numpy(dtype=bool)])
    redundant_time = is_hour & keys.isin(sentences_with_day).to_numpy(dtype=bool) & time_only
    candidates["event_grain"] = np.where(is_hour, "day", candidates["grain"].astype(str))
    candidates["event_value"] = np.where(is_hour, candidates["value"].astype(str).str[:10],
                                         candidates["value"].astype(str))
    day_start = candidates["start"].dt.floor("D")
    candidates["event_start"] = candidates["start"].where(~is_hour, day_start)
    candidates["event_end"] = candidates["end"].where(~is_hour, day_start + pd.Timedelta(days=1))
    candidates["sentence_key"] = keys.to_numpy()
    if redundant_time.any():   # the clock time takes the day its sentence names
        day_rows = candidates[candidates["grain"] == "day"].drop_duplicates("sentence_key").set_index("sentence_key")
        keys_of_times = candidates.loc[redundant_time, "sentence_key"]
        for name in ("event_value", "event_start", "event_end"):
            candidates.loc[redundant_time, name] = day_rows.loc[keys_of_times, name].to_numpy()
    candidates["passing"] = passing.tolist()
    candidates["generic_present"] = generic_present.tolist()
    return candidates


def is_generic_present(sentence: str, date_start: int, date_end: int) -> bool:
    """True when the clause carrying the date (its label's clause) has no past, perfect, progressive or future verb.

    Offsets are relative to the sentence.

    >>> is_generic_present("But today, it is Russia which holds the cards.", 4, 9)
    True
    >>> is_generic_present("Tour companies have suspended their flights to Mexico today.", 54, 59)
    False
    """
    return event_tense(derive_label(sentence, [(date_start, date_end)]).text) is None


def sentence_vectors(candidates: pd.DataFrame) -> csr_matrix:
    """One L2-normalised TF-IDF row per candidate statement (rows of one sentence are equal).

    The documents are the sentences (one per `sentence_key`) as their content words; a text that several
    sentences share is counted once and its row repeated, which gives the vectoriser's own result.
    """
    if candidates.empty:
        return csr_matrix((0, 0))
    keys, first_rows = np.unique(candidates["sentence_key"].to_numpy(), return_index=True)
    if "content_words" in candidates:
        documents = candidates["content_words"].to_numpy()[first_rows]
    else:
        documents = np.array([" ".join(content_words(text)) for text in candidates["sentence"].to_numpy()[first_rows]],
                             dtype=object)
    text_of_sentence, texts = pd.factorize(documents)   # texts in order of first appearance: the same vocabulary
    try:
        counts = CountVectorizer(analyzer=str.split, dtype=np.float64).fit_transform(texts)[text_of_sentence]
        unique_vectors = TfidfTransformer(sublinear_tf=True).fit_transform(counts)
    except ValueError:  # no content word anywhere
        unique_vectors = csr_matrix((len(documents), 1))
    row_of_key = pd.Series(np.arange(len(keys)), index=keys)
    return normalize(unique_vectors[row_of_key.loc[candidates["sentence_key"]].to_numpy()])


def actor_incidence(actor_sets: list[frozenset[str]]) -> csr_matrix:
    """One row per statement, one column per actor name: 1.0 where the statement names the actor.

    >>> actor_incidence([frozenset({"Iran"}), frozenset(), frozenset({"Iran", "Israel"})]).toarray().tolist()
    [[1.0, 0.0], [0.0, 0.0], [1.0, 1.0]]
    """
    names = sorted(set().union(*actor_sets)) if actor_sets else []
    column_of = {name: index for index, name in enumerate(names)}
    rows = [row for row, actors in enumerate(actor_sets) for _ in actors]
    cols = [column_of[name] for actors in actor_sets for name in actors]
    return csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(actor_sets), max(1, len(names))))


def _actor_overlap(incidence: csr_matrix) -> np.ndarray:
    """Jaccard overlap of every pair of rows' actor sets (0 when both are empty)."""
    shared = (incidence @ incidence.T).toarray()
    sizes = np.asarray(incidence.sum(axis=1)).ravel()
    union = sizes[:, None] + sizes[None, :] - shared
    return np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)


def similarity_matrix(vectors: csr_matrix, incidence: csr_matrix, sentence_codes: np.ndarray,
                      settings: MergeSettings, profile_codes: np.ndarray | None = None) -> np.ndarray:
    """Pairwise similarity of a block's statements: cosine and actor overlap mixed; 1.0 inside one sentence.

    `incidence` holds the block's actors (`actor_incidence`), `sentence_codes` one integer per sentence;
    rows with the same `profile_codes` have the same vector and actors, and are compared once.
    """
    size = vectors.shape[0]
    _, representatives, profile_of_row = np.unique(np.arange(size) if profile_codes is None else profile_codes,
                                                   return_index=True, return_inverse=True)
    if len(representatives) == size:   # no two alike: the rows as they are
        representatives, profile_of_row = np.arange(size), None
    distinct = vectors[representatives]
    cosine = (distinct @ distinct.T).toarray()
    overlap = _actor_overlap(incidence[representatives])
    similarity = cosine * (1 - settings.actor_weight)
    similarity += overlap * settings.actor_weight
    np.minimum(similarity, cosine, out=similarity, where=cosine < settings.min_cosine)
    too_short = distinct.getnnz(axis=1) < settings.min_content_words
    similarity[too_short, :] = 0.0
    similarity[:, too_short] = 0.0
    if profile_of_row is not None:
        similarity = similarity[np.ix_(profile_of_row.ravel(), profile_of_row.ravel())]
    similarity[sentence_codes[:, None] == sentence_codes[None, :]] = 1.0
    return similarity


def cluster_block(similarity: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-link clusters of one block whose members are on average at least `threshold` similar.

    >>> cluster_block(np.array([[1.0, 0.9, 0.0], [0.9, 1.0, 0.1], [0.0, 0.1, 1.0]]), 0.5)
    [[0, 1], [2]]
    """
    size = len(similarity)
    if size == 1:
        return [[0]]
    distance = np.subtract(1.0, similarity)
    np.clip(distance, 0.0, None, out=distance)
    condensed = squareform(distance, force="tovector", checks=False)   # the upper triangle, row by row
    labels = fcluster(linkage(condensed, method="average"), t=1.0 - threshold, criterion="distance")
    clusters: dict[int, list[int]] = {}
    for position, label in enumerate(labels):
        clusters.setdefault(int(label), []).append(position)
    return sorted(clusters.values(), key=lambda members: members[0])


def _centroids(vectors: csr_matrix, clusters: list[list[int]]) -> csr_matrix:
    sizes = np.array([len(members) for members in clusters])
    rows = np.repeat(np.arange(len(clusters)), sizes)
    cols = np.concatenate([np.asarray(members, dtype=np.int64) for members in clusters])
    weights = csr_matrix((np.repeat(1.0 / sizes, sizes), (rows, cols)), shape=(len(clusters), vectors.shape[0]))
    return normalize(weights @ vectors)


def merge_statements(candidates: pd.DataFrame, vectors: csr_matrix,
                     settings: MergeSettings = MergeSettings()) -> list[list[int]]:
    """Clusters of candidate rows (positions), one per happening; every candidate is in exactly one cluster."""
    clusters: list[list[int]] = []
    cluster_grain: list[str] = []
    actor_sets = [frozenset(actors) for actors in candidates["actors"]]
    incidence = actor_incidence(actor_sets)
    sentence_codes = pd.factorize(candidates["sentence_key"].to_numpy(dtype=object))[0]
    # rows with the same words and actors have the same vector and overlaps: a block compares each such profile once
    words = candidates["content_words"] if "content_words" in candidates else candidates["sentence"]
    word_codes = pd.factorize(words.to_numpy(dtype=object))[0].astype(np.int64)
    actor_codes = pd.factorize(pd.Series([tuple(sorted(actors)) for actors in actor_sets], dtype=object))[0]
    profile_codes = word_codes * (int(actor_codes.max(initial=0)) + 1) + actor_codes
    starts = candidates["event_start"].to_numpy()
    ends = candidates["event_end"].to_numpy()
    passing = candidates["passing"].to_numpy()
    for grain in EVENT_GRAINS:
        rows_of_grain = np.flatnonzero(candidates["event_grain"].to_numpy() == grain)
        if not len(rows_of_grain):
            continue
        rows_of_grain = _attach_to_finer(rows_of_grain, clusters, cluster_grain, candidates, vectors, actor_sets,
                                         starts, ends, passing, settings)
        values = candidates["event_value"].to_numpy()[rows_of_grain]
        blocks = pd.Series(np.arange(len(values))).groupby(values, sort=True).indices   # by value, rows in order
        for value in sorted(blocks):
            for block in _parts_of_block(rows_of_grain[blocks[value]], value, settings.max_block_statements):
                if len(block) == 1:
                    clusters.append([int(block[0])])
                    cluster_grain.append(grain)
                    continue
                similarity = similarity_matrix(vectors[block], incidence[block], sentence_codes[block], settings,
                                               profile_codes[block])
                threshold = settings.same_date_threshold if grain == "day" else settings.coarse_date_threshold
                for members in cluster_block(similarity, threshold):
                    clusters.append([int(block[m]) for m in members])
                    cluster_grain.append(grain)
    return clusters


class OversizedBlockWarning(UserWarning):
    """A date block too big to compare as one: it was clustered in parts (`MergeSettings.max_block_statements`)."""


def _parts_of_block(block: np.ndarray, value: str, limit: int) -> list[np.ndarray]:
    """`block` as it is, or cut in consecutive parts of at most `limit` rows (with a warning) when it is bigger:
    average-link clustering holds n x n floats, 2.6 GB for 18,000 statements of one day."""
    if len(block) <= limit:
        return [block]
    parts = np.array_split(block, -(-len(block) // limit))
    warnings.warn(OversizedBlockWarning(
        f"the date {value} has {len(block):,} statements, more than the {limit:,} compared as one block: they were "
        f"clustered in {len(parts)} parts of consecutive statements, and statements of different parts are never "
        "merged into one event"), stacklevel=3)
    return parts


def _attach_to_finer(rows: np.ndarray, clusters: list[list[int]], cluster_grain: list[str], candidates: pd.DataFrame,
                     vectors: csr_matrix, actor_sets: list[frozenset[str]], starts: np.ndarray, ends: np.ndarray,
                     passing: np.ndarray, settings: MergeSettings) -> np.ndarray:
    """Attach each non-passing statement of `rows` to the most similar finer cluster inside its period; return the rest."""
    if not clusters:
        return rows
    cluster_starts = np.array([starts[members[0]] for members in clusters])
    cluster_ends = np.array([ends[members[0]] for members in clusters])
    order = np.argsort(cluster_starts, kind="stable")
    sorted_starts = cluster_starts[order]
    centroids = _centroids(vectors, clusters)
    cluster_actors: dict[int, frozenset[str]] = {}   # of the clusters as they were before this pass, when asked

    def actors_of(cluster: int) -> frozenset[str]:
        if cluster not in cluster_actors:
            cluster_actors[cluster] = frozenset().union(*(actor_sets[m] for m in clusters[cluster]))
        return cluster_actors[cluster]

    rows = np.asarray(rows, dtype=int)
    target_of = np.full(len(rows), -1)
    open_rows = np.flatnonzero(~passing[rows].astype(bool))
    # every statement of one period (same start and end) looks at the same finer clusters: one product per period
    periods = pd.DataFrame({"start": starts[rows[open_rows]].view("int64"), "end": ends[rows[open_rows]].view("int64")})
    for positions in periods.groupby(["start", "end"], sort=False).indices.values():
        members = open_rows[positions]
        first = rows[members[0]]
        low, high = np.searchsorted(sorted_starts, [starts[first], ends[first]], side="left")
        window = order[low:high]
        inside = window[cluster_ends[window] <= ends[first]]
        if not len(inside):
            continue
        cosine = (centroids[inside] @ vectors[rows[members]].T).toarray()   # clusters x statements
        best = np.argmax(cosine, axis=0)
        best_cosine = cosine[best, np.arange(len(members))]
        for member, target, similarity in zip(members, inside[best], best_cosine):
            if not similarity >= settings.cross_grain_threshold:
                continue
            row_actors = actor_sets[rows[member]]
            if not row_actors or not actors_of(int(target)) or bool(row_actors & actors_of(int(target))):
                target_of[member] = int(target)
    for row, target in zip(rows, target_of):   # in row order, as the clusters' members always are
        if target >= 0:
            clusters[target].append(int(row))
    return rows[target_of < 0]
