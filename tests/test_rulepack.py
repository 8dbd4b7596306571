"""Rule pack loading: every broken pack is refused with ``file:line: what is wrong``;
conditions evaluate as documented."""

from __future__ import annotations


import pytest
from typer.testing import CliRunner

from hipaalint.cli import app
from hipaalint.errors import RulePackError
from hipaalint.models import Post
from hipaalint.rulepack import builtin_pack_paths, evaluate, load_pack, load_rules, select_rules
from stub_models import FixedScore, FixedWords, KeepAllFindings

GOOD_RULE = """\
  - id: TEST-MRN
    name: Test MRN
    severity: error
    message: "MRN {text}"
    rationale: test
    match:
      entities: [MRN]
    fix:
      hint: remove it
    examples:
      bad: ["MRN 00482913", "MRN 00482914", "MRN 00482915"]
      good: ["hello", "hi", "hey"]
"""


def pack(rules: str) -> str:
    return "name: test\nversion: 1\ndescription: test pack\nrules:\n" + rules


BROKEN = {
    "bad yaml": ("name: test\nversion: 1\nrules: [\n  - id: X\n", 4, "invalid YAML"),
    "unknown key": (pack(GOOD_RULE.replace("    rationale: test\n", "    rationale: test\n    colour: red\n")), 10, "rule TEST-MRN: colour: unknown key"),
    "bad regex": (pack(GOOD_RULE.replace("      entities: [MRN]", "      pattern: '(unclosed'")), 11, "invalid regular expression"),
    "missing id": (pack(GOOD_RULE.replace("  - id: TEST-MRN\n    name", "  - name")), 5, "id: Field required"),
    "duplicate id": (pack(GOOD_RULE + GOOD_RULE), 17, "duplicate rule id TEST-MRN"),
    "bad severity": (pack(GOOD_RULE.replace("severity: error", "severity: fatal")), 7, "severity: Input should be"),
    "too few examples": (pack(GOOD_RULE.replace('good: ["hello", "hi", "hey"]', 'good: ["hello"]')), 16, "examples.good"),
    "wrong type": (pack(GOOD_RULE.replace("      entities: [MRN]", "      entities: MRN")), 11, "match.entities: Input should be a valid list"),
    "unknown entity": (pack(GOOD_RULE.replace("[MRN]", "[MRNN]")), 11, "unknown entity MRNN"),
    "no condition": (pack(GOOD_RULE.replace("      entities: [MRN]", "      colour: [MRN]")), 11, "a condition needs exactly one of"),
    "catastrophic regex": (pack(GOOD_RULE.replace("      entities: [MRN]", "      pattern: '(a+)+$'")), 11, "backtracks catastrophically"),
    "unknown message field": (pack(GOOD_RULE.replace('"MRN {text}"', '"MRN {value}"')), 8, "unknown field {value}"),
    "duplicate key": (pack(GOOD_RULE.replace("    name: Test MRN\n", "    name: Test MRN\n    name: Again\n")), 7, "duplicate key 'name'"),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_pack_names_file_and_line(tmp_path, name):
    text, line, message = BROKEN[name]
    path = tmp_path / "pack.yaml"
    path.write_text(text)
    with pytest.raises(RulePackError) as err:
        load_pack(path)
    assert str(err.value).startswith(f"{path}:{line}: "), str(err.value)
    assert message in str(err.value)


def test_validate_command_exit_codes(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text(pack(GOOD_RULE))
    bad = tmp_path / "bad.yaml"
    bad.write_text(BROKEN["bad severity"][0])
    runner = CliRunner()
    ok = runner.invoke(app, ["rules", "validate", str(good)])
    assert ok.exit_code == 0 and "ok (1 rules)" in ok.output
    refused = runner.invoke(app, ["rules", "validate", str(bad)])
    assert refused.exit_code == 2
    assert f"{bad}:7:" in refused.output and "Traceback" not in refused.output


def test_builtin_packs_load_and_ids_are_unique():
    rules = load_rules()
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids))
    assert {"PHI-NAME", "PHI-MRN", "PHI-AGE"} <= set(ids)
    assert all(p.suffix == ".yaml" for p in builtin_pack_paths())


def test_user_pack_clashing_with_builtin_id_is_refused(tmp_path):
    path = tmp_path / "clash.yaml"
    path.write_text(pack(GOOD_RULE.replace("TEST-MRN", "PHI-MRN")))
    with pytest.raises(RulePackError, match="already defined"):
        load_rules([path])


def test_select_ignore_prefixes_and_severity_override():
    from hipaalint.models import Severity

    rules = load_rules()
    phi = select_rules(rules, ["PHI"], ["PHI-NAME"])
    assert phi and all(r.id.startswith("PHI-") for r in phi)
    assert "PHI-NAME" not in {r.id for r in phi}
    overridden = select_rules(rules, ["PHI-AGE"], [], {"PHI-AGE": Severity.INFO})
    assert [(r.id, r.severity) for r in overridden] == [("PHI-AGE", Severity.INFO)]
    with pytest.raises(RulePackError, match="unknown rule"):
        select_rules(rules, ["PHI-NAMEZ"])


CONDITION_PACK = """\
  - id: TEST-NEAR
    name: near
    severity: warning
    message: "{{text}}"
    rationale: test
    scope: {scope}
    match:
      all:
        - near: {{terms: [x-ray, scan]}}
          to: {{terms: [patient]}}
          within: {within}
        - not: {{terms: [consent]}}
    fix:
      hint: h
    examples:
      bad: [a, b, c]
      good: [a, b, c]
"""


@pytest.mark.parametrize(
    "within, scope, text, expected",
    [
        (2, "span", "the patient's x-ray today", ["x-ray"]),
        (2, "span", "the x-ray of this lovely, lovely, lovely patient", []),
        ("sentence", "span", "the x-ray of this lovely, lovely, lovely patient", ["x-ray"]),
        ("sentence", "span", "Our x-ray room. The patient came.", []),
        ("sentence", "span", "patient x-ray with consent", []),
        ("sentence", "post", "patient x-ray and patient scan", ["x-ray"]),
        ("sentence", "span", "patient x-rays and patient scans", ["x-rays", "scans"]),
    ],
)
def test_near_not_and_scope(tmp_path, linter, within, scope, text, expected):
    assert _found(tmp_path, linter, CONDITION_PACK.format(within=within, scope=scope), text) == expected


def _found(tmp_path, linter, rules_yaml: str, text: str) -> list[str]:
    """The texts of the findings a pack made of ``rules_yaml`` raises on ``text``."""
    from hipaalint.models import Post
    from hipaalint.rulepack import evaluate

    path = tmp_path / "pack.yaml"
    path.write_text(pack(rules_yaml))
    analysis = linter.engine.analyze(text)
    return [f.text for f in evaluate(load_pack(path).rules, Post("p", text, "t"), analysis.doc, analysis.detections)]


SHARES_PACK = """\
  - id: TEST-SHARES
    name: shares
    severity: warning
    message: "{{text}}"
    rationale: test
    match:
      {key}: {{terms: [ana, ana ruiz, ruiz, bo]}}
      with: {{pattern: '(?<=\\bdr\\.? )\\w+(?: \\w+)?'}}
    fix:
      hint: h
    examples:
      bad: [a, b, c]
      good: [a, b, c]
"""


@pytest.mark.parametrize(
    "key, text, expected",
    [
        ("shares_no_word", "Dr. Ana Ruiz joined. Thanks, Ana! Ruiz rocks. Bo too.", ["Bo"]),
        ("shares_word", "Dr. Ana Ruiz joined. Thanks, Ana! Ruiz rocks. Bo too.", ["Ana Ruiz", "Ana", "Ruiz"]),
        ("shares_no_word", "Thanks, ANA and bo", ["ANA", "bo"]),  # no anchor: every span is kept
        ("shares_word", "Dr. ana lee saw Ana", ["ana", "Ana"]),  # case-insensitive
    ],
)
def test_shares_word(tmp_path, linter, key, text, expected):
    assert _found(tmp_path, linter, SHARES_PACK.format(key=key), text) == expected


def test_runaway_pattern_on_a_post_is_a_one_line_error(tmp_path, linter, monkeypatch):
    from hipaalint import conditions
    from hipaalint.models import Post
    from hipaalint.rulepack import evaluate

    path = tmp_path / "slow.yaml"
    path.write_text(pack(GOOD_RULE.replace("      entities: [MRN]", "      pattern: '(b|bb)+$'")))
    rules = load_pack(path).rules  # the load-time probes don't use 'b': this one slips through
    monkeypatch.setattr(conditions, "PATTERN_TIMEOUT_SECONDS", 0.01)
    text = "b" * 40 + "c"
    analysis = linter.engine.analyze(text)
    with pytest.raises(RulePackError, match=r"slow.yaml:5: rule TEST-MRN: a pattern ran for over"):
        evaluate(rules, Post("p", text, "t"), analysis.doc, analysis.detections)


def test_shipped_packs_pass_the_backtracking_probe():
    """Start-up skips the probe for the shipped packs; this test is what lets it."""
    for path in builtin_pack_paths():
        assert load_pack(path, trusted=False).rules


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # a staff member's news with a cheer for them is no review reply, even when a model
        # reads the nickname as a patient's name ...
        ("Congrats to Dr. Tamsin Oduya, our PGY-3, for the best resident talk at the sepsis "
         "conference. So proud of you, Tam!", False),
        # ... but a reply about the reader's own care still is
        ("Congrats to our nurse Tam on her first year! And Jo, so proud of you, your knee surgery "
         "went great.", True),
    ],
)
def test_the_review_reply_rule_skips_staff_news(engine, text, fires):
    rules = load_rules()
    analysis = engine.analyze(text)
    words = FixedWords({"Tam": 0.9, "Jo": 0.9})
    found = evaluate(rules, Post("p", text, "t"), analysis.doc, analysis.detections, FixedScore(0.9), words, KeepAllFindings())
    assert ("SOC-REVIEW-CONFIRMS-PATIENT" in {f.rule_id for f in found}) is fires
