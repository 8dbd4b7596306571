"""Our trimmed pattern loop gives exactly Presidio's results, digit gate included."""

from __future__ import annotations

import pytest
from presidio_analyzer import Pattern, PatternRecognizer

from hipaalint.detect.engine import build_registry
from hipaalint.detect.lean_patterns import GatedPattern, LeanPatternRecognizer, LeanPatterns


def _key(results):
    return sorted((r.entity_type, r.start, r.end, r.score) for r in results)


LEAN = [r for r in build_registry().recognizers if isinstance(r, LeanPatterns)]


def test_every_pattern_recognizer_uses_the_lean_loop():
    assert not [
        r.name for r in build_registry().recognizers if isinstance(r, PatternRecognizer) and not isinstance(r, LeanPatterns)
    ]
    assert sum(r.gate is not None for r in LEAN) >= 15


@pytest.mark.parametrize("recognizer", LEAN, ids=lambda r: r.name)
def test_lean_loop_matches_presidio_on_the_corpus(recognizer, corpus_texts):
    # (the whole corpus, not a sample: some recognizers find only a handful of its posts)
    found = 0
    for text in corpus_texts:
        stock = PatternRecognizer.analyze(recognizer, text, recognizer.supported_entities)
        assert _key(recognizer.analyze(text, recognizer.supported_entities)) == _key(stock), text[:80]
        found += bool(stock)
    assert found, f"{recognizer.name} found nothing: the comparison would prove nothing"


def test_digit_gate_skips_only_texts_without_digits():
    gated = LeanPatternRecognizer("MRN", patterns=[Pattern("word", r"\brecord\b", 0.5)], needs_digit=True)
    assert gated.analyze("record", ["MRN"]) == []
    assert [(r.start, r.end) for r in gated.analyze("record 7", ["MRN"])] == [(0, 6)]


@pytest.mark.parametrize(
    "name, value",
    [
        *(("LeanIpRecognizer", a) for a in ["192.0.2.44", "::", "fe::ab", "2001:db8::1", "::ffff:192.0.2.1",
                                            "fe80::1%eth0", "1:2:3:4:5:6:7:8", "abcd:ef01:2345:6789:abcd:ef01:2345:6789",
                                            "64:ff9b::198.51.100.7", "2001:db8:0:0:1::/64"]),
        *(("LeanUsSsnRecognizer", s) for s in ["536-22-1847", "536 22 1847", "536.22.1847", "536221847",
                                               "53622-1847", "536-221847"]),
        *(("LeanCreditCardRecognizer", c) for c in ["4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111",
                                                    "378282246310005", "6011 0009 9013 9424", "4222222222222"]),
    ],
)
def test_gates_let_every_form_through(name, value):
    recognizer = next(r for r in LEAN if r.name == name)
    text = f"the number {value} again"
    stock = PatternRecognizer.analyze(recognizer, text, recognizer.supported_entities)
    assert stock, "Presidio finds it"
    assert _key(recognizer.analyze(text, recognizer.supported_entities)) == _key(stock)


def test_a_gated_pattern_skips_posts_without_what_it_needs():
    recognizer = LeanPatternRecognizer(
        "PERSON", patterns=[GatedPattern("name, age", r"\b[A-Z][a-z]+(?=,\s*\d+,)", 0.5, needs=r",\s*\d")]
    )
    assert [(r.start, r.end) for r in recognizer.analyze("Hamza, 91, rang the bell", ["PERSON"])] == [(0, 5)]
    # what the gate lets through still has to match the pattern, and what it stops never could
    assert recognizer.analyze("Hamza, age 91, rang the bell", ["PERSON"]) == []
    assert recognizer.patterns[0].needs.search("Hamza, age 91") is None
