"""Batch-5 tuning of the number and date detectors: day-month dates written outside the US,
holidays of other countries, ages, phones in lists, rooms and other identifiers.

Each case states a text and what the detectors find in it (entity, matched text); the
near-misses that must stay quiet are listed with the expected set left empty of them.
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


# --- dates ---------------------------------------------------------------------------------

DATES = [
    # a day-first d/m whose day cannot be a month, after a date word
    ("we carried him down the stairs on 14/03, ankle's fine", {"14/03"}),
    ("born 23/11, 1.2 kg, going home today", {"23/11"}),
    ("She was admitted 30/6 with pneumonia", {"30/6"}),
    # a full day-first date
    ("DOB 19/09/1948 on the wristband", {"19/09/1948"}),
    ("seen on 25.12.25 for the burn", {"25.12.25"}),
    # m-d with a dash ending the phrase
    ("chest pain after practice on 11-3, everyone said anxiety", {"11-3"}),
    # the reader's booking
    ("Your last lab check is 9/15, see you then", {"9/15"}),
    ("Your cleaning is on 7/22 at 10am", {"7/22"}),
    ("Your review is booked for 4/11.", {"4/11"}),
    # holidays of other countries used as the date
    ("Called to a house fire on Boxing Day at 0200", {"Boxing Day"}),
    ("He was admitted on Anzac Day after the march", {"Anzac Day"}),
    # near-misses
    ("he was on 2-3 puffs a day and 5-10 mg of it", set()),
    ("We scored 14/20 on the quiz", set()),
    ("pain is 7/10 today", set()),
    ("the Boxing Day sale starts soon", set()),
    ("a check on 5-10 patients a shift", set()),
]


@pytest.mark.parametrize(("text", "expected"), DATES)
def test_dates(recognizers, text, expected):
    assert found(recognizers, text, "DATE") == expected


# --- ages over 89 --------------------------------------------------------------------------

AGES = [
    ("ticking along beautifully for our lovely Rosaleen, 97 in March and sharper than me", {"97"}),
    ("Happy days for Mabel, 102 today!", {"102"}),
    ("Doreen (91) married her partner of 40 years in bay 2", {"91"}),
    ("Big thanks to Alf (96) for the cake", {"96"}),
    ("selfie w my fave patient 🤳 91 and still beat me at arm wrestling", {"91"}),
    ("Discharged him today. 94 and still driving himself to clinic", {"94"}),
    ("Hoy vino doña Lupita, 91 años, for her new dentures", {"91"}),
    ("Technically her 23rd... actually her 92nd!", {"92"}),
    ("madame pierre in rm 18 is 101 and STILL does her hair", {"101"}),
    # near-misses
    ("Sats 91 and still dropping, called the reg", set()),
    ("Ward 5 (96) beds are full", set()),
    ("Room 4 (92%) humidity is too high", set()),
    ("Chicago, 95 today and humid", {"95"}),  # a town's weather reads like an age: accepted
    ("her 92nd visit this year", set()),
    ("the patient in rm 18 is 95 pounds lighter", set()),
]


@pytest.mark.parametrize(("text", "expected"), AGES)
def test_ages_over_89(recognizers, text, expected):
    assert found(recognizers, text, "AGE_OVER_89") == expected


# --- phones --------------------------------------------------------------------------------

PHONES = [
    ("call back list: rosa alvarez 555-0123 (contacts ready), Tim O. 555-0179 (remake)", {"555-0123", "555-0179"}),
    ("his wife left her number with the desk, ICU-4, tell him he is in trouble: 555-0188", {"555-0188"}),
    ("ur pt's wife writes her number on ur hand 😂 5550134 #nursetok", {"5550134"}),
    ("Ride is her husband Rob, 555-0137, white Tahoe", {"555-0137"}),
    ('pt tatted his mom\'s name and number on his forearm "ROSA 555-0193"', {"555-0193"}),
    # near-misses
    ("her number of visits went from 3 to 12 in 2024", set()),
    ("Ride is her husband Rob, 2 hours away", set()),
]


@pytest.mark.parametrize(("text", "expected"), PHONES)
def test_phones(recognizers, text, expected):
    assert found(recognizers, text, "PHONE") == expected


# --- rooms ---------------------------------------------------------------------------------

ROOMS = [
    ("8 lb 1 oz, delivered in birthing suite 4 🎆", {"4"}),
    ("Discharge day for our girl from cot 11 🍼", {"11"}),
    ("visiting Reggie in the infusion suite, chair 6. He loves crosswords", {"6"}),
    # near-misses
    ("the chair 6.5 inches lower", set()),
    ("a cot 2 weeks old from the donor shop", set()),
]


@pytest.mark.parametrize(("text", "expected"), ROOMS)
def test_rooms(recognizers, text, expected):
    assert found(recognizers, text, "ROOM") == expected
