"""The patient-words model and the ``patient_word_at_least`` condition: which words are
candidates and their features, the probability (the shipped weights are checked in
test_shipped_models.py), the condition's hits, and, end to end, a surname in a review reply that only
the model finds."""

from __future__ import annotations

import json
import math

import pytest
from typer.testing import CliRunner

from hipaalint import conditions as c
from hipaalint.cli import app
from hipaalint.detect.patient_words import Candidate, PatientWordsModel, candidates, is_number_candidate
from hipaalint.errors import RulePackError
from hipaalint.linter import Linter
from hipaalint.rulepack import load_pack
from stub_models import FixedScore, FixedWords

# the model scores "Kranz" about 0.7 here; no recognizer or rule reports it
REVIEW = "@Shelby Kranz thank you for bringing your little guy in for his stitches!"


def _words(cands: list[Candidate], text: str) -> list[str]:
    return [text[c.start : c.end] for c in cands]


def test_candidates_are_known_names_or_capitalised_words_that_are_no_english_word():
    text = "Saw marisol and Dr Lee at 3pm; the kids loved bed B and 4West, ask Zed2 or jojo"
    # marisol: a known first name; Lee: capitalised and a surname; Dr: capitalised, no English
    # word; not "Saw" (an English word and no name), "3pm", "4West", "Zed2" (digits), "B"
    # (one letter), "bed", "jojo" (lowercase, no known name)
    assert _words([x for x in candidates(text, 0.5) if not is_number_candidate(x)], text) == ["marisol", "Dr", "Lee"]


def test_weekdays_platforms_and_months_used_as_months_are_no_candidates():
    text = "June turned 91 in June! Since May 3 she posts on Facebook every Sunday; March and April say hi"
    # "June" and "April" are first names; the second June follows "in", May comes before a
    # day, "March" is no first name
    assert _words([x for x in candidates(text, 0.9) if not is_number_candidate(x)], text) == ["June", "April"]


def test_room_words_before_a_code_and_abbreviations_in_capitals_are_no_candidates():
    text = "Out of Ward 4B today; Mrs Ward and Ed from the ED say hi, MRN on file"
    # "Ward" before "4B" names the ward, the second "Ward" is a surname; "ED" and "MRN" in
    # capitals are a department and a label, "Ed" a name
    assert _words([x for x in candidates(text, 0.9) if not is_number_candidate(x)], text) == ["Ward", "Ed"]


def test_a_saints_name_is_no_candidate():
    text = "Rita found the bulletin from St. Rita's, boulevard Saint-Laurent, Santo Antônio"
    # the patient Rita is; the saints of a church, a street and a feast are not (nor "Saint")
    assert _words([x for x in candidates(text, 0.9) if not is_number_candidate(x)], text) == ["Rita"]


def test_a_title_or_an_honorific_is_no_candidate():
    text = "Give Nana Fay a hug, and Lola Remedios too; Lata aunty and Kamla dadi say hi, Nana"
    # a kinship title is the title before a name (not alone: "Nana" may be someone's name)
    assert _words([x for x in candidates(text, 0.9) if not is_number_candidate(x)], text) == [
        "Fay", "hug", "Remedios", "too", "Lata", "Kamla", "Nana"]


def test_nothing_inside_a_rewrite_tag_is_a_candidate():
    text = "Congrats to [PATIENT], [MRN] 7, bed [ROOM], [AGE OVER 89] and Walter"
    assert _words(candidates(text, 0.9), text) == ["Congrats", "7", "Walter"]


def test_numbers_are_runs_of_letters_and_digits_joined_by_slash_dot_or_dash():
    text = (
        "bed 7, born 24.12 at 2:14am; call 555-0193 re ID OH77120493-01 on 4West (not B or Zed, over 90 or under 5, "
        "not 1500 mg or 7 lbs 2 oz)."
    )
    numbers = [x for x in candidates(text, 0.5) if is_number_candidate(x)]
    assert _words(numbers, text) == ["7", "24.12", "2", "14am", "555-0193", "OH77120493-01", "4West"]
    assert [x.start for x in candidates(text, 0.5)] == sorted(x.start for x in candidates(text, 0.5))



def test_a_toll_free_number_is_no_candidate_but_digits_inside_a_longer_one_are():
    text = "Crisis line 1-877-014-3300 or (800) 222-1222; her cell 555-0193, card n. 80380000900341275518."
    numbers = [x for x in candidates(text, 0.5) if is_number_candidate(x)]
    assert _words(numbers, text) == ["555-0193", "80380000900341275518"]

def test_a_number_has_features_of_its_own():
    text = "Bib 4471 came in, born 24.12 and ID OH77120493-01"
    bib, born, code = [x for x in candidates(text, 0.97) if is_number_candidate(x)]
    assert {"n:number", "ns:dddd", "nd:4", "nv:big", "np1:bib", "np2:<edge>", "nn1:came", "nsc:vhi", "np1v:bibnv:big"} <= bib.features
    assert {"ns:dd.dd", "nv:-", "np1:born"} <= born.features
    assert {"ns:XXdddd+-dd", "nd:10", "nn1:<edge>"} <= code.features
    assert not any(f.startswith(("s:", "sc:", "p1:")) for f in bib.features)  # no word feature: one model scores both kinds


def test_features_describe_the_word_its_neighbours_and_the_post():
    text = "Thank you Kenji! See you soon"
    (kenji,) = [cand for cand in candidates(text, 0.97) if text[cand.start : cand.end] == "Kenji"]
    assert {
        "s:Xx", "si0", "p1:you", "p2:thank", "n1:see", "n2:you", "pp:w ", "np:! ", "sc:vhi", "p1sh:x", "n1sh:X", "sc:vhis:Xx",
    } <= kenji.features
    assert any(f.startswith("fn") and f.endswith("eng0") for f in kenji.features)  # not an English word


@pytest.mark.parametrize(
    "text, word, starts",
    [("Kenji waved", "Kenji", True), ("so proud. Kenji waved", "Kenji", True), ("so proud 🎉 Kenji", "Kenji", True),
     ("line one\n  Kenji", "Kenji", True), ("ask Kenji", "Kenji", False), ("Dear Kenji", "Kenji", False)],
)
def test_a_word_after_a_sentence_end_or_at_a_line_start_starts_a_sentence(text, word, starts):
    (cand,) = [x for x in candidates(text, 0.5) if text[x.start : x.end] == word]
    assert (f"si{int(starts)}" in cand.features) is True


@pytest.mark.parametrize("score, bucket", [(0.0, "lo"), (0.29, "lo"), (0.3, "mid"), (0.7, "hi"), (0.95, "vhi"), (1.0, "vhi")])
def test_the_post_score_is_a_bucket_feature(score, bucket):
    (cand,) = candidates("Kenji", score)
    assert f"sc:{bucket}" in cand.features


def test_probability_is_the_logistic_of_bias_plus_the_known_weights():
    model = PatientWordsModel(weights={"s:Xx": 1.5, "p1:dear": 2.0, "sc:lo": -3.0}, bias=-1.0)
    (cand,) = [x for x in candidates("Dear Kenji", 0.9) if x.start == 5]
    assert model.probability(cand) == pytest.approx(1 / (1 + math.exp(-(-1.0 + 1.5 + 2.0))))


def _ctx(text: str, words, score: float | None = 0.9) -> c.PostContext:
    return c.PostContext(text, None, (), FixedScore(score), words)


def test_the_condition_reports_words_at_or_above_its_threshold_as_person_and_joins_neighbours():
    text = "Dear Walter and June Pruitt, thanks"
    words = FixedWords({"Walter": 0.5, "June": 0.41, "Pruitt": 0.9, "Dear": 0.39})
    hits = c.PatientWords(0.4).evaluate(_ctx(text, words))
    assert [(text[h.start : h.end], h.entity, h.score) for h in hits] == [("Walter", "PERSON", 0.5), ("June Pruitt", "PERSON", 0.9)]
    assert c.PatientWords(0.95).evaluate(_ctx(text, words)) is None


def test_a_hyphenated_name_is_one_hit():
    text = "The Okafor-Bell family"
    (hit,) = c.PatientWords(0.4).evaluate(_ctx(text, FixedWords({"Okafor": 0.5, "Bell": 0.6})))
    assert text[hit.start : hit.end] == "Okafor-Bell"


def test_the_number_condition_reports_numbers_alone_as_other_id_and_the_word_condition_leaves_them():
    text = "Walter in bed 7 since 2/11"
    words = FixedWords({"Walter": 0.9, "7": 0.6, "2/11": 0.35})
    hits = c.PatientNumbers(0.3).evaluate(_ctx(text, words))
    assert [(text[h.start : h.end], h.entity, h.score) for h in hits] == [("7", "OTHER_ID", 0.6), ("2/11", "OTHER_ID", 0.35)]
    assert [text[h.start : h.end] for h in c.PatientNumbers(0.5).evaluate(_ctx(text, words))] == ["7"]
    assert [text[h.start : h.end] for h in c.PatientWords(0.3).evaluate(_ctx(text, words))] == ["Walter"]


@pytest.mark.parametrize("words, score", [(None, 0.9), (FixedWords({"Walter": 1.0}), None)])
def test_without_the_model_or_a_post_score_the_condition_never_matches(words, score):
    assert c.PatientWords(0.1).evaluate(_ctx("Dear Walter", words, score)) is None


RULE = """\
name: test
version: 1
description: test pack
rules:
  - id: TEST-WORD
    name: Test word
    severity: error
    message: "name {text}"
    rationale: test
    match: {patient_word_at_least: 0.4}
    fix:
      hint: remove it
    examples:
      bad: [a, b, c]
      good: [a, b, c]
"""


@pytest.mark.parametrize("value", ["0", "1.5", "high"])
@pytest.mark.parametrize("key", ["patient_word_at_least", "patient_number_at_least"])
def test_a_bad_threshold_is_refused_with_file_and_line(tmp_path, value, key):
    path = tmp_path / "pack.yaml"
    path.write_text(RULE.replace("patient_word_at_least: 0.4}", f"{key}: {value}}}"))
    with pytest.raises(RulePackError, match=rf"^{path}:10: .*{key}"):
        load_pack(path)


def test_the_model_finds_a_surname_the_rules_miss(linter):
    """Without the model PHI-NAME does not report "Kranz"; with it, once."""

    def kranz(lin: Linter) -> list[tuple[str, str]]:
        return [(f.text, str(f.severity)) for f in lin.lint_text(REVIEW).findings if f.rule_id == "PHI-NAME" and "Kranz" in f.text]

    assert kranz(Linter(engine=linter.engine, patient_words=FixedWords({}))) == []
    assert kranz(linter) == [("Kranz", "error")]


# no recognizer takes the donor's specimen number; the model scores it about 0.8
DONOR = "Collectors at the Lufkin site: CCF #7733104 for donor K. Thibodeaux came through with a positive result."


def test_the_model_finds_a_number_no_recognizer_took(linter):
    def other_ids(lin: Linter) -> list[tuple[str, str, str]]:
        return [(f.text, f.entity, str(f.severity)) for f in lin.lint_text(DONOR).findings if f.rule_id == "PHI-OTHER-ID"]

    assert other_ids(Linter(engine=linter.engine, patient_words=FixedWords({}))) == []
    assert other_ids(linter) == [("7733104", "OTHER_ID", "error")]


def test_cli_reports_and_removes_the_number_the_model_finds(cli_engine):
    result = CliRunner().invoke(app, ["check", "--format", "json", "--text", DONOR])
    assert result.exit_code == 1, result.output
    (report,) = json.loads(result.output)["results"]
    assert ("PHI-OTHER-ID", "7733104") in {(f["rule"], f["text"]) for f in report["findings"]}
    assert "7733104" not in report["redacted"]


def test_cli_reports_the_name_the_model_finds(cli_engine):
    result = CliRunner().invoke(app, ["check", "--format", "json", "--text", REVIEW])
    assert result.exit_code == 1, result.output
    findings = json.loads(result.output)["results"][0]["findings"]
    assert ("PHI-NAME", "Kranz") in {(f["rule"], f["text"]) for f in findings}


def test_a_word_inside_a_detection_is_left_to_its_rules():
    """A handle, a street, or a name the rules chose not to report (a historical figure's)."""
    from hipaalint.models import Detection

    text = "@tomas_r88 thanks"
    for detection in (Detection("URL", 0, 10, 0.9, "handle"), Detection("PERSON", 1, 6, 0.9, "spacy")):
        ctx = _ctx(text, FixedWords({"tomas": 0.9}))
        ctx.detections = (detection,)
        assert c.PatientWords(0.4).evaluate(ctx) is None
    ctx = _ctx(text, FixedWords({"tomas": 0.9}))
    assert [(h.start, h.end) for h in c.PatientWords(0.4).evaluate(ctx)] == [(1, 6)]


def test_a_historical_figure_the_rules_skip_stays_unreported(linter):
    text = "Elizabeth Blackwell, the first woman to earn a US medical degree, was born on February 3, 1821."
    assert not [f for f in linter.lint_text(text).findings if f.rule_id == "PHI-NAME"]


def test_a_span_two_branches_find_is_one_finding(tmp_path, linter):
    """An entity and a pattern both finding "Kranz" make one finding, the one naming the entity."""
    from hipaalint.models import Detection, Post
    from hipaalint.rulepack import evaluate

    path = tmp_path / "pack.yaml"
    path.write_text(RULE.replace("match: {patient_word_at_least: 0.4}", "match: {any: [{pattern: 'Kranz'}, {entities: [PERSON]}]}"))
    start = REVIEW.index("Kranz")
    detections = [Detection("PERSON", start, start + 5, 0.85, "spacy")]
    doc = linter.engine.analyze(REVIEW).doc
    findings = evaluate(load_pack(path).rules, Post("p", REVIEW, "t"), doc, detections)
    assert [(f.text, f.entity, f.score) for f in findings] == [("Kranz", "PERSON", 0.85)]
