"""Rewrite-only rules (``rewrite_only: true``): they run last, only on a post where another
rule reported an identifier at warning or above; their findings are info, not repeated
inside such an identifier, and the rewrite replaces them. End to end: PHI-POSSIBLE-ID with
the shipped models."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from hipaalint.cli import app
from hipaalint.errors import RulePackError
from hipaalint.models import Post, Severity
from hipaalint.rewrite import rewrite
from hipaalint.rulepack import evaluate, load_pack
from stub_models import FixedScore, FixedWords

PACK = """\
name: test
version: 1
description: test pack
rules:
  - id: TEST-MAYBE
    name: Test maybe
    severity: info
    message: "maybe {text}"
    rationale: test
    rewrite_only: true
    match: {patient_word_at_least: 0.15}
    fix:
      hint: check it
    examples:
      bad: [a, b, c]
      good: [a, b, c]
  - id: TEST-NAME
    name: Test name
    severity: error
    message: "name {text}"
    rationale: test
    match: {patient_word_at_least: 0.3}
    fix:
      hint: remove it
    examples:
      bad: [a, b, c]
      good: [a, b, c]
"""

TEXT = "Walter Pruitt went home today; June picked him up."


def _findings(tmp_path, linter, probabilities: dict[str, float], pack: str = PACK):
    path = tmp_path / "pack.yaml"
    path.write_text(pack)
    doc = linter.engine.analyze(TEXT).doc
    return evaluate(load_pack(path).rules, Post("p", TEXT, "t"), doc, [], FixedScore(0.9), FixedWords(probabilities))


def test_a_rewrite_only_rule_lists_the_doubtful_words_of_a_reported_post_at_info(tmp_path, linter):
    findings = _findings(tmp_path, linter, {"Walter": 0.4, "Pruitt": 0.2, "June": 0.2})
    # "Pruitt" joins "Walter" in the TEST-MAYBE hit "Walter Pruitt", which TEST-NAME's "Walter"
    # does not cover: it is kept
    assert [(f.rule_id, f.text, f.severity) for f in findings] == [
        ("TEST-NAME", "Walter", Severity.ERROR),
        ("TEST-MAYBE", "Walter Pruitt", Severity.INFO),
        ("TEST-MAYBE", "June", Severity.INFO),
    ]


def test_a_word_inside_a_reported_span_is_not_listed_again(tmp_path, linter):
    findings = _findings(tmp_path, linter, {"Walter": 0.4, "June": 0.2})
    assert [(f.rule_id, f.text) for f in findings] == [("TEST-NAME", "Walter"), ("TEST-MAYBE", "June")]


@pytest.mark.parametrize(
    "change, probabilities, reported",
    [
        (None, {"June": 0.2}, set()),  # nothing reported
        (("severity: error", "severity: info"), {"Walter": 0.4, "June": 0.2}, {"TEST-NAME"}),  # an identifier at info
        (("match: {patient_word_at_least: 0.3}", "match: {terms: [picked]}"), {"June": 0.2}, {"TEST-NAME"}),  # no entity
    ],
    ids=["nothing", "info", "no entity"],
)
def test_a_post_with_no_identifier_to_replace_gets_no_rewrite_only_finding(tmp_path, linter, change, probabilities, reported):
    findings = _findings(tmp_path, linter, probabilities, PACK.replace(*change) if change else PACK)
    assert {f.rule_id for f in findings} == reported


def test_the_rewrite_replaces_the_findings_of_the_rules_it_is_told_are_rewrite_only(tmp_path, linter):
    findings = _findings(tmp_path, linter, {"Walter": 0.4, "June": 0.2})
    assert rewrite(TEXT, findings).text == "[PATIENT] Pruitt went home today; June picked him up."
    assert rewrite(TEXT, findings, rewrite_only={"TEST-MAYBE"}).text == "[PATIENT] Pruitt went home today; [PATIENT] picked him up."


@pytest.mark.parametrize(
    "change",
    [("severity: info", "severity: warning"), ("rewrite_only: true", "rewrite_only: true\n    scope: post"),
     ("rewrite_only: true", "rewrite_only: true\n    fallback: true")],
    ids=["warning", "scope post", "fallback"],
)
def test_a_rewrite_only_rule_must_be_an_info_span_rule_and_no_fallback(tmp_path, change):
    path = tmp_path / "pack.yaml"
    path.write_text(PACK.replace(*change, 1))
    with pytest.raises(RulePackError, match=rf"^{path}:5: .*rewrite_only rule has severity info"):
        load_pack(path)


# the patient-words model scores "June" about 0.25 here: below PHI-NAME's 0.3, and no
# recognizer takes it
STORY = "Our patient Walter Pruitt went home today and June never left his side on 5 North."


def test_cli_lists_the_doubtful_word_and_the_rewrite_removes_it(cli_engine):
    result = CliRunner().invoke(app, ["check", "--format", "json", "--text", STORY])
    assert result.exit_code == 1, result.output
    (report,) = json.loads(result.output)["results"]
    possible = [(f["text"], f["severity"]) for f in report["findings"] if f["rule"] == "PHI-POSSIBLE-ID"]
    assert possible == [("June", "info")]
    assert "June" not in report["redacted"] and "Pruitt" not in report["redacted"]


def test_cli_fix_removes_the_doubtful_word_from_the_file(cli_engine, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(STORY + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--fix", str(draft)])
    assert result.exit_code == 1, result.output  # SOC-NO-CONSENT is left for the author
    fixed = draft.read_text(encoding="utf-8")
    assert "June" not in fixed and "Pruitt" not in fixed and fixed.endswith("5 North.\n")


def test_cli_stays_quiet_on_a_clean_post(cli_engine):
    result = CliRunner().invoke(app, ["check", "--text", "Kit 44719 is our new wound-care starter pack, ask the pharmacy team about it."])
    assert (result.exit_code, result.output) == (0, "")
