"""Which tokens of a post spaCy's NER could find a name or a place among, from the tokens.

NER is most of hipaalint's time, and about 40 % of the words of posts are in sentences
where it could label no person or place: every capitalised word opens the sentence and is
an English word but no name ("Proud of our team. We love you all!"), or is "I" or a short
acronym ("ER", "ICU"); no word is a name and no title announces one ("miss pearl"). NER
skips those sentences, and in a long sentence it reads only a few tokens around each word
that could start or be a name ("Maria", "Mrs.", a capitalised word inside the sentence).
hipaalint's findings are the same as with NER reading the whole post, measured on the
corpus (``benchmarks/README.md``), though a single detection may differ where NER,
reading a sentence or a window alone, labels a word otherwise.
"""

from __future__ import annotations

from typing import NamedTuple

import regex
from spacy.tokens import Doc

from hipaalint.detect.lexicons import HONORIFICS, is_english_word, is_person_name

# Capitalised tokens that never make NER worth running.
_PRONOUN_I = frozenset({"I", "I'm", "I’m", "I've", "I’ve", "I'll", "I’ll", "I'd", "I’d"})
# A token after one of these starts a sentence (or a line, a quote, a bracket).
_SENTENCE_BREAKS = frozenset({".", "!", "?", "…", ":", ";", "-", "—", "–", '"', "“", "(", "["})
# A token that ends a sentence (so does a line break).
_SENTENCE_ENDS = frozenset({".", "!", "?", "…", "..."})
_HAS_ALNUM = regex.compile(r"[^\W_]")
# NER reads a short sentence together with its neighbours, up to this many tokens.
CONTEXT_TOKENS = 12
# In a longer stretch, NER reads this many tokens on each side of each word that may be
# a name. spaCy's NER sees a token through 4 tokens either side of it (its CNN's depth)
# and decides where an entity starts from the token before it too: 5 tokens give a name
# the context it has in the whole sentence.
WINDOW_TOKENS = 5


class _Sentence(NamedTuple):
    start: int
    end: int
    triggers: list[int]  # the tokens that may be (or announce) a name or place
    has_word: bool


def _name_like(word: str) -> bool:
    """A casefolded word that is a first name or surname and no English word ("maria")."""
    return len(word) > 2 and is_person_name(word) and not is_english_word(word)


def _may_be_a_name(text: str, is_alpha: bool, opens_sentence: bool) -> bool:
    """A token NER could label a person or place (or that announces one: a title)."""
    folded = text.casefold()
    if (is_alpha and _name_like(folded)) or folded.rstrip(".") in HONORIFICS:
        return True
    if text.lower() == text:  # no capital letter
        return False
    return not (
        text in _PRONOUN_I
        or (text.isupper() and text.isalpha() and len(text) <= 4)
        or (opens_sentence and is_english_word(folded) and not is_person_name(folded))
    )


def _sentences(doc: Doc) -> list[_Sentence]:
    """Each sentence, with the tokens in it that may be (or announce) a name or place."""
    sentences = []
    start, triggers, opens_sentence, has_word = 0, [], True, False
    for token in doc:
        text = token.text
        has_word = has_word or token.is_alpha or token.like_num
        if _may_be_a_name(text, token.is_alpha, opens_sentence):
            triggers.append(token.i)
        # whitespace, emoji and sentence punctuation let the next word open a sentence
        opens_sentence = token.is_space or text in _SENTENCE_BREAKS or not (token.is_punct or _HAS_ALNUM.search(text))
        if text in _SENTENCE_ENDS or (token.is_space and "\n" in text) or token.i == len(doc) - 1:
            sentences.append(_Sentence(start, token.i + 1, triggers, has_word))
            start, triggers, opens_sentence, has_word = token.i + 1, [], True, False
    return sentences


def _add(ranges: list[tuple[int, int]], start: int, end: int) -> None:
    """Append a range to sorted ``ranges``, merging it with the last one it touches."""
    if ranges and ranges[-1][1] >= start:
        ranges[-1] = (ranges[-1][0], max(end, ranges[-1][1]))
    else:
        ranges.append((start, end))


def _stretches(sentences: list[_Sentence]) -> list[tuple[int, int, list[int]]]:
    """(start, end, triggers) of each sentence with a trigger, with the emoji after it and
    with its neighbours until it has ``CONTEXT_TOKENS`` tokens (alone, "Declan, RT" reads
    as a place); overlapping stretches merged."""
    stretches: list[tuple[int, int, list[int]]] = []
    for i, sentence in enumerate(sentences):
        if not sentence.triggers:
            continue
        first = last = i
        while last + 1 < len(sentences) and not sentences[last + 1].has_word:
            last += 1
        while first > 0 and sentences[last].end - sentences[first].start < CONTEXT_TOKENS:
            first -= 1
        while last + 1 < len(sentences) and sentences[last].end - sentences[first].start < CONTEXT_TOKENS:
            last += 1
        start, end = sentences[first].start, sentences[last].end
        if stretches and stretches[-1][1] >= start:
            previous = stretches[-1]
            stretches[-1] = (previous[0], max(end, previous[1]), previous[2] + sentence.triggers)
        else:
            stretches.append((start, end, list(sentence.triggers)))
    return stretches


def ner_ranges(doc: Doc) -> list[tuple[int, int]]:
    """The token ranges (start, end) NER reads, empty when there is none: each stretch
    (see :func:`_stretches`) whole when it is short, else ``WINDOW_TOKENS`` tokens around
    each of its triggers."""
    ranges: list[tuple[int, int]] = []
    for start, end, triggers in _stretches(_sentences(doc)):
        if end - start <= 2 * WINDOW_TOKENS + 1:
            _add(ranges, start, end)
            continue
        for i in triggers:
            _add(ranges, max(start, i - WINDOW_TOKENS), min(end, i + WINDOW_TOKENS + 1))
    return ranges
