"""Stand-ins for the learned models, for tests that need a known score."""

from __future__ import annotations


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
