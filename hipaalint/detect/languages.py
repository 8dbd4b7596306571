"""Which language a sentence or a post is mostly written in, as far as the detectors and the
rules need to know: by counting function words. The other languages' function words are
spaCy's stop words of that language (installed with spaCy, nothing downloaded) that are no
English stop word ("si", "les", "que", "und", "della", "için", "και") and no particle inside
a name or a place ("de Saint-Hyacinthe", "del Rosario", "van Dijk")."""

from __future__ import annotations

from collections.abc import Set

import regex
from spacy.lang.cs.stop_words import STOP_WORDS as CZECH_STOP_WORDS
from spacy.lang.de.stop_words import STOP_WORDS as GERMAN_STOP_WORDS
from spacy.lang.el.stop_words import STOP_WORDS as GREEK_STOP_WORDS
from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS
from spacy.lang.fr.stop_words import STOP_WORDS as FRENCH_STOP_WORDS
from spacy.lang.it.stop_words import STOP_WORDS as ITALIAN_STOP_WORDS
from spacy.lang.nl.stop_words import STOP_WORDS as DUTCH_STOP_WORDS
from spacy.lang.pl.stop_words import STOP_WORDS as POLISH_STOP_WORDS
from spacy.lang.pt.stop_words import STOP_WORDS as PORTUGUESE_STOP_WORDS
from spacy.lang.ru.stop_words import STOP_WORDS as RUSSIAN_STOP_WORDS
from spacy.lang.tl.stop_words import STOP_WORDS as TAGALOG_STOP_WORDS
from spacy.lang.tr.stop_words import STOP_WORDS as TURKISH_STOP_WORDS
from spacy.lang.uk.stop_words import STOP_WORDS as UKRAINIAN_STOP_WORDS

from hipaalint.detect.lexicons import NAME_PARTICLES
from hipaalint.detect.script_breaks import CJK_CHARACTER

# Spanish, French, Portuguese and Tagalog.
ROMANCE_AND_TAGALOG_STOP_WORDS = SPANISH_STOP_WORDS | FRENCH_STOP_WORDS | PORTUGUESE_STOP_WORDS | TAGALOG_STOP_WORDS
ROMANCE_AND_TAGALOG_FUNCTION_WORDS = ROMANCE_AND_TAGALOG_STOP_WORDS - ENGLISH_STOP_WORDS - NAME_PARTICLES
# German and Dutch.
GERMANIC_FUNCTION_WORDS = (GERMAN_STOP_WORDS | DUTCH_STOP_WORDS) - ENGLISH_STOP_WORDS - NAME_PARTICLES
# Polish, Czech, Russian and Ukrainian, without one-letter words ("w", "z": "1201 W. Business 83") and the
# short Latin words English posts use too ("ok", "pro", "email", "po", Roman numerals).
_IN_ENGLISH_POSTS_TOO = frozenset("ok email pro tel den ma mi sto ho im po co ne ti ta te iv ix vi vii viii xi xii xiii xiv xv".split())
SLAVIC_FUNCTION_WORDS = frozenset(
    w
    for w in (POLISH_STOP_WORDS | CZECH_STOP_WORDS | RUSSIAN_STOP_WORDS | UKRAINIAN_STOP_WORDS) - ENGLISH_STOP_WORDS - NAME_PARTICLES
    if len(w) > 1 and w not in _IN_ENGLISH_POSTS_TOO
)
# Every other language the corpus's writers wrote in: the two above, Italian, Turkish, Greek and the
# Slavic ones.
OTHER_FUNCTION_WORDS = (
    ROMANCE_AND_TAGALOG_FUNCTION_WORDS
    | GERMANIC_FUNCTION_WORDS
    | ((ITALIAN_STOP_WORDS | TURKISH_STOP_WORDS | GREEK_STOP_WORDS) - ENGLISH_STOP_WORDS - NAME_PARTICLES)
    | SLAVIC_FUNCTION_WORDS
)

_WORD = regex.compile(r"\p{L}+")


def mostly_other(text: str, function_words: Set[str], at_least: int, not_english: Set[str] = frozenset()) -> bool:
    """``text`` has at least ``at_least`` of ``function_words`` and more of them than English
    function words (English stop words, except those in ``not_english``)."""
    words = _WORD.findall(text.lower())
    other = sum(w in function_words for w in words)
    english = sum(w in ENGLISH_STOP_WORDS and w not in not_english for w in words)
    return other >= at_least and other > english


def mostly_another_language(text: str) -> bool:
    """A post written mostly in a language other than English: at least three function words
    of Spanish, French, Portuguese, Tagalog, German, Dutch, Italian, Turkish, Greek, Polish, Czech,
    Russian or Ukrainian, and more of them than English function words ("Nonna Assunta ha compiuto
    cento anni qui da noi"; not "Doña Dolores, 93, from Cuenca, says she has no pain"); or mostly in
    Chinese, Japanese or Korean."""
    return mostly_other(text, OTHER_FUNCTION_WORDS, 3) or mostly_cjk(text)


_LATIN_LETTER = regex.compile(r"\p{Latin}")


def mostly_cjk(text: str) -> bool:
    """A post with at least one Chinese, Japanese or Korean character for every three Latin
    letters (a CJK character is about a word, an English word about five letters)."""
    cjk = len(CJK_CHARACTER.findall(text))
    return cjk > 0 and cjk >= len(_LATIN_LETTER.findall(text)) / 3
