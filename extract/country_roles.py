"""Countries of a sentence: every country mentioned, and the parties among them.

Reads a sentence and its reference date; writes the statements' `actors`, `countries` (the parties:
the countries that act, are acted on, or where the happening takes place) and `country_mentions`
(every country mentioned, a superset). Each decision is a named rule below, with examples that
`tests/test_actors.py` runs (`ROLE_EXAMPLES`).

>>> found = sentence_countries("An ancient Greek philosopher, Heraclitus, wrote this; Israel struck Iran.")
>>> found.countries, found.country_mentions
(['Israel', 'Iran'], ['Greece', 'Israel', 'Iran'])

Two steps. First, readings that are not the place at all are dropped or corrected (`reading` rules):
a US state abbreviation outside "City, St." ("Miss", "Ind"), a person's name ("Vernon Jordan",
"Whitney Houston"), a place inside the name of something else ("Warsaw Pact", "Madrid Accords",
"Treaty of Versailles", "a post-Madrid plan"), a language ("broadcasts in English and French"), the
bird ("Turkey with stuffing"), the pronoun in capitals ("LET US PRAY"); "City, State" and "City,
Country" give the city the country after the comma ("Paris, Texas", "Rochester, N.Y."), and Georgia
next to American places is the US state. Second, each remaining mention is a party unless a `role`
rule says it is only mentioned in passing: a historical clause (an anniversary, a year long before the
statement), a person's nationality ("US actor", "Swedish-born economist"), a comparison ("like
Germany"), a dateline or reporting credit, or a venue or journey when other countries are the parties
("invited to join NATO in Madrid", "due to visit Washington"). A country is a party when any of its
mentions is.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from extract.actors import TITLE_WORDS as ACTOR_TITLES
from extract.actors import ActorMention, Gazetteer, load_gazetteer
from extract.country_words import (
    NAME_HEADS,
    NAME_OPENERS,
    NAME_PREFIXES,
    PLACE_MODIFIERS,
    SENTENCE_WORDS,
    GIVEN_NAME_PLACES,
    NAME_LEADERS,
    DISEASE_NAMES,
    FOLLOWING_NAME_WORDS,
    TITLE_WORDS,
    PERSON_NOUNS,
    ORIGIN_SUFFIXES,
    LANGUAGE_NOUNS,
    SPEAK_VERBS,
    FOOD_WORDS,
    PRONOUN_GOVERNORS,
    COMPARISON_OPENERS,
    MEETING_OR_JOURNEY,
    CREDIT_OPENERS,
    DATELINE,
    CLAUSE_BREAK,
    YEAR,
    WORD,
    US_PLACE_TYPES,
    GEORGIA_US_CONTEXT,
)

# Who reports or analyses is an actor of the sentence, but its home country is not in what the sentence
# says: "As Reuters documented, Israel struck Syria" involves Israel and Syria, not the UK.
OBSERVER_TYPES = frozenset({"media", "think tank", "university", "analyst"})
PLACE_TYPES = frozenset({"country", "city", "region", "historical state"})
HISTORICAL_YEARS = 15  # a year this much older than the statement's makes its clause historical

@dataclass(frozen=True)
class CountryMention:
    """One mention of a country in a sentence, whether it is a party, and the rule that decided."""
    mention: ActorMention
    country: str
    role: str  # "party" or "mention"
    rule: str


@dataclass
class SentenceCountries:
    """The actors, the party countries and every mentioned country of one sentence (deduplicated, in order)."""
    actors: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    country_mentions: list[str] = field(default_factory=list)
    mentions: list[CountryMention] = field(default_factory=list)


def _words_before(text: str, position: int, count: int) -> list[str]:
    return WORD.findall(text[max(0, position - 60):position])[-count:]


def _words_after(text: str, position: int, count: int) -> list[str]:
    return WORD.findall(text[position:position + 60])[:count]


def _clause(text: str, mention: ActorMention) -> str:
    starts = [match.end() for match in CLAUSE_BREAK.finditer(text, 0, mention.start)]
    end_match = CLAUSE_BREAK.search(text, mention.end)
    return text[starts[-1] if starts else 0:end_match.start() if end_match else len(text)]


# --- step 1: readings that are not the place --------------------------------------------------------------------

def _is_abbreviation_out_of_place(text: str, mention: ActorMention) -> bool:
    """A state abbreviation counts only as "City, St.": "Louisville, Ky." but not "Miss Universe"."""
    if mention.alias_kind != "abbreviation":
        return False
    dotted = mention.alias.endswith(".") or text[mention.end:mention.end + 1] == "."
    return not (dotted and re.search(r"[A-Z][\w.'-]*,\s*$", text[max(0, mention.start - 40):mention.start]))


def _is_person_name(text: str, mention: ActorMention) -> bool:
    """"Vernon Jordan", "Whitney Houston", "President Lincoln": a place name right after a given name or a title."""
    if mention.actor_type not in PLACE_TYPES or mention.alias_kind not in ("name", "capital", "variant"):
        return False
    if " " in mention.alias:
        return False
    if mention.alias in GIVEN_NAME_PLACES and re.match(r"\s+[A-Z][a-z]", text[mention.end:mention.end + 3]):
        following = _words_after(text, mention.end, 1)[0]
        if following not in NAME_HEADS and following not in SENTENCE_WORDS:
            return True  # "Chad Johnson", "Jordan Peterson"
    before = re.search(r"([A-Z][\w'-]*)\.?\s+$", text[max(0, mention.start - 30):mention.start])
    if not before or not re.fullmatch(r"\s", text[mention.start - 1]):
        return False
    previous = before.group(1)
    if previous in TITLE_WORDS:
        return True
    if (previous in SENTENCE_WORDS or previous in PLACE_MODIFIERS or previous.isupper() or "-" in previous
            or previous.lower().endswith(("ly", "ing", "ed"))):  # "Reportedly Iran", "Following Iran", "Backed Iran"
        return False
    after = _words_after(text, mention.end, 1)
    return not (after and after[0][:1].isupper() and re.match(r"\s", text[mention.end:mention.end + 1]))


def _names_something_else(text: str, mention: ActorMention) -> bool:
    """"Warsaw Pact", "Madrid Accords", "Treaty of Versailles", "a post-Madrid plan", "Little Havana"."""
    if mention.actor_type not in PLACE_TYPES:
        return False
    after = _words_after(text, mention.end, 1)
    if after and after[0].lower() in DISEASE_NAMES and re.match(r"[\s\"'”’]+\w", text[mention.end:mention.end + 4]):
        return True
    if mention.alias_kind == "demonym":
        return False
    if after and after[0] in NAME_HEADS and re.fullmatch(r"\s*", text[mention.end:text.index(after[0], mention.end)]):
        return True
    head = text[max(0, mention.start - 20):mention.start]
    if any(head.rstrip().endswith(opener) for opener in NAME_OPENERS):
        return True
    if re.search(r"\b(\w+)\s$", head) and re.search(r"\b(\w+)\s$", head).group(1) in NAME_LEADERS:
        return True
    prefix = re.search(r"(\w+)-$", head)
    return bool(prefix and prefix.group(1).lower() in NAME_PREFIXES)


def _is_language(text: str, mention: ActorMention) -> bool:
    """"broadcasts in English, French and Spanish", "the Arabic-language paper", "she speaks Russian"."""
    if mention.alias_kind != "demonym":
        return False
    after = _words_after(text, mention.end, 1)
    if text[mention.end:mention.end + 1] == "-" and after and after[0].lower().split("-")[0] in LANGUAGE_NOUNS:
        return True
    if after and after[0].lower() in LANGUAGE_NOUNS:
        return True
    before = [word.lower() for word in _words_before(text, mention.start, 1)]
    if before and before[-1] in SPEAK_VERBS:
        return True
    # "in English", "in English, French and Spanish": after "in" and a list of capitalised words, and no noun follows
    follows_in = re.search(r"\bin\s+((?:[A-Z][a-z]+(?:,\s*|\s+(?:and|or)\s+))*)$", text[max(0, mention.start - 80):mention.start])
    if not follows_in:
        return False
    if follows_in.group(1):  # the last of a list of languages: "in English, French and Spanish have been ..."
        return True
    return not (after and after[0].lower() not in ("and", "or") and not re.match(r"\s*[,.;:)'\"]", text[mention.end:]))


def _is_the_bird(text: str, mention: ActorMention) -> bool:
    """"Turkey with chestnut stuffing": the word, not the country, when the sentence is about food."""
    return mention.actor == "Turkey" and mention.alias_kind == "name" and bool(
        FOOD_WORDS & {word.lower() for word in WORD.findall(text)})


def _is_pronoun_in_capitals(text: str, mention: ActorMention) -> bool:
    """"LET US PRAY", "GIVE US A BREAK": the pronoun in an all-capitals headline."""
    if mention.alias != "US":
        return False
    before = _words_before(text, mention.start, 1)
    return bool(before) and before[0].isupper() and before[0] in PRONOUN_GOVERNORS


def _is_another_persons_name(text: str, mention: ActorMention) -> bool:
    """"Dr Keiji Fukuda" is not Yasuo Fukuda, and "Dr Musharraf Hussain" not Pervez Musharraf: an office holder's
    surname right after another given name, or right before another surname."""
    if mention.actor_type != "person" or mention.alias_kind != "surname":
        return False
    before = re.search(r"([A-Z][\w'-]*)\.?\s+$", text[max(0, mention.start - 30):mention.start])
    if before and before.group(1) not in SENTENCE_WORDS | TITLE_WORDS | PLACE_MODIFIERS and not before.group(1).isupper() \
            and not before.group(1).lower().endswith(("ly", "ing", "ed")) and before.group(1) not in ACTOR_TITLES:
        return True
    after = re.match(r"\s+([A-Z][a-z][\w'-]*)", text[mention.end:mention.end + 30])
    return bool(after and after.group(1) not in FOLLOWING_NAME_WORDS and after.group(1) not in SENTENCE_WORDS)


READING_RULES = (
    ("another person's name", _is_another_persons_name),
    ("state abbreviation out of place", _is_abbreviation_out_of_place),
    ("person's name", _is_person_name),
    ("name of something else", _names_something_else),
    ("language", _is_language),
    ("the bird", _is_the_bird),
    ("pronoun in capitals", _is_pronoun_in_capitals),
)


# In a headline written in title case ("Obama Visits Mexico After Talks") a capital says nothing about names.
NAME_CASE_RULES = ("person's name", "another person's name")
CASE_FREE_READING_RULES = tuple(rule for rule in READING_RULES if rule[0] not in NAME_CASE_RULES)
SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as",
                         "vs", "but", "nor", "per", "via"})


def is_title_case(text: str) -> bool:
    """Whether most words are capitalised, as in a headline.

    >>> is_title_case("Obama Visits Mexico After Talks With Calderon"), is_title_case("Vernon Jordan met the president.")
    (True, False)
    """
    words = [word for word in WORD.findall(text) if word.lower() not in SMALL_WORDS]
    return len(words) >= 4 and sum(word[:1].isupper() for word in words) >= 0.8 * len(words)


def _as_us_state(mention: ActorMention) -> ActorMention:
    return replace(mention, actor="Georgia (US state)", actor_type="region", country="United States")


def _is_city_comma_state(text: str, city: ActorMention, after: ActorMention) -> bool:
    """"Paris, Texas", "Rochester, N.Y.", "London, Ontario", "Amman, Jordan": a city, a comma, then its state or
    country, then punctuation (not "in Hebron, Israel said" nor a list "Paris, London and Berlin")."""
    return ((city.actor_type == "city" or city.alias_kind == "capital")
            and (after.actor_type == "region" or (after.actor_type in PLACE_TYPES and after.alias_kind in ("name", "variant")))
            and re.fullmatch(r",\s*", text[city.end:after.start]) is not None
            and re.match(r"\s*(?:$|[,.;:()\[\]\u2013\u2014_-])", text[after.end:]) is not None)


def _corrected(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """"City, State" / "City, Country" give the city the country after the comma; Georgia among American places."""
    corrected = list(mentions)
    for index in range(len(corrected) - 1):
        city, after = corrected[index], corrected[index + 1]
        if _is_city_comma_state(text, city, after):
            if after.actor == "Georgia" and city.country == "United States":
                after = corrected[index + 1] = _as_us_state(after)
            if city.country != after.country and after.actor_type in ("country", "region") and after.country:
                corrected[index] = replace(city, actor=city.alias, actor_type="city", country=after.country)
    has_us_context = None
    for index, mention in enumerate(corrected):
        if mention.actor == "Georgia" and mention.alias_kind == "name":
            if has_us_context is None:
                has_us_context = bool(GEORGIA_US_CONTEXT & set(WORD.findall(text))) or any(
                    other.country == "United States" and other.actor_type in US_PLACE_TYPES for other in corrected)
            if has_us_context:
                corrected[index] = _as_us_state(mention)
    return corrected


# --- step 2: party or mentioned in passing ------------------------------------------------------------------------

def _historical(text: str, mention: ActorMention, year: int | None) -> bool:
    """"the anniversary of Germany's 1941 attack", "when the Soviet Union invaded Afghanistan in 1979"."""
    clause = _clause(text, mention)
    lead = text[max(0, mention.start - len(clause)):mention.start].lower()
    if ("anniversary" in lead or "ancient" in lead) and ("anniversary" in clause.lower() or "ancient" in clause.lower()):
        return True  # "the anniversary of Germany's 1941 attack", not "an Australian president by the anniversary"
    limit = (year - HISTORICAL_YEARS) if year else 1950
    return any(int(found) < limit for found in YEAR.findall(clause))  # the one group: the year


def _nationality(text: str, mention: ActorMention, year: int | None) -> bool:
    """"US actor George Clooney", "a Greek pre-Socratic philosopher", "Swedish-born", "Soviet-made missiles"."""
    after = text[mention.end:mention.end + 40]
    origin = re.match(r"-(\w+)", after)
    if origin and origin.group(1).lower() in ORIGIN_SUFFIXES:
        return True  # "Soviet-made", "a New Orleans-style piano", "a Moscow-based analyst"
    if mention.actor_type not in ("country", "historical state"):
        return False
    if _words_before(text, mention.start, 1) == ["ethnic"]:
        return True  # "ethnic Albanians" in Kosovo are not Albania
    words = [word.lower() for word in _words_after(text, mention.end, 3)]
    for word in words:
        for part in word.split("-"):
            if part in PERSON_NOUNS:  # one person's nationality; "British scientists" are a group acting
                return True
        if not re.fullmatch(r"[a-z-]+", word):  # stop at a name or a capitalised word
            return False
    return False


def _comparison(text: str, mention: ActorMention, year: int | None) -> bool:
    """"Unlike Russia, China ...", "more than Germany", ", like Venezuela,"."""
    head = text[max(0, mention.start - 25):mention.start].lower()
    head = re.sub(r"\s+(the\s+)?$", " ", head)
    if any(head.endswith(opener + " ") for opener in COMPARISON_OPENERS):
        return True
    return bool(re.search(r"(^|[,;(]\s*)like $", head))


def _dateline_or_credit(text: str, mention: ActorMention, year: int | None) -> bool:
    """"THE HAGUE, Netherlands (AP)_ ..." and "Additional reporting by ... in Mexico City"."""
    if text.lstrip().lower().startswith(CREDIT_OPENERS):
        return True
    dateline = DATELINE.match(text)
    return bool(dateline and mention.end <= dateline.end())


ROLE_RULES = (
    ("historical clause", _historical),
    ("nationality", _nationality),
    ("comparison", _comparison),
    ("dateline or credit", _dateline_or_credit),
)


def _venue_or_journey(text: str, mention: ActorMention) -> bool:
    """A city as the place of a meeting or the end of a journey: "invited to join NATO in Madrid"."""
    if mention.actor_type not in ("city", "region") and mention.alias_kind != "capital":
        return False
    before = [word.lower() for word in _words_before(text, mention.start, 2)]
    if not before or before[-1] not in ("in", "at", "to", "from", "visit", "visits", "visited", "visiting"):
        return False
    return bool(MEETING_OR_JOURNEY & {word.lower() for word in WORD.findall(text)})


def sentence_countries(text: str, reference_date: dt.date | None = None,
                       gazetteer: Gazetteer | None = None) -> SentenceCountries:
    """Actors, party countries and mentioned countries of one sentence; `reference_date` picks office holders.

    >>> sentence_countries("Clinton met Yeltsin in Moscow.", dt.date(1998, 1, 1)).actors
    ['Bill Clinton', 'Boris Yeltsin', 'Russia']
    >>> sentence_countries("Poland was invited to join NATO in Madrid.").countries
    ['Poland']
    """
    year = reference_date.year if reference_date else None
    found = SentenceCountries()
    kept: list[ActorMention] = []
    mentions = (gazetteer or load_gazetteer()).tag(text, year)
    title_case = None  # decided once, only if a name rule could apply
    for mention in mentions:
        rules = READING_RULES
        if mention.actor_type == "person" or (mention.actor_type in PLACE_TYPES and mention.alias_kind != "demonym"):
            title_case = is_title_case(text) if title_case is None else title_case
            rules = CASE_FREE_READING_RULES if title_case else READING_RULES
        if not any(rule(text, mention) for _, rule in rules):
            kept.append(mention)
    kept = _corrected(text, kept)
    actors: dict[str, None] = {}
    decided: list[CountryMention] = []
    for mention in kept:
        actors.setdefault(mention.actor, None)
        if not mention.country or mention.actor_type in OBSERVER_TYPES:
            continue
        rule = next((name for name, test in ROLE_RULES if test(text, mention, year)), "")
        decided.append(CountryMention(mention, mention.country, "mention" if rule else "party", rule or "party"))
    anchored = {item.country for item in decided
                if item.role == "party" and not _venue_or_journey(text, item.mention)}
    for index, item in enumerate(decided):
        if item.role == "party" and anchored and item.country not in anchored:  # only a venue or a journey
            decided[index] = replace(item, role="mention", rule="venue or journey")
    found.actors = list(actors)
    found.mentions = decided
    found.countries = list(dict.fromkeys(item.country for item in decided if item.role == "party"))
    found.country_mentions = list(dict.fromkeys(item.country for item in decided))
    return found


# Every rule's examples: (rule, sentence, reference year or None, parties, every mentioned country). Run by
# tests/test_actors.py; a rule without a failing-before example is not added.
ROLE_EXAMPLES: tuple[tuple[str, str, int | None, list[str], list[str]], ...] = (
    ("party", "Iraq said it invaded Kuwait because of disputes over oil.", 1990, ["Iraq", "Kuwait"], ["Iraq", "Kuwait"]),
    ("party", "The FBI arrested two men in Miami.", 1998, ["United States"], ["United States"]),
    ("party", "Castro has invited everyone to welcome the Pope.", 1998, ["Cuba", "Vatican City"], ["Cuba", "Vatican City"]),
    ("party", "Clinton met Yeltsin in Moscow on Friday.", 1998, ["United States", "Russia"], ["United States", "Russia"]),
    ("party", "The Clinton administration objected.", 1998, ["United States"], ["United States"]),
    ("party", "British scientists have begun work on a vaccine.", 2009, ["United Kingdom"], ["United Kingdom"]),
    ("state abbreviation out of place", "Miss Universe was crowned on Monday.", None, [], []),
    ("state abbreviation out of place", "Rally's is based in Louisville, Ky.", 1989, ["United States"], ["United States"]),
    ("person's name", "Vernon Jordan met the president on Monday.", 1998, [], []),
    ("person's name", "Whitney Houston sang at the concert.", 2009, [], []),
    ("person's name", "Michael Jordan, Chad Johnson and Jordan's king met.", None, ["Jordan"], ["Jordan"]),
    ("person's name", "Obama Visits Mexico After Talks In Washington", 2009, ["United States", "Mexico"],
     ["United States", "Mexico"]),
    ("name of something else", "The Warsaw Pact was dissolved in 1991.", None, [], []),
    ("name of something else", "Israel and the PLO signed the Oslo Accords.", 1993, ["Israel"], ["Israel"]),
    ("name of something else", "The Treaty of Versailles humiliated Germany.", None, ["Germany"], ["Germany"]),
    ("name of something else", "It was a post-Madrid development plan.", 1998, [], []),
    ("name of something else", "Crowds gathered in Little Havana on Sunday.", 1999, ["United States"], ["United States"]),
    ("name of something else", "He flew Air Canada to Beijing.", 2009, ["China"], ["China"]),
    ("name of something else", "They survived the Spanish flu pandemic of 1918.", 2009, [], []),
    ("another person's name", "Dr Keiji Fukuda of the WHO said so.", 2009, [], []),
    ("another person's name", "Dr Musharraf Hussain talks about Ramadan.", 2010, [], []),
    ("another person's name", "The Clinton Administration objected.", 1998, ["United States"], ["United States"]),
    ("language", "Our broadcasts in English, French and Spanish were appreciated.", 2010, [], []),
    ("language", "She speaks Russian and reads the Arabic-language press.", None, [], []),
    ("language", "Prisoners were held in Russian custody.", None, ["Russia"], ["Russia"]),
    ("the bird", "Turkey with chestnut stuffing was served at the Thanksgiving dinner.", None, [], []),
    ("pronoun in capitals", "LET US PRAY FOR PEACE", None, [], []),
    ("pronoun in capitals", "US TROOPS LEAVE SOMALIA", None, ["United States", "Somalia"], ["United States", "Somalia"]),
    ("city, state", "A man from Paris, Texas, was arrested.", 1998, ["United States"], ["United States"]),
    ("city, state", "Police in Rochester, N.Y., said so.", 1998, ["United States"], ["United States"]),
    ("city, state", "Paris, London and Berlin agreed.", None, ["France", "United Kingdom", "Germany"],
     ["France", "United Kingdom", "Germany"]),
    ("Georgia, the US state", "He was born in Atlanta, Georgia.", None, ["United States"], ["United States"]),
    ("Georgia, the US state", "Georgia's governor signed the bill.", None, ["United States"], ["United States"]),
    ("Georgia, the US state", "Georgia and Russia fought a war in 2008.", 2009, ["Georgia", "Russia"], ["Georgia", "Russia"]),
    ("historical clause", "The US bombed Iran on June 22 – the anniversary of Germany's 1941 attack on the Soviet Union.",
     2025, ["United States", "Iran"], ["United States", "Iran", "Germany", "Soviet Union"]),
    ("historical clause", "They hope for an Australian president by the 100th anniversary of Australian federation.",
     1998, ["Australia"], ["Australia"]),
    ("historical clause", "The city could have used protection in 1979 when the Soviet Union invaded Afghanistan.",
     1998, [], ["Soviet Union", "Afghanistan"]),
    ("nationality", "An ancient Greek philosopher, Heraclitus, wrote this.", 2025, [], ["Greece"]),
    ("nationality", "US actor George Clooney is to run a telethon for Haiti.", 2010, ["Haiti"], ["United States", "Haiti"]),
    ("nationality", "Iraq fired Soviet-made missiles.", 1991, ["Iraq"], ["Iraq", "Soviet Union"]),
    ("nationality", "He played a New Orleans-style piano.", 2010, [], ["United States"]),
    ("nationality", "A few hundred ethnic Albanians laid a wreath in Pristina.", 1998, ["Kosovo"], ["Albania", "Kosovo"]),
    ("party", "Atlanta-based BellSouth would hold half of the company.", 1989, ["United States"], ["United States"]),
    ("party", "Australia has been independent since 1901.", 1998, ["Australia"], ["Australia"]),
    ("name of something else", "A new Essex County task force began work in Newark.", 1998, ["United States"],
     ["United States"]),
    ("nationality", "Says Swedish-Iranian economist Tino Sanandaji.", 2025, [], ["Sweden", "Iran"]),
    ("comparison", "Unlike Russia, China backed the resolution.", None, ["China"], ["Russia", "China"]),
    ("comparison", "Iran, like Venezuela, sells oil at a discount.", None, ["Iran"], ["Iran", "Venezuela"]),
    ("dateline or credit", "THE HAGUE, Netherlands (AP)_ The court rejected Libya's case.", 1998, ["Libya"],
     ["Netherlands", "Libya"]),
    ("dateline or credit", "Additional reporting by Laura MacInnis in Geneva and Silvia Aloisi in Rome.", 2009, [],
     ["Switzerland", "Italy"]),
    ("venue or journey", "Poland was invited to join NATO in Madrid.", 1997, ["Poland"], ["Poland", "Spain"]),
    ("venue or journey", "Mubarak, who is due to visit Washington, arrested his foes.", 2009, ["Egypt"],
     ["Egypt", "United States"]),
    ("venue or journey", "A bomb exploded in Jerusalem on Sunday.", 1998, ["Israel"], ["Israel"]),
)
