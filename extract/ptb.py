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

from nltk.tokenize.treebank import TreebankWordDetokenizer, TreebankWordTokenizer

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
_DETOKENISER = TreebankWordDetokenizer()


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
    tokens = [BRACKET_TOKENS.get(token, token) for token in line.split()]
    for escaped, character in ESCAPED_CHARACTERS.items():
        tokens = [token.replace(escaped, character) for token in tokens]
    return _DETOKENISER.detokenize(tokens)


def detokenise_ptb(text: str) -> str:
    """Tokenised text back to normal text, line by line (the line structure is kept).

    >>> detokenise_ptb("A case is confirmed . \\nIt 's the first .")
    "A case is confirmed.\\nIt's the first."
    """
    return "\n".join(detokenise_ptb_line(line) for line in text.split("\n"))


def normalise_if_tokenised(text: str) -> str:
    """The text detokenised when it looks Penn-Treebank tokenised, else unchanged.

    >>> normalise_if_tokenised("He said , `` yes '' . It 's over .")
    'He said, "yes". It\\'s over.'
    >>> normalise_if_tokenised("He said, \\"yes\\".")
    'He said, "yes".'
    """
    return detokenise_ptb(text) if looks_ptb_tokenised(text) else text


_TOKENISER = TreebankWordTokenizer()
_BRACKET_TOKEN_OF = {character: token for token, character in BRACKET_TOKENS.items()}


def tokenise_ptb(sentence: str) -> str:
    """Normal text Penn-Treebank tokenised, tokens separated by spaces (to score against tokenised references).

    >>> tokenise_ptb('Officials can\\'t say (yet) how many died, "now".')
    "Officials ca n't say -LRB- yet -RRB- how many died , `` now '' ."
    """
    tokens = _TOKENISER.tokenize(sentence)
    return " ".join(_BRACKET_TOKEN_OF.get(token, token) for token in tokens)
