"""Actors stage: find countries, people and organisations in a sentence with the gazetteer `data/actors.csv`.

Reads a sentence (str); writes `ActorMention`s and, per sentence, the canonical `actors` and
`countries` lists of the statements frame (see `extract.schema.STATEMENT_COLUMNS`).

>>> actors_and_countries("The batteries were destroyed by the Israeli Air Force in October.")
(['Israeli Air Force'], ['Israel'])

The gazetteer (one row per alias; columns `alias, actor, actor_type, country, alias_kind,
case_sensitive, example`) maps an alias to a canonical actor, the actor's type and the canonical
country it belongs to (empty for international organisations and regions spanning several
states). Every row's `example` is a test. Decisions recorded here:

- Matching works on word tokens, so word boundaries are implicit: "Iran" is found in "Iran's",
  "Iran’s", "Russia‘s" and "Tehran-backed" but never inside "Iranian" (that is its own alias).
  Dotted acronyms ("U.S.", "U.N.") are single tokens. Between the tokens of a multi-word alias
  only spaces, hyphens, apostrophes and dots may stand ("al-Assad", "St. Lucia"), never a comma.
- Longest match wins ("Israeli Air Force" over "Israeli", "UN Security Council" over "UN",
  "Latin America" over "America", "Papua New Guinea" over "Guinea", "New Mexico" over "Mexico"):
  of two overlapping matches the one with more tokens, then more characters, is kept ("the West
  Bank" is the West Bank, not "the West"); matches never overlap.
- `case_sensitive = no`: case and accents are ignored ("the Islamic Republic", "IRAN", "Türkiye").
  `case_sensitive = yes`: the alias must be written as in the gazetteer, its all-capitals form, or
  (for aliases starting lower-case such as "the West") with a capital first letter. This is used
  for acronyms ("US" is the United States, "us" is not; "WHO", "UN"), surnames ("Trump" vs
  "trump"), and names that are also ordinary words: Turkey/turkey, China/china, Chad, Jordan,
  Georgia, Japan, Guinea, Chile, Panama, Polish/polish, French, Dutch, Danish, Swiss, Greek, Gulf,
  Pentagon, "the West"... A capitalised "Turkey" at the start of a sentence about the bird, the
  given names Jordan/Chad/Georgia, and the US state of Georgia are still read as the country:
  a gazetteer cannot tell them apart, the analyst sees the span.
- Capitals stand for their country's government ("Moscow is not in a position to assist",
  "Washington's move"): their actor is the country, as for demonyms and metonyms ("the Jewish
  State", "the Islamic Republic", "the Ayatollahs"). Institutions keep their own actor and carry
  the country: "the Kremlin" -> actor Kremlin, country Russia; "Mossad" -> Mossad, Israel.
- Jerusalem is listed as the capital of Israel (seat of its government); Palestine's capital is
  Ramallah (seat of the Palestinian Authority). Crimea and Donbas belong to Ukraine. Hong Kong and
  Macau are cities of China. "Axis of Resistance" is an Iran-led alliance, country Iran.
- Left out as too ambiguous: "Korea" and "Korean" alone, "Congo" alone, "Persian", "Western",
  "Victoria" (Seychelles), "Male" (only "Malé"), "San Jose" (only "San José"), "The National"
  (the UAE paper would swallow "the National Security Council"). "Congolese" is the Democratic
  Republic of the Congo and "Dominican" the Dominican Republic, so the Republic of the Congo and
  Dominica have no demonym. "Security Council" alone is the UN Security Council.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DEFAULT_GAZETTEER = Path(__file__).resolve().parent.parent / "data" / "actors.csv"
GAZETTEER_COLUMNS = ("alias", "actor", "actor_type", "country", "alias_kind", "case_sensitive", "example")
ACTOR_TYPES = (
    "country", "person", "organisation", "alliance", "institution", "armed forces", "armed group",
    "media", "think tank", "university", "city", "region", "historical state",
)
ALIAS_KINDS = ("name", "variant", "acronym", "demonym", "capital", "metonym", "surname")
CASE_SENSITIVE_VALUES = ("yes", "no")

TOKEN_PATTERN = re.compile(r"(?P<dotted>(?:[^\W\d_]\.){2,})|(?P<word>\w+)")
JOINER_PATTERN = re.compile(r"[\s\-\u2010\u2011'\u2018\u2019`.]{1,3}")


class GazetteerError(ValueError):
    """The actors gazetteer cannot be used: the message names the file, the line and the problem."""


@dataclass(frozen=True)
class ActorMention:
    """One alias found in a text: character span (end exclusive), the alias as written, and what it stands for."""

    start: int
    end: int
    alias: str
    actor: str
    actor_type: str
    country: str
    gazetteer_alias: str  # the gazetteer row that fired (its `alias` column)


@dataclass(frozen=True)
class GazetteerEntry:
    """One validated gazetteer row."""

    alias: str
    actor: str
    actor_type: str
    country: str
    alias_kind: str
    case_sensitive: bool
    example: str
    line: int


def fold(token: str) -> str:
    """Case- and accent-insensitive form of a token. Example: fold("Türkiye") == "turkiye"."""
    decomposed = unicodedata.normalize("NFKD", token.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Word tokens of `text` as (start, end, token). Example: tokenize("U.S.-backed") == [(0, 4, 'U.S.'), (5, 11, 'backed')]."""
    return [(match.start(), match.end(), match.group()) for match in TOKEN_PATTERN.finditer(text)]


def _exact_keys(alias_tokens: tuple[str, ...]) -> set[tuple[str, ...]]:
    keys = {alias_tokens, tuple(token.upper() for token in alias_tokens)}
    first = alias_tokens[0]
    if first[:1].islower():
        keys.add((first[:1].upper() + first[1:],) + alias_tokens[1:])
    return keys


class Gazetteer:
    """A validated gazetteer compiled into two token-tuple indexes (exact and folded). Example: load_gazetteer().tag("Iran's move")."""

    def __init__(self, entries: list[GazetteerEntry], path: Path) -> None:
        self.path = path
        self.entries = entries
        self.exact: dict[tuple[str, ...], GazetteerEntry] = {}
        self.folded: dict[tuple[str, ...], GazetteerEntry] = {}
        self.longest_from_first: dict[str, int] = {}  # first token (exact or folded) -> longest alias length
        for entry in entries:
            alias_tokens = tuple(token for _, _, token in tokenize(entry.alias))
            if entry.case_sensitive:
                keys, index = _exact_keys(alias_tokens), self.exact
            else:
                keys, index = {tuple(fold(token) for token in alias_tokens)}, self.folded
            for key in keys:
                index.setdefault(key, entry)  # a same-actor duplicate keeps its first row
                self.longest_from_first[key[0]] = max(self.longest_from_first.get(key[0], 0), len(key))

    def tag(self, text: str) -> list[ActorMention]:
        """All non-overlapping, longest-first alias matches in `text`. Example: see `tag_actors`."""
        tokens = tokenize(text)
        folded = [fold(token) for _, _, token in tokens]
        joinable = [
            JOINER_PATTERN.fullmatch(text, tokens[position][1], tokens[position + 1][0]) is not None
            for position in range(len(tokens) - 1)
        ]
        candidates = []  # the longest alias starting at each token
        for position in range(len(tokens)):
            entry, length = self._longest_at(tokens, folded, joinable, position)
            if entry is not None:
                start, end = tokens[position][0], tokens[position + length - 1][1]
                candidates.append((position, length, start, end, entry))
        # overlapping candidates: more tokens win, then more characters ("West Bank" over "the West"), then the earlier
        candidates.sort(key=lambda candidate: (-candidate[1], -(candidate[3] - candidate[2]), candidate[0]))
        taken: set[int] = set()
        chosen = []
        for candidate in candidates:
            span = range(candidate[0], candidate[0] + candidate[1])
            if taken.isdisjoint(span):
                taken.update(span)
                chosen.append(candidate)
        chosen.sort(key=lambda candidate: candidate[0])
        return [ActorMention(start, end, text[start:end], entry.actor, entry.actor_type, entry.country, entry.alias)
                for _, _, start, end, entry in chosen]

    def _longest_at(self, tokens: list[tuple[int, int, str]], folded: list[str], joinable: list[bool],
                    position: int) -> tuple[GazetteerEntry | None, int]:
        longest = max(self.longest_from_first.get(tokens[position][2], 0), self.longest_from_first.get(folded[position], 0))
        longest = min(longest, len(tokens) - position)
        for length in range(longest, 0, -1):
            if not all(joinable[position:position + length - 1]):
                continue
            exact_key = tuple(token for _, _, token in tokens[position:position + length])
            entry = self.exact.get(exact_key) or self.folded.get(tuple(folded[position:position + length]))
            if entry is not None:
                return entry, length
        return None, 0


def _read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [column for column in GAZETTEER_COLUMNS if column not in (reader.fieldnames or [])]
            if missing:
                raise GazetteerError(f"{path}: missing column(s) {', '.join(missing)}; expected {', '.join(GAZETTEER_COLUMNS)}")
            return [(reader.line_num, {key: (value or "").strip() for key, value in row.items() if key}) for row in reader]
    except OSError as error:
        raise GazetteerError(f"{path}: cannot read the actors gazetteer ({error.strerror or error})") from error
    except UnicodeDecodeError as error:
        raise GazetteerError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from error


def _entry(path: Path, line: int, row: dict[str, str]) -> GazetteerEntry:
    where = f"{path}, line {line} (alias {row['alias']!r})"
    for column in ("alias", "actor", "actor_type", "alias_kind", "case_sensitive", "example"):
        if not row[column]:
            raise GazetteerError(f"{where}: empty {column}")
    if row["actor_type"] not in ACTOR_TYPES:
        raise GazetteerError(f"{where}: unknown actor_type {row['actor_type']!r}; known: {', '.join(ACTOR_TYPES)}")
    if row["alias_kind"] not in ALIAS_KINDS:
        raise GazetteerError(f"{where}: unknown alias_kind {row['alias_kind']!r}; known: {', '.join(ALIAS_KINDS)}")
    if row["case_sensitive"] not in CASE_SENSITIVE_VALUES:
        raise GazetteerError(f"{where}: case_sensitive must be yes or no, not {row['case_sensitive']!r}")
    if not tokenize(row["alias"]):
        raise GazetteerError(f"{where}: the alias has no letters or digits")
    if row["actor_type"] == "country" and row["country"] != row["actor"]:
        raise GazetteerError(f"{where}: a country's country must be itself ({row['actor']!r}), not {row['country']!r}")
    return GazetteerEntry(row["alias"], row["actor"], row["actor_type"], row["country"], row["alias_kind"],
                          row["case_sensitive"] == "yes", row["example"], line)


def _validate(path: Path, entries: list[GazetteerEntry]) -> None:
    countries = {entry.actor for entry in entries if entry.actor_type == "country"}
    first_of_actor: dict[str, GazetteerEntry] = {}
    first_of_key: dict[tuple[bool, tuple[str, ...]], GazetteerEntry] = {}
    for entry in entries:
        where = f"{path}, line {entry.line} (alias {entry.alias!r})"
        if entry.country and entry.country not in countries:
            raise GazetteerError(f"{where}: country {entry.country!r} is not the canonical name of any actor of type country")
        earlier = first_of_actor.setdefault(entry.actor, entry)
        if (earlier.actor_type, earlier.country) != (entry.actor_type, entry.country):
            raise GazetteerError(
                f"{where}: actor {entry.actor!r} is {entry.actor_type}/{entry.country or '-'} here but "
                f"{earlier.actor_type}/{earlier.country or '-'} on line {earlier.line}")
        tokens = tuple(token for _, _, token in tokenize(entry.alias))
        key = (entry.case_sensitive, tokens if entry.case_sensitive else tuple(fold(token) for token in tokens))
        earlier = first_of_key.setdefault(key, entry)
        if earlier.actor != entry.actor:
            raise GazetteerError(
                f"{where}: duplicate alias, mapped to {entry.actor!r} here but to {earlier.actor!r} on line {earlier.line}")


def read_gazetteer(path: str | Path = DEFAULT_GAZETTEER) -> Gazetteer:
    """Read, validate and compile a gazetteer CSV; raise GazetteerError naming the row on bad data. Example: read_gazetteer("data/actors.csv")."""
    path = Path(path)
    entries = [_entry(path, line, row) for line, row in _read_rows(path)]
    if not entries:
        raise GazetteerError(f"{path}: the actors gazetteer has no rows")
    _validate(path, entries)
    return Gazetteer(entries, path)


@lru_cache(maxsize=8)
def load_gazetteer(path: str | Path = DEFAULT_GAZETTEER) -> Gazetteer:
    """The gazetteer at `path`, read once per process. Example: load_gazetteer().path.name == "actors.csv"."""
    return read_gazetteer(path)


def tag_actors(text: str, gazetteer: Gazetteer | None = None) -> list[ActorMention]:
    """Actor mentions in `text`, longest match first. Example: [m.actor for m in tag_actors("The Kremlin said")] == ['Kremlin']."""
    return (gazetteer or load_gazetteer()).tag(text)


# Who reports or analyses is an actor of the sentence, but its home country is not involved in what
# the sentence says: "As Reuters documented, Israel struck Syria" involves Israel and Syria, not the UK.
OBSERVER_TYPES = frozenset({"media", "think tank", "university"})


def actors_and_countries(text: str, gazetteer: Gazetteer | None = None) -> tuple[list[str], list[str]]:
    """Canonical actors and countries of one sentence, deduplicated in order of first mention.

    >>> actors_and_countries("Washington's move")
    (['United States'], ['United States'])
    >>> actors_and_countries("As Reuters documented, Israel struck Syria.")
    (['Reuters', 'Israel', 'Syria'], ['Israel', 'Syria'])
    """
    actors: dict[str, None] = {}
    countries: dict[str, None] = {}
    for mention in tag_actors(text, gazetteer):
        actors.setdefault(mention.actor, None)
        if mention.country and mention.actor_type not in OBSERVER_TYPES:
            countries.setdefault(mention.country, None)
    return list(actors), list(countries)
