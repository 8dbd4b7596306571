"""How much a post reads like it is about a patient: a score from 0 to 1 over its words.

The model is a logistic regression over the post's lowercased words and pairs of adjacent
words, trained by ``benchmarks/train_patient_context.py`` on the dev split of the labelled
corpus (``benchmarks/data/``) to tell posts that disclose something about a patient from
clean ones. Its weights ship with the package (``patient_context.json``); nothing is
downloaded or learned at run time.

It does not find identifiers. The rule packs read it through the ``patient_context_below``
and ``patient_context_at_least`` conditions (rules/README.md): identifier rules whose hits
are ambiguous on their own (a name, a town, a date, a phone number) report at ``info`` on
a post that reads like an event notice, an ad or a staff spotlight; on a post that reads
clearly like a patient's story every detected date and place is reported, and if nothing
else was, SOC-PATIENT-CONTEXT warns.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import regex

MODEL_PATH = Path(__file__).with_name("patient_context.json")
FORMAT = 1
# Words: runs of letters, with inner apostrophes ("don't", "o'brien"); digits and
# punctuation separate words and are not features themselves.
_WORD = regex.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# A redaction tag of the tag-style rewrite ("[PATIENT]", "[AGE OVER 89]"): not the post's
# words, so a rewritten post does not read as more about a patient than the draft did.
_TAG = regex.compile(r"\[[A-Z][A-Z0-9]*(?: [A-Z0-9]+)*\]")


def words(text: str) -> list[str]:
    return [w.replace("’", "'") for w in _WORD.findall(_TAG.sub(" ", text).lower())]


def features(text: str) -> set[str]:
    """The post's features: each word (``w:visit``) and each pair of adjacent words
    (``p:in bed``)."""
    ws = words(text)
    return {f"w:{w}" for w in ws} | {f"p:{a} {b}" for a, b in zip(ws, ws[1:])}


def scaled_sum(weights: Mapping[str, float], feats: set[str]) -> float:
    """The sum of the known features' weights divided by the square root of their number
    (so a long post does not score extreme on length alone)."""
    known = [weights[f] for f in feats if f in weights]
    return math.fsum(known) / math.sqrt(max(len(known), 1))


@dataclass(frozen=True)
class PatientContextModel:
    weights: Mapping[str, float]
    bias: float

    def score(self, text: str) -> float:
        """The probability that a post with these words is about a patient."""
        z = self.bias + scaled_sum(self.weights, features(text))
        return 1.0 / (1.0 + math.exp(-z))

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> PatientContextModel:
        return cls(*read_weights(path, FORMAT, "patient-context"))


# The score in four buckets, as a feature of the models that score words and names.
_SCORE_BUCKETS = ((0.3, "lo"), (0.7, "mid"), (0.95, "hi"), (math.inf, "vhi"))


def score_bucket(score: float) -> str:
    """The bucket of a patient-context score: lo below 0.3, mid, hi from 0.7, vhi from 0.95."""
    return next(name for limit, name in _SCORE_BUCKETS if score < limit)


def logistic(weights: Mapping[str, float], bias: float, feats: frozenset[str]) -> float:
    """The probability of a logistic regression over binary features (unknown ones weigh 0)."""
    z = bias + sum([weights.get(f, 0.0) for f in feats])
    return 1.0 / (1.0 + math.exp(-z))


def read_weights(path: Path, expected_format: int, kind: str) -> tuple[dict[str, float], float]:
    """The weights and bias of a shipped model file (``kind``: what model, for the error)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != expected_format:
        raise ValueError(f"{path}: {kind} model format {data.get('format')!r}, expected {expected_format}")
    return data["weights"], float(data["bias"])
