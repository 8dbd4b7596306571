"""Batch-7 tuning of the number and date detectors: fire/EMS run, incident and dispatch
numbers, plates and VINs read out in a vehicle sentence, infant security tags, L&D and OR
rooms, plan numbers said "for" someone, coded chart numbers, payment and reply handles,
in-case-of-emergency numbers, and m/d dates after a transport or a report.

Each case states a text and what the detectors find in it (entity, matched text); the
near-misses that must stay quiet are listed with the expected set left empty of them.
Rule-level cases (an agency's own licence, a station's line, the writer's own surgery
date) are in the rule packs' examples.
"""

import pytest

from hipaalint.detect.people_places_dates import build_people_places_dates
from hipaalint.detect.recognizers import build_recognizers


@pytest.fixture(scope="module")
def recognizers():
    return build_recognizers() + build_people_places_dates()


def found(recognizers, text, entity):
    """The matched texts of ``entity`` over every recognizer, run one by one."""
    return {
        text[result.start : result.end]
        for recognizer in recognizers
        if entity in recognizer.supported_entities
        for result in recognizer.analyze(text, entities=[entity], nlp_artifacts=None)
    }


CASES = {
    "OTHER_ID": [
        ("QA review: incident # 24-0071123 had no signature", {"24-0071123"}),
        ("who closed out run #2024-10-00912 without a narrative", {"2024-10-00912"}),
        ("dispatch logged it as CAD-24-099871 at 0312", {"CAD-24-099871"}),
        ("the ePCR no. 88120-44 is still open", {"88120-44"}),
        # near-misses: a count of runs or calls, a unit name
        ("that was run #3 of the night", set()),
        ("Engine 7 and Medic 12 took call #14 of the shift", set()),
    ],
    "DEVICE_ID": [
        ("the HUGS tag HT-44120 went off at the stairwell", {"HT-44120"}),
        ("infant security tag # 77103 wasn't reading", {"77103"}),
        # near-miss: no number
        ("every baby gets a security tag before leaving L&D", set()),
    ],
    "HEALTH_PLAN_ID": [
        ("the Medicaid ID for baby boy Ortiz is TX5510029944", {"TX5510029944"}),
        ("member # for her twins: 88120044771", {"88120044771"}),
        # near-miss
        ("the Medicaid ID for newborns is issued within 30 days", set()),
    ],
    "MRN": [
        ("please scan it into dad's chart B-551203 today", {"B-551203"}),
        # near-misses
        ("see chart 2 in the handout", set()),
        ("chart review is due Friday", set()),
    ],
    "ROOM": [
        ("the mom in LDR 4 is pushing", {"4"}),
        ("moved her to LDRP-7 after the epidural", {"LDRP-7"}),
        ("dad fainted in OR 3 during the c-section", {"3"}),
        # near-misses: unit names of a fire department, a count
        ("Engine 7 and Medic 12 cleared the scene", set()),
        ("we have 3 ORs and 2 LDRs", set()),
    ],
    "VEHICLE": [
        ("his old truck still has the original plate, KWX 4410", {"KWX 4410"}),
        # a VIN-shaped value in a sentence about a car, check digit or not
        ("she read the VIN off the car's registration: 1HGCM82633A004351 ok?", {"1HGCM82633A004351"}),
        ("her car insurance card shows 2T1BURHE5JC123456 on the back", {"2T1BURHE5JC123456"}),
        # near-misses
        ("the plate, as always, was cold", set()),
        ("lot number ABCDEFGH123456789 from the vaccine box", set()),
    ],
    "URL": [
        ("replying to @mia.and.baby.jo she is SO big now", {"@mia.and.baby.jo"}),
        ("a dad tried to venmo the unit a tip from @Sam-Reyes-41 lol", {"@Sam-Reyes-41"}),
        # near-miss: the writer's own payment handle in a promo
        ("venmo me at @nurse_jen for the study guide", set()),
    ],
    "PHONE": [
        ('his phone kept ringing from "Wife" at 555-0148 all night', {"555-0148"}),
        ("the bracelet said ICE 555-0193 on the back", {"555-0193"}),
        # near-miss: ice in a cooler
        ("grabbed ice 555 times tonight lol", set()),
    ],
    "DATE": [
        ("pt transported 10/2 still has no PCR", {"10/2"}),
        ("her family wants the report from 8/14 for the lawyer", {"8/14"}),
        # near-miss: a pain score after "from"
        ("pain went from 8/10 to 3/10", set()),
    ],
}


@pytest.mark.parametrize(
    ("entity", "text", "expected"),
    [(entity, text, expected) for entity, cases in CASES.items() for text, expected in cases],
)
def test_found(recognizers, entity, text, expected):
    assert found(recognizers, text, entity) == expected
