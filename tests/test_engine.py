"""The engine's shortcuts change nothing: the phone gate and the light NLP artifacts give
the same results as Presidio's own code on realistic texts."""

from __future__ import annotations

import pytest
from presidio_analyzer.nlp_engine import SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import PhoneRecognizer, SpacyRecognizer

from hipaalint.detect.engine import _DigitGatedPhoneRecognizer

PHONE_SHAPES = [
    "call (555) 014-2230 today",
    "cell: 555.014.2230",
    "+1 555 014 2230",
    "ring +44 20 7946 0958 or +49 30 901820",
    "her number is 5550142230",
    "0 20 7946 0958",
    "(555)  014 - 2230",
    "home health agency (CCN 33-7415)",
]


def _spans(results):
    return sorted((r.entity_type, r.start, r.end, r.score) for r in results)


def test_phone_gate_skips_no_number_presidio_finds(sample_texts):
    gated, stock = _DigitGatedPhoneRecognizer(), PhoneRecognizer()
    found = 0
    for text in [*sample_texts, *PHONE_SHAPES]:
        expected = stock.analyze(text, ["PHONE_NUMBER"])
        assert _spans(gated.analyze(text, ["PHONE_NUMBER"])) == _spans(expected), text[:80]
        found += bool(expected)
    assert found >= 10


@pytest.mark.parametrize("text", ["On 3/14 at 10:30, room 12.", "2024 was a big year: 120 births, 45 staff"])
def test_phone_gate_skips_scattered_digits(text):
    from hipaalint.detect.engine import _PHONE_LIKE

    assert _PHONE_LIKE.search(text) is None


@pytest.fixture(scope="module")
def sample_docs(engine, sample_texts):
    """The sample texts read by spaCy's whole pipeline once, for both tests below."""
    return list(engine.nlp.pipe(sample_texts))


def test_light_artifacts_give_spacy_recognizer_the_same_entities(engine, sample_docs):
    recognizer = SpacyRecognizer(supported_entities=["PERSON", "LOCATION"])
    nlp_engine = engine._nlp_engine
    found = 0
    for doc in sample_docs:
        ours = recognizer.analyze(doc.text, ["PERSON", "LOCATION"], nlp_engine._doc_to_nlp_artifact(doc, "en"))
        stock = recognizer.analyze(doc.text, ["PERSON", "LOCATION"], SpacyNlpEngine._doc_to_nlp_artifact(nlp_engine, doc, "en"))
        assert _spans(ours) == _spans(stock)
        found += bool(stock)
    assert found >= 50


def test_recognize_returns_what_presidio_analyze_returns(engine, sample_docs):
    found = 0
    for doc in sample_docs:
        artifacts = engine._nlp_engine._doc_to_nlp_artifact(doc, "en")
        stock = engine.analyzer.analyze(text=doc.text, language="en", entities=engine._entities, nlp_artifacts=artifacts)
        assert _spans(engine.recognize(doc)) == _spans(stock), doc.text[:80]
        found += len(stock)
    assert found >= 500


def test_no_recognizer_sets_score_thresholds(engine):
    """``recognize`` skips the analyzer's per-recognizer thresholds: none may be set."""
    assert engine.analyzer.default_score_threshold == 0
    assert not [r.name for r in engine._recognizers if r.score_thresholds]
