"""How likely a name-like word of a post is part of a patient's name, or a number of it is
PHI, that nothing else caught.

The recognizers and the rules miss names of a kind they were never told about: "@Shelby
Kranz thank you for ...", "Big Ed, thank you for the review!". This model looks at each
candidate word (capitalised or a known first name or surname, and a known name or no
English word) and scores it from its shape, the name lexicons, the words and punctuation
around it, and how much the whole post reads like it is about a patient
(:mod:`hipaalint.detect.patient_context`). It reads the text only, not spaCy's
entities, so what it finds does not depend on how much of the post NER read.

It is a logistic regression trained by ``benchmarks/train_patient_words.py`` on the words of
the corpus's dev posts that the rule packs, run without it, did not report: it learns what
the rules miss, not what they already find. Its weights ship with the package
(``patient_words.json``); nothing is downloaded or learned at run time. PHI-NAME reads it
through the ``patient_word_at_least`` condition (rules/README.md).

The same file holds a second logistic regression, for the post's numbers that no
recognizer took ("Lyme carditis at 93!!", "bed 7", "born 24.12", "CCF #7733104"), with
features of their own; PHI-OTHER-ID reads it through ``patient_number_at_least``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

import regex

from hipaalint.detect.lexicons import (
    CARE_ABBREVIATIONS,
    HOLIDAYS,
    HONORIFIC_AFTER_WORDS,
    KINSHIP_TITLE_WORDS,
    MONTHS,
    PLATFORMS,
    TOLL_FREE,
    WEEKDAYS,
    is_english_word,
    person_names,
    saint_named_at,
)
from hipaalint.detect.patient_context import logistic, read_weights, score_bucket

MODEL_PATH = Path(__file__).with_name("patient_words.json")
FORMAT = 1
# A word is a run of letters and digits (quality.py's token); candidates have no digit.
_TOKEN = regex.compile(r"[^\W_]+")
# What may end the sentence before a word (with only spaces between): . ! ? : ; or an emoji.
_SENTENCE_END = regex.compile(r"[.!?:;\p{So}\p{Sk}]")
_WORD_CHAR = regex.compile(r"\w")
_DIGIT = regex.compile(r"\d")
NUMBER_FEATURE = "n:number"  # every number candidate has it, no word does
# A number candidate: letters and digits joined by / . or - ("2/11", "555-0193", "OH77120493-01").
_NUMBER = regex.compile(r"[^\W_]+(?:[/.-][^\W_]+)*")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    features: frozenset[str]


def _shape(word: str) -> str:
    return "XX" if word.isupper() else "Xx" if word[0].isupper() else "x"


def _starts_sentence(text: str, start: int) -> bool:
    """The word at ``start`` opens the post, a line, or a sentence after . ! ? : ; or an emoji."""
    i = start
    while i > 0 and text[i - 1].isspace():
        if text[i - 1] == "\n":
            return True
        i -= 1
    return i == 0 or _SENTENCE_END.match(text[i - 1]) is not None


_NEVER_NAMES = frozenset((*WEEKDAYS, *PLATFORMS, *HOLIDAYS, *HONORIFIC_AFTER_WORDS))
_ABBREVIATIONS = frozenset(CARE_ABBREVIATIONS)  # no names in capitals ("MRN", "ED"; not "Ed")
# A rewrite's placeholder ("[PATIENT]", "[AGE OVER 89]"): nothing in it is a candidate, so
# the rewrite of a rewrite changes nothing.
_REWRITE_TAG = regex.compile(r"\[[A-Z][A-Z0-9 ]*\]")
# Words before a month that make it the month ("in June", "since May", "late April").
_BEFORE_A_MONTH = frozenset(
    "in on since until till by of from through during before after early mid late last next this every "
    "each end beginning start".split()
)


def _names_the_month(i: int, lows: list[str], tokens: list[tuple[int, int, str]], first_names: frozenset[str]) -> bool:
    """The month word at ``i`` is the month, not a person ("in June", "June 3", "May 2026"),
    or it is no first name at all ("March", "October")."""
    return (
        lows[i] not in first_names
        or i > 0 and lows[i - 1] in _BEFORE_A_MONTH
        or i + 1 < len(tokens) and tokens[i + 1][2][0].isdigit()
    )


# Words that name a part of a building before its code ("Ward 4B", "Bay 12", "Suite C"): the
# code may be a room, the word is no name even when it is a surname ("Ward", "Wing").
_ROOM_WORDS = frozenset("ward bay wing pod suite unit".split())
_ROOM_CODE = regex.compile(r"\d|\p{Lu}{1,2}$")


def _names_a_room(i: int, lows: list[str], tokens: list[tuple[int, int, str]]) -> bool:
    return lows[i] in _ROOM_WORDS and i + 1 < len(tokens) and _ROOM_CODE.match(tokens[i + 1][2]) is not None


def candidates(text: str, post_score: float) -> list[Candidate]:
    """The post's numbers (``_number_candidates``) and candidate words, in text order, with
    their features. The words: words of 2+ letters without a digit
    that are capitalised or a known first name or surname, and that are a known name or no
    English word ("Kenji", "Rose", "okafor"; not "Thank", "Room", "bed"), except weekdays,
    platforms, holidays ("Eid"), honorifics ("ji", "dadi"), a kinship title before a
    capitalised word ("Nana Fay"), a month used as one, a room word before its code ("Ward 4B"),
    a saint's name ("St. Rita's", "Saint-Laurent") and a record label or clinical
    abbreviation in capitals ("MRN"). Nothing inside a rewrite's tag ("[PATIENT]") is a
    candidate."""
    first_names, surnames = person_names()
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    lows = [w.lower() for _, _, w in tokens]
    caps = [w[0].isupper() for _, _, w in tokens]
    lexicons = [f"fn{int(low in first_names)}ln{int(low in surnames)}" for low in lows]

    def neighbour(j: int, name: str) -> list[str]:
        if not 0 <= j < len(tokens):
            return [f"{name}:<edge>"]
        first = tokens[j][2][0]
        out = [f"{name}:{lows[j]}", f"{name}sh:{'X' if caps[j] else 'd' if first.isdigit() else 'x'}"]
        if name in ("p1", "n1"):
            out.append(f"{name}lex:{lexicons[j]}X{int(caps[j])}")
        return out

    score = score_bucket(post_score)
    out = _number_candidates(text, tokens, lows, score)
    for i, (start, end, word) in enumerate(tokens):
        if len(word) < 2 or _DIGIT.search(word):
            continue
        known_name = lexicons[i] != "fn0ln0"
        if not (caps[i] or known_name):
            continue
        eng = int(is_english_word(lows[i]))
        if eng and not known_name:
            continue  # an English word that is no known name (as candidates, none scored above 0.25 on dev)
        if (
            lows[i] in _NEVER_NAMES
            or lows[i] in _ABBREVIATIONS and word.isupper()
            or lows[i] in MONTHS and _names_the_month(i, lows, tokens, first_names)
            or _names_a_room(i, lows, tokens)
            # a kinship title before a capitalised name is the title ("Nana Fay", "Lola Remedios")
            or lows[i] in KINSHIP_TITLE_WORDS and i + 1 < len(tokens) and caps[i + 1]
            or saint_named_at(text, start, end) is not None
        ):
            continue
        starts_sentence = int(_starts_sentence(text, start))
        case = "Xx" if caps[i] else "x"
        f = {
            f"s:{_shape(word)}",
            f"{lexicons[i]}eng{eng}",
            f"si{starts_sentence}",
            f"si{starts_sentence}s:{case}eng{eng}",
            "pp:" + _WORD_CHAR.sub("w", text[max(0, start - 2) : start]),
            "np:" + _WORD_CHAR.sub("w", text[end : end + 2]),
            f"sc:{score}",
            f"sc:{score}{lexicons[i][:3]}eng{eng}",
            f"sc:{score}s:{case}",
            *neighbour(i - 1, "p1"),
            *neighbour(i - 2, "p2"),
            *neighbour(i + 1, "n1"),
            *neighbour(i + 2, "n2"),
        }
        out.append(Candidate(start, end, frozenset(f)))
    tags = [m.span() for m in _REWRITE_TAG.finditer(text)]
    return sorted((c for c in out if not any(a <= c.start and c.end <= b for a, b in tags)), key=lambda c: c.start)


def _number_shape(chunk: str) -> str:
    """Digits as d, letters as X or x, other characters as themselves; a run longer than
    four is cut to four and a + ("OH77120493-01" -> "XXdddd+-dd")."""
    kinds = ("d" if c.isdigit() else "X" if c.isupper() else "x" if c.isalpha() else c for c in chunk)
    runs = ((kind, len(list(run))) for kind, run in groupby(kinds))
    return "".join(kind * min(n, 4) + ("+" if n > 4 else "") for kind, n in runs)


# The ranges of a whole number's value, each up to (not including) its limit.
_NUMBER_VALUES = ((13, "month"), (32, "day"), (90, "num"), (121, "old-age"), (1000, "hundreds"), (1900, "thousands"),
                  (2100, "year"), (float("inf"), "big"))


def _number_value(chunk: str) -> str:
    if not chunk.isdigit():
        return "nv:-"
    n = int(chunk)
    return "nv:" + next(name for limit, name in _NUMBER_VALUES if n < limit)


# A toll-free number on its own, not digits inside a longer one ("tessera n. 80380000900341275518").
_WHOLE_TOLL_FREE = regex.compile(rf"(?<![\w-])(?:{TOLL_FREE.pattern})(?![\w-])")
# Words before a number that make it an amount (after them, no number on dev was PHI).
_BEFORE_A_QUANTITY = frozenset("over under than about around nearly almost approximately approx roughly".split())
# A dose, a measurement or a duration after a number: "1500 mg", "7 lbs 2 oz", "120/80 mmHg",
# "ran 90 minutes behind".
_UNITS = frozenset(
    "mg mcg µg ug ml cc g kg lb lbs oz mmhg bpm iu units meq mmol cm mm km mph minutes mins min hours hrs seconds secs".split()
)


def _number_candidates(text: str, tokens: list[tuple[int, int, str]], lows: list[str], score: str) -> list[Candidate]:
    """The post's numbers: runs of letters and digits joined by / . or - with a digit in
    them ("2/11", "555-0193", "bed 7"'s "7", "3B-12", "94th"), with features of their own
    (all begin with "n"): the words' and the numbers' regressions share no feature."""
    starts = {start: i for i, (start, _, _) in enumerate(tokens)}
    ends = {end: i for i, (_, end, _) in enumerate(tokens)}
    toll_free = [m.span() for m in _WHOLE_TOLL_FREE.finditer(text)]
    out = []
    for m in _NUMBER.finditer(text):
        chunk = m.group()
        if not _DIGIT.search(chunk):
            continue
        if any(a <= m.start() and m.end() <= b for a, b in toll_free):
            continue  # a business's or a hotline's number ("1-877-014-3300"), nobody's own
        first, last = starts[m.start()], ends[m.end()]
        if first >= 1 and lows[first - 1] in _BEFORE_A_QUANTITY:
            continue  # an amount, no identifier ("over 90", the generalize rewrite's age; "under 5")
        if last + 1 < len(tokens) and lows[last + 1] in _UNITS:
            continue  # a dose or a measurement ("1500 mg"), no identifier
        value = _number_value(chunk)
        f = {
            NUMBER_FEATURE,
            f"ns:{_number_shape(chunk)}",
            f"nd:{min(sum(c.isdigit() for c in chunk), 10)}",
            value,
            f"nsc:{score}",
            f"nsc:{score}{value}",
            "npp:" + _WORD_CHAR.sub("w", text[max(0, m.start() - 2) : m.start()]),
            "nnp:" + _WORD_CHAR.sub("w", text[m.end() : m.end() + 2]),
            *(f"np{d}:{lows[first - d] if first - d >= 0 else '<edge>'}" for d in (1, 2)),
            *(f"nn{d}:{lows[last + d] if last + d < len(tokens) else '<edge>'}" for d in (1, 2)),
        }
        if first >= 1:
            f.add(f"np1v:{lows[first - 1]}{value}")
        out.append(Candidate(m.start(), m.end(), frozenset(f)))
    return out


def is_number_candidate(candidate: Candidate) -> bool:
    return NUMBER_FEATURE in candidate.features


@dataclass(frozen=True)
class PatientWordsModel:
    weights: Mapping[str, float]
    bias: float

    def probability(self, candidate: Candidate) -> float:
        return logistic(self.weights, self.bias, candidate.features)

    def scored_words(self, text: str, post_score: float) -> list[tuple[int, int, float]]:
        """Each candidate word of the post as (start, end, probability)."""
        return [(c.start, c.end, self.probability(c)) for c in candidates(text, post_score)]

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> PatientWordsModel:
        return cls(*read_weights(path, FORMAT, "patient-words"))
