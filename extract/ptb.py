"""Undo Penn-Treebank tokenisation, so tokenised corpora read as normal text.

Research corpora (Timeline17, many TDT/DUC sets) store articles one sentence per line with
every token separated by spaces and brackets and quotes escaped: `-LRB-`, ` , `, `` `` ``
and `''`, ` 's`, ` n't`, `\\/`. The temporal tagger and the reader expect normal text, so
a document that looks tokenised is detokenised line by line when it is read (nltk's
Treebank detokeniser, after the bracket and escape tokens are mapped back).

>>> detokenise_ptb("Obama ca n't go -LRB- he said -RRB- , `` now '' .")
'Obama can\\'t go (he said), "now".'
"""
from __future__ import annotations

import re
from functools import lru_cache

# Escaped tokens of the Penn Treebank and what they stand for.
BRACKET_TOKENS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
ESCAPED_CHARACTERS = {"\\/": "/", "\\*": "*"}

# Marks of tokenised text: punctuation or a clitic standing alone between spaces, or an escaped token.
_TOKENISED_MARK = re.compile(r"(?:(?<= )[,.;:?!%](?= |$)|(?<= )(?:'s|n't|'re|'ll|'ve|'m|'d)(?= |$)"
                             r"|-[LR][RSC]B-|``|(?<= )''(?= |$)|\\[/*])", re.M)
# The same marks attached to a word, as normal text writes them.
_ATTACHED_MARK = re.compile(r"(?:\w[,;:?!](?= |$)|\w(?:'s|n't)\b|\w\.(?= *$))", re.M)
MIN_TOKENISED_MARKS = 2
TOKENISED_RATIO = 4   # tokenised marks must outnumber attached ones this many times

# nltk's TreebankWordDetokenizer (nltk 3.10), applied to a whole document at once instead of line
# by line through nltk's timeout wrapper (which was half of the extraction time of a tokenised
# corpus). Every line is padded with one space as nltk pads a sentence; nltk's `\s` becomes a
# space (inside a line tokens are separated by single spaces) and its negated classes exclude the
# line break, so no rule reaches across lines. Rules are nltk's, in nltk's order; three are
# rewritten to start with a literal (same matches, faster search). tests/test_ptb.py checks that
# the text equals nltk's on every Timeline17-dev article.
_CONTRACTIONS = ("'t is", "'t was", "can not", "d 'ye", "gim me", "gon na", "got ta", "lem me", "more 'n", "wan na")
_CONTRACTION = re.compile(r" 't (?:is|was)\b|\b(?:can not|d 'ye|gim me|gon na|got ta|lem me|more 'n)\b"
                          r"|\bwan na(?= )", re.I)   # each match loses its spaces: "can not" -> "cannot"


def _compiled(rules: list[tuple[str, str]]) -> list[tuple[re.Pattern, str]]:
    """Rules as compiled multi-line patterns with their replacements."""
    return [(re.compile(pattern, re.M), replacement) for pattern, replacement in rules]


_ENDING_QUOTE_RULES = _compiled([
    (r"([^' \n]) ('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", r"\1\2 "),
    (r" '(?<=[^' \n] ')([sSmMdD]?) ", r"'\1 "),                  # nltk: ([^' ])\s('[sS]|'[mM]|'[dD]|')\s
    (r"([^'\s]) ('')", r"\1\2"),
    (r"([,.;:!?']) +(\"|'')", r"\1\2"),
    (r"('') ([.,:)\]>};%])", r"\1\2"),
    (r"''", '"'),
    (r'([,.;:!?])"(\')', r"\1\2" '"'),
])
_PADDING_RULES = _compiled([
    (r" -- ", r"--"),                                             # double dashes
    (r"([\[\(\{\<]) ", r"\1"),                                    # brackets
    (r" ([\]\)\}\>])", r"\1"),
    (r"([\]\)\}\>]) ([:;,.])", r"\1\2"),
    (r" ' (?<=[^'\n] ' )", r"' "),                                # punctuation; nltk: ([^'])\s'\s
    (r" ([?!])", r"\1"),
    (r"([^\.\n]) (\.)(?!\.)([\]\)}>\"']*)", r"\1\2\3"),
    (r"([#$]) ", r"\1"),
    (r" ([;%])", r"\1"),
    (r" \.\.\. ", r"..."),
    (r" ([:,])", r"\1"),
    (r"([ (\[{<]) ``", r"\1``"),                                  # starting quotes
    (r"(``) ", r"\1"),
    (r"``", '"'),
])


def _strip_lines(document: str) -> str:
    """Each line without its leading and trailing spaces."""
    return "\n".join(line.strip(" ") for line in document.split("\n"))


def _detokenise_padded(document: str) -> str:
    """nltk's detokenising rules, in nltk's order, over a document of padded token lines."""
    lowered = document.lower()
    if any(contraction in lowered for contraction in _CONTRACTIONS):
        document = _CONTRACTION.sub(lambda match: match.group(0).replace(" ", ""), document)
    for pattern, replacement in _ENDING_QUOTE_RULES:
        document = pattern.sub(replacement, document)
    document = _strip_lines(document)
    for pattern, replacement in _PADDING_RULES:
        document = pattern.sub(replacement, document)
    return _strip_lines(document)


def looks_ptb_tokenised(text: str) -> bool:
    """True when the text is Penn-Treebank tokenised (detached punctuation and clitics dominate).

    >>> looks_ptb_tokenised("Tests confirm the first case , officials say . It 's `` probable '' .")
    True
    >>> looks_ptb_tokenised("Tests confirm the first case, officials say. It's 1 , 2 or 3.")
    False
    """
    tokenised = len(_TOKENISED_MARK.findall(text))
    return tokenised >= MIN_TOKENISED_MARKS and tokenised > TOKENISED_RATIO * len(_ATTACHED_MARK.findall(text))


def detokenise_ptb_line(line: str) -> str:
    """One tokenised line back to normal text (leading and trailing spaces dropped).

    >>> detokenise_ptb_line("June 3rd\\\\/4th , the U.S. 's biggest -LSB- sic -RSB- day . ")
    "June 3rd/4th, the U.S.'s biggest [sic] day."
    """
    return detokenise_ptb(line.replace("\n", " "))


def detokenise_ptb(text: str) -> str:
    """Tokenised text back to normal text, line by line (the line structure is kept).

    >>> detokenise_ptb("A case is confirmed . \\nIt 's the first .")
    "A case is confirmed.\\nIt's the first."
    """
    lines = []
    for line in text.split("\n"):
        tokens = [BRACKET_TOKENS.get(token, token) for token in line.split()]
        for escaped, character in ESCAPED_CHARACTERS.items():
            tokens = [token.replace(escaped, character) for token in tokens]
        lines.append(" " + " ".join(tokens) + " ")
    return _detokenise_padded("\n".join(lines))


def normalise_if_tokenised(text: str) -> str:
    """The text detokenised when it looks Penn-Treebank tokenised, else unchanged.

    >>> normalise_if_tokenised("He said , `` yes '' . It 's over .")
    'He said, "yes". It\\'s over.'
    >>> normalise_if_tokenised("He said, \\"yes\\".")
    'He said, "yes".'
    """
    return detokenise_ptb(text) if looks_ptb_tokenised(text) else text


@lru_cache(maxsize=1)
def _tokeniser():
    """nltk's Treebank tokeniser, imported on first use: importing nltk takes ~1.5 s, and reading never needs it."""
    from nltk.tokenize.treebank import TreebankWordTokenizer

    return TreebankWordTokenizer()


_BRACKET_TOKEN_OF = {character: token for token, character in BRACKET_TOKENS.items()}


def tokenise_ptb(sentence: str) -> str:
    """Normal text Penn-Treebank tokenised, tokens separated by spaces (to score against tokenised references).

    >>> tokenise_ptb('Officials can\\'t say (yet) how many died, "now".')
    "Officials ca n't say -LRB- yet -RRB- how many died , `` now '' ."
    """
    tokens = _tokeniser().tokenize(sentence)
    return " ".join(_BRACKET_TOKEN_OF.get(token, token) for token in tokens)
