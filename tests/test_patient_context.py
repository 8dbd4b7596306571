"""The patient-context score and what the rules do with it: the model's features and
scaling (the shipped weights are checked in test_shipped_models.py), the
``patient_context_*`` conditions, ``relax.note`` and ``fallback`` rules, and, end to end, a
speaker's name at info, a patient's name as an error, every date and place on a post
clearly about a patient, and SOC-PATIENT-CONTEXT on a story without identifiers."""

from __future__ import annotations

import json
import math

import pytest
from typer.testing import CliRunner

from hipaalint import conditions as c
from hipaalint.cli import app
from hipaalint.detect.patient_context import PatientContextModel, features, scaled_sum, words
from hipaalint.errors import RulePackError
from hipaalint.models import Post, Severity
from hipaalint.rulepack import builtin_pack_paths, evaluate, load_pack
from stub_models import FixedScore

EVENT = "Join us Saturday, October 12 for a free diabetes talk by Sarah Chen at the Elm Street library. Bring your questions!"
PATIENT = "Mrs. Henderson finally went home after her hip surgery!"


def test_words_are_lowercase_letter_runs_with_inner_apostrophes():
    assert words("Mrs. O’Brien's 2nd visit—DON'T post it! José") == ["mrs", "o'brien's", "nd", "visit", "don't", "post", "it", "josé"]


def test_redaction_tags_are_not_words():
    assert words("Congrats to Mrs. [PATIENT], MRN [MRN], [AGE OVER 89] today [sic]") == [
        "congrats", "to", "mrs", "mrn", "today", "sic"
    ]


def test_features_are_words_and_adjacent_pairs():
    assert features("In bed 12, again") == {"w:in", "w:bed", "w:again", "p:in bed", "p:bed again"}


def test_scaled_sum_divides_by_the_root_of_the_known_features():
    assert scaled_sum({"w:a": 1.0, "w:b": 2.0, "w:c": 6.0}, {"w:a", "w:b", "w:c", "w:unknown"}) == pytest.approx(9.0 / math.sqrt(3))
    assert scaled_sum({"w:a": 1.0}, {"w:z"}) == 0.0


def test_score_is_the_logistic_of_bias_plus_scaled_sum():
    model = PatientContextModel(weights={"w:patient": 2.0, "w:talk": -2.0}, bias=0.5)
    assert model.score("patient") == pytest.approx(1 / (1 + math.exp(-2.5)))
    assert model.score("a talk") == pytest.approx(1 / (1 + math.exp(1.5)))
    assert model.score("nothing known") == pytest.approx(1 / (1 + math.exp(-0.5)))


def test_shipped_model_scores_a_patient_story_above_an_event_notice():
    model = PatientContextModel.load()
    assert model.score(PATIENT) > 0.5 > 0.07 > model.score(EVENT)


@pytest.mark.parametrize(
    "at_least, score, matches",
    [(False, 0.05, True), (False, 0.0999, True), (False, 0.1, False), (False, 0.9, False),
     (True, 0.05, False), (True, 0.0999, False), (True, 0.1, True), (True, 0.9, True)],
)
def test_patient_context_compares_the_score_with_the_threshold(at_least, score, matches):
    condition = c.PatientContext(0.1, at_least=at_least)
    assert (condition.evaluate(c.PostContext("any post", None, (), FixedScore(score))) == ()) is matches


@pytest.mark.parametrize("scorer", [None, FixedScore(None)])
def test_without_a_score_the_conditions_never_match(scorer):
    assert c.PostContext("a talk", None, (), scorer).patient_context is None
    assert c.PatientContext(0.5).evaluate(c.PostContext("a talk", None, (), scorer)) is None
    assert c.PatientContext(0.5, at_least=True).evaluate(c.PostContext("a talk", None, (), scorer)) is None


def test_the_score_is_computed_only_when_a_rule_asks_for_it():
    class Counting(FixedScore):
        calls = 0

        def score(self, text: str) -> float:
            Counting.calls += 1
            return super().score(text)

    ctx = c.PostContext("a talk", None, (), Counting(0.0))
    assert Counting.calls == 0
    assert ctx.patient_context == ctx.patient_context == 0.0
    assert Counting.calls == 1


RELAXED_RULE = """\
name: test
version: 1
description: test pack
rules:
  - id: TEST-NAME
    name: Test name
    severity: error
    message: "name {text}"
    rationale: test
    match:
      entities: [PERSON]
    relax:
      when: {patient_context_below: 0.3}
      severity: info
      note: "not about a patient"
    fix:
      hint: remove it
    examples:
      bad: [a, b, c]
      good: [a, b, c]
"""


@pytest.mark.parametrize("score, severity, message", [(0.2, Severity.INFO, "name Harold (not about a patient)"), (0.3, Severity.ERROR, "name Harold")])
def test_relax_by_patient_context_lowers_the_rule_and_says_why(tmp_path, linter, score, severity, message):
    path = tmp_path / "pack.yaml"
    path.write_text(RELAXED_RULE)
    text = "Harold walked the hallway today."
    analysis = linter.engine.analyze(text)
    (finding,) = evaluate(load_pack(path).rules, Post("p", text, "t"), analysis.doc, analysis.detections, FixedScore(score))
    assert (finding.severity, finding.message) == (severity, message)


FALLBACK_RULE = """\
  - id: TEST-CONTEXT
    name: Test context
    severity: warning
    message: "reads like a patient"
    rationale: test
    scope: post
    fallback: true
    match: {patient_context_at_least: 0.9}
    fix:
      hint: check it
    examples:
      bad: [a, b, c]
      good: [a, b, c]
"""


@pytest.mark.parametrize(
    "score, name_severity, expected",
    [
        (0.95, "error", {"TEST-NAME"}),  # another rule reported the post: the fallback stays quiet
        (0.95, "warning", {"TEST-NAME"}),
        (0.95, "info", {"TEST-NAME", "TEST-CONTEXT"}),  # info does not count as reported
        (0.5, "info", {"TEST-NAME"}),  # below its threshold
    ],
)
def test_a_fallback_rule_reports_only_posts_nothing_else_reported(tmp_path, linter, score, name_severity, expected):
    path = tmp_path / "pack.yaml"
    # the fallback rule comes first in the pack: it still runs after the others
    path.write_text(RELAXED_RULE.replace("rules:\n", "rules:\n" + FALLBACK_RULE).replace("severity: error", f"severity: {name_severity}"))
    text = "Harold walked the hallway today."
    analysis = linter.engine.analyze(text)
    findings = evaluate(load_pack(path).rules, Post("p", text, "t"), analysis.doc, analysis.detections, FixedScore(score))
    assert {f.rule_id for f in findings} == expected


@pytest.mark.parametrize("value", ["0", "1.5", "high", "[0.1]"])
def test_a_bad_threshold_is_refused_with_file_and_line(tmp_path, value):
    """(0 would lower every post: "below 0" is never true, so a threshold must be above it.)"""
    path = tmp_path / "pack.yaml"
    path.write_text(RELAXED_RULE.replace("{patient_context_below: 0.3}", f"{{patient_context_below: {value}}}"))
    with pytest.raises(RulePackError, match=rf"^{path}:13: .*patient_context_below"):
        load_pack(path)


def test_fallback_must_be_a_boolean(tmp_path):
    path = tmp_path / "pack.yaml"
    path.write_text(RELAXED_RULE.replace("rules:\n", "rules:\n" + FALLBACK_RULE.replace("fallback: true", "fallback: maybe")))
    with pytest.raises(RulePackError, match=rf"^{path}:11: .*fallback"):
        load_pack(path)


@pytest.mark.parametrize(
    "text, rule, value",
    [
        ('pov the patient hands you his card and says "pin\'s my birthday, 3/9/62" out loud in front of the whole waiting room',
         "PHI-DATE", "3/9/62"),
        ('our driver Pete snapped this one: gus on his porch in Hadley with his new rollator, "now I can beat the mailman," he says',
         "PHI-GEO", "Hadley"),
    ],
)
def test_on_a_post_clearly_about_a_patient_every_date_and_place_is_reported(linter, text, rule, value):
    """The rules' exceptions (the writer's own birthday, a place in staff news) skip these
    at an ordinary score; at 0.9 or more they are reported."""
    analysis = linter.engine.analyze(text)

    def reported(score: float) -> set[tuple[str, str]]:
        findings = evaluate(linter.rules, Post("p", text, "t"), analysis.doc, analysis.detections, FixedScore(score))
        return {(f.rule_id, f.text) for f in findings if f.severity is not Severity.INFO}

    assert (rule, value) not in reported(0.5)
    assert (rule, value) in reported(0.9)


def test_only_the_ambiguous_identifiers_are_lowered_on_posts_not_about_a_patient():
    rules = [rule for path in builtin_pack_paths() for rule in load_pack(path).rules]
    # (the condition may sit inside an "all": never on a post mostly in another language)
    lowered = {r.id for r in rules if r.spec.relax and "patient_context_below" in str(r.spec.relax.when.model_dump(by_alias=True))}
    assert lowered == {
        "PHI-NAME", "PHI-GEO", "PHI-DATE", "PHI-AGE", "PHI-ROOM", "PHI-PHONE", "PHI-FAX", "PHI-EMAIL", "PHI-URL"
    }
    assert {r.id for r in rules if r.spec.fallback} == {"SOC-PATIENT-CONTEXT"}


def test_cli_reports_a_speakers_name_at_info_and_a_patients_name_as_an_error(cli_engine):
    runner = CliRunner()
    event = runner.invoke(app, ["check", "--format", "json", "--text", EVENT])
    assert event.exit_code == 0, event.output
    (finding,) = json.loads(event.output)["results"][0]["findings"]
    assert (finding["rule"], finding["severity"], finding["text"]) == ("PHI-NAME", "info", "Sarah Chen")
    assert "does not read like it is about a patient" in finding["message"]
    assert runner.invoke(app, ["check", "--fail-on", "info", "--text", EVENT]).exit_code == 1

    patient = runner.invoke(app, ["check", "--format", "json", "--text", PATIENT])
    assert patient.exit_code == 1
    severities = {(f["rule"], f["severity"]) for f in json.loads(patient.output)["results"][0]["findings"]}
    assert ("PHI-NAME", "error") in severities


@pytest.mark.parametrize("story", [
    "still thinking about the little girl from last night who kept asking if her dad was going to be ok",  # scores 0.99
    "the teenager from the crash last week sent us a thank you card today",  # 0.85
    "the sweet older gentleman we sent home from the ER on Friday called just to say thanks",  # 0.84 (SOC-PATIENT-CONTEXT: 0.65)
])
def test_cli_warns_on_a_patient_story_without_identifiers(cli_engine, story):
    result = CliRunner().invoke(app, ["check", "--format", "json", "--text", story])
    assert result.exit_code == 1
    (finding,) = json.loads(result.output)["results"][0]["findings"]
    assert (finding["rule"], finding["severity"]) == ("SOC-PATIENT-CONTEXT", "warning")
    consented = CliRunner().invoke(app, ["check", "--text", story + " (shared with her parents' written permission)"])
    assert consented.exit_code == 0 and "SOC-PATIENT-CONTEXT info" in consented.output
