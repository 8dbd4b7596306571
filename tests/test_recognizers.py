import pytest
from presidio_analyzer import PatternRecognizer

from hipaalint.detect.recognizers import build_recognizers
from hipaalint.entities import SAFE_HARBOR_LETTER as HEALTHCARE_ENTITIES

ENTITIES = {
    "MRN", "HEALTH_PLAN_ID", "ACCOUNT", "LICENSE", "NPI", "DEA", "VEHICLE",
    "DEVICE_ID", "ROOM", "FAX", "AGE_OVER_89", "OTHER_ID", "SSN", "URL",
}


@pytest.fixture(scope="module")
def recognizers():
    return build_recognizers()


def found(recognizers, text):
    """(entity, matched text) for every result of every recognizer, run one by one."""
    return {
        (result.entity_type, text[result.start : result.end])
        for recognizer in recognizers
        for result in recognizer.analyze(
            text, entities=recognizer.supported_entities, nlp_artifacts=None
        )
    }


def best_score(recognizers, text, value):
    return max(
        result.score
        for recognizer in recognizers
        for result in recognizer.analyze(
            text, entities=recognizer.supported_entities, nlp_artifacts=None
        )
        if text[result.start : result.end] == value
    )


EXPECTED = [
    # MRN
    ("MRN 00482913", {("MRN", "00482913")}),
    ("MRN: 00482913", {("MRN", "00482913")}),
    ("pulled med rec #A-55102 again", {("MRN", "A-55102")}),
    ("medical record number 4471-220", {("MRN", "4471-220")}),
    ("chart no. 7731-22", {("MRN", "7731-22")}),
    ("see chart #88123.", {("MRN", "88123")}),
    ("mRNA-1273 vaccine clinic", set()),
    ("MRN pending", set()),
    ("chart review for 12 patients", set()),
    ("medical records were reviewed in 2023", set()),
    # HEALTH_PLAN_ID
    ("member ID XJH448812", {("HEALTH_PLAN_ID", "XJH448812")}),
    ("subscriber # 99812-0", {("HEALTH_PLAN_ID", "99812-0")}),
    ("policy no. BCX-4471129", {("HEALTH_PLAN_ID", "BCX-4471129")}),
    ("Medicaid ID 12345678A", {("HEALTH_PLAN_ID", "12345678A")}),
    ("card says 1EG4-TE5-MK73", {("HEALTH_PLAN_ID", "1EG4-TE5-MK73")}),
    ("her Medicare number is 1EG4TE5MK73", {("HEALTH_PLAN_ID", "1EG4TE5MK73")}),
    ("member of the team since 2019", set()),
    ("Medicare covers 80% of the cost", set()),
    ("group of 12 nurses", set()),
    ("1SG4-TE5-MK73", set()),
    ("0EG4TE5MK73", set()),
    # ACCOUNT
    ("account # 0048-2291", {("ACCOUNT", "0048-2291")}),
    ("acct 7781123", {("ACCOUNT", "7781123")}),
    ("billing account 55-1002-33 is overdue", {("ACCOUNT", "55-1002-33")}),
    ("on account of 3 falls", set()),
    ("accounts for 20% of cases", set()),
    ("follow my account @nurse_jo2", set()),
    # a relative's handle
    ("his sister @lina.haddad.99 keeps dm'ing me for updates", {("URL", "@lina.haddad.99")}),
    ("follow my page @nurse.jo.rn for tips", set()),
    # a coded value after a billing label, without "#"
    ("claim CLM-25-0098812 keeps bouncing", {("ACCOUNT", "CLM-25-0098812")}),
    ("Invoice INV-2025-11873 was e-mailed", {("ACCOUNT", "INV-2025-11873")}),
    ("the claim for 2024 was denied", set()),
    ("bill 2 units of PT", set()),
    # LICENSE
    ("driver's license D1234567", {("LICENSE", "D1234567")}),
    ("DL# 44-812-993", {("LICENSE", "44-812-993")}),
    ("certificate no. 2025-00123", {("LICENSE", "2025-00123")}),
    ("license number RN448812", {("LICENSE", "RN448812")}),
    ("licensed since 2009", set()),
    ("give 5 dL of saline", set()),
    ("certificate of excellence 2024", set()),
    ("license plate ABC-1234", {("VEHICLE", "ABC-1234")}),
    # NPI
    ("NPI 1234567893", {("NPI", "1234567893")}),
    ("NPI: 1987654328", {("NPI", "1987654328")}),
    ("npi#1452367893", {("NPI", "1452367893")}),
    ("NPI 1234567890", set()),
    ("NPI 123456789", set()),
    ("call 1234567893", set()),
    # DEA
    ("DEA # AB1234563", {("DEA", "AB1234563")}),
    ("DEA: FM9876547", {("DEA", "FM9876547")}),
    ("script signed BJ5551230", {("DEA", "BJ5551230")}),
    ("DEA # AB1234567", set()),
    ("DEA # IB1234563", set()),
    ("DEA agents seized 2000 pills", set()),
    # VEHICLE
    ("plate 7ABC123", {("VEHICLE", "7ABC123")}),
    ("license plate ABC-1234", {("VEHICLE", "ABC-1234")}),
    ("tag # XYZ 789 in the lot", {("VEHICLE", "XYZ 789")}),
    ("car 1HGCM82633A004352 towed", {("VEHICLE", "1HGCM82633A004352")}),
    ("VIN: 1M8GDM9AXKP042788", {("VEHICLE", "1M8GDM9AXKP042788")}),
    # a bare 17-character code needs the North American check digit; after "VIN" the
    # shape is enough (the labeling guide's own "VIN 1FTFW1E50PFA12345" has no valid one)
    ("1HGCM82633A004353", set()),
    ("VIN 1HGCM82633A004353", {("VEHICLE", "1HGCM82633A004353")}),
    ("VIN 2HGFC2F59KH512984 on the tow slip", {("VEHICLE", "2HGFC2F59KH512984")}),
    ("titanium plate and 6 screws", set()),
    ("plate 2 of 3", set()),
    # DEVICE_ID
    ("S/N PM4471-2209", {("DEVICE_ID", "PM4471-2209")}),
    ("serial number 88X-2231-Q", {("DEVICE_ID", "88X-2231-Q")}),
    ("serial # 00912233", {("DEVICE_ID", "00912233")}),
    ("pacemaker serial PMX-55102", {("DEVICE_ID", "PMX-55102")}),
    ("implant ID IMP-20931", {("DEVICE_ID", "IMP-20931")}),
    ("UDI (01)00643169007222", {("DEVICE_ID", "(01)00643169007222")}),
    ("serial 12-lead ECGs", set()),
    ("serial troponins", set()),
    ("loop recorder SN LNQ88123X checked today", {("DEVICE_ID", "LNQ88123X")}),
    ("SN ratio was fine", set()),
    ("S/N ratio 20:1", set()),
    # ROOM
    ("room 312", {("ROOM", "312")}),
    ("rm 12B", {("ROOM", "12B")}),
    ("bed 4", {("ROOM", "4")}),
    ("the gentleman in 7C keeps ringing his bell", {("ROOM", "7C")}),
    ("a patient in 3 days will need a recheck", set()),
    ("the kid in 2nd grade", set()),
    ("brought her straight to Trauma 3, then OR", {("ROOM", "3")}),
    ("PICU 12 nurses on tonight", set()),
    ("old man Delacroix (97!) still flirts with us", {("AGE_OVER_89", "97")}),
    ("the widow (94) downstairs loves bingo", {("AGE_OVER_89", "94")}),
    ("our Press Ganey score (92) went up", set()),
    ("she celebrated 103 years with her great-grandkids", {("AGE_OVER_89", "103")}),
    ("we celebrated 100 years of service as a hospital", set()),
    ("his 91st bday on the unit", {("AGE_OVER_89", "91st")}),
    ("sheriff's report 2025-44180 came with the EMS packet", {("OTHER_ID", "2025-44180")}),
    # a coded approval or registry value; a titled name's or "one"'s age; an age in words after "turned"
    ("Prior auth PA-6630417 for her biologic came through", {("OTHER_ID", "PA-6630417")}),
    ("state registry ID IMM-558201 on file", {("OTHER_ID", "IMM-558201")}),
    ("mrs. luna is 94 and still gardens", {("AGE_OVER_89", "94")}),
    ("one is 90 and the other is 34", {("AGE_OVER_89", "90")}),
    ("Miss Ethel turned ninety-six today!!!", {("AGE_OVER_89", "ninety-six")}),
    ("her sat is 94 on room air", set()),
    ("police report filed yesterday", set()),
    ("her social security number ended in 8812", {("SSN", "8812")}),
    ("the subscriber ID from her card reads: QHX55012874", {("HEALTH_PLAN_ID", "QHX55012874")}),
    ("bed #12", {("ROOM", "12")}),
    ("bay 3", {("ROOM", "3")}),
    ("room 4-West", {("ROOM", "4-West")}),
    ("room 5 is being renovated", set()),
    ("room 5 is closed for renovation", set()),
    ("at the bedside", set()),
    ("in the bedroom", set()),
    ("waiting room", set()),
    ("emergency room visit", set()),
    ("came to the ER", set()),
    ("room 10 feet away", set()),
    ("Tampa Bay 2024", set()),
    # FAX
    ("fax 555-013-4477", {("FAX", "555-013-4477")}),
    ("fax: (555) 013-4477", {("FAX", "(555) 013-4477")}),
    ("F: 555.013.4477", {("FAX", "555.013.4477")}),
    ("the fax machine broke", set()),
    ("fax 5 pages", set()),
    ("F: 98.6", set()),
    # AGE_OVER_89
    ("92-year-old", {("AGE_OVER_89", "92")}),
    ("a 92 year old man", {("AGE_OVER_89", "92")}),
    ("aged 97", {("AGE_OVER_89", "97")}),
    ("age 95", {("AGE_OVER_89", "95")}),
    ("she turned 101", {("AGE_OVER_89", "101")}),
    ("his 101st birthday", {("AGE_OVER_89", "101st")}),
    ("in his 90s", {("AGE_OVER_89", "90s")}),
    ("in her nineties", {("AGE_OVER_89", "nineties")}),
    ("a 94 y/o", {("AGE_OVER_89", "94")}),
    ("94yo F", {("AGE_OVER_89", "94")}),
    ("94 yrs old", {("AGE_OVER_89", "94")}),
    ("ninety-two-year-old grandma", {("AGE_OVER_89", "ninety-two")}),
    ("89-year-old", set()),
    ("45-year-old", set()),
    ("90 minutes", set()),
    ("90 mg", set()),
    ("the 1990s", set()),
    ("turned 90 degrees", set()),
    ("aged 90 days", set()),
    ("12.92 years old", set()),
    # OTHER_ID
    ("case #2025-4471", {("OTHER_ID", "2025-4471")}),
    ("accession no. S25-00123", {("OTHER_ID", "S25-00123")}),
    ("encounter ID 99812233", {("OTHER_ID", "99812233")}),
    ("specimen # AB-1123", {("OTHER_ID", "AB-1123")}),
    ("claim number 7712-33", {("OTHER_ID", "7712-33")}),
    ("case 3 of 5", set()),
    ("in case 2024 goes well", set()),
    ("specimen collected at 0800", set()),
    # labels with a bare coded value, last digits, handles, unit beds
    ("MR# 4410293 and MR# 4410239", {("MRN", "4410293"), ("MRN", "4410239")}),
    ("Mr. 4410293", set()),
    ("SSN ending 6798", {("SSN", "6798")}),
    ("last 4 of her social 1234", {("SSN", "1234")}),
    ("this SSN format? 123-45-6789.", {("SSN", "123-45-6789")}),
    ("your card ending 4417 was declined", {("ACCOUNT", "4417")}),
    ("Visa ending in 0093", {("ACCOUNT", "0093")}),
    ("policy PX-7710-33-A was used twice", {("HEALTH_PLAN_ID", "PX-7710-33-A")}),
    ("our policy 2024 update", set()),
    ("member since 2019", set()),
    ("receiver (serial G6R-02219-XK)", {("DEVICE_ID", "G6R-02219-XK")}),
    ("serial SM22091448", {("DEVICE_ID", "SM22091448")}),
    ("serial killer podcast", set()),
    ("encounter ENC-2025-004417 for review", {("OTHER_ID", "ENC-2025-004417")}),
    ("a difficult encounter today", set()),
    ("user dgreene_44 cannot log in", {("OTHER_ID", "dgreene_44")}),
    ("the user guide is online", set()),
    ("Montana plate 44-9021B", {("VEHICLE", "44-9021B")}),
    ("his van, plate GABE RLZ lol", {("VEHICLE", "GABE RLZ")}),
    ("a plate of cookies", set()),
    ("she'll be in chair 6 Mon/Wed/Fri", {("ROOM", "6")}),
    ("committee chair 2024", set()),
    ("pt KOWALSKI in ICU-3", {("ROOM", "ICU-3")}),
    ("venmo his wife @Carla-Vasquez-22", {("URL", "@Carla-Vasquez-22")}),
    ("follow us @clinic", set()),
    ("Dolores passed on January 30 at 96.", {("AGE_OVER_89", "96")}),
    ("he died at 9:40 pm", set()),
    # a value in brackets after its label, a label a few words before "ending", prescription numbers
    ("his birth certificate number (B-19-330021) is on file", {("LICENSE", "B-19-330021")}),
    ("SSN on the form (ending 4410) was his wife's", {("SSN", "4410")}),
    ("Rx #7781023 was filled twice", {("OTHER_ID", "7781023")}),
    # an age after a pronoun and a verb, not a weight or a share
    ("she's 96 and still gardening", {("AGE_OVER_89", "96")}),
    ("He was 101, a ferry captain for 50 years", {("AGE_OVER_89", "101")}),
    ("he was 98 lbs at discharge", set()),
    ("she is 92% sure", set()),
    # the reader's handle opening a reply, not the organisation's own
    ("@tomas_r88 thanks for the kind review", {("URL", "@tomas_r88")}),
    ("Sorry @tomas_r88, we can't discuss that here", {("URL", "@tomas_r88")}),
    ("Follow us for updates @cityclinic", set()),
    ("Thanks so much @kaylarivera_22! Congrats again", {("URL", "@kaylarivera_22")}),
    ("Thanks for the shoutout @kai.moves.fast!! We saw your TikTok", {("URL", "@kai.moves.fast")}),
    ("Thanks to @riverside_rotary for the new wheelchairs", set()),
    # a patient's own account named as theirs
    ("please share her fundraiser and follow her recovery at @wendyrollson", {("URL", "@wendyrollson")}),
    ("Maybe message her on tiktok? She's @shondawalksitoff", {("URL", "@shondawalksitoff")}),
    ("Forum member Dolores (aka @dolo_knits) just celebrated a year", {("URL", "@dolo_knits")}),
    ("follow our journey at @cityclinic", set()),
    ("2,300 patients aged 90+ enrolled", set()),
    ("adults aged 90 and older", set()),
    # a verb between a marked label and its value
    ("the member number is QRT5512094 on her card", {("HEALTH_PLAN_ID", "QRT5512094")}),
    ("his account no. was 3381-207", {("ACCOUNT", "3381-207")}),
    ("chart # is 4471-09 for the twin", {("MRN", "4471-09")}),
    ("the member is happy", set()),
    ("chart no. is pending", set()),
    # plural labels, auth numbers, a word-like prefix before a long number
    ("MRNs 55120934 and 55120943 swapped", {("MRN", "55120934")}),
    ("prior auth # RX-2025-7781 denied", {("OTHER_ID", "RX-2025-7781")}),
    ("billing account CASE-77120 closed", {("ACCOUNT", "CASE-77120")}),
    ("case COVID-19 reporting", set()),
    # a coded value right after a device's name
    ("his pacemaker PMQ-2218-09 was interrogated", {("DEVICE_ID", "PMQ-2218-09")}),
    ("hearing aid KX4-771920 found in the lobby", {("DEVICE_ID", "KX4-771920")}),
    ("the insulin pump 780G is popular", set()),
    ("pacemaker checks every 6 months", set()),
    # the number a fax was sent to, later in the sentence
    ("faxed the referral for Mr. O. Diaz to 555-0177 twice", {("FAX", "555-0177")}),
    ("their fax is (555) 013-4410", {("FAX", "(555) 013-4410")}),
    ("we faxed it. Call 555-0177 with questions", set()),
    # an age set off by commas after a word
    ("Our patient Odette, 97, taught us bridge", {("AGE_OVER_89", "97")}),
    ("a retired baker, ninety-four, asked for pie", {("AGE_OVER_89", "ninety-four")}),
    ("rooms 91, 92, 93 are closed", set()),
    # a record or hospital number with a marker, not a record or a ranking
    ("record no. 4471-220 needs a call", {("MRN", "4471-220")}),
    ("EMR # 7781203 was merged", {("MRN", "7781203")}),
    ("hosp # 4410293 on the sticker", {("MRN", "4410293")}),
    ("we set a record 412 flu shots in a day", set()),
    ("ranked hospital #1 in the state", set()),
    # an abbreviated member label, an insurer's name as the label
    ("mbr id XJH448812 on the screenshot", {("HEALTH_PLAN_ID", "XJH448812")}),
    ("BCBS ID XYZ123456789 was on the card", {("HEALTH_PLAN_ID", "XYZ123456789")}),
    ("her Aetna ID is W123456789", {("HEALTH_PLAN_ID", "W123456789")}),
    ("we accept Aetna, Cigna and BCBS plans since 2019", set()),
    # an SSN after its label with spaces or no separator, "SS#" with a space, the last four
    # "are", a masked SSN showing its last four
    ("ss# 536221847 on the intake sheet", {("SSN", "536221847")}),
    ("SSN: 536 22 1847", {("SSN", "536 22 1847")}),
    ("the last four of her social are 4421", {("SSN", "4421")}),
    ("last 4 digits of pt's SSN = 0917", {("SSN", "0917")}),
    ("SSN xxx-xx-4421 was on the screen", {("SSN", "4421")}),
    ("the form shows ***-**-7733 now", {("SSN", "7733")}),
    ("never type xxx-xx-xxxx into a chat", set()),
    ("SSN cards are mailed in 10 days", set()),
    # a VIN after its label in any case (not a bare lowercase code)
    ("vin# 1hgcm82633a004352 on the tow slip", {("VEHICLE", "1hgcm82633a004352")}),
    ("1hgcm82633a004352", set()),
    # ages: "who is 97", "at 98, she", in words after "she's" and "aged", "at the age of",
    # age-and-sex shorthand (not a temperature, not a statistic)
    ("Grandma, who is 97, told the surgeon", {("AGE_OVER_89", "97")}),
    ("at 98, she still does her crossword", {("AGE_OVER_89", "98")}),
    ("She's ninety-four and done with rehab", {("AGE_OVER_89", "ninety-four")}),
    ("aged ninety-two, he walked out", {("AGE_OVER_89", "ninety-two")}),
    ("died at the age of 94 in her sleep", {("AGE_OVER_89", "94")}),
    ("93F with a UTI, sweetest lady", {("AGE_OVER_89", "93")}),
    ("92M, fell at home", {("AGE_OVER_89", "92")}),
    ("fever of 101F with chills overnight", set()),
    ("it's 95F with humidity at the fun run", set()),
    ("At 90, the risk of falls doubles", set()),
    ("a volunteer who is 100% committed", set()),
    # a room after an age noun: "our 93-year-old in 4B"
    ("our 93-year-old in 4B beat me at cards", {("AGE_OVER_89", "93"), ("ROOM", "4B")}),
    ("the 2-year-old in 3 weeks will walk", set()),
    # a birthday wish without the word, "y-o" with dashes; a thing's age is no one's
    ("Happy 95th, Rose! We sang for you", {("AGE_OVER_89", "95th")}),
    ("a 93-y-o veteran taught me cribbage", {("AGE_OVER_89", "93")}),
    ("Happy 100th anniversary to our hospital", set()),
    ("our 95-year-old building got a new roof", set()),
    # "ins. ID", an ID read from a plan card
    ("ins. ID XJH448812 keeps getting rejected", {("HEALTH_PLAN_ID", "XJH448812")}),
    ("the ID on her insurance card: BQX-44812-09", {("HEALTH_PLAN_ID", "BQX-44812-09")}),
    ("the ID on her insurance card is expired", set()),
    # "plate reads", a capitalised plate after a bare "tag" (not a price tag, not lowercase)
    ("plate reads 7KXB219 on the photo", {("VEHICLE", "7KXB219")}),
    ("the car had tag KXB 2219, police said", {("VEHICLE", "KXB 2219")}),
    ("price tag 2024 models are pricey", set()),
    ("tag us in your photos #teamwork2024", set()),
    # a lot number is a batch, not one device
    ("flu vaccine lot #AB1234 expires soon", set()),
    # not identifiers at all
    ("5 mg", set()),
    ("ICD-10 E11.9", set()),
    ("2024", set()),
    ("Dr. Patel", set()),
    ("call 911", set()),
    ("open 8am-5pm", set()),
    ("CPT 99213", set()),
]


@pytest.mark.parametrize(("text", "expected"), EXPECTED, ids=[text for text, _ in EXPECTED])
def test_found(recognizers, text, expected):
    assert found(recognizers, text) == expected


@pytest.mark.parametrize(
    ("text", "value", "score"),
    [
        ("1EG4-TE5-MK73", "1EG4-TE5-MK73", 0.6),
        ("MBI: 1EG4-TE5-MK73", "1EG4-TE5-MK73", 0.9),
        ("medicare 1EG4TE5MK73", "1EG4TE5MK73", 0.9),
        ("signed AB1234563", "AB1234563", 0.5),
        ("DEA # AB1234563", "AB1234563", 0.95),
        ("MRN 00482913", "00482913", 0.9),
    ],
)
def test_best_score(recognizers, text, value, score):
    assert best_score(recognizers, text, value) == score


def test_build_recognizers_returns_fresh_objects():
    first, second = build_recognizers(), build_recognizers()
    assert {id(r) for r in first}.isdisjoint(id(r) for r in second)
    assert {id(p) for r in first for p in r.patterns}.isdisjoint(
        id(p) for r in second for p in r.patterns
    )


def test_build_recognizers_covers_every_entity():
    recognizers = build_recognizers()
    assert {e for r in recognizers for e in r.supported_entities} == ENTITIES
    assert all(isinstance(r, PatternRecognizer) for r in recognizers)
    assert {r.supported_language for r in recognizers} == {"en"}
    assert ENTITIES <= HEALTHCARE_ENTITIES.keys()


def test_healthcare_entities_letters():
    assert HEALTHCARE_ENTITIES == {
        "PERSON": "A", "LOCATION": "B", "DATE": "C", "AGE_OVER_89": "C", "PHONE": "D",
        "FAX": "E", "EMAIL": "F", "SSN": "G", "MRN": "H", "HEALTH_PLAN_ID": "I",
        "ACCOUNT": "J", "LICENSE": "K", "VEHICLE": "L", "DEVICE_ID": "M", "URL": "N",
        "IP_ADDRESS": "O", "NPI": "R", "DEA": "R", "ROOM": "R", "OTHER_ID": "R",
    }


# --- session 7, identifiers helper: an age opening a sentence before a comparison, a
# certificate named a few words before its value ------------------------------------------

AGE_AND_CERTIFICATE = [
    # "N and <something>er than us": a boast about someone's age
    ("Loves her hymns. 96 and tougher than all of us 🙏", {("AGE_OVER_89", "96")}),
    ("Beat me at chess again. 93 and sharper than me on my best day.", {("AGE_OVER_89", "93")}),
    # a measure compared, not an age
    ("Census today. 95 and higher than last week's count.", set()),
    ("Sats 91 and lower than yesterday.", set()),
    # a birth or death certificate, a few words, then its value
    ("who typed the birth cert # wrong?? it should be 2031-KS-0049127 for baby boy Ames",
     {("LICENSE", "2031-KS-0049127")}),
    ("the death certificate number on the form reads DC-22-00417, please fix",
     {("LICENSE", "DC-22-00417")}),
    # a certificate talked about, with no value
    ("Birth certificates for babies born in 2025 are now mailed within 10 days.", set()),
]


@pytest.mark.parametrize(("text", "expected"), AGE_AND_CERTIFICATE, ids=[t for t, _ in AGE_AND_CERTIFICATE])
def test_age_boast_and_certificate_value(recognizers, text, expected):
    assert {f for f in found(recognizers, text) if f[0] in {"AGE_OVER_89", "LICENSE"}} == expected


# --- session 7, wt_E: spaced claim numbers, service and wristband numbers, cells, capitalised names (N) ---

SESSION7_IDS_FOUND = [
    ("you posted your claim # C-28 441 907 in the comments", ("OTHER_ID", "C-28 441 907")),
    ("case no. 2025 118 447 was reopened", ("OTHER_ID", "2025 118 447")),
    ("his service no. RA18442019 is on the form", ("OTHER_ID", "RA18442019")),
    ("wristband RC-0447 on the wrong arm", ("OTHER_ID", "RC-0447")),
    ("the guy in cell C-7 threw his tray", ("ROOM", "C-7")),
    ("moved him to cell B12 for the night", ("ROOM", "B12")),
    ("Please pray for DOROTHY KEMP (94) in Room 612", ("AGE_OVER_89", "94")),
]

SESSION7_IDS_QUIET = [
    ("claim # 4 of 12 this week", "OTHER_ID"),
    ("the service was lovely", "OTHER_ID"),
    ("her cell 555-0134 rang all night", "ROOM"),
    ("stem cell 12 weeks later", "ROOM"),
    ("HR (95) and BP fine", "AGE_OVER_89"),
]


@pytest.mark.parametrize(("text", "expected"), SESSION7_IDS_FOUND)
def test_session7_ids_found(recognizers, text, expected):
    assert expected in found(recognizers, text)


@pytest.mark.parametrize(("text", "entity"), SESSION7_IDS_QUIET)
def test_session7_ids_quiet(recognizers, text, entity):
    assert not {value for kind, value in found(recognizers, text) if kind == entity}
