"""Our trimmed pattern loop gives exactly Presidio's results, digit gate included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from presidio_analyzer import Pattern, PatternRecognizer

from hipaalint.detect.engine import build_registry
from hipaalint.detect.lean_patterns import LeanPatternRecognizer, LeanPatterns

ROOT = Path(__file__).resolve().parent.parent


def _texts() -> list[str]:
    texts = [json.loads(line)["text"] for line in (ROOT / "benchmarks/data/dev.jsonl").open(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    for pack in sorted((ROOT / "rules").glob("*.yaml")):
        for rule in yaml.safe_load(pack.read_text(encoding="utf-8"))["rules"]:
            texts += rule["examples"]["bad"] + rule["examples"]["good"]
    return texts


def _key(results):
    return sorted((r.entity_type, r.start, r.end, r.score) for r in results)


LEAN = [r for r in build_registry().recognizers if isinstance(r, LeanPatterns)]


def test_every_pattern_recognizer_uses_the_lean_loop():
    assert not [
        r.name for r in build_registry().recognizers if isinstance(r, PatternRecognizer) and not isinstance(r, LeanPatterns)
    ]
    assert sum(r.needs_digit for r in LEAN) >= 10


@pytest.mark.parametrize("recognizer", LEAN, ids=lambda r: r.name)
def test_lean_loop_matches_presidio_on_the_corpus(recognizer):
    found = 0
    for text in _texts():
        stock = PatternRecognizer.analyze(recognizer, text, recognizer.supported_entities)
        assert _key(recognizer.analyze(text, recognizer.supported_entities)) == _key(stock), text[:80]
        found += bool(stock)
    assert found, f"{recognizer.name} found nothing: the comparison would prove nothing"


def test_digit_gate_skips_only_texts_without_digits():
    gated = LeanPatternRecognizer("MRN", patterns=[Pattern("word", r"\brecord\b", 0.5)], needs_digit=True)
    assert gated.analyze("record", ["MRN"]) == []
    assert [(r.start, r.end) for r in gated.analyze("record 7", ["MRN"])] == [(0, 6)]
