"""Names, dates, places and phones through the whole detector (spaCy + Presidio +
postprocessing), and the safe-harbor rules that decide whose identifier it is.

Each case states input -> expected detections (entity, text) or rule ids.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def detected(engine):
    def run(text: str) -> set[tuple[str, str]]:
        return {(d.entity, text[d.start : d.end]) for d in engine.analyze(text).detections}

    return run


def values(found: set[tuple[str, str]], entity: str) -> set[str]:
    return {value for ent, value in found if ent == entity}


# --- names -------------------------------------------------------------------------

NAMES = [
    # a reply that opens by naming the reader, with a dash, a comma or nothing
    ("Janelle - we hear you. The wait on Tuesday was long.", {"Janelle"}),
    ("Hank we appreciate you buddy!!", {"Hank"}),
    # a greeting followed by an emoji instead of punctuation
    ("Hi Dee ❤️ thank you for trusting us", {"Dee"}),
    # the title is not the name
    ("Dear Mr. Whitfield, thank you for the review.", {"Whitfield"}),
    ("Hi Ms. Oyelaran, thank you for the 4 stars!", {"Oyelaran"}),
    # kinship words, greetings and possessives are not part of the name
    ('Engraved with "Grandpa Lou" 👂', {"Lou"}),
    ("Please give Aunt Sophia our love as well.", {"Sophia"}),
    ("Our new intake kiosk scanned Helen Park's insurance card in 2 seconds.", {"Helen Park"}),
    # lowercase, ALL-CAPS and "last, first" names after a patient word or a title
    ("shoutout to mrs. henderson in rm 12B who taught me how to knit today", {"henderson"}),
    ("mrn:88123400 pt lopez, maria bed 17 needs a sitter", {"lopez, maria"}),
    ("THANK YOU to our amazing patient TONI ALVARADO for the flowers", {"TONI ALVARADO"}),
    ("The wristband says it all: RAMIREZ, ELENA lol", {"RAMIREZ, ELENA"}),
    # a name right before a birth date
    ("fax from the nursing home for DORIS KELLER DOB 1/22/1930 came in blank", {"DORIS KELLER"}),
    # a full name after an indefinite article
    ("We got a call for a Vera Castillo at the front desk.", {"Vera Castillo"}),
    # a quoted nickname inside a name
    ('party for our longest dialysis patient, Earl "Pop" Daniels 🎉', {'Earl "Pop" Daniels'}),
    # a hyphenated given name spaCy leaves out
    ("Help us find a donor match for Ji-woo Kim! Contact her sister Hana today.", {"Ji-woo Kim", "Hana"}),
    # not names: sentence openers, departments, placeholders, eponyms, lowercase nouns
    ("Can we talk about the new schedule? Thanks all.", set()),
    ("Registration, we need to talk about the forms.", set()),
    ('Case study (fictional): "Mr. X, a 60-year-old with chest pain..."', set()),
    ("Saw my first case of Fabry disease today.", set()),
    ("staff submitted 1,200 near-miss reports last year", set()),
]


@pytest.mark.parametrize(("text", "expected"), NAMES, ids=[t for t, _ in NAMES])
def test_person_names(detected, text, expected):
    assert values(detected(text), "PERSON") == expected


# --- dates -------------------------------------------------------------------------

DATES = [
    ("admit date 2/17/2026. Shredding it now", {"2/17/2026"}),
    ("your insurance terminated on 12/31/2025. We can help.", {"12/31/2025"}),
    ("Your next check-in is Monday, April 20, call us to confirm.", {"Monday, April 20"}),
    ("Born at 23 weeks on Christmas Eve weighing just 1 lb", {"Christmas Eve"}),
    ("baby girl born at 3:14am on Pi Day lol", {"Pi Day"}),
    ("Join us for our Christmas party next week", set()),
    ("version 2.1.2 is out", set()),
]


@pytest.mark.parametrize(("text", "expected"), DATES, ids=[t for t, _ in DATES])
def test_dates(detected, text, expected):
    assert values(detected(text), "DATE") == expected


# --- places ------------------------------------------------------------------------

PLACES = [
    ("She lives at 418 Birch Lane, Westbrook 04092. Please call if seen.", {"418 Birch Lane", "Westbrook", "04092"}),
    ("She lived at 412 Calle Sol her whole life.", {"412 Calle Sol"}),
    ("a return address in Pine Hollow on the case", {"Pine Hollow"}),
    ("A 57-year-old driver from Hoboken came in with chest pain.", {"Hoboken"}),
    # spaCy noise that is no town: units, drugs, abbreviations, bare streets, landmarks
    ("things I keep in my scrub pockets as an ER nurse", set()),
    ("Amoxicillin shortage update: the 400 mg/5 mL suspension is back.", set()),
    ("Please use the Oak Street entrance.", set()),
    ("In 2024, 1 in 5 U.S. adults experienced a mental illness.", set()),
    ("a rollover on Route 9 last night", set()),
]


@pytest.mark.parametrize(("text", "expected"), PLACES, ids=[t for t, _ in PLACES])
def test_places(detected, text, expected):
    assert values(detected(text), "LOCATION") == expected


def test_a_titled_person_is_not_a_place(detected):
    found = detected("Happy retirement to Nurse Gloria, 91, who volunteered here")
    assert values(found, "LOCATION") == set()


# --- phones ------------------------------------------------------------------------

PHONES = [
    ("If you find it, call 555-0181!", {"555-0181"}),
    ("can someone give them the direct # 555-0190 for the unit", {"555-0190"}),
    ("Called the number on the chart (555-0154) for the family", {"555-0154"}),
    ("the 2019-2024 report", set()),
]


@pytest.mark.parametrize(("text", "expected"), PHONES, ids=[t for t, _ in PHONES])
def test_local_phones(detected, text, expected):
    assert values(detected(text), "PHONE") == expected


# --- whose identifier: the safe-harbor rules ----------------------------------------

RULES = [
    # a patient's e-mail next to "email us" is still a patient's
    ("Any q's email us or her at tbrooks88@example.com", {"PHI-EMAIL"}),
    # a personal address stays flagged even when the sentence also says "call us"
    ("Questions? Email jdoe.home@example.com or call us.", {"PHI-EMAIL"}),
    # a patient story that mentions our hospital keeps its town
    ("Quadruplets born at our hospital last night to a couple from Tulsa!", {"PHI-GEO"}),
    # the organisation's own contact details
    ("Our intake line is (555) 014-0100 (Mon-Fri 8-4:30).", set()),
    ("For urgent issues, call our after-hours line at (555) 012-0177.", set()),
    ("Book with Dr. Rahman at (555) 018-0133.", set()),
    ("Apply at careers.example.com.", set()),
    ("Please don't hesitate to reach out at info@example.com if you need anything.", set()),
    ("St. Mary's Medical Center, 455 W. Lake Street, Riverton, is now offering stroke care.", set()),
    # public dates, staff and organisation ages, aggregates
    ("Dr. Michael Brennan will be retiring on June 30 after 38 years.", set()),
    ("Our hospital foundation's Gala for Hope is Saturday, November 8.", set()),
    ("Our patient portal will be down for maintenance on Sunday, February 9.", set()),
    ("Our hospital turns 100 this year!", set()),
    ("Our founder Dr. Helen Marsh turns 95 this week! She still visits.", set()),
    ("Our health system reports 2,300 patients aged 90+ in the program.", set()),
    # staff and clinicians' families
    ("Happy birthday to our amazing receptionist Linda!", set()),
    ("Thrilled to welcome Jordan Hayes as our new VP of Patient Experience.", set()),
    ("Happy 40th anniversary to Dr. Frank Ames and his wife Patty!", set()),
    ("Dr. James Whitley's son Theo turned 1 today!", set()),
    # ...but patients stay flagged
    ("Our 94-year-old patient turned 95 today!", {"PHI-AGE"}),
    ("Get well soon, Harold!", {"PHI-NAME"}),
]


@pytest.mark.parametrize(("text", "expected"), RULES, ids=[t for t, _ in RULES])
def test_phi_rules(rules_hit, text, expected):
    assert {r for r in rules_hit(text) if r.startswith("PHI-")} == expected
