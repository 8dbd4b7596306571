"""Which sentences of a post spaCy's NER could find a name or a place in, from the tokens.

NER is most of hipaalint's time, and about 40 % of the words of posts are in sentences
where it could label no person or place: every capitalised word opens the sentence and is
an English word but no name ("Proud of our team. We love you all!"), or is "I" or a short
acronym ("ER", "ICU"); no word is a name and no title announces one ("miss pearl"). NER
reads only the other sentences, with a little context around them (a post with none skips
it). hipaalint's findings are the same as with NER reading the whole post, measured on
the corpus (``benchmarks/README.md``), though a single detection may differ where NER,
reading a sentence alone, labels a word otherwise.
"""

from __future__ import annotations

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


def _name_like(word: str) -> bool:
    """A casefolded word that is a first name or surname and no English word ("maria")."""
    return len(word) > 2 and is_person_name(word) and not is_english_word(word)


def _sentences(doc: Doc) -> list[tuple[int, int, bool, bool]]:
    """(start, end, has a word NER could label, has a word at all) for each sentence."""
    sentences = []
    sentence_start, needed, opens_sentence, has_word = 0, False, True, False
    for token in doc:
        text = token.text
        has_word = has_word or token.is_alpha or token.like_num
        if not needed:  # (once a sentence needs NER, only its end matters)
            folded = text.casefold()
            needed = (token.is_alpha and _name_like(folded)) or folded.rstrip(".") in HONORIFICS
            if not needed and text.lower() != text:  # a capital letter
                needed = not (
                    text in _PRONOUN_I
                    or (text.isupper() and text.isalpha() and len(text) <= 4)
                    or (opens_sentence and is_english_word(folded) and not is_person_name(folded))
                )
            # whitespace, emoji and sentence punctuation let the next word open a sentence
            opens_sentence = token.is_space or text in _SENTENCE_BREAKS or not (token.is_punct or _HAS_ALNUM.search(text))
        if text in _SENTENCE_ENDS or (token.is_space and "\n" in text) or token.i == len(doc) - 1:
            sentences.append((sentence_start, token.i + 1, needed, has_word))
            sentence_start, needed, opens_sentence, has_word = token.i + 1, False, True, False
    return sentences


def ner_ranges(doc: Doc) -> list[tuple[int, int]]:
    """The token ranges (start, end) NER reads: each sentence with a word it could label a
    person or place, with the emoji after it, and with its neighbours until it has
    ``CONTEXT_TOKENS`` tokens (alone, "Declan, RT" reads as a place); empty when there is none."""
    sentences = _sentences(doc)
    ranges: list[tuple[int, int]] = []
    for i, (_, _, needed, _) in enumerate(sentences):
        if not needed:
            continue
        first = last = i
        while last + 1 < len(sentences) and not sentences[last + 1][3]:
            last += 1
        while first > 0 and sentences[last][1] - sentences[first][0] < CONTEXT_TOKENS:
            first -= 1
        while last + 1 < len(sentences) and sentences[last][1] - sentences[first][0] < CONTEXT_TOKENS:
            last += 1
        start, end = sentences[first][0], sentences[last][1]
        if ranges and ranges[-1][1] >= start:
            ranges[-1] = (ranges[-1][0], max(end, ranges[-1][1]))
        else:
            ranges.append((start, end))
    return ranges
