"""Fast paths of the rule conditions find exactly what the plain ones do: ``terms`` against a scan with their regular expression, and clause-gated rules against ungated ones."""

from __future__ import annotations

import random

import pytest

from hipaalint import conditions as c
from hipaalint.models import Post
from hipaalint.rulepack import evaluate, load_rules


def _finditer_hits(cond: c.TermsCondition, text: str):
    return c._or_none([c.Hit(*m.span()) for m in cond.pattern.finditer(text)])


def _terms_hits(cond: c.TermsCondition, text: str):
    return cond.evaluate(c.PostContext(text, None, ()))


def _shipped_terms_conditions() -> list[c.TermsCondition]:
    rules = load_rules()
    roots = [r.condition for r in rules] + [r.relax_when for r in rules if r.relax_when is not None]
    return [cond for cond in c.walk(roots) if isinstance(cond, c.TermsCondition)]


@pytest.mark.parametrize(
    "terms, text, expected",
    [
        (["visit"], "Her visits, his VISITED, their visiting, the visit's end", ["visits", "VISITED", "visiting", "visit's"]),
        (["heart attack", "attack"], "a heart  attack, then an attack", ["heart  attack", "attack"]),
        (["c-section", "er"], "an emergency C-Section in the ER; ERs; @er; water", ["C-Section", "ER", "ERs"]),
        (["#tbt", "day one"], "#TBT to day one!", ["#TBT", "day one"]),
        (["diagnose"], "diagnosed, diagnoses, diagnosing, undiagnosed", ["diagnosed", "diagnoses"]),
    ],
)
def test_terms_match_whole_words_with_inflections(terms, text, expected):
    hits = _terms_hits(c.TermsCondition(tuple(terms), guarded=False), text) or ()
    assert [text[h.start : h.end] for h in hits] == expected


def test_terms_agree_with_the_regex_scan_on_random_texts():
    rng = random.Random(7)
    terms = ["visit", "follow up", "er", "x-ray", "ICU", "diagnose", "sister", "sisters", "o'neil", "2nd opinion", "#tbt"]
    vocab = [*terms, "visits", "visiting", "sistered", "FOLLOW   UP", "ERs", "X-RAYS", "icu's", "diagnosing", "@er", "her", "ever", "xray",
             "Sister’s", "2nd", "opinions", "tbt", "#TBT", "café", "ſister", "visitor", "follow-up", "up"]
    seps = [" ", "  ", ", ", ". ", "\n", "-", "@", "#", "_", "'", ""]
    cond = c.TermsCondition(tuple(terms), guarded=False)
    for _ in range(3000):
        text = "".join(rng.choice(vocab) + rng.choice(seps) for _ in range(rng.randint(1, 12)))
        assert _terms_hits(cond, text) == _finditer_hits(cond, text), text


def test_shipped_term_lists_agree_with_the_regex_scan_on_the_corpus(sample_texts):
    conds = _shipped_terms_conditions()
    assert len(conds) > 20
    for text in sample_texts:
        ctx = c.PostContext(text, None, ())
        for cond in conds:
            assert cond.evaluate(ctx) == _finditer_hits(cond, text), (cond.terms[:3], text[:60])


def _leaf_terms(*terms: str) -> c.TermsCondition:
    return c.TermsCondition(tuple(terms))


def test_clauses_say_what_a_condition_needs():
    visit, staff = _leaf_terms("visit", "appointment"), _leaf_terms("nurse")
    person = c.EntitiesCondition(frozenset({"PERSON"}), 0.0)
    assert c.AnyCondition((visit, staff)).clauses == (c.Clause(words=frozenset({"visit", "appointment", "nurse"})),)
    assert c.AllCondition((visit, person)).clauses == (*visit.clauses, *person.clauses)
    assert c.NearCondition(person, staff, 3).clauses == (*person.clauses, *staff.clauses)
    assert c.NearCondition(person, staff, 3, negated=True).clauses == person.clauses  # no anchor needed
    assert c.NotCondition(visit).clauses == ()  # matches where its part does not
    assert c.AnyCondition((visit, c.NotCondition(staff))).clauses == ()


def test_a_subtree_whose_clauses_are_unmet_is_not_run():
    class Counting(c.TermsCondition):
        runs = 0

        def _evaluate(self, ctx):
            Counting.runs += 1
            return super()._evaluate(ctx)

    near = c.NearCondition(Counting(("visit",)), _leaf_terms("nurse"), "sentence")
    assert near.evaluate(c.PostContext("a visit today", None, ())) is None
    assert Counting.runs == 0  # "nurse" is missing: the subject never ran
    assert near.evaluate(c.PostContext("the nurse after a visit", None, ())) == (c.Hit(18, 23),)
    assert Counting.runs == 1


def test_gated_rules_find_the_same_as_ungated(sample_texts, linter, monkeypatch):
    analyses = [a for a, _ in linter.engine.analyze_batch((t, None) for t in sample_texts)]
    posts = [Post(id=str(i), text=t, source="t") for i, t in enumerate(sample_texts)]
    gated = [evaluate(linter.rules, p, a.doc, a.detections) for p, a in zip(posts, analyses)]
    monkeypatch.setattr(c.Condition, "gate", property(lambda self: ()))
    ungated = [evaluate(linter.rules, p, a.doc, a.detections) for p, a in zip(posts, analyses)]
    assert sum(map(len, gated)) > 500
    assert gated == ungated
