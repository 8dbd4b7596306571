"""How likely an identifier a rule reports is a patient's (or a patient's relative's) and
not a false alarm.

Most of the clean posts hipaalint flagged were flagged for nothing but a name, a town, a
date, an age or a phone number that is nobody's PHI: a staff member, a speaker, a donor,
an event. The rules' exceptions catch the kinds of wording someone wrote down; this model
looks at each reported identifier as a whole: the rule that reported it, its words, shape
and the name lexicons, the two words and the punctuation either side and the four words
either side, which recognizers found it, how often it recurs, and how much the whole post
reads like it is about a patient (:mod:`hipaalint.detect.patient_context`). Each feature
also counts once more tied to the rule, so a word can weigh differently beside a date than
beside a name.

It is a logistic regression trained by ``benchmarks/train_finding_scores.py`` on the
findings the rules with ``relax_doubtful`` report on the corpus's dev posts, each labelled
by whether a gold span covers it. Its weights ship with the package
(``finding_scores.json``); nothing is downloaded or learned at run time. A rule reads it
through the ``relax_doubtful`` key (rules/README.md): a post reported for such findings
alone, each scored below its rule's number, gets them at ``info``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import regex

from hipaalint.detect.lexicons import is_english_word, person_names
from hipaalint.detect.patient_context import logistic, read_weights, score_bucket
from hipaalint.models import Detection, Finding

MODEL_PATH = Path(__file__).with_name("finding_scores.json")
FORMAT = 2
# How many words either side of a finding are features (as a bag on each side).
WINDOW = 4
_TOKEN = regex.compile(r"[^\W_]+")
_WORD_CHAR = regex.compile(r"\w")


def _shape(word: str) -> str:
    return "d" if word[0].isdigit() else "XX" if word.isupper() and len(word) > 1 else "Xx" if word[0].isupper() else "x"


def _lexicon(word: str) -> str:
    first_names, surnames = person_names()
    low = word.lower()
    return f"fn{int(low in first_names)}ln{int(low in surnames)}e{int(is_english_word(low))}"


def features(text: str, finding: Finding, detections: Sequence[Detection], post_score: float) -> frozenset[str]:
    """A reported finding's features: its words, their shapes and lexicons; the words,
    shapes and punctuation around it and the words within ``WINDOW`` either side; the
    recognizers of the detections of its entity it overlaps; its score; how often its text
    recurs in the post; and the post's patient-context score, bucketed. Each also tied to
    the finding's rule (``PHI-GEO|w:main``), and the rule itself (``rule:PHI-GEO``)."""
    start, end = finding.start, finding.end
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    inside = [t for t in tokens if t[0] < end and start < t[1]]
    before = [w for _, e, w in tokens if e <= start]
    after = [w for s, _, w in tokens if s >= end]
    bucket = score_bucket(post_score)
    f = {
        f"n:{min(len(inside), 3)}",
        f"sc:{bucket}",
        "sh:" + " ".join(_shape(w) for _, _, w in inside[:3]),
        "pp:" + _WORD_CHAR.sub("w", text[max(0, start - 2) : start]),
        "np:" + _WORD_CHAR.sub("w", text[end : end + 2]),
        f"fs:{round(finding.score, 1)}",
        f"rep:{min(text.lower().count(text[start:end].lower()), 3)}",
    }
    if inside:
        first, last = _lexicon(inside[0][2]), _lexicon(inside[-1][2])
        f |= {f"lf:{first}", f"ll:{last}", f"sc:{bucket}lf:{first}", *(f"w:{w.lower()}" for _, _, w in inside)}
    for name, words in (("p1", before[-1:]), ("p2", before[-2:-1]), ("n1", after[:1]), ("n2", after[1:2])):
        if not words:
            f.add(f"{name}:<edge>")
            continue
        (word,) = words
        f |= {f"{name}:{word.lower()}", f"{name}sh:{_shape(word)}"}
        if name in ("p1", "n1"):
            f.add(f"{name}lex:{_lexicon(word)}{_shape(word)}")
    f |= {f"wb:{w.lower()}" for w in before[-WINDOW:]} | {f"wa:{w.lower()}" for w in after[:WINDOW]}
    recognizers = {d.recognizer for d in detections if d.entity == finding.entity and d.start < end and start < d.end}
    f |= {f"rec:{r}" for r in recognizers} or {"rec:none"}
    return frozenset(f | {f"{finding.rule_id}|{x}" for x in f} | {f"rule:{finding.rule_id}"})


@dataclass(frozen=True)
class FindingScoresModel:
    weights: Mapping[str, float]
    bias: float

    def probability(self, text: str, finding: Finding, detections: Sequence[Detection], post_score: float) -> float:
        """The probability that the reported finding is PHI."""
        return self.probability_of(features(text, finding, detections, post_score))

    def probability_of(self, feats: frozenset[str]) -> float:
        return logistic(self.weights, self.bias, feats)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> FindingScoresModel:
        return cls(*read_weights(path, FORMAT, "finding-scores"))
