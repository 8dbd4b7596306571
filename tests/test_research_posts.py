"""Posts by research coordinators, hospitalists and perioperative staff (found on the batch 29
dev posts): a study participant named like a patient, subject and kit numbers, the dates of a
study visit or a discharge, a patient's age after "pt is", a chart label's "SURNAME, I", and
the durations that are no identifier."""

import pytest

from hipaalint.detect.patient_words import candidates


@pytest.mark.parametrize(
    ("text", "entity", "value"),
    [
        ("Still no answer from participant Delphine Okoro about Tuesday.", "PERSON", "Delphine Okoro"),
        ("the watch for our participant R.K. stopped syncing", "PERSON", "R.K."),
        ("KIT 412-0093 WAS GIVEN TO SUBJECT 022-017 BY MISTAKE", "OTHER_ID", "022-017"),
        ("randomized on Friday, kit K-40913 in the fridge", "OTHER_ID", "K-40913"),
        ("her mrn 55102934, consented 6/3 for the sleep study", "DATE", "6/3"),
        ("walked the whole loop today and she's going home 11/28!", "DATE", "11/28"),
        ("daughter still not answering. pt is 94 and in step-down bed 3.", "AGE_OVER_89", "94"),
        ("Monitor strip still says OKAFOR, T / acct 88120 in the corner", "PERSON", "OKAFOR, T"),
    ],
)
def test_research_and_ward_identifiers(detected, text, entity, value):
    assert (entity, value) in detected(text)


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        ("We screened 40 subjects in 2025 and subject 3 of the cohort withdrew.", ("OTHER_ID", "3")),
        ("Over 120 participants enrolled; the kit count is 2 boxes short.", ("OTHER_ID", "2")),
        ("Remember: pt is NPO after midnight.", ("AGE_OVER_89", "NPO")),
    ],
)
def test_research_look_alikes(detected, text, unwanted):
    assert unwanted not in detected(text)


def test_a_participant_is_no_staff_member(rules_hit):
    """"our participant" names someone in a study, not a colleague ("our consultant")."""
    assert "PHI-NAME" in rules_hit("Can't reach our participant Delphine Okoro for her 6-month visit.")
    assert "PHI-NAME" not in rules_hit("Our consultant Delphine Okoro joins the team.")


@pytest.mark.parametrize("text", ["your study visit ran 90 minutes behind", "we waited 95 mins for transport"])
def test_a_duration_is_no_patient_number(text):
    assert not [c for c in candidates(text, 0.5) if text[c.start : c.end] in ("90", "95")]
