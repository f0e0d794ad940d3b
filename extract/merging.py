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
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from nltk.stem.porter import PorterStemmer
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.preprocessing import normalize

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


def event_candidates(statements: pd.DataFrame) -> pd.DataFrame:
    """The statements that can make events, with their date at event grain (`event_value`, `event_grain`, ...).

    Adds: `event_value`, `event_grain`, `event_start`, `event_end` (an hour is read at its day),
    `sentence_key` (one key per sentence of an article), `passing` (a passing mention) and
    `generic_present` (a "today" or a bare clock time in a present-tense generic clause: `extract.tense`).
    """
    usable = statements[(statements["kind"] == "event") & statements["start"].notna() & statements["end"].notna()
                        & statements["grain"].isin(EVENT_GRAINS + ("hour",))]
    usable = usable[~usable["sentence"].map(is_non_event_line).astype(bool)]
    relative = zip(usable["sentence"], usable["date_start_char"] - usable["sentence_start"],
                   usable["date_end_char"] - usable["sentence_start"])
    stamp = np.array([is_stamp_date(sentence, int(start), int(end)) for sentence, start, end in relative], dtype=bool)
    usable = usable[~stamp]
    # a sentence with no word beyond dates, numbers and stop words ("It's Wednesday January the 12th.") tells of nothing
    usable = usable[usable["sentence"].map(lambda sentence: bool(content_words(sentence))).astype(bool)]
    # a clock time in a sentence that names its day ("on 25 Jun 2009, at 09:18 am"): the day's statement speaks
    keys = usable["doc_id"].astype(str) + ":" + usable["sentence_start"].astype(str)
    sentences_with_day = set(keys[usable["grain"] == "day"])
    redundant_time = ((usable["grain"] == "hour") & keys.isin(sentences_with_day)
                      & usable["date_text"].map(is_time_only).astype(bool)).to_numpy(dtype=bool)
    candidates = usable.reset_index(drop=True).copy()
    is_hour = (candidates["grain"] == "hour").to_numpy()
    candidates["event_grain"] = np.where(is_hour, "day", candidates["grain"].astype(str))
    candidates["event_value"] = np.where(is_hour, candidates["value"].astype(str).str[:10],
                                         candidates["value"].astype(str))
    day_start = candidates["start"].dt.floor("D")
    candidates["event_start"] = candidates["start"].where(~is_hour, day_start)
    candidates["event_end"] = candidates["end"].where(~is_hour, day_start + pd.Timedelta(days=1))
    candidates["sentence_key"] = candidates["doc_id"].astype(str) + ":" + candidates["sentence_start"].astype(str)
    if redundant_time.any():   # the clock time takes the day its sentence names
        day_rows = candidates[candidates["grain"] == "day"].drop_duplicates("sentence_key").set_index("sentence_key")
        keys_of_times = candidates.loc[redundant_time, "sentence_key"]
        for column in ("event_value", "event_start", "event_end"):
            candidates.loc[redundant_time, column] = day_rows.loc[keys_of_times, column].to_numpy()
    relative_start = (candidates["date_start_char"] - candidates["sentence_start"]).to_numpy()
    relative_end = (candidates["date_end_char"] - candidates["sentence_start"]).to_numpy()
    candidates["passing"] = [is_passing_mention(sentence, int(start), int(end), grain) for sentence, start, end, grain
                             in zip(candidates["sentence"], relative_start, relative_end, candidates["event_grain"])]
    # "today" or a bare clock time ("It's 9:30 PM here") names the writer's present, not a happening, when its clause
    # has no past, perfect, progressive or future verb
    candidates["generic_present"] = [
        (is_today(date_text) if grain == "day" else grain == "hour" and is_time_only(date_text))
        and is_generic_present(sentence, int(start), int(end))
        for sentence, start, end, grain, date_text
        in zip(candidates["sentence"], relative_start, relative_end, candidates["grain"], candidates["date_text"])]
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
    """One L2-normalised TF-IDF row per candidate statement (rows of one sentence are equal)."""
    if candidates.empty:
        return csr_matrix((0, 0))
    keys, first_rows = np.unique(candidates["sentence_key"].to_numpy(), return_index=True)
    sentences = candidates["sentence"].to_numpy()[first_rows]
    vectorizer = TfidfVectorizer(analyzer=content_words, sublinear_tf=True, min_df=1)
    try:
        unique_vectors = vectorizer.fit_transform(sentences)
    except ValueError:  # no content word anywhere
        unique_vectors = csr_matrix((len(sentences), 1))
    row_of_key = pd.Series(np.arange(len(keys)), index=keys)
    return normalize(unique_vectors[row_of_key.loc[candidates["sentence_key"]].to_numpy()])


def _actor_overlap(actor_sets: list[frozenset[str]]) -> np.ndarray:
    """Jaccard overlap of every pair of actor sets (0 when both are empty)."""
    names = sorted(set().union(*actor_sets)) if actor_sets else []
    if not names:
        return np.zeros((len(actor_sets), len(actor_sets)))
    column_of = {name: index for index, name in enumerate(names)}
    rows = [row for row, actors in enumerate(actor_sets) for _ in actors]
    cols = [column_of[name] for actors in actor_sets for name in actors]
    incidence = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(actor_sets), len(names)))
    shared = (incidence @ incidence.T).toarray()
    sizes = np.asarray(incidence.sum(axis=1)).ravel()
    union = sizes[:, None] + sizes[None, :] - shared
    return np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)


def similarity_matrix(vectors: csr_matrix, actor_sets: list[frozenset[str]], sentence_keys: list[str],
                      settings: MergeSettings) -> np.ndarray:
    """Pairwise similarity of a block's statements: cosine and actor overlap mixed; 1.0 inside one sentence."""
    cosine = (vectors @ vectors.T).toarray()
    similarity = (1 - settings.actor_weight) * cosine + settings.actor_weight * _actor_overlap(actor_sets)
    similarity[cosine < settings.min_cosine] = np.minimum(similarity[cosine < settings.min_cosine], cosine[
        cosine < settings.min_cosine])
    too_short = vectors.getnnz(axis=1) < settings.min_content_words
    similarity[too_short, :] = 0.0
    similarity[:, too_short] = 0.0
    keys = np.asarray(sentence_keys)
    similarity[keys[:, None] == keys[None, :]] = 1.0
    return similarity


def cluster_block(similarity: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-link clusters of one block whose members are on average at least `threshold` similar.

    >>> cluster_block(np.array([[1.0, 0.9, 0.0], [0.9, 1.0, 0.1], [0.0, 0.1, 1.0]]), 0.5)
    [[0, 1], [2]]
    """
    size = len(similarity)
    if size == 1:
        return [[0]]
    distance = np.clip(1.0 - similarity, 0.0, None)
    condensed = distance[np.triu_indices(size, k=1)]
    labels = fcluster(linkage(condensed, method="average"), t=1.0 - threshold, criterion="distance")
    clusters: dict[int, list[int]] = {}
    for position, label in enumerate(labels):
        clusters.setdefault(int(label), []).append(position)
    return sorted(clusters.values(), key=lambda members: members[0])


def _centroids(vectors: csr_matrix, clusters: list[list[int]]) -> csr_matrix:
    rows, cols, values = [], [], []
    for index, members in enumerate(clusters):
        for member in members:
            rows.append(index)
            cols.append(member)
            values.append(1.0 / len(members))
    weights = csr_matrix((values, (rows, cols)), shape=(len(clusters), vectors.shape[0]))
    return normalize(weights @ vectors)


def merge_statements(candidates: pd.DataFrame, vectors: csr_matrix,
                     settings: MergeSettings = MergeSettings()) -> list[list[int]]:
    """Clusters of candidate rows (positions), one per happening; every candidate is in exactly one cluster."""
    clusters: list[list[int]] = []
    cluster_grain: list[str] = []
    actor_sets = [frozenset(actors) for actors in candidates["actors"]]
    keys = candidates["sentence_key"].tolist()
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
        for value in sorted(set(values)):
            block = rows_of_grain[values == value]
            if len(block) == 1:
                clusters.append([int(block[0])])
                cluster_grain.append(grain)
                continue
            similarity = similarity_matrix(vectors[block], [actor_sets[i] for i in block], [keys[i] for i in block],
                                           settings)
            threshold = settings.same_date_threshold if grain == "day" else settings.coarse_date_threshold
            for members in cluster_block(similarity, threshold):
                clusters.append([int(block[m]) for m in members])
                cluster_grain.append(grain)
    return clusters


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
    cluster_actors = [frozenset().union(*(actor_sets[m] for m in members)) for members in clusters]
    remaining = []
    for row in rows:
        if passing[row]:
            remaining.append(row)
            continue
        low, high = np.searchsorted(sorted_starts, [starts[row], ends[row]], side="left")
        window = order[low:high]
        inside = window[cluster_ends[window] <= ends[row]]
        if not len(inside):
            remaining.append(row)
            continue
        cosine = (centroids[inside] @ vectors[row].T).toarray().ravel()
        best = int(np.argmax(cosine))
        target = int(inside[best])
        actors_agree = not actor_sets[row] or not cluster_actors[target] or bool(actor_sets[row] & cluster_actors[target])
        if cosine[best] >= settings.cross_grain_threshold and actors_agree:
            clusters[target].append(int(row))
        else:
            remaining.append(row)
    return np.asarray(remaining, dtype=int)
