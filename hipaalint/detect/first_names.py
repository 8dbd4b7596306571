"""A capitalised first name is a name, even where spaCy's small model misses it.

spaCy tags most names, but not "Mateo showing off his stitches", "Caught Duane on the
parallel bars" or "thank you Kayla!!!". This recognizer knows first names from Faker's
person providers, minus every word that is also an English word
(:mod:`hipaalint.detect.lexicons`), so "Will", "Grace", "June" or "Bill" are left to spaCy
and the cue patterns. A name takes the capitalised words after it as its surname ("Lizzie
Stoltzfus"), and a name that starts the name of a place ("Bryce Canyon") is none.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from hipaalint.detect.lexicons import (
    HONORIFICS,
    KINSHIP_TITLES,
    SPOUSE_WORDS,
    english_words,
    first_names_not_words,
    is_english_word,
    person_names,
)
from hipaalint.detect.postprocess import ORGANISATION_WORDS, STREET_AFTER_FULL_NAME, is_kin_titled_first_name

# Below spaCy's 0.85: where spaCy tags the same name, its (often longer) span wins.
SCORE = 0.6

# A titlecase word, an ALL-CAPS one of four letters or more ("MARISOL"; not "AMA"), or a
# lowercase one (taken only after a cue, below).
_CANDIDATE = regex.compile(r"(?<![\p{L}\d@#'’.&/_-])(?:\p{Lu}\p{Ll}+|\p{Lu}{4,}|\p{Ll}{3,})(?![\p{L}\d@_])")
# A lowercase first name counts after a word that introduces a person ("pt inez", "gma inez",
# "thank you marcus") or opening a post that speaks to them ("marcus we're glad ...").
_PATIENT_WORD = r"pt|patient|paitent|participant"
_LOWERCASE_CUE_BEFORE = regex.compile(
    rf"\b(?:{_PATIENT_WORD}|{KINSHIP_TITLES}|{'|'.join(HONORIFICS)}|hi|hey|hello|dear|thanks|thank\s+you|"
    rf"thank\s+u|ty|thinking\s+of|praying\s+for|baby|hiya|rip|little|aw+|omg|{SPOUSE_WORDS})\.?,?\s+\Z",
    regex.IGNORECASE,
)
_POST_OPENING = regex.compile(r"\W*")
# A post that opens by addressing someone: "To tammy r. — we looked into ...".
_ADDRESSED_OPENING = regex.compile(r"\W*to\s+\Z", regex.IGNORECASE)
# A lowercase first name owning a record or an identifier: "I need jaylen's Medicaid ID",
# "fax jaime's records" (not "that's", names only).
_OWNS_RECORD_AFTER = regex.compile(
    r"['’]s\s+(?:\p{L}+\s+){0,2}?(?:medicaid|medicare|insurance|member|policy|chart|mrn|records?|labs?|"
    r"dob|birthday|ssn|card|id|prescriptions?|rx|meds|appointment|appt|address|phone|number|x-?rays?|scans?|results?)\b"
    # or described in brackets, as a case is: "scan on jolene (hairdresser, ...)", "marcus (54 m)"
    r"|\s+\((?:\d+\s*(?:yo|y/o|m|f|yr)\b|\p{Ll}+,)",
    regex.IGNORECASE,
)
# A lowercase initial after a lowercase first name: "tammy r.", "d. castillo" is elsewhere.
_LOWER_INITIAL_AFTER = regex.compile(r"\s\p{Ll}\.(?=\s*(?:[,:!—–-]|$))")
_PATIENT_WORD_BEFORE = regex.compile(rf"\b(?:{_PATIENT_WORD})\.?\s+\Z", regex.IGNORECASE)
# An initial and a surname (a known one, or any word that is no English word): "T. Nguyen
# 555-0177", "rm 614 J. Whitfield DNR" (not "St. Mary", not "plan A. Please come").
_INITIAL_SURNAME = regex.compile(r"(?<![\p{L}\d.'’])\p{Lu}\.\s?(\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\d@_'’-])")
_LOWER_INITIAL_SURNAME = regex.compile(r"(?<![\p{L}\d.'’])\p{Ll}\.\s?(\p{Ll}{3,})(?![\p{L}\d@_'’.-])")
_SPOKEN_TO_AFTER = regex.compile(r"\s*(?:[,!—–-]|\s(?:we|we're|we’re|you|u|ur|i)\b)", regex.IGNORECASE)
_NEXT_WORD = regex.compile(r"\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\d@_])")
# After an ALL-CAPS first name, its surname is in capitals too: "DOROTHY KEMP", "MARGARET O'NEILL".
_NEXT_CAPS_WORD = regex.compile(r"\s+(\p{Lu}(?:\p{Lu}+|['’]\p{Lu}{2,})(?:-\p{Lu}+)?)(?![\p{L}\d@_'’-])")
# "O'Neill", "D'Angelo": surnames (the lexicons keep letters-only names, and WordNet has "o'neill").
_IRISH_SURNAME = regex.compile(r"[odm]['’]\p{L}{3,}\Z(?<!clock)")
_PLACE_WORDS = ORGANISATION_WORDS | frozenset(
    "canyon park lake river creek county street st avenue ave road rd boulevard blvd lane drive "
    "valley falls springs heights hills hill beach island mountain mountains point village city town "
    "square trail farm ranch house home day fund award scholarship memorial "
    # a company: "Medora Systems", "Hollis Pharmaceuticals"
    "systems inc llc corp corporation company pharma pharmaceuticals partners solutions technologies devices".split()
)


class FirstNameRecognizer(EntityRecognizer):
    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], name="FirstNameRecognizer")

    def load(self) -> None:
        self.first_names = first_names_not_words()
        self.all_first_names = person_names()[0]
        self.surnames = person_names()[1]
        self.common = english_words()

    def _surname_end(self, text: str, end: int, caps: bool = False) -> int | None:
        """Where the name ending at ``end`` ends with its surname (up to two words), or
        None when the next word makes it the name of a place ("Bryce Canyon"); an ALL-CAPS
        first name (``caps``) takes ALL-CAPS words."""
        for taken in range(2):
            m = (_NEXT_CAPS_WORD if caps else _NEXT_WORD).match(text, end)
            if m is None:
                break
            word = m.group(1).casefold()
            if word in _PLACE_WORDS or (taken == 1 and word in STREET_AFTER_FULL_NAME):
                return None  # "Bryce Canyon", "Eleanor Briggs Way"
            if word in self.common and word not in self.surnames and word not in self.first_names and not _IRISH_SURNAME.match(word):
                break
            end = m.end()
        return end

    @staticmethod
    def _after_patient_word(text: str, start: int) -> bool:
        """``my pt keoni``, ``paitent shirly``: any lowercase word that is no English word
        right after a patient word is taken for a name, known or not."""
        return _PATIENT_WORD_BEFORE.search(text, max(0, start - 12), start) is not None

    @staticmethod
    def _cued(text: str, start: int, end: int) -> bool:
        if _LOWERCASE_CUE_BEFORE.search(text, max(0, start - 20), start) is not None:
            return True
        if _ADDRESSED_OPENING.fullmatch(text, 0, start) is not None or _OWNS_RECORD_AFTER.match(text, end) is not None:
            return True
        # opening the post, the name must speak to someone: "marcus we're glad ..."
        return _POST_OPENING.fullmatch(text, 0, start) is not None and _SPOKEN_TO_AFTER.match(text, end) is not None

    def analyze(self, text, entities, nlp_artifacts=None):
        metadata = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
        results = []
        for m in _CANDIDATE.finditer(text):
            if m.group().casefold() not in self.first_names:
                if (
                    m.group().islower()
                    and m.group() in self.all_first_names  # "tammy r.": a name that is also a word, with an initial
                    and (initial := _LOWER_INITIAL_AFTER.match(text, m.end()))
                    and self._cued(text, m.start(), m.end())
                ):
                    results.append(RecognizerResult("PERSON", m.start(), initial.end(), SCORE, None, dict(metadata)))
                    continue
                # a kinship title or a spouse takes a lowercase first name that is also an
                # English word: "grandpa joe", "her husband walt" (not "grandma will")
                if m.group().islower() and is_kin_titled_first_name(text, m.start(), m.group()):
                    results.append(RecognizerResult("PERSON", m.start(), m.end(), SCORE, None, dict(metadata)))
                    continue
                if (
                    m.group().islower()
                    and self._after_patient_word(text, m.start())
                    and not is_english_word(m.group())
                    and not text.startswith(("'", "’"), m.end())  # "this patient hadn't"
                ):
                    results.append(RecognizerResult("PERSON", m.start(), m.end(), SCORE, None, dict(metadata)))
                continue
            if m.group().islower() and not self._cued(text, m.start(), m.end()):
                continue
            end = self._surname_end(text, m.end(), caps=m.group().isupper())
            if end is not None and m.group().islower() and (initial := _LOWER_INITIAL_AFTER.match(text, end)):
                end = initial.end()
            if end is not None:
                results.append(RecognizerResult("PERSON", m.start(), end, SCORE, None, dict(metadata)))
        for m in _LOWER_INITIAL_SURNAME.finditer(text):  # "hey d. castillo", "thanks for the stars, d. alvarez!"
            if m.group(1) in self.surnames and (self._cued(text, m.start(), m.end()) or _SPOKEN_TO_AFTER.match(text, m.end())):
                results.append(RecognizerResult("PERSON", m.start(), m.end(), SCORE, None, dict(metadata)))
        for m in _INITIAL_SURNAME.finditer(text):
            surname = m.group(1).casefold()
            if surname in self.surnames or not is_english_word(surname):
                results.append(RecognizerResult("PERSON", m.start(), m.end(), SCORE, None, dict(metadata)))
        return results
