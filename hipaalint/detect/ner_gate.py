"""Which tokens of a post spaCy's NER needs to read to find its names and places.

NER is most of hipaalint's time, and most words of a post are far from any word it could
label a person or place. Such a word is a first name or surname ("maria"), a title that
announces one ("miss pearl"), or a capitalised word, unless it just opens a sentence as an
English word that is no name ("Proud of our team."), or is "I", a short acronym ("ER",
"ICU"), a weekday or a month. NER reads only a few tokens around each such word (a post with none skips it).
hipaalint's findings are the same as with NER reading the whole post, measured on the
corpus (``benchmarks/README.md``), though a single detection may differ where NER,
reading a window alone, labels a word otherwise.
"""

from __future__ import annotations

import regex
from spacy.tokens import Doc

from hipaalint.detect.lexicons import HONORIFICS, is_english_word, is_person_name

# Capitalised tokens that never make NER worth running.
_PRONOUN_I = frozenset({"I", "I'm", "I’m", "I've", "I’ve", "I'll", "I’ll", "I'd", "I’d"})
# Weekdays and months name no person or place ("see you Friday", "in March"), unless they
# are names too ("April", "June": ``is_person_name``).
_CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays "
    "saturdays sundays mon tue tues wed thu thur thurs fri sat sun january february march july september "
    "october november december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# A token after one of these starts a sentence (or a line, a quote, a bracket).
_SENTENCE_BREAKS = frozenset({".", "!", "?", "…", "...", ":", ";", "-", "—", "–", '"', "“", "(", "["})
_HAS_ALNUM = regex.compile(r"[^\W_]")
# NER reads this many tokens on each side of each word that may be a name. spaCy's NER
# sees a token through 4 tokens either side of it (its CNN's depth) and decides where an
# entity starts from the token before it too: 5 tokens give a name nearly all the context it
# has in the whole post.
WINDOW_TOKENS = 5


def _name_like(word: str) -> bool:
    """A casefolded word that is a first name or surname and no English word ("maria")."""
    return len(word) > 2 and is_person_name(word) and not is_english_word(word)


def _may_be_a_name(text: str, is_alpha: bool, opens_sentence: bool) -> bool:
    """A token NER could label a person or place (or that announces one: a title)."""
    folded = text.casefold()
    undotted = folded.rstrip(".")  # "Mrs.", "Sept."
    if (is_alpha and _name_like(folded)) or undotted in HONORIFICS:
        return True
    if text.lower() == text:  # no capital letter
        return False
    if undotted in _CALENDAR_WORDS and not is_person_name(undotted):
        return False
    return not (
        text in _PRONOUN_I
        or (text.isupper() and text.isalpha() and len(text) <= 4)
        or (opens_sentence and is_english_word(folded) and not is_person_name(folded))
    )


def ner_ranges(doc: Doc) -> list[tuple[int, int]]:
    """The token ranges (start, end) NER reads: ``WINDOW_TOKENS`` tokens either side of
    each token that may be (or announce) a name or place, overlapping windows merged;
    empty when there is none."""
    ranges: list[tuple[int, int]] = []
    opens_sentence = True
    for token in doc:
        text = token.text
        if _may_be_a_name(text, token.is_alpha, opens_sentence):
            start, end = max(0, token.i - WINDOW_TOKENS), min(len(doc), token.i + WINDOW_TOKENS + 1)
            if ranges and ranges[-1][1] >= start:
                ranges[-1] = (ranges[-1][0], end)
            else:
                ranges.append((start, end))
        # whitespace, emoji and sentence punctuation let the next word open a sentence
        opens_sentence = token.is_space or text in _SENTENCE_BREAKS or not (token.is_punct or _HAS_ALNUM.search(text))
    return ranges
