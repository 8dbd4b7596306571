"""Stand-ins for the learned models, for tests that need a known score."""

from __future__ import annotations

from hipaalint.detect.patient_words import candidates


class FixedScore:
    """A patient-context scorer that gives every post the same score (``None``: no score)."""

    def __init__(self, value: float | None) -> None:
        self.value = value

    def score(self, text: str) -> float | None:
        return self.value


class KeepAllFindings:
    """A finding-scores model that keeps every finding."""

    def probability(self, text, finding, detections, post_score) -> float:
        return 1.0


class FixedWords:
    """A words model that gives the listed words and numbers (by text) these probabilities."""

    def __init__(self, probabilities: dict[str, float]) -> None:
        self.probabilities = probabilities

    def scored_words(self, text, post_score):
        return [(c.start, c.end, self.probabilities.get(text[c.start : c.end], 0.0)) for c in candidates(text, post_score)]
