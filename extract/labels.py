"""Event stage, step 2: a short headline for an event, derived from one evidence sentence, never invented.

Reads a sentence and the character spans of its date expressions; writes a `Label` (the text,
at most `MAX_LABEL_CHARS`, and its basis: which statement, which clause, what was removed).

The label is the clause that carries the date, cut down to who did what:

1. **Date as a modifier** ("the 2007 UN Security Council embargo on ...", "its 2007 invitation
   to join ..."): the noun phrase is the label, the date taken out, a possessive pronoun replaced
   by the nearest name before it ("Tehran's invitation ...").
2. Otherwise the **clause carrying the date**: the sentence is cut at strong punctuation (; : – —
   and parentheses); inside that piece a subordinate clause ("after ...", "when ...", "since ...",
   "following ...") is the label when it holds the date and is dropped when it does not. A thousands
   separator ("200,000") is no clause comma, and "As many as" no subordinate clause.
3. Trimmed from the clause: every date phrase with its preposition ("on June 24", "in 2022 and
   2023"), attributions ("analysts said", "according to ...", ", said Dr X"), hedges
   ("reportedly"), discourse openers ("Indeed,", "Still,"), parentheses, appositives after a name,
   auxiliaries before a participle ("have ended" -> "ended").
4. A clause that opens with a participle ("launched on Friday ...", "Formally signed in
   January, the agreement ...") gets its subject back from the neighbouring piece.
5. Longer than `MAX_LABEL_CHARS`: cut before a preposition or conjunction (never mid-word),
   without a dangling function word.

>>> derive_label("Indeed, on June 24, Israel and Iran have ended their conflict, analysts said.", [(11, 18)]).text
'Israel and Iran ended their conflict'
>>> derive_label("After the 2007 UN Security Council embargo on conventional arms shipments to Iran "
...              "expired in October 2020, Tehran showed interest.", [(10, 14), (98, 110)]).text
'UN Security Council embargo on conventional arms shipments to Iran'
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MAX_LABEL_CHARS = 72
MIN_LABEL_WORDS = 2
MAX_DROPPED_WORDS = 4   # a label that ends on its verb may lose one short phrase before it to fit

# --- word tables (data) ----------------------------------------------------------------------
DATE_PREPOSITIONS = ("on", "in", "at", "since", "by", "during", "from", "until", "till", "through", "throughout",
                     "as of", "back in", "early", "late", "mid", "the end of", "the start of", "the beginning of", "the middle of",
                     "around", "before", "after", "of", "earlier", "later", "between", "as early as", "as late as")
SUBORDINATORS = ("after", "before", "when", "while", "although", "though", "because", "since", "following",
                 "despite", "amid", "whereas", "until", "unless", "if", "as if", "almost as if", "as though",
                 "as soon as", "even though", "whilst")
RELATIVE_WORDS = ("which", "who", "whom", "whose", "where")
DETERMINERS = ("the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "last")
POSSESSIVE_PRONOUNS = ("its", "their", "his", "her")
IRREGULAR_PARTICIPLES = ("hit", "struck", "shot", "held", "met", "put", "set", "cut", "made", "led", "sent", "won",
                         "lost", "built", "caught", "brought", "fought", "told", "found", "left", "paid", "sold", "kept",
                         "spent", "seen", "beaten", "taken", "given", "hurt", "spread", "shut", "quit", "split", "bought",
                         "sought", "thrown", "drawn", "begun", "run", "overrun", "sworn", "rebuilt", "withdrawn")
AUXILIARIES = frozenset("is are was were be been being has have had do does did will would can could may might "
                        "must shall should".split())
DISCOURSE_OPENERS = ("indeed", "however", "still", "meanwhile", "also", "moreover", "furthermore", "but", "and",
                     "so", "yet", "in fact", "then", "instead", "nevertheless", "nonetheless", "more importantly",
                     "importantly", "crucially", "notably", "first", "second", "finally", "in addition",
                     "coincidentally or not", "in turn", "as a result", "by contrast", "in contrast", "likewise")
HEDGES = ("reportedly", "allegedly", "apparently", "reported", "openly", "reportedly also")
ATTRIBUTION_VERBS = ("said|says|say|told reporters|told|added|noted|claimed|stated|reported|announced|warned|insisted|"
                     "saying|adding")   # "flew to Surabaya on Monday, saying that ...": the saying goes
CUT_BEFORE_WORDS = frozenset("in on at for to with from by of against after before over into amid during under as "
                             "and but or while which who that because since when where including than via about "
                             "between through across toward towards without".split())
DANGLING_WORDS = frozenset("the a an and or but of to in on at for with from by that which who its their his her "
                           "this these those as than into is are was were has have had be been".split())

FUNCTION_WORDS = DANGLING_WORDS | CUT_BEFORE_WORDS | frozenset(DETERMINERS)
CLAUSE_END_WORDS = frozenset("the a an and or but that which who its their his her this these those".split())

_ATTRIBUTION_PATTERNS = (   # (name, pattern) — each is removed from the clause; examples in tests/test_labels.py
    ("according to", re.compile(r",?\s*\baccording to\b[^,;.]*[,.]?", re.I)),
    ("trailing said", re.compile(rf",\s*(?:{ATTRIBUTION_VERBS})\b[^;]*$", re.I)),
    ("trailing X said", re.compile(rf",\s*(?:[\w.'’-]+\s+){{0,6}}?(?:{ATTRIBUTION_VERBS})\s*[.!]?\s*$", re.I)),
    ("leading X said that", re.compile(rf"^(?:[\w.'’-]+\s+){{1,5}}?(?:{ATTRIBUTION_VERBS})(?: that)?\s+", re.I)),
    ("citing", re.compile(r",?\s*\bciting\b[^,;.]*[,.]?", re.I)),
    ("it is believed that", re.compile(r"^\s*it\s+(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+)?(?:believed|thought|"
                                       r"feared|understood|reported|expected|estimated|alleged|claimed|said|known)"
                                       r"(?:\s+that)?\s+", re.I)),
    ("it emerged that", re.compile(r"^\s*it\s+(?:emerged|appeared|seems|seemed|became\s+(?:clear|apparent|evident)|"
                                   r"is\s+(?:clear|likely)|was\s+(?:clear|likely))(?:\s+that)?\s+", re.I)),
)
FRONTED_SUBORDINATORS = ("as", "unlike", "like", "given", "with", "for all")
NOT_SUBORDINATING_AS = ("many", "much", "few", "little", "well")   # "As many as 200,000 people died": a quantity
# A headline or caption that lost its full stop runs into the next sentence in title-only corpora ("Becoming friends When
# Michael Jackson died ..."): one of these words, capitalised right after a lower-case word, starts a new sentence.
SENTENCE_OPENERS = ("He", "She", "It", "They", "We", "When", "After", "Before", "While", "Since", "If", "But")
# ... and these only before a lower-case word ("The police chief", never "The Hague" or "The Times").
SENTENCE_OPENING_DETERMINERS = ("The", "His", "Her", "Their", "Its", "This", "These", "Those", "Some", "Many")
OBJECT_RELATIVE_STARTS = frozenset("it he she they we i you the a an his her their its this".split())   # "which it set"
COPULAS = frozenset("is are was were".split())
PRONOUNS = frozenset("it this that there he she they we i you".split())
PERSONAL_PRONOUNS = ("he", "she", "it", "they", "we", "i", "you")
SAYING_VERBS = frozenset(ATTRIBUTION_VERBS.replace(" reporters", "").split("|"))   # "said Juliet Keys, who"
COMPARATIVES = frozenset("more less fewer rather other".split())
MODALS = ("will", "would", "can", "could", "may", "might", "must", "shall", "should")
DISCOURSE_INSERTS = re.compile(r",\s*(?:however|therefore|though|in turn|on the other hand|of course|in fact|"
                               r"for example|for instance|meanwhile|too)\s*,", re.I)


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_PREPOSITIONS_BEFORE = re.compile(rf"(?:^|\s)({_alternation(DATE_PREPOSITIONS)})\s+$", re.I)
_SUBORDINATOR = re.compile(rf"(?:^|(?<=[\s,]))({_alternation(SUBORDINATORS)})\b", re.I)
_FRONTED_SUBORDINATOR = re.compile(rf"\s*({_alternation(FRONTED_SUBORDINATORS)})\b"
                                   rf"(?!\s+(?:{_alternation(NOT_SUBORDINATING_AS)})\s+as\b)", re.I)
_RELATIVE = re.compile(rf",\s*({_alternation(RELATIVE_WORDS)})\b")
_OPENER = re.compile(rf"\s*(?:{_alternation(DISCOURSE_OPENERS)})\b\s*,?\s*", re.I)
_HEDGE = re.compile(rf"\b(?:{_alternation(HEDGES)})\b(?!\s+to\b)\s*")   # "is reported to have": the verb stays
# A thousands separator ("200,000") is no clause comma: masked while the clauses are found, put back in the label.
_THOUSANDS_COMMA = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_THOUSANDS_MASK = "\ue000"
_PARTICIPLE_AHEAD = rf"(?=(?!been\b)(?:[a-z]+(?:ed|en|wn)|{_alternation(IRREGULAR_PARTICIPLES)})\b)"
_NOT_FINITE = "".join(rf"(?<!\b{word} )" for word in ("to", "not", *MODALS))   # "to have killed", "may have been"
_NOT_AFTER_PRONOUN = "".join(rf"(?<!\b{word} )" for pronoun in PERSONAL_PRONOUNS for word in (pronoun, pronoun.title()))
# Headline style: "has ended" -> "ended", "was hit" -> "hit"; a pronoun keeps its passive ("he was interviewed", not
# "he interviewed").
_AUXILIARY_BEFORE_PARTICIPLE = re.compile(rf"{_NOT_FINITE}(?:\b(?:has|have|had)\s+{_PARTICIPLE_AHEAD}|"
                                          rf"{_NOT_AFTER_PRONOUN}\b(?:(?:has|have|had)\s+been|was|were)\s+{_PARTICIPLE_AHEAD})")
_WORD = re.compile(r"[\w'’.\-]+|[^\w\s]")
_PARTICIPLE = re.compile(r"^[a-z][a-z\-]*(?:ed|en|wn|ught)$")
_MISSING_STOP = re.compile(rf"(?<=[a-z0-9%)\]]) (?=(?:{_alternation(SENTENCE_OPENERS)}) )"
                           rf"|(?<=[a-z0-9%)\]]) (?=(?:{_alternation(SENTENCE_OPENING_DETERMINERS)}) [a-z])")
_STRONG_BREAK = re.compile(r"\s*[;:()\[\]]\s*|\s+[–—]\s+|\s+-\s+")


@dataclass(frozen=True)
class Label:
    """A headline and how it was derived (`names_happening`: the date modifies the noun of a happening, "the 2007 embargo")."""
    text: str
    basis: str
    names_happening: bool = False


def _is_verb_like(word: str) -> bool:
    lowered = word.lower()
    return lowered in AUXILIARIES or (bool(_PARTICIPLE.match(word)) and "-" not in word and lowered.endswith("ed"))


def _date_phrase_spans(sentence: str, date_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each date span widened over its preposition, joined with neighbouring dates ("in 2022 and 2023")."""
    widened = []
    for start, end in sorted(date_spans):
        match = _PREPOSITIONS_BEFORE.search(sentence[max(0, start - 40):start])
        while match:
            start = max(0, start - 40) + match.start(1)
            match = _PREPOSITIONS_BEFORE.search(sentence[max(0, start - 40):start])
        widened.append([start, end])
    joined: list[list[int]] = []
    for span in widened:
        if joined and re.fullmatch(r"\s*(?:,|and|or|,\s*and|to|–|-|/)?\s*", sentence[joined[-1][1]:span[0]], re.I):
            joined[-1][1] = max(joined[-1][1], span[1])
        else:
            joined.append(span)
    return [(start, end) for start, end in joined]


def _remove_spans(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return text


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.;:!?’'])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"\(\s*\)", "", text)
    return text.strip(" ,;:.!?-–—\"“”‘’'")


def _modifier_phrase(sentence: str, start: int, end: int) -> tuple[str, str] | None:
    """The noun phrase a date modifies ("its 2007 invitation to join X"), or None when the date is adverbial."""
    before_words = list(re.finditer(r"[\w'’\-]+", sentence[:start]))
    after = sentence[end:]
    if not re.match(r"\s+[\w\-]", after) or not before_words:
        return None
    lead = 0
    while lead < min(2, len(before_words) - 1) and not re.search(r"['’]s$", before_words[-1 - lead].group(0)) \
            and ("-" in before_words[-1 - lead].group(0) or before_words[-1 - lead].group(0)[:1].isupper()):
        lead += 1
    determiner = before_words[-1 - lead]
    word = determiner.group(0)
    if not re.fullmatch(r"[\s\w'’\-]*", sentence[determiner.end():start]) or not (word.lower() in DETERMINERS or re.search(r"['’]s$", word)):
        return None
    if word.lower() == "last":
        return None
    phrase_start = determiner.start()
    owner = ""
    if re.search(r"['’]s$", word):   # walk back over a capitalised possessor: "Iran's Foreign Ministry's"
        index = len(before_words) - 1 - lead
        while index > 0 and before_words[index - 1].group(0)[:1].isupper() and \
                not sentence[before_words[index - 1].end():before_words[index].start()].strip():
            index -= 1
        phrase_start = before_words[index].start()
    elif word.lower() in POSSESSIVE_PRONOUNS:
        names = re.findall(r"(?:[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)", sentence[:determiner.start()])
        names = [name for name in names if name.split()[0].lower() not in SUBORDINATORS + DISCOURSE_OPENERS]
        owner = f"{names[-1]}’s " if names else ""
        phrase_start = determiner.end()
    words_after = list(re.finditer(r"[\w'’\-]+|[,;:()“”\"–—]", after))
    phrase_end = end
    after_that = False
    for index, match in enumerate(words_after):
        token = match.group(0)
        if token in ",;:()“”\"–—" or not token.strip("-"):   # a spaced " - " or " -- " is a dash, not a hyphen
            break
        if token.lower() == "that" and index > 0:
            after_that = True
        if index > 0 and not after_that and (_is_verb_like(token) or token.lower() in SUBORDINATORS + RELATIVE_WORDS):
            break
        phrase_end = end + match.end()
    if phrase_end == end:
        return None
    head = sentence[phrase_start:start] + sentence[end:phrase_end]
    if word.lower() in ("the", "a", "an", "this", "that", "these", "those") and lead == 0:
        head = sentence[determiner.end():start] + sentence[end:phrase_end]
    elif word.lower() in ("the", "a", "an") and lead:
        head = sentence[determiner.end():start] + sentence[end:phrase_end]
    return owner + _tidy(head), f"noun phrase the date modifies ({sentence[determiner.start():phrase_end]!r})"


def _pieces(text: str, missing_stops: list[int]) -> list[tuple[int, int]]:
    """[start, end) of the pieces between strong breaks and at `missing_stops` (a space where a full stop was lost)."""
    breaks = sorted([(match.start(), match.end()) for match in _STRONG_BREAK.finditer(text)]
                    + [(stop, stop + 1) for stop in missing_stops])
    cuts = [0]
    for start, end in breaks:
        if start >= cuts[-1]:
            cuts.extend([start, end])
    cuts.append(len(text))
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2) if cuts[i + 1] > cuts[i]]


def _subordinate_spans(piece: str, date_phrases: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Subordinate clauses of one piece: a fronted one runs to its comma, a later one to the end of the piece."""
    spans = []
    for match in _SUBORDINATOR.finditer(piece):
        start = match.start(1)
        if any(a <= start < b for a, b in date_phrases):
            continue   # "since 2022": the word belongs to a date phrase
        if start > 0 and match.group(1)[0].isupper() and piece[:start].strip():
            continue
        fronted = not piece[:start].strip(" ,")
        if fronted:
            comma = piece.find(",", match.end())
            end = comma if comma > 0 else len(piece)
        else:
            end = len(piece)
        spans.append((start, end, match.group(1).lower()))
    match = _FRONTED_SUBORDINATOR.match(piece)
    if match and not any(a <= match.start(1) < b for a, b in date_phrases):
        comma = piece.find(",", match.end())
        if comma > 0:
            spans.append((match.start(1), comma, match.group(1).lower()))
    for match in _RELATIVE.finditer(piece):
        comma = piece.find(",", match.end())
        spans.append((match.start(), comma if comma > 0 else len(piece), match.group(1)))
    return spans


def _strip_attributions(clause: str, keep: tuple[int, int] | None) -> tuple[str, list[str]]:
    removed = []
    for name, pattern in _ATTRIBUTION_PATTERNS:
        match = pattern.search(clause)
        if not match or not match.group(0).strip(" ,."):
            continue
        if keep and match.start() <= keep[0] < match.end():
            continue   # the date belongs to the saying: "X said in 2019 that ..." is the event
        rest = clause[:match.start()] + " " + clause[match.end():]
        if len(rest.split()) < 3:
            continue
        removed.append(f"attribution {match.group(0).strip()!r}")
        clause = clause[:match.start()] + (", " if name == "according to" and clause[:match.start()].strip() else " ") \
            + clause[match.end():]
    return clause, removed


def _strip_openers(clause: str) -> tuple[str, list[str]]:
    removed = []
    changed = True
    while changed:
        changed = False
        match = _OPENER.match(clause)
        if match and clause[match.end():].strip():
            removed.append(f"opener {match.group(0).strip()!r}")
            clause = clause[match.end():]
            changed = True
    first_comma = clause.find(",")
    opening = clause[:first_comma] if first_comma > 0 else ""
    if opening and len(opening.split()) <= 3 and re.fullmatch(r"\s*(?:\w+ly|\w+ or not|\w+ly \w+)\s*", opening) and \
            not any(_is_verb_like(word) for word in opening.split()):
        removed.append(f"opener {opening.strip()!r}")
        clause = clause[first_comma + 1:]
    return clause, removed


def _headline_style(clause: str) -> str:
    clause = re.sub(r"\([^()]*\)", " ", clause)
    clause = re.sub(r",\s*however\s*,?", " ", clause, flags=re.I)
    clause = _HEDGE.sub("", clause)
    clause = _AUXILIARY_BEFORE_PARTICIPLE.sub("", clause)
    clause = DISCOURSE_INSERTS.sub(" ", clause)
    clause = re.sub(r"\b[a-z]+ly\s+(?=[a-z]+(?:ed|en|wn)\b)", "", clause)
    clause = re.sub(r"^(?:the|a|an)\s+", "", clause.strip(), flags=re.I)
    clause = re.sub(r"^([A-Z][\w’'\- ]{0,40}),\s+([a-z]+(?:ed|en|wn)\b)", r"\1 \2", clause)
    return clause


def _drop_appositive(clause: str) -> str:
    """'Nikolai Patrushev, the head of X, said' -> 'Nikolai Patrushev said' (not in lists: 'A, the B, and C')."""
    pieces = clause.split(",")
    if len(pieces) < 3 or any(re.match(r"\s*(?:and|or)\b", piece) for piece in pieces[1:]):
        return clause
    for index in range(1, len(pieces) - 1):
        if re.match(r"\s*(?:the|a|an)\s", pieces[index]) and re.fullmatch(r"\s*(?:[A-Z][\w.'’\-]*\s*){1,4}",
                                                                           pieces[index - 1]):
            return ",".join(pieces[:index]) + pieces[index + 1] + ("," if index + 2 < len(pieces) else "") + \
                ",".join(pieces[index + 2:])
    return clause


def _subject_of(text: str) -> str:
    """The words of `text` up to its first verb-like word: 'the strategic agreement between Iran and Russia'."""
    words = []
    for word in text.split():
        if _is_verb_like(word.strip(",")) or word.strip(",").lower() in SUBORDINATORS + RELATIVE_WORDS:
            break
        words.append(word)
        if word.endswith(","):
            break
    return " ".join(words).strip(" ,")


def _antecedent_of(text: str, pronoun: str, clause: str) -> str:
    """What the relative pronoun `pronoun` after `text` refers to, as the subject of its `clause` ('' when it is not
    the clause's subject): a verbless noun phrase whole ("the embargo on arms to Iran, which ..."), the subject of
    "X is a band from Y, who ...", else the last noun phrase after the verb or preposition ("... against the H1N1
    virus, which"); "whose" makes it a possessive; "where", and "which it set", name no subject.

    >>> _antecedent_of("the embargo on arms to Iran", "which", "expired")
    'the embargo on arms to Iran'
    >>> _antecedent_of("GSK is also developing a vaccine against the H1N1 virus", "which", "has killed 306")
    'the H1N1 virus'
    >>> _antecedent_of("The Horrors are a band from Southend", "who", "formed"), _antecedent_of("It is a tribute to Jackson", "who", "died")
    ('The Horrors', 'Jackson')
    >>> _antecedent_of("the young woman", "whose", "health is stable"), _antecedent_of("the H1N1 flu", "which", "it set")
    ('the young woman’s', '')
    """
    next_word = (clause.split() or [""])[0].lower()
    if pronoun == "where" or (pronoun != "whose" and next_word in OBJECT_RELATIVE_STARTS):
        return ""
    words = text.split()
    verbs = [index for index, word in enumerate(words) if _is_verb_like(word.strip(",")) or
             word.lower() in IRREGULAR_PARTICIPLES or word.lower() in SAYING_VERBS or (re.fullmatch(r"[a-z]+ing", word.strip(","))
                                                       and AUXILIARIES & {w.lower() for w in words[max(0, index - 2):index]})]
    subject = " ".join(words[:verbs[0]]) if verbs else ""
    if not verbs or (len(verbs) == 1 and words[verbs[0]].lower() in COPULAS and subject.lower() not in PRONOUNS):
        found = _subject_of(text)
    else:
        tail: list[str] = []
        for word in reversed(words[verbs[-1] + 1:]):
            if word.strip(",") in CUT_BEFORE_WORDS:   # lower case: "Song Of Songs" is a name
                break
            tail.insert(0, word)
        found = " ".join(tail).strip(" ,")
    if not found or _ONLY_A_DATE.fullmatch(found):   # "who died on 21 May 1952, who was married": no subject
        return ""
    return found + "’s" if pronoun == "whose" else found


def _missing_stops(sentence: str) -> list[int]:
    """Spaces where a headline or caption lost its full stop: a sentence opener after a lower-case content word.

    >>> _missing_stops("Becoming friends When he died"), _missing_stops("rehearsing for his This Is It tour")
    ([16], [])
    """
    stops = []
    for match in _MISSING_STOP.finditer(sentence):
        previous = sentence[:match.start()].split()[-1]
        if (previous[:1].islower() or previous[:1].isdigit() or previous[-1:] in ")]") \
                and previous.lower() not in FUNCTION_WORDS:
            stops.append(match.start())
    return stops


_ONLY_A_DATE = re.compile(r"(?:\d[\d,./-]*|January|February|March|April|May|June|July|August|September|October|"
                          r"November|December|\s)+")


_ELIDED_NOUN = re.compile(r"^\s*(?:the\s+)?(?P<quantity>(?:(?:last|first|other|remaining|final)\s+)*"
                          r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+))\s+(?=(?:were|are|had|have|was)\b)",
                          re.I)
_PLURAL_PHRASE = re.compile(r"(?P<phrase>(?:[A-Z][\w\-]*['’]s\s+)?(?:[\w\-]+\s+){0,4}?[A-Za-z\-]+s)\W*$")


def _restore_elided_noun(clause: str, before: str, steps: list[str]) -> str:
    """'the last remaining three were destroyed' -> 'last remaining three of Iran's S-300 batteries were destroyed'."""
    quantity = _ELIDED_NOUN.match(clause)
    if not quantity:
        return clause
    words = before.split()
    while words and words[-1].lower() in SUBORDINATORS + ("and", "but"):
        words.pop()
    tail = " ".join(words[-6:])
    possessed = re.search(r"[A-Z][\w\-]*['’]s\s+.*$", tail)
    phrase = possessed.group(0) if possessed else (_PLURAL_PHRASE.search(tail) or {"phrase": ""})["phrase"]
    if not phrase:
        return clause
    steps.append(f"elided noun restored from {phrase!r}")
    return f"{quantity['quantity']} of {phrase.strip()} " + clause[quantity.end():]


def _drop_phrase_before_final_verb(text: str, limit: int) -> tuple[str, str] | None:
    """A clause that ends on its verb ("the embargo on arms shipments to Iran expired") keeps the verb:
    the short phrase naming a place or party just before it ("to Iran") is dropped instead, when the
    verb is the clause's only verb and that makes the text fit; None otherwise."""
    words = text.split()
    if len(words) < 4 or not _is_verb_like(words[-1].strip(",.")) or words[-1].lower() in AUXILIARIES \
            or not words[-2][:1].isupper():   # the phrase before the verb ends on a name: "... to Iran expired"
        return None
    for index in range(len(words) - 2, max(1, len(words) - 2 - MAX_DROPPED_WORDS), -1):
        if words[index].lower() in CUT_BEFORE_WORDS:
            subject = words[:index]
            if any(_is_verb_like(word.strip(",.")) or word.lower() in IRREGULAR_PARTICIPLES for word in subject):
                return None   # the final word is not the clause's only verb
            shortened = " ".join(subject + words[-1:])
            return (shortened, f"dropped '{' '.join(words[index:-1])}' to keep the verb") if len(shortened) <= limit else None
    return None


def trim_label(text: str, limit: int = MAX_LABEL_CHARS) -> tuple[str, str]:
    """`text` cut to at most `limit` characters before a preposition or conjunction, never mid-word.

    A clause that ends on its verb drops the prepositional phrase before the verb instead, so the
    label still says what happened.

    >>> trim_label("Iran accused Russia of providing the codes for Syria's anti-aircraft missiles to Israel")
    ('Iran accused Russia of providing the codes', "cut before 'for'")
    >>> trim_label("UN Security Council embargo on conventional arms shipments to Iran expired")
    ('UN Security Council embargo on conventional arms shipments expired', "dropped 'to Iran' to keep the verb")
    """
    text = text.strip()
    if len(text) <= limit:
        return text, ""
    kept_verb = _drop_phrase_before_final_verb(text, limit)
    if kept_verb:
        return kept_verb
    words = list(re.finditer(r"\S+", text))
    best, best_rank = None, (-1, -1)
    for index, match in enumerate(words[1:], start=1):
        if match.start() - 1 > limit:
            break
        previous = words[index - 1].group(0)
        inside_name = previous[:1].isupper() and match.group(0)[:1].isupper() and not previous.endswith(",")
        if match.group(0).lower() == "than" and previous.lower() in COMPARATIVES:
            continue   # "more than 100,000 people" stays whole
        infinitive_end = index >= 2 and words[index - 2].group(0).lower() == "to" and previous[:1].islower()
        if (match.group(0).lower().strip(",") in CUT_BEFORE_WORDS or previous.endswith(",")) and index >= 3 \
                and not inside_name and not infinitive_end:
            rank = (2 if previous.endswith(",") and match.start() >= limit // 2 else 1, match.start())
            if rank > best_rank:
                best, best_rank = (match.start(), match.group(0)), rank
    if best is None:
        cut = text.rfind(" ", 0, limit + 1)
        while cut > 0 and text[cut + 1:cut + 2].isupper() and text[:cut].split()[-1][:1].isupper() \
                and text.rfind(" ", 0, cut) > 0:
            cut = text.rfind(" ", 0, cut)   # never cut inside a name
        if cut <= 0:   # one word longer than the limit: kept whole, never cut inside
            return text.split()[0], "first word only"
        trimmed, reason = text[:cut], "cut at a word boundary"
    else:
        trimmed, reason = text[:best[0]], f"cut before {best[1].strip(',')!r}"
    words_left = trimmed.split()
    while len(words_left) > MIN_LABEL_WORDS and words_left[-1].lower().strip(",") in DANGLING_WORDS:
        words_left.pop()
    return " ".join(words_left).strip(" ,;:"), reason


def _without_clause_end_words(text: str) -> str:
    """`text` without trailing articles and conjunctions: a clause may end on a particle ("boxed in"), never on "and".

    >>> _without_clause_end_words("Sarah Palin’s Pie-baking instruction and")
    'Sarah Palin’s Pie-baking instruction'
    """
    words = text.split()
    while len(words) > MIN_LABEL_WORDS and words[-1].lower().strip(",") in CLAUSE_END_WORDS:
        words.pop()
    return " ".join(words).strip(" ,")


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def derive_label(sentence: str, date_spans: list[tuple[int, int]], own: int = 0) -> Label:
    """The headline for the event of `date_spans[own]` in `sentence` (spans relative to the sentence).

    When the clause of the date is nothing but the date ("On Wednesday, when the WHO raised the
    threat level to five - ..."), the subordinate clause it introduces is the label.

    >>> derive_label("On Wednesday, when the WHO raised the threat level to five - one short of a pandemic.", [(3, 12)]).text
    'WHO raised the threat level to five'
    """
    sentence = _THOUSANDS_COMMA.sub(_THOUSANDS_MASK, sentence)   # same length: the spans still hold
    label = _derive_label(sentence, date_spans, own, keep_subordinates=False)
    if len(label.text.split()) < MIN_LABEL_WORDS and "dropped clause" in label.basis:
        kept = _derive_label(sentence, date_spans, own, keep_subordinates=True)
        if len(kept.text.split()) >= MIN_LABEL_WORDS:
            label = Label(kept.text, kept.basis + "; the date's own clause was empty: subordinate clauses kept",
                          kept.names_happening)
    return Label(label.text.replace(_THOUSANDS_MASK, ","), label.basis.replace(_THOUSANDS_MASK, ","),
                 label.names_happening)


def _derive_label(sentence: str, date_spans: list[tuple[int, int]], own: int, keep_subordinates: bool) -> Label:
    own_start, own_end = date_spans[own]
    steps: list[str] = []
    missing_stops = _missing_stops(sentence)   # before quotes and brackets go
    sentence = re.sub(r"[“”\"]", " ", sentence)
    sentence = re.sub(r"\([^()]*\)", lambda m: m.group(0) if m.start() <= own_start < m.end() else " " * len(m.group(0)),
                      sentence)
    possessives = [(start, end) for start, end in date_spans if re.match(r"['’]s\b", sentence[end:])]
    for start, end in possessives:   # "survivors of Tuesday's earthquake": "survivors of the earthquake"
        sentence = sentence[:start] + "the".ljust(end - start + 2) + sentence[end + 2:]
    modifier = _modifier_phrase(sentence, own_start, own_end)
    if modifier and len(modifier[0].split()) >= MIN_LABEL_WORDS:
        text, basis = modifier
        trimmed, reason = trim_label(_without_clause_end_words(_headline_style(text)))   # "... instruction and"
        return Label(_capitalised(trimmed), "; ".join(filter(None, [basis, "date removed", reason])), True)
    phrases = _date_phrase_spans(sentence, [span for span in date_spans if span not in possessives])
    own_phrase = next(((a, b) for a, b in phrases if a <= own_start < b), (own_start, own_end))
    piece_start, piece_end = next(((a, b) for a, b in _pieces(sentence, missing_stops) if a <= own_start < b), (0, len(sentence)))
    piece = sentence[piece_start:piece_end]
    local_phrases = [(a - piece_start, b - piece_start) for a, b in phrases if piece_start <= a < piece_end]
    if not _tidy(_remove_spans(piece, local_phrases)):
        piece_start, piece = 0, re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), sentence)
        local_phrases = [(a, b) for a, b in phrases]
        steps.append("the date stands alone in parentheses: whole sentence")
    own_local = (own_phrase[0] - piece_start, own_phrase[1] - piece_start)
    clause_start, clause_end = 0, len(piece)
    dropped: list[tuple[int, int]] = []
    subject_prefix = ""
    innermost_first = _subordinate_spans(piece, local_phrases)   # "following X, where"
    for start, end, word in innermost_first:
        if start <= own_local[0] < end:
            skip = len(word) + (piece[start:start + 1] == ",") + (1 if word in RELATIVE_WORDS else 0)
            clause_start, clause_end = start + skip, end
            if word in RELATIVE_WORDS:
                undated = _remove_spans(piece, local_phrases)[clause_start:clause_end]   # "which this week is"
                subject_prefix = _antecedent_of(piece[:start].split(",")[-1], word, undated)
            steps.append(f"subordinate clause '{word} ...'")
            break
    else:
        for start, end, word in ([] if keep_subordinates else _subordinate_spans(piece, local_phrases)):
            dropped.append((start, end))
            steps.append(f"dropped clause '{word} ...'")
    clause_dates = [(a - clause_start, b - clause_start) for a, b in local_phrases if clause_start <= a < clause_end]
    clause = piece[clause_start:clause_end]
    drop_local = [(max(a, clause_start) - clause_start, min(b, clause_end) - clause_start) for a, b in dropped
                  if a < clause_end and b > clause_start]
    keep = (own_local[0] - clause_start, own_local[1] - clause_start)
    clause = _remove_spans(clause, clause_dates + drop_local)
    steps.append("date phrase removed")
    clause, removed = _strip_openers(clause)
    steps.extend(removed)
    clause, removed = _strip_attributions(clause, None if keep[0] < 0 or removed else keep)
    steps.extend(removed)
    clause, removed = _strip_openers(clause)
    steps.extend(removed)
    clause = _drop_appositive(_tidy(clause))
    if keep_subordinates:
        clause = _SUBORDINATOR.sub("", clause.lstrip(" ,"), count=1).lstrip(" ,") if _SUBORDINATOR.match(
            clause.lstrip(" ,")) else clause
    pieces = [p.strip() for p in clause.split(",")]
    first_word = pieces[0].split()[0] if pieces[0].split() else ""
    if first_word.lower().endswith("ly") and len(pieces[0].split()) > 1:
        first_word = pieces[0].split()[1]
    if _PARTICIPLE.match(first_word) and first_word.lower() not in AUXILIARIES:
        if len(pieces) > 1 and clause_start == 0:       # "Formally signed in January, the agreement ..."
            subject = _subject_of(", ".join(pieces[1:]))
            if subject:
                clause = f"{subject} {pieces[0][:1].lower()}{pieces[0][1:]}"
                steps.append("subject taken from the main clause")
        elif piece_start == 0 and clause_start == 0 or subject_prefix:
            pass
        else:
            before = sentence[:piece_start + clause_start].rstrip(" ,")
            subject = re.sub(rf"\s*\b(?:{_alternation(RELATIVE_WORDS)})$", "", before.split(",")[-1].strip())
            if subject and len(subject.split()) <= 6:
                clause = f"{subject} {clause}"
                steps.append("subject taken from the piece before")
    elif first_word and not subject_prefix and piece_start + clause_start > 0:
        previous = sentence[:piece_start + clause_start].rstrip()
        if previous.endswith(",") and _PARTICIPLE.match(first_word or ""):
            pass
    if subject_prefix:
        clause = f"{subject_prefix} {clause}"
        steps.append("subject taken from before the relative clause")
    if first_word and _PARTICIPLE.match(first_word) and clause_start == 0 and piece_start > 0 \
            and "subject" not in " ".join(steps):
        subject = _tidy(sentence[:piece_start]).split(",")[-1].strip()
        if subject and len(subject.split()) <= 6:
            clause = f"{subject} {clause}"
            steps.append("subject taken from the piece before")
    clause = _restore_elided_noun(clause, sentence[:piece_start + clause_start], steps)
    clause = _tidy(_headline_style(_tidy(clause)))
    clause = re.sub(r"^(?:and|but|or|that|then)\s+", "", clause, flags=re.I)
    trimmed, reason = trim_label(_without_clause_end_words(clause))
    if reason:
        steps.append(reason)
    return Label(_capitalised(trimmed), "clause carrying the date; " + "; ".join(steps))
