"""The finding-scores model and the ``relax_doubtful`` rule key: the features of a reported
finding, the probability (the shipped weights are checked in test_shipped_models.py), which
posts the key lowers, and, end to end, a donor thanked by name that is reported at info
while a patient thanked in the same words is still an error."""

from __future__ import annotations

import json
import math

import pytest
from typer.testing import CliRunner

from hipaalint.cli import app
from hipaalint.detect import languages
from hipaalint.detect.finding_scores import FindingScoresModel, features
from hipaalint.errors import RulePackError
from hipaalint.linter import Linter
from hipaalint.models import Detection, Finding, Post, Severity
from hipaalint.rulepack import evaluate, load_pack
from stub_models import FixedScore, KeepAllFindings

# the shipped model scores "Marisol Ortega" below PHI-NAME's 0.4 in the first post (which reads little like
# a patient's: below 0.3), well above it in the second
DONOR = "Huge thanks to Marisol Ortega for running the 5K fundraiser for our pediatric wing this weekend!"
PATIENT = "Huge thanks to Marisol Ortega for trusting us with her knee replacement this weekend!"


def _finding(text: str, name: str, score: float = 0.85, rule: str = "PHI-NAME", entity: str = "PERSON") -> Finding:
    start = text.index(name)
    return Finding(rule, Severity.ERROR, "p", start, start + len(name), 1, start + 1, name, "m", "f", entity, score)


class Scores:
    """A finding-scores model that gives the listed findings (by text) these probabilities
    and remembers which findings it was asked about."""

    def __init__(self, probabilities: dict[str, float]) -> None:
        self.probabilities = probabilities
        self.asked: list[str] = []

    def probability(self, text, finding, detections, post_score):
        self.asked.append(finding.text)
        return self.probabilities.get(finding.text, 1.0)


def test_features_describe_the_name_its_neighbours_its_recognizers_and_the_post():
    text = "Thank you, Marisol Ortega! See you soon"
    dets = [Detection("PERSON", 11, 25, 0.85, "SpacyRecognizer"), Detection("LOCATION", 11, 18, 0.5, "Other")]
    feats = features(text, _finding(text, "Marisol Ortega"), dets, 0.96)
    assert {
        "n:2", "sh:Xx Xx", "w:marisol", "w:ortega", "p1:you", "p2:thank", "n1:see", "n2:you", "pp:, ", "np:! ",
        "rec:SpacyRecognizer", "sc:vhi", "fs:0.8", "rep:1", "p1sh:x", "n1sh:Xx",
        "wb:thank", "wb:you", "wa:see", "wa:you", "wa:soon", "rule:PHI-NAME",
    } <= feats
    assert "rec:Other" not in feats  # only detections of the finding's entity count
    assert any(f.startswith("lf:fn1") for f in feats)  # Marisol: a known first name
    # every feature also tied to the rule
    assert {f"PHI-NAME|{f}" for f in feats if not f.startswith(("rule:", "PHI-NAME|"))} <= feats


def test_a_town_is_described_with_its_rule_its_window_and_the_place_recognizers():
    text = "Our van parks in Millbrook every Tuesday from 9 to noon for flu shots and checkups"
    dets = [Detection("LOCATION", 17, 26, 0.85, "SpacyRecognizer"), Detection("PERSON", 17, 26, 0.5, "Other")]
    feats = features(text, _finding(text, "Millbrook", rule="PHI-GEO", entity="LOCATION"), dets, 0.1)
    assert {"rule:PHI-GEO", "rec:SpacyRecognizer", "PHI-GEO|rec:SpacyRecognizer", "w:millbrook", "PHI-GEO|sc:lo",
            "wb:our", "wb:van", "wb:parks", "wb:in", "wa:every", "wa:tuesday", "wa:from", "wa:9"} <= feats
    assert "wa:to" not in feats  # four words either side
    assert not {"rec:Other", "rule:PHI-NAME"} & feats


def test_a_name_alone_in_the_post_without_detections():
    text = "Marisol"
    feats = features(text, _finding(text, "Marisol"), [], 0.1)
    assert {"p1:<edge>", "p2:<edge>", "n1:<edge>", "n2:<edge>", "rec:none", "sc:lo"} <= feats


def test_probability_is_the_logistic_of_bias_plus_the_known_weights():
    text = "Thank you, Marisol"
    model = FindingScoresModel(weights={"n:1": 1.5, "p1:you": 2.0, "sc:lo": -3.0}, bias=-1.0)
    p = model.probability(text, _finding(text, "Marisol"), [], 0.9)
    assert p == pytest.approx(1 / (1 + math.exp(-(-1.0 + 1.5 + 2.0))))


PACK = """\
name: test
version: 1
description: test pack
rules:
  - id: TEST-NAME
    name: Test name
    severity: error
    message: "name {text}"
    rationale: test
    relax_doubtful: {below: 0.5, severity: info, note: not a patient}
    match: {entities: [PERSON]}
    fix:
      hint: remove it
    examples:
      bad: [a, b, c]
      good: [a, b, c]
  - id: TEST-BED
    name: Test bed
    severity: warning
    message: "bed"
    rationale: test
    match: {pattern: 'bed \\d+'}
    fix:
      hint: remove it
    examples:
      bad: [a, b, c]
      good: [a, b, c]
"""


def _findings(tmp_path, linter, text, scores, post_score=0.9, pack=PACK):
    path = tmp_path / "pack.yaml"
    path.write_text(pack)
    analysis = linter.engine.analyze(text)
    found = evaluate(load_pack(path).rules, Post("p", text, "t"), analysis.doc, analysis.detections, FixedScore(post_score), None, scores)
    return [(f.rule_id, f.text, str(f.severity), f.message) for f in found]


TWO_NAMES = "Harold Finch and Maria Lopez walked today."


def test_a_post_whose_names_all_score_below_the_number_reports_them_at_the_lower_severity(tmp_path, linter):
    scores = Scores({"Harold Finch": 0.49, "Maria Lopez": 0.1})
    assert _findings(tmp_path, linter, TWO_NAMES, scores) == [
        ("TEST-NAME", "Harold Finch", "info", "name Harold Finch (not a patient)"),
        ("TEST-NAME", "Maria Lopez", "info", "name Maria Lopez (not a patient)"),
    ]
    assert scores.asked == ["Harold Finch", "Maria Lopez"]


def test_one_name_at_or_above_the_number_keeps_every_name(tmp_path, linter):
    found = _findings(tmp_path, linter, TWO_NAMES, Scores({"Harold Finch": 0.49, "Maria Lopez": 0.5}))
    assert [(rule, text, severity) for rule, text, severity, _ in found] == [
        ("TEST-NAME", "Harold Finch", "error"), ("TEST-NAME", "Maria Lopez", "error"),
    ]


@pytest.mark.parametrize("bed_score, severity", [(0.19, "info"), (0.2, "error")])
def test_findings_of_two_rules_with_the_key_are_lowered_together_each_against_its_rules_number(
    tmp_path, linter, bed_score, severity
):
    pack = PACK.replace("    match: {pattern: 'bed \\d+'}", "    relax_doubtful: {below: 0.2, severity: info, note: no bed}\n    match: {pattern: 'bed \\d+'}")
    assert pack != PACK
    found = _findings(tmp_path, linter, "Harold Finch walked to bed 4 today.", Scores({"Harold Finch": 0.3, "bed 4": bed_score}), pack=pack)
    expected = ("info", "info") if severity == "info" else ("error", "warning")
    assert [(rule, severity) for rule, _, severity, _ in found] == [("TEST-NAME", expected[0]), ("TEST-BED", expected[1])]


def test_a_post_another_rule_reports_keeps_its_names_unscored(tmp_path, linter):
    scores = Scores({"Harold Finch": 0.0})
    found = _findings(tmp_path, linter, "Harold Finch walked to bed 4 today.", scores)
    assert [(rule, severity) for rule, _, severity, _ in found] == [("TEST-NAME", "error"), ("TEST-BED", "warning")]
    assert scores.asked == []


@pytest.mark.parametrize("post_score, severity", [(0.49, "info"), (0.5, "error")])
def test_when_must_match_for_the_names_to_be_lowered(tmp_path, linter, post_score, severity):
    pack = PACK.replace("{below: 0.5, severity: info, note: not a patient}",
                        "{below: 0.5, when: {patient_context_below: 0.5}, severity: info, note: not a patient}")
    found = _findings(tmp_path, linter, "Harold Finch walked today.", Scores({"Harold Finch": 0.0}), post_score, pack)
    assert [f[2] for f in found] == [severity]


@pytest.mark.parametrize(
    "text, severity",
    [
        ("Harold Finch walked today with his new walker.", "info"),
        ("Harold Finch ha caminado hoy con la andadera y sin ayuda de nadie.", "error"),
    ],
)
def test_when_can_keep_a_post_mostly_in_another_language_from_being_lowered(tmp_path, linter, text, severity):
    """(As the shipped packs do: the patient-context model reads mostly English words.)"""
    pack = PACK.replace("{below: 0.5, severity: info, note: not a patient}",
                        "{below: 0.5, when: {not: {mostly_another_language: true}}, severity: info, note: not a patient}")
    found = _findings(tmp_path, linter, text, Scores({"Harold Finch": 0.0}), 0.1, pack)
    assert [(f[1], f[2]) for f in found] == [("Harold Finch", severity)]


def test_mostly_another_language_is_only_ever_true(tmp_path):
    path = tmp_path / "pack.yaml"
    path.write_text(PACK.replace("{below: 0.5, severity: info, note: not a patient}",
                                 "{below: 0.5, when: {mostly_another_language: false}, severity: info, note: not a patient}"))
    with pytest.raises(RulePackError, match=rf"^{path}:\d+: .*mostly_another_language"):
        load_pack(path)


@pytest.mark.parametrize("scores, post_score", [(None, 0.9), (Scores({"Harold Finch": 0.0}), None)])
def test_without_the_model_or_a_post_score_no_name_is_lowered(tmp_path, linter, scores, post_score):
    found = _findings(tmp_path, linter, "Harold Finch walked today.", scores, post_score)
    assert [(rule, severity) for rule, _, severity, _ in found] == [("TEST-NAME", "error")]


def test_a_rule_without_the_key_and_an_info_finding_are_never_scored(tmp_path, linter):
    scores = Scores({"Harold Finch": 0.0})
    text = "Harold Finch walked today."
    without_key = PACK.replace("    relax_doubtful: {below: 0.5, severity: info, note: not a patient}\n", "")
    assert [f[2] for f in _findings(tmp_path, linter, text, scores, pack=without_key)] == ["error"]
    info_rule = PACK.replace("severity: error", "severity: info")
    assert [f[2] for f in _findings(tmp_path, linter, text, scores, pack=info_rule)] == ["info"]
    assert scores.asked == []


@pytest.mark.parametrize("value", ["{below: 0, severity: info, note: x}", "{below: 1.5, severity: info, note: x}",
                                   "{below: high, severity: info, note: x}", "{below: 0.5, severity: info}",
                                   "{below: 0.5, severity: info, note: x, when: {nothing: 1}}"])
def test_a_bad_relax_doubtful_is_refused_with_file_and_line(tmp_path, value):
    path = tmp_path / "pack.yaml"
    path.write_text(PACK.replace("{below: 0.5, severity: info, note: not a patient}", value))
    with pytest.raises(RulePackError, match=rf"^{path}:10: .*relax_doubtful"):
        load_pack(path)


def test_a_donor_thanked_is_info_and_a_patient_thanked_is_an_error(linter):
    keep_all = Linter(engine=linter.engine, finding_scores=KeepAllFindings())

    def names(lin: Linter, text: str) -> list[tuple[str, str]]:
        return [(f.text, str(f.severity)) for f in lin.lint_text(text).findings if f.rule_id == "PHI-NAME"]

    assert names(keep_all, DONOR) == [("Marisol Ortega", "error")]
    assert names(linter, DONOR) == [("Marisol Ortega", "info")]
    assert names(linter, PATIENT) == [("Marisol Ortega", "error")]


def test_cli_passes_the_donor_post_with_a_note_and_fails_the_patient_post(cli_engine):
    runner = CliRunner()
    clean = runner.invoke(app, ["check", "--format", "json", "--text", DONOR])
    assert clean.exit_code == 0, clean.output
    (finding,) = json.loads(clean.output)["results"][0]["findings"]
    assert (finding["rule"], finding["severity"]) == ("PHI-NAME", "info")
    assert "reads like a detail of someone who is not a patient" in finding["message"]
    assert runner.invoke(app, ["check", "--fail-on", "info", "--text", DONOR]).exit_code == 1
    result = runner.invoke(app, ["check", "--format", "json", "--text", PATIENT])
    assert result.exit_code == 1, result.output
    findings = json.loads(result.output)["results"][0]["findings"]
    assert ("PHI-NAME", "Marisol Ortega", "error") in {(f["rule"], f["text"], f["severity"]) for f in findings}


# a post mostly in Spanish: the shipped models score its name low (they read mostly English words)
SPANISH_PATIENT = "Hoy vino Don Chente de Tlacotalpan con su nieta y nos trajo tamales para todo el turno."


def test_cli_fails_a_post_mostly_in_another_language_that_the_models_find_doubtful(cli_engine, monkeypatch):
    runner = CliRunner()
    result = runner.invoke(app, ["check", "--format", "json", "--text", SPANISH_PATIENT])
    assert result.exit_code == 1, result.output
    findings = json.loads(result.output)["results"][0]["findings"]
    assert [(f["rule"], f["severity"]) for f in findings] == [("PHI-NAME", "error")]
    # read as English, the same post would pass with its name at info
    monkeypatch.setattr(languages, "mostly_another_language", lambda text: False)
    relaxed = runner.invoke(app, ["check", "--format", "json", "--text", SPANISH_PATIENT])
    assert relaxed.exit_code == 0, relaxed.output
    assert [f["severity"] for f in json.loads(relaxed.output)["results"][0]["findings"]] == ["info"]


def test_a_doctor_turning_90_is_info_and_a_patient_turning_90_is_reported(linter):
    """Not only names: the consent rule's finding on a staff member's age is lowered too."""
    keep_all = Linter(engine=linter.engine, finding_scores=KeepAllFindings())
    doctor = "Congrats to our own Dr. Patel, who turned 90 this week and still sees patients every Tuesday!"
    patient = "Congrats to our patient Mr. Patel, who turned 90 this week and still comes to rehab every Tuesday!"

    def found(lin: Linter, text: str) -> set[tuple[str, str]]:
        return {(f.rule_id, str(f.severity)) for f in lin.lint_text(text).findings}

    assert found(keep_all, doctor) == {("SOC-NO-CONSENT", "warning")}
    assert found(linter, doctor) == {("SOC-NO-CONSENT", "info")}
    assert {("PHI-NAME", "error"), ("PHI-AGE", "error")} <= found(linter, patient)
