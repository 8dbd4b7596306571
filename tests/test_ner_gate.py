"""The NER gate: the sentences that skip spaCy's NER are those where it would change nothing."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import hipaalint.detect.engine as engine_module
from hipaalint.cli import app
from hipaalint.detect.ner_gate import ner_ranges
from hipaalint.models import Post


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
        ("see you on Friday, March 3", False),  # weekdays and months
        ("see you in June", True),  # unless they are names too
    ],
)
def test_a_post_needs_ner(engine, text, expected):
    assert bool(ner_ranges(engine.nlp.make_doc(text))) is expected


SO_PROUD = "We are so proud of our whole team this week, thank you all. "
SEE_YOU = "We love you all so very much, see you soon."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # WINDOW_TOKENS tokens either side of each word that may be a name, across sentences
        (SO_PROUD + "Thinking of Maria and her whole family today, sending all our love! 💕🙏",
         ["you all. Thinking of Maria and her whole family today"]),
        ("Huge thanks to the whole night crew for everything you did this week, especially Mateo Ruiz "
         "and Dana from the ICU step-down unit, who stayed late.",
         ["did this week, especially Mateo Ruiz and Dana from the ICU step-"]),
        ("shift done, what a long night it has been for all of us.\nsay hi to Mateo and the rest of the night crew for me\nbye",
         [".\nsay hi to Mateo and the rest of the "]),
        # alone, "Declan, RT" reads as a place
        ("Your inhaler refill is ready at the desk. Declan, RT", ["ready at the desk. Declan, RT"]),
        # "Go" opens its sentence; "Tigers" and "Lions" do not
        (SO_PROUD + "Go Tigers! Go Lions! " + SEE_YOU, ["thank you all. Go Tigers! Go Lions! We love you all "]),
    ],
)
def test_ner_reads_only_the_words_around_possible_names(engine, text, expected):
    doc = engine.nlp.make_doc(text)
    assert [doc[start:end].text_with_ws for start, end in ner_ranges(doc)] == expected


def _whole(doc):
    return [(0, len(doc))] if len(doc) else []


def _findings(linter, texts):
    posts = [Post(id=str(i), text=text, source="test") for i, text in enumerate(texts)]
    return [sorted((f.rule_id, f.start, f.end) for f in report.findings) for report in linter.lint_posts(posts)]


def test_gated_posts_almost_always_get_the_findings_of_the_full_pipeline(engine, linter, corpus_texts, monkeypatch):
    """What a user sees is the same on all but a handful of posts: NER reading five tokens
    either side of a name can label it otherwise than NER reading the whole post. On the
    10,950-post dev corpus 16 posts differ, each by one name ("LE VAN THANH" read as "LE VAN",
    "He" read as a name, "L" of "L to R", "BIG JAY" as "JAY", "RT crew" by the gated NER; "TG",
    the "C" of "hep C" with the condition around it, "HPV series", "Pelvic fx", "Bolo de fubá",
    "i-PM", "po ASAP", "CV" and "pt jensen mrn"'s "jensen mrn" by the full one; and two Japanese
    posts, where the English NER's stray entities over the whole post change how sure the
    rules are of a name before "さん"; batches 13-30, written after the gate was built)."""
    gated_texts = [text for text in corpus_texts if ner_ranges(doc := engine.nlp.make_doc(text)) != _whole(doc)]
    assert len(gated_texts) > len(corpus_texts) // 3  # the gate is worth having
    gated = _findings(linter, gated_texts)
    monkeypatch.setattr(engine_module, "ner_ranges", _whole)
    full = _findings(linter, gated_texts)
    differing = [t for t, g, f in zip(gated_texts, gated, full) if g != f]
    assert len(differing) <= 16, differing


def test_equal_posts_each_get_their_own_entities(engine):
    text = SO_PROUD + "Thinking of Maria Delgado and her whole family in Tulsa today, sending love!"
    analyses = [analysis for analysis, _ in engine.analyze_batch((t, None) for t in [text, text, "ok"])]
    names_and_places = [sorted(e.text for e in a.doc.ents if e.label_ in ("PERSON", "GPE")) for a in analyses]
    assert names_and_places == [["Maria Delgado", "Tulsa"]] * 2 + [[]]


@pytest.mark.usefixtures("cli_engine")
def test_check_reads_a_gated_post_and_a_lowercase_name():
    runner = CliRunner()
    clean = runner.invoke(app, ["check", "-"], input="Proud of our team. We love you all!\n")
    assert (clean.exit_code, clean.output) == (0, "")
    named = runner.invoke(app, ["check", "-"], input="miss pearl just wants to see her great-grandbaby\n")
    assert named.exit_code == 1
    assert "PHI-NAME" in named.output
