"""Redacted rewrites: hand-made findings in, rewritten text out; a few through the real linter."""

from __future__ import annotations

from pathlib import Path

import pytest

from hipaalint.models import Finding, Severity
from hipaalint.rewrite import STYLES, TAGS, rewrite, spans_to_replace
from hipaalint.rulepack import builtin_pack_paths, load_pack

ROOT = Path(__file__).resolve().parents[1]


def finding(
    text: str,
    value: str,
    entity: str | None,
    *,
    nth: int = 0,
    rule_id: str = "PHI-TEST",
    severity: Severity = Severity.ERROR,
) -> Finding:
    """A finding on the ``nth`` occurrence of ``value`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(value, start + 1)
    return Finding(rule_id, severity, "post", start, start + len(value), 1, start + 1, value, "msg", "hint", entity)


def contextual(rule_id: str, severity: Severity = Severity.WARNING) -> Finding:
    return Finding(rule_id, severity, "post", 0, 0, 1, 1, "", "msg", "hint", None)


# --- tag -----------------------------------------------------------------------------


@pytest.mark.parametrize("entity, tag", sorted(TAGS.items()))
def test_tag_replaces_only_the_span(entity, tag):
    text = "Before X7Q-99 after."
    assert rewrite(text, [finding(text, "X7Q-99", entity)]).text == f"Before {tag} after."


def test_tag_names():
    assert TAGS["PERSON"] == "[PATIENT]"
    assert TAGS["NPI"] == TAGS["DEA"] == "[PROVIDER ID]"
    assert TAGS["OTHER_ID"] == "[ID]"


def test_text_outside_the_spans_is_kept_byte_for_byte():
    text = "**Update** 🎉 #Grateful\r\n\n- Maria Lopez\t(see https://example.org/flu)  \n> call 212-555-0178 😊\n"
    found = [finding(text, "Maria Lopez", "PERSON"), finding(text, "212-555-0178", "PHONE")]
    for style in ("tag", "mask"):
        out = rewrite(text, found, style).text
        head, tail = text[: found[0].start], text[found[1].end :]
        middle = text[found[0].end : found[1].start]
        assert out.startswith(head) and out.endswith(tail) and middle in out
    assert rewrite(text, found).text == (
        "**Update** 🎉 #Grateful\r\n\n- [PATIENT]\t(see https://example.org/flu)  \n> call [PHONE] 😊\n"
    )


def test_no_findings_no_change():
    text = "Our nurses answered 400 calls during flu season. 💉"
    for style in STYLES:
        assert rewrite(text, [], style).text == text


# --- merging -------------------------------------------------------------------------


def test_a_name_found_as_two_spans_becomes_one_tag():
    text = "Harold Vickers fell."
    found = [finding(text, "Harold", "PERSON"), finding(text, "Vickers", "PERSON")]
    assert rewrite(text, found).text == "[PATIENT] fell."
    assert rewrite(text, found, "mask").text == "H***** V****** fell."
    assert rewrite(text, found, "generalize").text == "A patient fell."


def test_spans_merge_across_a_line_break():
    text = "his daughter Ellen\nRoss called."
    found = [finding(text, "Ellen", "PERSON"), finding(text, "Ross", "PERSON")]
    assert rewrite(text, found).text == "his daughter [PATIENT] called."


def test_overlapping_spans_keep_the_more_specific_entity():
    text = "Chart 7730415 on file."
    found = [finding(text, "Chart 7730415", "PERSON"), finding(text, "7730415", "MRN")]
    assert rewrite(text, found).text == "[MRN] on file."


def test_touching_spans_of_different_entities_merge():
    text = "See JOSE7730415 now."
    found = [finding(text, "JOSE", "PERSON"), finding(text, "7730415", "MRN")]
    assert rewrite(text, found).text == "See [MRN] now."


def test_duplicate_findings_on_one_span_give_one_replacement():
    text = "Mrs. Henderson went home."
    found = [finding(text, "Henderson", "PERSON", rule_id=r) for r in ("PHI-NAME", "SOC-X", "PHI-NAME")]
    assert rewrite(text, found).text == "Mrs. [PATIENT] went home."


@pytest.mark.parametrize(
    "text, values, expected",
    [
        # whitespace between different entities: both kept, nothing but the space between them
        ("On March 3 Harold fell.", [("March 3", "DATE"), ("Harold", "PERSON")], "On [DATE] [PATIENT] fell."),
        # punctuation between spans: not merged (the comma stays as it was)
        ("From Springfield, 62704.", [("Springfield", "LOCATION"), ("62704", "LOCATION")], "From [LOCATION], [LOCATION]."),
    ],
)
def test_spans_not_merged(text, values, expected):
    assert rewrite(text, [finding(text, v, e) for v, e in values]).text == expected


# --- which findings are acted on -----------------------------------------------------


def test_info_findings_are_ignored():
    text = "Harold fell."
    found = [finding(text, "Harold", "PERSON", severity=Severity.INFO)]
    result = rewrite(text, found)
    assert result.text == text and result.unfixed == () and result.suggestions == ()


def test_warnings_are_fixed():
    text = "See gofundme.com/f/help-liam today."
    assert rewrite(text, [finding(text, "gofundme.com/f/help-liam", "URL", severity=Severity.WARNING)]).text == (
        "See [URL] today."
    )


def test_contextual_findings_are_unfixed_with_their_suggestions():
    text = "Hi Maria, so sorry your root canal hurt."
    found = [
        finding(text, "Maria", "PERSON"),
        contextual("SOC-REVIEW-CONFIRMS-PATIENT"),
        contextual("SOC-STIGMA", Severity.ERROR),
        contextual("SOC-REVIEW-CONFIRMS-PATIENT"),
        contextual("SOC-NO-SENTENCE"),
        contextual("SOC-INFO-ONLY", Severity.INFO),
    ]
    sentences = {
        "SOC-REVIEW-CONFIRMS-PATIENT": "Thank you for your feedback.",
        "SOC-STIGMA": "Our team cares for everyone.",
        "SOC-INFO-ONLY": "never offered",
    }
    result = rewrite(text, found, "generalize", sentences)
    assert result.text == "Hi there, so sorry your root canal hurt."
    assert [f.rule_id for f in result.unfixed] == [
        "SOC-REVIEW-CONFIRMS-PATIENT", "SOC-STIGMA", "SOC-REVIEW-CONFIRMS-PATIENT", "SOC-NO-SENTENCE",
    ]
    assert result.suggestions == ("Thank you for your feedback.", "Our team cares for everyone.")
    assert rewrite(text, found).suggestions == ()  # no sentences given, none offered


def test_an_entity_finding_with_an_empty_span_is_unfixed():
    text = "Harold fell."
    empty = Finding("PHI-NAME", Severity.ERROR, "post", 3, 3, 1, 4, "", "msg", "hint", "PERSON")
    result = rewrite(text, [empty])
    assert result.text == text and result.unfixed == (empty,)


def test_unknown_style_is_refused():
    with pytest.raises(ValueError, match="unknown rewrite style 'fancy'"):
        rewrite("text", [], "fancy")


def test_an_engine_can_be_passed_in():
    from presidio_anonymizer import AnonymizerEngine

    text = "Harold fell."
    assert rewrite(text, [finding(text, "Harold", "PERSON")], engine=AnonymizerEngine()).text == "[PATIENT] fell."


# --- no character of a span survives -------------------------------------------------

SPANS = [
    ("Harold Vickers", "PERSON"),
    ("March 3, 2026", "DATE"),
    ("97", "AGE_OVER_89"),
    ("Port Ellery", "LOCATION"),
    ("(555) 014-2230", "PHONE"),
    ("555-013-4477", "FAX"),
    ("dolores.f58@example.com", "EMAIL"),
    ("536-22-1847", "SSN"),
    ("7730415", "MRN"),
    ("XHP-448120937", "HEALTH_PLAN_ID"),
    ("0048-2291", "ACCOUNT"),
    ("D1234567", "LICENSE"),
    ("1HGCM82633A004352", "VEHICLE"),
    ("PM4471-2209", "DEVICE_ID"),
    ("gofundme.com/f/help-liam", "URL"),
    ("192.168.14.201", "IP_ADDRESS"),
    ("312B", "ROOM"),
    ("S25-00123", "OTHER_ID"),
    ("1234567893", "NPI"),
    ("AB1234563", "DEA"),
]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("value, entity", SPANS)
def test_no_span_survives(style, value, entity):
    text = f"Update: {value} was in the note. 🎉"
    out = rewrite(text, [finding(text, value, entity)], style).text
    assert value not in out
    assert out.endswith(" the note. 🎉")


def assert_masked(value: str, masked: str, entity: str) -> None:
    """Only the documented shape characters survive a mask."""
    assert len(masked) == len(value)
    digits = [i for i, ch in enumerate(value) if ch.isdigit()]
    word_starts = {i for i, ch in enumerate(value) if ch.isalpha() and (i == 0 or not value[i - 1].isalpha())}
    for i, (old, new) in enumerate(zip(value, masked)):
        if not old.isalnum():
            assert new == old, (value, masked)
        elif entity in ("PHONE", "FAX") and i in digits[-4:]:
            assert new == old, (value, masked)
        elif entity == "PERSON" and i in word_starts:
            assert new == old, (value, masked)
        else:
            assert new == "*", (value, masked)


@pytest.mark.parametrize("value, entity", SPANS + [("Maria G.", "PERSON"), ("José O'Brien-Díaz", "PERSON")])
def test_mask_keeps_only_the_documented_shape(value, entity):
    text = f"[{value}]"
    masked = rewrite(text, [finding(text, value, entity)], "mask").text[1:-1]
    assert_masked(value, masked, entity)


@pytest.mark.parametrize(
    "value, entity, expected",
    [
        ("(555) 014-2230", "PHONE", "(***) ***-2230"),
        ("555-014-2230", "FAX", "***-***-2230"),
        ("Maria Lopez", "PERSON", "M**** L****"),
        ("MRN-00482913", "MRN", "***-********"),
        ("jo.ng@example.net", "EMAIL", "**.**@*******.***"),
    ],
)
def test_mask_examples(value, entity, expected):
    assert rewrite(value, [finding(value, value, entity)], "mask").text == expected


# --- generalize ----------------------------------------------------------------------

GENERALIZE = [
    # names
    ("Mrs. Henderson finally went home!", [("Henderson", "PERSON")], "A patient finally went home!"),
    ("We saw Harold today.", [("Harold", "PERSON")], "We saw a patient today."),
    ("Got Mr. Lee's labs back.", [("Lee", "PERSON")], "Got the patient's labs back."),
    ("Hi Maria, so sorry.", [("Maria", "PERSON")], "Hi there, so sorry."),
    ("Dear Mr. Lee, we are sorry.", [("Lee", "PERSON")], "Dear valued patient, we are sorry."),
    ("Dear Mr. Lee, we are sorry.", [("Mr", "PERSON"), ("Lee", "PERSON")], "Dear valued patient, we are sorry."),
    ("Get well soon, Harold!", [("Harold", "PERSON")], "Get well soon!"),
    ("Thanks Dolores!", [("Dolores", "PERSON")], "Thanks!"),
    ("With his daughter Ellen, he left.", [("Ellen", "PERSON")], "With his daughter, he left."),
    ("pt JOSE was back", [("JOSE", "PERSON")], "pt was back"),
    (
        "Harold Vickers fell. Harold is fine.",
        [("Harold Vickers", "PERSON"), ("Harold", "PERSON", 1)],
        "A patient fell. The patient is fine.",
    ),
    # dates
    ("On March 3, 2026, he fell.", [("March 3, 2026", "DATE")], "In March 2026, he fell."),
    ("She was admitted on March 3 and left.", [("March 3", "DATE")], "She was admitted recently and left."),
    ("DOB 07/22/1958, pray for her.", [("07/22/1958", "DATE")], "DOB July 1958, pray for her."),
    ("Seen 2026-03-14 in clinic.", [("2026-03-14", "DATE")], "Seen March 2026 in clinic."),
    ("Born 3 Sept '51 at home.", [("3 Sept '51", "DATE")], "Born September 1951 at home."),
    # ages
    ("a 92-year-old keeper", [("92", "AGE_OVER_89")], "a 90-plus-year-old keeper"),
    ("patients aged 97 and up", [("97", "AGE_OVER_89")], "patients aged over 90 and up"),
    ("A man in his 90s beat sepsis.", [("90s", "AGE_OVER_89")], "A man over 90 beat sepsis."),
    ("Her 92nd birthday!", [("92nd", "AGE_OVER_89")], "Her birthday!"),
    # places
    ("A patient from Port Ellery rode in.", [("Port Ellery", "LOCATION")], "A patient from our area rode in."),
    ("Welcome home to Port Ellery.", [("Port Ellery", "LOCATION")], "Welcome home to our area."),
    ("his house at 14 Gull Point Road. He", [("14 Gull Point Road", "LOCATION")], "his house. He"),
    (
        "A toddler from Springfield, IL 62704 came.",
        [("Springfield", "LOCATION"), ("62704", "LOCATION")],
        "A toddler from our area came.",
    ),
    # record numbers and identifiers, with their labels
    ("Harold (MRN 7730415) had a fall.", [("7730415", "MRN")], "Harold had a fall."),
    ("MRN 00482913, your results are in.", [("00482913", "MRN")], "Your results are in."),
    ("Ms. D (MRN 00482913, DOB 07/22/1958) did it.", [("00482913", "MRN")], "Ms. D (DOB 07/22/1958) did it."),
    ("med rec #A-55102 was discharged.", [("A-55102", "MRN")], "Was discharged."),
    ("Her Medicare number 1EG4-TE5-MK73 was on the card.", [("1EG4-TE5-MK73", "HEALTH_PLAN_ID")],
     "Her Medicare number was on the card."),
    ("His DL# 44-812-993 is here.", [("44-812-993", "LICENSE")], "His DL is here."),
    ("The car, plate 7ABC123, was towed.", [("7ABC123", "VEHICLE")], "The car was towed."),
    ("His pump, serial # 00912233, alarmed.", [("00912233", "DEVICE_ID")], "His pump alarmed."),
    ("Login from 192.168.14.201 again.", [("192.168.14.201", "IP_ADDRESS")], "Login again."),
    ("My NPI: 1245319599, verify it.", [("1245319599", "NPI")], "My NPI, verify it."),
    ("our 94-year-old in bed 12 walked!", [("94", "AGE_OVER_89"), ("12", "ROOM")], "our 90-plus-year-old walked!"),
    # contact details
    ("Email her at jo@example.com today.", [("jo@example.com", "EMAIL")], "Email her today."),
    ("His wife (kim@example.net) called.", [("kim@example.net", "EMAIL")], "His wife called."),
    ("Post her email, jl77@example.org.", [("jl77@example.org", "EMAIL")], "Post her email."),
    ("His cell is 212-555-0178.", [("212-555-0178", "PHONE")], "His cell is (removed)."),
    ("Give her a ring on (555) 555-0142 or\nemail her.", [("(555) 555-0142", "PHONE")], "Give her a ring or\nemail her."),
]


def _findings(text, values):
    return [finding(text, v[0], v[1], nth=v[2] if len(v) > 2 else 0) for v in values]


@pytest.mark.parametrize("text, values, expected", GENERALIZE, ids=[g[0][:40] for g in GENERALIZE])
def test_generalize(text, values, expected):
    found = _findings(text, values)
    assert rewrite(text, found, "generalize").text == expected


@pytest.mark.parametrize("text, values, expected", GENERALIZE, ids=[g[0][:40] for g in GENERALIZE])
def test_generalize_changes_only_the_widened_spans(text, values, expected):
    found = _findings(text, values)
    spans = spans_to_replace(text, found, "generalize")
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    for f in found:  # every finding lies inside a widened span
        assert any(s.start <= f.start and f.end <= s.end for s in spans)
    spliced, pos = "", 0
    for s in spans:
        spliced += text[pos : s.start] + s.new
        pos = s.end
    assert rewrite(text, found, "generalize").text == spliced + text[pos:]


def test_generalize_keeps_line_breaks_and_emoji_around_the_spans():
    text = "Shout-out 🎉\n\nOn March 3, 2026, Harold\nVickers (MRN 7730415) went home! #Grateful\n"
    found = _findings(text, [("March 3, 2026", "DATE"), ("Harold\nVickers", "PERSON"), ("7730415", "MRN")])
    assert rewrite(text, found, "generalize").text == "Shout-out 🎉\n\nIn March 2026, a patient went home! #Grateful\n"


# --- through the real linter ---------------------------------------------------------

EXAMPLES = ["story.txt", "identifiers.txt", "review-reply-root-canal.txt"]
BAD_EXAMPLES = [text for rule in load_pack(ROOT / "rules" / "safe-harbor.yaml").rules for text in rule.spec.examples.bad]
POSTS = [(ROOT / "examples" / name).read_text(encoding="utf-8") for name in EXAMPLES] + BAD_EXAMPLES
POST_IDS = EXAMPLES + [f"bad-{i}" for i in range(len(BAD_EXAMPLES))]


@pytest.mark.parametrize("style", ["tag", "generalize"])
@pytest.mark.parametrize("text", POSTS, ids=POST_IDS)
def test_rewrite_is_clean_and_idempotent(linter, style, text):
    first = linter.rewrite(text, linter.lint_text(text).findings, style).text
    again = linter.lint_text(first).findings
    left = [(f.rule_id, f.text) for f in again if f.rule_id.startswith("PHI-") and f.severity == Severity.ERROR]
    assert left == [], f"{style} rewrite still has PHI: {first!r}"
    assert linter.rewrite(first, again, style).text == first


@pytest.mark.parametrize("style", ["tag", "mask"])
@pytest.mark.parametrize("text", POSTS[:3], ids=EXAMPLES)
def test_real_findings_text_outside_spans_is_kept(linter, style, text):
    found = linter.lint_text(text).findings
    spans = spans_to_replace(text, found, style)
    out = rewrite(text, found, style).text
    pos = 0
    for s in spans:
        gap = text[pos : s.start]
        assert out.startswith(gap)
        out = out[len(gap) :]
        replaced = out[: (s.end - s.start) if style == "mask" else len(TAGS.get(s.entity, ""))]
        assert text[s.start : s.end] not in replaced
        out = out[len(replaced) :]
        pos = s.end
    assert out == text[pos:]


def test_contextual_findings_from_the_linter_come_back_unfixed(linter):
    sentences = {
        rule.id: rule.spec.fix.sentence
        for path in builtin_pack_paths()
        for rule in load_pack(path).rules
        if rule.spec.fix.sentence
    }
    text = (ROOT / "examples" / "review-reply-root-canal.txt").read_text(encoding="utf-8")
    found = linter.lint_text(text).findings
    result = rewrite(text, found, "generalize", sentences)
    expected = [f for f in found if f.entity is None and f.severity != Severity.INFO]
    assert expected and list(result.unfixed) == expected
    assert result.suggestions == tuple(dict.fromkeys(sentences[f.rule_id] for f in expected if f.rule_id in sentences))
    assert result.text.startswith('Reply to Google review (1 star, "a patient")\n\nHi there, so sorry')
