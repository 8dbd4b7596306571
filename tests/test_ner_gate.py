"""The NER gate: posts that skip spaCy's NER are those where it would change nothing."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import hipaalint.detect.engine as engine_module
from hipaalint.cli import app
from hipaalint.detect.ner_gate import needs_ner


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Proud of our team. We love you all!", False),
        ("The ER was slammed tonight. I'm so tired 😴 Drink water.", False),
        ("so proud of our ICU nurses, thank you", False),
        ("Thinking of Maria today", True),  # a capitalised word inside a sentence
        ("Happy Nurses Week!", True),  # conservative: any capital inside a sentence
        ("Mateo walked today", True),  # a name opening the sentence
        ("thinking of mateo in room 4", True),  # a lowercase first name
        ("Owner response: Dana, the crown fitting ran long", True),  # a name that is also a word
        ("miss pearl just wants to see her grandbaby", True),  # a title announces a name
        ("mrs. luna is 94", True),
        ("pt J.R. came back", True),  # initials
        ("Visit CHOP today", False),  # a short acronym
        ("VISIT OUR CLINIC", True),  # a long all-caps word may be a name
    ],
)
def test_needs_ner(engine, text, expected):
    assert needs_ner(engine.nlp.make_doc(text)) is expected


def test_a_gated_post_has_the_detections_of_the_full_pipeline(engine, sample_texts, monkeypatch):
    skipped = [text for text in sample_texts if not needs_ner(engine.nlp.make_doc(text))]
    assert len(skipped) > len(sample_texts) // 5  # the gate is worth having
    gated = [analysis.detections for analysis, _ in engine.analyze_batch((t, None) for t in skipped)]
    monkeypatch.setattr(engine_module, "needs_ner", lambda doc: True)
    full = [analysis.detections for analysis, _ in engine.analyze_batch((t, None) for t in skipped)]
    assert [t for t, g, f in zip(skipped, gated, full) if g != f] == []


@pytest.mark.usefixtures("cli_engine")
def test_check_reads_a_gated_post_and_a_lowercase_name():
    runner = CliRunner()
    clean = runner.invoke(app, ["check", "-"], input="Proud of our team. We love you all!\n")
    assert (clean.exit_code, clean.output) == (0, "")
    named = runner.invoke(app, ["check", "-"], input="miss pearl just wants to see her great-grandbaby\n")
    assert named.exit_code == 1
    assert "PHI-NAME" in named.output
