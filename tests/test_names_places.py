"""Names and places of staff, donors and buildings (found on the batch 5-7 dev
posts): each class once as PHI and once as its clean look-alike."""

import pytest


NAME_AND_PLACE_RULES = [
    # a reply signed by the staff member: a lone name closing the post, or a name with its role
    ("So glad the new brace helps. Rhiannon (physio)", set()),
    ("Your inhaler refill is ready at the desk. Declan, RT", set()),
    ("Sorry for the wait on Monday. — Perpetua, front desk", set()),
    ("Please ring the ward and ask for me. Oisin", set()),
    ("Get well soon, Oisin!", {"PHI-NAME"}),
    ("Oisin, so sorry your knee still hurts after the surgery.", {"PHI-NAME"}),
    # staff, donors, trustees and volunteers named next to their role
    ("Ask Marisela about our spring whitening offer!", set()),
    ("Out Thursday for a wedding; Zoraida is covering my clinic that day.", set()),
    ("Cheers to Ottoline Brandvold, who started in our kitchen in 1989.", set()),
    ("Mr. Anselm Kravitz has generously donated a new piano to the lobby.", set()),
    ("Thank you to our volunteers Ines Takeda and Bartholomew Osei for the book cart.", set()),
    ("Our Porter of the Year, Fintan Doyle, has walked 2,000 miles of corridor.", set()),
    ("Say hello to our newest team member, Zoraida!", set()),
    ("Our volunteer visited Bartholomew Osei after his heart surgery.", {"PHI-NAME"}),
    # a name that names a building, a street, a run, a school or a saint's hall
    ("The Okafor Heart & Vascular Center opens Monday.", set()),
    ("Physical therapy has moved to the Brandvold building.", set()),
    ("The Ottoline Brandvold 5K is on Saturday.", set()),
    ("Thornbury Ave and Ottoline Drive are closed for the parade.", set()),
    # staff named by where they work
    ("So glad your mom is off the walker, and Rhonda at the front desk says hi!", set()),
    ("Budtender Oisin helped you pick the right tincture? We'll tell him.", set()),
    ("Flu shots at St Columba's Hall on Sunday.", set()),
    ("mrs park slipped on the ice and broke her wrist", {"PHI-NAME"}),
    # a town after a place preposition, spoken of in the organisation's voice
    ("Our mobile clinic is headed to Thornbury on Monday. Book a slot!", set()),
    # a clinician's own career, and a province
    ("Six years as a paramedic working in Leeds before I moved here.", set()),
    ("My fellowship in Toronto taught me to love the night shift.", set()),
    ("Respiratory therapy life in Saskatchewan is something else.", set()),
    ("A farmer from Thornbury came in with a crushed hand.", {"PHI-GEO"}),
]


@pytest.mark.parametrize(("text", "expected"), NAME_AND_PLACE_RULES, ids=[t for t, _ in NAME_AND_PLACE_RULES])
def test_name_and_place_rules(rules_hit, text, expected):
    assert {r for r in rules_hit(text) if r in ("PHI-NAME", "PHI-GEO")} == expected


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        # English words after a cue or opening a sentence are no name
        ("Thanks for coming! Together we screened 300 people.", "Together"),
        ("It says more about us than about the patient. People come back for a reason.", "People"),
        ("Surgery went well (patient draped, consent on file).", "draped, consent"),
        ("Your visit is on Monday. Reply C to confirm.", "Reply C"),
        ("¡Gracias por todo, equipo!", "Gracias"),
        ("Happy birthday, Da. Love you.", "Da"),
        # a Spanish or French sentence's opening function words
        ("Si su niño tiene tos por más de tres semanas, tráigalo para que lo revisemos.", "Si su"),
        ("¡Gracias por venir! Nos vemos el lunes para la próxima clase.", "Nos vemos"),
        # ... and a Portuguese one's
        ("Posted with the family's permission. Ela chorou, a gente chorou, todo mundo chorou.", "Ela chorou"),
        # a fund, a prize or a law named for someone; a stand-in for an unknown person
        ("Thanks to the Grace Moreno Memorial Fund for the medications.", "Grace Moreno"),
        ("Testified today for the Keshawn Ellis Community Violence Intervention Act.", "Keshawn Ellis"),
        ("Alias names keep two John Does from getting each other's blood.", "John Does"),
        # blood-group systems named for people; a day named for someone; holidays; Russian words
        ("Kell, Duffy, Kidd and Lewis: the antigen systems we match for sickle cell patients.", "Kidd"),
        ("She came in with a Lewis antibody, clinically insignificant.", "Lewis"),
        ("Her transfer was on February 14 (Valentine's Day was her idea).", "Valentine"),
        ("Lou Gehrig Day is June 2! Our ALS team is wearing #4 jerseys.", "Lou Gehrig"),
        ("Dr. Haddad says see you after Eid for your A1c!", "Eid"),
        ("Спасибо за отзыв! Пожалуйста, позвоните нашему администратору.", "Пожалуйста"),
        # a sentence ending in a letter, then an English word that is no name
        ("Free parking in Garage C. Phone 555-0160, fax 555-013-0161.", "C. Phone"),
        # a German noun in a German sentence
        ("Vor genau einem Jahr kam Opa Heinz mit Herzstillstand beim Holzhacken zu uns.", "Jahr"),
        ("Ein alt Bundesrat war heute bei uns zur Darmspiegelung.", "Darmspiegelung"),
    ],
)
def test_words_that_are_no_name(detected, text, unwanted):
    assert ("PERSON", unwanted) not in detected(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a record label run into the end of a name, a word opening a name
        ("Front desk note: Ignatius Ferreira DOB 03/04/1950", "Ignatius Ferreira"),
        ("Tell Bubba we loved his new smile", "Bubba"),
        ("Driver Amos Yoder was flown out", "Amos Yoder"),
        # (a name in an English sentence may open with a Spanish or French function word)
        ("Esta Rodriguez was admitted overnight with chest pain and is doing better.", "Esta Rodriguez"),
        # a bed after the comma is no first name of a "last, first" pair
        ("transport cancelled AGAIN for my 93 yo pt Reynolds, chair 12, MWF 2nd shift", "Reynolds"),
        # what spaCy runs into a name's end: a spaced dash, the words after its initial, the next title
        ("Hi Tamsin R. - I looked into the charge for the pathology on your polyp removal.", "Tamsin R."),
        ("TAMIKA J. your post-op compression garment is ready for pickup", "TAMIKA J."),
        ("Thank you for the five stars, Mariam Q. Dr. Lindqvist was delighted to hear your news.", "Mariam Q."),
        # a shouted sentence after a title is no "LAST, FIRST" pair
        ("MR. HALVORSEN, OUR CREW REMEMBERS YOUR WIFE WELL.", "HALVORSEN"),
    ],
)
def test_name_edges(detected, text, expected):
    assert expected in {value for entity, value in detected(text) if entity == "PERSON"}


@pytest.mark.parametrize(
    "text",
    [
        "Dia de Santo Antônio 🙏 Thaís brought bolo de Santo Antônio with the little medal baked inside.",
        "Her only clue was a church bulletin from St. Rita's.",
        "you were literally my patient in room 14 at St. Vincent's last summer",
        "Une grand-maman de 94 ans de Saint-Hyacinthe arrive en taxi, toute seule.",
    ],
)
def test_a_saints_name_is_no_person(detected, text):
    """A church, a hospital or a town named for a saint, in any of its languages."""
    assert not {value for entity, value in detected(text) if entity == "PERSON"}


def test_a_name_before_a_town_named_for_a_saint(detected):
    """The name ends where the particle before the saint's town begins; with no particle, the
    saint's name is a surname."""
    persons = {value for entity, value in detected("Mi paciente favorito, Don Chuy Villarreal de San Benito, 89 años.")
               if entity == "PERSON"}
    assert persons == {"Don Chuy Villarreal"}
    assert ("PERSON", "Gloria St. John") in detected("Gloria St. John, 93, fell at home last night.")


def test_a_portuguese_grandparents_title_makes_a_name(linter):
    text = "the whiteboard at 3am says it all 😂 rm 5 SILVA, rm 6 dos SANTOS, rm 7 Vó Cida (não é nossa vó mas é de todo mundo)"
    assert any(f.rule_id == "PHI-NAME" and f.text == "Cida" and f.flags for f in linter.lint_text(text).findings)


def test_a_name_after_a_place_preposition_is_a_town(detected):
    found = detected("The van is headed to Chester on Monday.")
    assert ("LOCATION", "Chester") in found and ("PERSON", "Chester") not in found


@pytest.mark.parametrize(
    ("text", "entity", "value"),
    [
        # a name joined to a found one, English-word first names included
        ("Embryo transfer day for Lauren & Mike, fingers crossed", "PERSON", "Mike"),
        ("Amos and Lizzie Stoltzfus welcomed a baby boy", "PERSON", "Amos"),
        # an ALL-CAPS surname with an initial, a lowercase first name after "little" / "hiya"
        ("the board still says OKAFOR, T. in bay 2", "PERSON", "OKAFOR, T."),
        ("so lovely to meet little lucia at her shots visit", "PERSON", "lucia"),
        # a town after "out past", "up in"
        ("Tractor rollover out past Gundagai, farmer pinned for hours.", "LOCATION", "Gundagai"),
        ("a retired fisherman up in Bantry came in with chest pain", "LOCATION", "Bantry"),
        # a shelter's cots run into the hundreds; a bay may be lettered with a hyphen
        ("She is safe on cot 217 at the high school shelter.", "ROOM", "217"),
        ("Someone took his oxygen concentrator from bay C-7 at the fairgrounds.", "ROOM", "C-7"),
        # an age after a bracketed name, an age still to come
        ("Our shelter resident Big Lou (Louis Fontenot) is 91, fished the bayou for 60 years.", "AGE_OVER_89", "91"),
        ("Edna Whitford (she'll be 95 this spring!) writes to the class.", "AGE_OVER_89", "95"),
        # a name after a Filipino or Portuguese honorific, without it
        ("Salamat sa 5 stars, Kuya Ramil! Nakauwi na si Nanay mo.", "PERSON", "Ramil"),
        ("Ficamos muito felizes que sua mãe, dona Neide, se recuperou tão bem.", "PERSON", "Neide"),
        # a two-letter unit before a bed number; an ICU pod
        ("device serial RXT-339102-K, now in bed CV-06 on amio", "ROOM", "CV-06"),
        ("the sweetest 98 yo in pod A-7 asks about her pump", "ROOM", "A-7"),
        # a name after a Polish or Arabic honorific, without it; a name in Cyrillic
        ("X-ray of the day: pani Teresa swallowed a carp bone again.", "PERSON", "Teresa"),
        ("Hajji Mahmoud, chair 6, brought the whole unit kaak.", "PERSON", "Mahmoud"),
        ("Looking for a carer for Halyna Shevchuk (Галина Шевчук on her old passport).", "PERSON", "Галина Шевчук"),
        # a surname that is also an eponym or a word, after an honorific
        ("Mr. Parkinson, thank you! We're glad your visit answered your questions.", "PERSON", "Parkinson"),
        ("Mrs. DELACROIX, 91, asked me in bay 7 whether her tonsils were out yet.", "PERSON", "DELACROIX"),
        # a person noun, an adverb and a naming verb
        ("we have an ALS patient literally named Lou who played first base", "PERSON", "Lou"),
    ],
)
def test_more_names_towns_rooms_and_ages(detected, text, entity, value):
    assert (entity, value) in detected(text)


def test_a_pair_needs_a_name_word(detected):
    # "Grace" here starts a hospital's name: no person is added after "Maria and"
    assert ("PERSON", "Grace") not in detected("Congrats to Maria and Grace Hospital's night staff")


def test_a_person_noun_ties_a_town_to_a_patient(rules_hit):
    assert "PHI-GEO" in rules_hit("It belongs to the gentleman from Bantry we saw this morning, please return it.")


# Corpus batch 6 (long-term care, residents, behavioural health): staff named by their role
# in other word orders, photo lists, more things named after people.
STAFF_AND_LISTS = [
    ("Congrats to our new chief residents: Ngozi Eze, Pavel Novak and Liang Wu!", set()),
    ("Congrats to Odalys Ferreira, our Employee of the Month!", set()),
    ("Our Director of Nursing, Odalys Ferreira, would like to speak with you.", set()),
    ("Our PT Bartholomew has been working with a new knee patient all week.", set()),
    ("Pepper the therapy dog visits on Fridays with her handler, Odalys.", set()),
    ("Sister Bernadette leads the rosary in the chapel on Sundays.", set()),
    ("After 15 years, our very first violence interrupter, Andre Lyle, retires on Friday.", set()),
    ("Proud to receive the Odalys Ferreira Teaching Award this year.", set()),
    ("Thank you to the Novak family for the donation of new recliners.", set()),
    ("Our patient Bartholomew went home after his knee surgery.", {"PHI-NAME"}),
    ("BINGO night winners, left to right: Opal, Wendell P. and Dottie!", {"PHI-NAME"}),
]


@pytest.mark.parametrize(("text", "expected"), STAFF_AND_LISTS, ids=[t for t, _ in STAFF_AND_LISTS])
def test_staff_roles_and_photo_lists(rules_hit, text, expected):
    assert {r for r in rules_hit(text) if r == "PHI-NAME"} == expected


def test_each_name_of_a_left_to_right_list(detected):
    found = detected("the garden is done!! L to R: Terrell, jess, Manny and Old Ray.")
    assert {"Terrell", "jess", "Manny", "Old Ray"} <= {v for e, v in found if e == "PERSON"}
    assert not {v for e, v in detected("Left to right: me, my mom and the mayor") if e == "PERSON"}


def test_a_chart_flag_after_a_name_is_not_part_of_it(detected):
    assert ("PERSON", "Ahn") in detected("rm 618 mr Ahn NPO for EGD")


def test_an_initial_and_a_surname(detected):
    found = detected('flyer: "T. Nguyen 555-0177 / A. Brooks 555-0193" printed on the back')
    assert {("PERSON", "T. Nguyen"), ("PERSON", "A. Brooks")} <= found
    assert not {v for e, v in detected("Flu shots at St. Mary Hall. Plan A. Please come early.") if e == "PERSON"}


STAFF_AT_WORK = [
    # colleagues thanked for their shifts, in a sentence about no care
    ("Huge shoutout to Wendell and Priyanka for covering two extra night shifts.", set()),
    ("Ottoline and Bartholomew absolutely carried that shift tonight.", set()),
    # a care word in the sentence keeps the name a patient's, also after "Mr."
    ("Night shift update: Mr. Kravitz in bed 4 pulled his IV out twice.", {"PHI-NAME"}),
    ("Mrs. Kravitz carried her own oxygen tank to the car after she was discharged.", {"PHI-NAME"}),
]


@pytest.mark.parametrize(("text", "expected"), STAFF_AT_WORK, ids=[t for t, _ in STAFF_AT_WORK])
def test_staff_thanked_for_their_work(rules_hit, text, expected):
    assert {r for r in rules_hit(text) if r == "PHI-NAME"} == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Wendell (son of Opal in 204) please call the front desk.", "Wendell"),
        ("Wendell (son of Opal in 204) please call the front desk.", "Opal"),
        ("Meet Dorothy Pruitt, better known on the second floor as Dot!", "Dot"),
        ("The weather is sunny. Frank says it is 1962 and he is late for work.", "Frank"),
        ("aww thank you Deb!! your mum is a delight", "Deb"),
    ],
)
def test_relatives_nicknames_and_openers(detected, text, name):
    assert ("PERSON", name) in detected(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our hospital turns 100 this year! Founded in 1926 with 12 beds.",
        "Meet our NICU graduate! Born at 23 weeks on a snowy night.",
        "Proud partner of Lincoln Elementary for free sports physicals.",
        "Admin says we're fully staffed. Sure.",
    ],
)
def test_openers_that_are_no_name(detected, text):
    assert not {v for e, v in detected(text) if e == "PERSON"}


GEO = [
    # a clinic's own address after "Clinic at", a landmark, a school
    ("NOW OPEN: the Thornbury Walk-In Clinic at 410 Kestrel Street, Lowell. Open daily.", set()),
    ("The charity 5K starts at Riverside Park on Saturday morning.", set()),
    ("A 7th grader at Hillcrest Middle came to my office three times this week.", set()),
    ("Our patient from 410 Kestrel Street had a bad fall.", {"PHI-GEO"}),
    # a country is above state level: no Safe Harbor place
    ("At 91, our retired pharmacist just finished his 30th trip to Haiti.", set()),
]


@pytest.mark.parametrize(("text", "expected"), GEO, ids=[t for t, _ in GEO])
def test_org_addresses_landmarks_schools(rules_hit, text, expected):
    assert {r for r in rules_hit(text) if r == "PHI-GEO"} == expected


# Corpus batch 7 (first responders, births, influencers)
RESPONDERS = [
    ("Congratulations to dispatcher Odalys Ferreira, named Telecommunicator of the Year!", set()),
    ("Happy retirement to Captain Bartholomew Osei after 31 years on B shift!", set()),
    ("Huge thank-you to Ottoline Brandvold, whose gift funded the new sim lab.", set()),
    ("Lincoln Hwy at mile marker 14 will have lane closures Tuesday.", set()),
    ("Please welcome our new firefighter-medic, Wendell Okafor! Wendell grew up in Thornbury.", set()),
    ("Open house Saturday: stop by Station 1 at 500 Kestrel Blvd.", set()),
    ("how to tell real labor from Braxton Hicks contractions in 30 seconds", set()),
    ("Weatherman Wendell Okafor from Channel 7 called bingo for us today, thanks Wendell!", set()),
    ("Just signed my next contract!! New city, new unit, new coworkers.", set()),
    ("contract update: my pt keoni (19 yo surfer) got bit by a reef shark", {"PHI-NAME"}),
]


@pytest.mark.parametrize(("text", "expected"), RESPONDERS, ids=[t for t, _ in RESPONDERS])
def test_first_responders_births_travel(rules_hit, text, expected):
    assert {r for r in rules_hit(text) if r in ("PHI-NAME", "PHI-GEO")} == expected


def test_a_lowercase_word_after_a_patient_word(detected):
    assert ("PERSON", "keoni") in detected("my pt keoni got bit by a reef shark")
    assert not {v for e, v in detected("this patient hadn't had an eye exam in years") if e == "PERSON"}
    # a street address keeps its unit even though "unit" is no place word on its own
    assert ("LOCATION", "1190 Lakeview Terrace, Unit 3B") in detected("Our patient of 1190 Lakeview Terrace, Unit 3B, Millbrook fell.")


# ---- session 6 (wt_C): staff, donors, pets, objects, streets and camps are no patient ----
STAFF_NEWS_AND_THINGS = [
    # workplace milestones
    ("Congrats to Odalys Brandvold on her promotion to billing supervisor!", set()),
    ("Happy work anniversary to Wendell, our front office legend for 12 years!", set()),
    ("Happy 10th work anniversary, Miss Ottoline! 🎉", set()),
    ("Congrats to Odalys Brandvold on her discharge home today!", {"PHI-NAME"}),  # a patient's news
    # memorials of staff and volunteers
    ("In memory of Ottoline Brandvold, our cafeteria volunteer for 22 years.", set()),
    ("In loving memory of Wendell Okafor, who kept our floors shining as part of our housekeeping team.", set()),
    ("In loving memory of Wendell Okafor, who fought his cancer for 3 years.", {"PHI-NAME"}),
    # recruiters and contacts in job ads
    ("Now hiring RNs! Contact Ottoline Brandvold in Human Resources for details.", set()),
    ("We're hiring sonographers. Tell them Wendell sent you.", set()),
    ("Shout out to Odalys in patient accounts for catching the double charge.", set()),
    # donors
    ("Thank you to the Brandvold family for making the new Brandvold Family Courtyard possible!", set()),
    ("New on our donor wall: Wendell & Odalys Okafor, and the Class of 1990.", set()),
    # pets and objects named like people
    ("Biscuit (a very good beagle) came in for her booster today.", set()),
    ("Our unit has 4 nurses and one ancient printer named Gerald.", set()),
    ("A 4-year-old named Gerald came in with a bead up his nose.", {"PHI-NAME"}),
]


@pytest.mark.parametrize(("text", "expected"), STAFF_NEWS_AND_THINGS, ids=[t for t, _ in STAFF_NEWS_AND_THINGS])
def test_staff_news_donors_pets_and_things(rules_hit, text, expected):
    assert {r for r in rules_hit(text) if r in ("PHI-NAME", "PHI-GEO")} == expected


STORES_CAMPS_EVENTS = [
    ("Store #212 at 48 Quarry Rd moves to new hours next week.", set()),
    ("Pharmacy on Victoria St in Ballarat will be closed on Monday.", set()),
    ("Registration is open for Camp Bluebird, our week-long camp for kids with asthma!", set()),
    ("Snapshot from Hospice Garden Day at the Westlake campus 🌻", set()),
    ("Our patient from Ballarat was flown in after the crash, he is stable.", {"PHI-GEO"}),
]


@pytest.mark.parametrize(("text", "expected"), STORES_CAMPS_EVENTS, ids=[t for t, _ in STORES_CAMPS_EVENTS])
def test_stores_camps_and_events(rules_hit, text, expected):
    assert {r for r in rules_hit(text) if r in ("PHI-NAME", "PHI-GEO")} == expected


def test_street_named_for_someone_is_no_person(detected):
    people = {v for e, v in detected("Pharmacy on Victoria St in Ballarat is closed today.") if e == "PERSON"}
    assert "Victoria St" not in people
    assert ("PERSON", "Jordan Lane") in detected("Jordan Lane was admitted overnight.")


# ---- session 6 (wt_C), round 2: missed patient names and towns ----
MISSED_NAMES = [
    ("Photo of the script for a bloke called Davo, rejected obviously.", {"PHI-NAME"}),
    ("A 4-year-old named Gerald came in with a bead up his nose.", {"PHI-NAME"}),
    ("a dog named Gerald came in for shots", set()),
    ("G'day Shazza, cheers for the lovely review of our pharmacy.", {"PHI-NAME"}),
    ("G'day Team, cheers for covering the shift", set()),
    ("J.D., we hear you. Your biopsy results should have been explained.", {"PHI-NAME"}),
    ("Our oldest customer, Mme Thibault, picked up her own refills on her birthday.", {"PHI-NAME"}),
    ("Please share: our hospice patient Hector Ruiz wants to go home.", {"PHI-NAME"}),
    ("In this video our nurse Kayla helps Mr. Oduya take his first steps after his stroke.", {"PHI-NAME"}),
    ("Shoutout to our nurse Kayla who picked up three extra night shifts", set()),
]


@pytest.mark.parametrize(("text", "expected"), MISSED_NAMES, ids=[t for t, _ in MISSED_NAMES])
def test_missed_names_round_two(rules_hit, text, expected):
    assert {r for r in rules_hit(text) if r == "PHI-NAME"} == expected


def test_name_spans_round_two(detected):
    assert ("PERSON", "Thibault") in detected("Our oldest customer, Mme Thibault, came in today.")
    assert ("PERSON", "SMITH, ROBERT A") in detected("CT request: SMITH, ROBERT A, DOB 03-22-1947")
    assert ("PERSON", "RAMIREZ, ELENA") in detected("BOARD: RAMIREZ, ELENA A FALL RISK")
    assert ("LOCATION", "Cutler Bay") in detected("Our patient from Cutler Bay fell off his boat.")
    assert ("PERSON", "Wendell Okafor") in detected("In loving memory of Wendell Okafor, who fought cancer.")
    people = {v for e, v in detected("Our rehab team covers Brookfield, Dayton Falls and Piney Ridge.") if e == "PERSON"}
    assert not people & {"Dayton Falls", "Piney Ridge"}


SERVICE_AREAS = [
    ("Our home health team now covers Brookfield, Dayton Falls and Piney Ridge.", set()),
    ("Our hospice team now serves Maple Falls and Cedar Bend.", set()),
    ("Our patient from Maple Falls was serving in the army when he was injured.", {"PHI-GEO"}),
]


@pytest.mark.parametrize(("text", "expected"), SERVICE_AREAS, ids=[t for t, _ in SERVICE_AREAS])
def test_service_areas_are_no_patient_place(rules_hit, text, expected):
    assert {r for r in rules_hit(text) if r in ("PHI-NAME", "PHI-GEO")} == expected


# --- round three (wt_F): lowercase names with a cue, engraved names, things named like
# people, clergy addressed in a reply, mannequins, and staff spotlights ---

ROUND_THREE_NAMES = [
    # a lowercase first name owning a record, described in brackets, or after "aw"
    ("for the school billing I need priscilla's Medicaid ID by Friday", {"PHI-NAME"}),
    ("before and after posture scans on marisol (barista, on her feet all day)", {"PHI-NAME"}),
    ("awww marcus!! the whole front desk misses u, so glad the new hip is holding up", {"PHI-NAME"}),
    ("we ran out of gauze so i.e. we improvised (tape, mostly)", set()),
    # a lowercase name with its initial, in a reply
    ("To tammy r. — we looked into your X-ray charge and it was our error.", {"PHI-NAME"}),
    ("hey d. castillo, totally hear you on the bill for the cleaning", {"PHI-NAME"}),
    # a name engraved or labelled on a patient's belongings
    ('Found a hearing aid engraved "LENA K" by the pool after swim.', {"PHI-NAME"}),
    ('Lost water bottle labelled "Deshawn K." at the front desk.', {"PHI-NAME"}),
    ('Bins are labeled "SHARPS" and "GLASS" in every room.', set()),
    # a capitalised word after an article or possessive and before a noun is a thing
    ("Week 2 of my Tucson contract and the night shift is already my favorite.", set()),
    ("Moving from our Westside clinic to the Kelowna one next month. New commute!", set()),
    ("He drives a red Tacoma, everyone in town knows it.", set()),
    ("The Garcia twins went home from the NICU today!", {"PHI-NAME"}),
    # clergy addressed in a reply to their review are the patient or family
    ("Pastor Wendell, it was our honor to care for you after your bypass.", {"PHI-NAME"}),
    ("Thank you Rabbi Feldman for the kind review of our infusion team!", {"PHI-NAME"}),
    ("Father Anselm blessed our new chapel today. Thank you Father Anselm!", set()),
    ("Sister Philomena, our chaplain, turns 80 today.", set()),
    # mannequins and pets named in apposition; staff spotlights
    ('Water rescue drill with "Rescue Rodney," our 165-lb mannequin, at the quarry. Rodney sank.', set()),
    ("Employee spotlight: Ingrid Halvorsen has run our sterile processing desk since 2004.", set()),
]


@pytest.mark.parametrize(("text", "expected"), ROUND_THREE_NAMES, ids=[t for t, _ in ROUND_THREE_NAMES])
def test_names_round_three(rules_hit, text, expected):
    assert {r for r in rules_hit(text) if r == "PHI-NAME"} == expected


# --- sixth session, batch 9: test patients and staff named with their department ---------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("New-hire class: everyone admitted ZZTEST, PATIENT and placed an order set.", set()),
        ("practice chart: ZZTRAIN, BABYGIRL linked to ZZTRAIN, MOM. yes they're fake", set()),
        ("Admitted ZAMORA, ELENA to bed 12 after the fall.", {"PHI-NAME"}),  # a real surname in capitals
        ("Shoutout to Renata Oyelaran in HIM for closing every deficient chart!", set()),
        ("Questions about the bill? Dolores in billing is happy to help.", set()),
        ("Thinking of Renata Oyelaran in ICU bed 4 tonight.", {"PHI-NAME"}),  # a unit, not a department
    ],
)
def test_test_patients_and_departments(rules_hit, text, expected):
    assert {r for r in rules_hit(text) if r == "PHI-NAME"} == expected


# --- sixth session, tuning 3: staff, products, celebrities, streets and counties (batch 9 dev) ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # software, apps and chatbots named like people
        ("Our triage app is named Winnifred and Winnifred crashed twice today.", set()),
        ("Say hi to Odalys, our new billing chatbot! Odalys answers questions 24/7.", set()),
        ("Our nurse Odalys sat with Winnifred after her surgery.", {"PHI-NAME"}),  # a patient beside a staff member
        # a vendor or system left for another
        ("Goodbye Paperwell, hello Kestrel Health! Go-live is next spring.", set()),
        ("Goodbye Winnifred, we will miss you after all those years of dialysis.", {"PHI-NAME"}),
        # a colleague's exam or credential
        ("Congrats to Oluwaseun Adebayo on passing her CCRN exam!", set()),
        ("Congrats to Oluwaseun Adebayo on finishing chemo!", {"PHI-NAME"}),
        # a celebrity named with their field
        ("Rodeo star Tallulah Redhorse signed autographs at our booth. Thank you Tallulah!", set()),
        ("Our little star Tallulah rang the bell after her last chemo!", {"PHI-NAME"}),
        # staff who stayed late on a project, with no role word
        ("Ezinne, Marisol and Big Lou stayed until 3am on the server migration. legends.", set()),
        ("Thinking of Marisol, who stayed until 3am in the ER after her fall.", {"PHI-NAME"}),
        # a street named for someone
        ("Road work on Philippa Okoro Way closes the east entrance this week.", set()),
        ("Philippa Okoro was discharged home today after her knee surgery.", {"PHI-NAME"}),
        # volunteer of the year, with a trophy between
        ("Volunteer of the year 🏆 Ottoline Brandvold, who has driven our van since 2011.", set()),
    ],
)
def test_tuning_three_names(rules_hit, text, expected):
    assert {r for r in rules_hit(text) if r == "PHI-NAME"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Proud to serve the families of Tallow Creek County. 🙏", set()),
        ("Both of our new PAs grew up in Harrow County.", set()),
        ("We are honoured to serve the people of Thornbury.", set()),
        ("A rancher from Thornbury came in with a crushed hand.", {"PHI-GEO"}),
        ("Home birth at 4410 County Road 12 this morning, mom and baby well.", {"PHI-GEO"}),
    ],
)
def test_tuning_three_places(rules_hit, text, expected):
    assert {r for r in rules_hit(text) if r == "PHI-GEO"} == expected


# --- tuning four (wt_A): names with an initial, lowercase names after a kinship title, towns
# where it happened and towns in capitals (each class with a look-alike that stays quiet) ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name and the initial of the surname: the initial is part of the name
        ("Thanks for the feedback, DESMOND K.. We have passed it to billing.", {("PERSON", "DESMOND K.")}),
        ('She signed the drawing "Odalys R." in the corner, so proud of her.', {("PERSON", "Odalys R.")}),
        # spaCy runs a name into the number after it
        ("call back list: Lionel P. 555-0148 (hearing aid ready)", {("PERSON", "Lionel P.")}),
        # a kinship title takes a lowercase name that is also a word; a husband a lowercase name
        ("grandpa earl in bed 6 told us about his tractor again", {("PERSON", "earl"), ("ROOM", "6")}),
        ("finally reached her husband desmond about the prior auth", {("PERSON", "desmond")}),
        # (not a function word after the title)
        ("grandma will be so proud of you", set()),
        # not a road ran into its number
        ("Crash on Hwy 41 this morning, please drive safe.", set()),
    ],
)
def test_tuning_four_name_spans(detected, text, expected):
    assert {d for d in detected(text) if d[0] in ("PERSON", "ROOM")} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # where it happened: a scene noun, "in", a town
        ("Splinted a bull rider who got thrown at the rodeo in Quillan Flats last night.", {"PHI-GEO"}),
        ("He was hurt in the silo explosion in Tarrow and still asked about his cows.", {"PHI-GEO"}),
        ("Our new clinic in Tarrow opens Monday, book online!", set()),
        # a town in capitals after a home cue, but not capitals that are a word or an acronym
        ("shoutout to the sweetest lady from BRANNOCK who brought us cookies after her hip surgery", {"PHI-GEO"}),
        ("Transferred a baby from NICU to the floor today, so proud of the team.", set()),
        # a name with its initial after "from" is no town
        ('"you saved my life" — from Odalys R., who came back to visit after her surgery', set()),
    ],
)
def test_tuning_four_places(rules_hit, text, expected):
    assert {r for r in rules_hit(text) if r == "PHI-GEO"} == expected


# --- tuning five (wt_D): names and places in the batch 10 dev posts -----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an ALL-CAPS first name takes its ALL-CAPS surname (also O'Neill-style)
        ("PLEASE KEEP ROSALIND QUIGLEY IN YOUR PRAYERS (91), HIP SURGERY TODAY", {("PERSON", "ROSALIND QUIGLEY")}),
        ('the wristband said "WINIFRED O\'MALLEY" so we called her son', {("PERSON", "WINIFRED O'MALLEY")}),
        # (but not an ALL-CAPS English word after it)
        ("THANK YOU ROSALIND FOR EVERYTHING", {("PERSON", "ROSALIND")}),
        # a medical eponym said bare, beside another eponym or after "textbook", is no person
        ("Quiz: Kussmaul, Cheyne-Stokes or Biot? Drop your answer below", set()),
        ("Graves, Hashimoto and Addison walk into grand rounds...", set()),
        ("Strip from this morning: textbook Brugada. Thoughts?", set()),
        # (an eponym that is also a name stays a name on its own)
        ("Addison was so brave for her shots today!", {("PERSON", "Addison")}),
    ],
)
def test_tuning_five_name_spans(detected, text, expected):
    assert {d for d in detected(text) if d[0] == "PERSON"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a patient's age without hyphens is a patient cue: a staff member's story about a
        # patient keeps the town where it happened
        ("Our aide Coretta drove out to check on a 7 year old on oxygen in Fenwick Hollow after the storm.", {"PHI-GEO"}),
        ("our nurse Ilse got a 96 yr old vet from Tarrow back on his feet", {"PHI-GEO"}),
        ("Our clinic in Tarrow now sees kids of every age, book online!", set()),
        # an event's venue with its own address is no patient's address
        ("Free blood pressure checks Saturday at the Marlowe Branch Library, 410 Quill Ave. Call to book.", set()),
        ("Grief support potluck after the service at Grace Methodist, 88 Arbor St. All welcome.", set()),
        ("Our caregiver support group meets Mondays at 6pm at 212 Fenwick Road, Room 2.", set()),
        # (a patient's home address stays one)
        ("Mrs. Ortiz is back home at 212 Fenwick Road after her fall.", {"PHI-GEO"}),
    ],
)
def test_tuning_five_places(rules_hit, text, expected):
    assert {r for r in rules_hit(text) if r == "PHI-GEO"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rank before a rank is no name: the name comes after the last one
        ("Lt. Col. Maria Esperanza-Ruiz came in with chest pain.", {("PERSON", "Maria Esperanza-Ruiz")}),
        ("Sgt. Maj. Ron Tillis was admitted overnight.", {("PERSON", "Ron Tillis")}),
        ("SSgt Reyes is up and walking after his knee surgery.", {("PERSON", "Reyes")}),
        # a census line: initials before a bed, a name between a bed and its note
        ("whiteboard rn: J.P. bed 6 fall risk, L.M. bed 9 NPO", {("PERSON", "J.P."), ("PERSON", "L.M.")}),
        ('the board said "bed 4 HARLAN: NPO, fall risk"', {("PERSON", "HARLAN")}),
        # a name with an initial after a bed, whatever follows it; a name before the next entry
        ("detox whiteboard at 6am, bed 4 G. Whitfield still on CIWA q2h", {("PERSON", "G. Whitfield")}),
        ("el whiteboard de hoy lol. cuarto 3: R. SALINAS - dolor de todo", {("PERSON", "R. SALINAS")}),
        ("full house: bed 2 Okonkwo, bed 4 LAFLEUR, bed 7 Mensah A. pray for us",
         {("PERSON", "Okonkwo"), ("PERSON", "LAFLEUR"), ("PERSON", "Mensah A.")}),
        # (the letter of a room is no initial)
        ("the twins moved to rm 6B. Both settled with cocoa", set()),
        # (a credential before a room, a board word after a bed are no name)
        ("P.T. room 4 is open today.", set()),
        ("Rm 5 - Closed: for cleaning", set()),
        # supplies named for people, said together, are no people
        ("in my bag: Foley, Hoyer, Jackson-Pratt, Kerlix and Mepilex", set()),
        # a storm's name or an animal's is no person's
        ("Two years ago today Hurricane Marisol flattened this town.", set()),
        ("Our therapy dog Walter visits 4 North every Tuesday.", set()),
        ("The grandkids drew Agnes the therapy cat on the whiteboard.", set()),
        # (a person beside a dog's word still is one)
        ("no, we did not give your husband Ray the dog dewormer", {("PERSON", "Ray")}),
        ("Thanks, Irma! Glad the pharmacy tent refilled your blood thinner.", {("PERSON", "Irma")}),
        # a hyphenated eponym names a syndrome, even bare; a payment app or an agency is no one
        ("6yo w/ Prader-Willi in my 2pm, mom had to fight the school district for OT", set()),
        ("Venmo his sister if you can help, FEMA is slow.", set()),
        # (a hyphenated surname still is a name)
        ("Pickup for Mrs. Ana Smith-Jones is her son.", {("PERSON", "Ana Smith-Jones")}),
    ],
)
def test_ranks_census_lines_supplies_storms_animals_and_brands(detected, text, expected):
    assert {d for d in detected(text) if d[0] == "PERSON"} == expected


def test_cot_ranges_and_late_minutes_are_none(detected):
    assert not {d for d in detected("Cots 1-40 are medical; she'll be 95 minutes late.") if d[0] in ("ROOM", "AGE_OVER_89")}


@pytest.mark.parametrize(
    "text",
    [
        # Spanish staff cues and clinicians' titles, like the English ones
        "Nuestra directora, la Dra. Irma Salinas Leal, los espera el día de la inauguración.",
        "La quinceañera de la hija de nuestra enfermera Sandra Leal fue el sábado 🎉",
        "storytime: yo, la Dra. Nayeli Treviño Salinas, tuve diabetes gestacional con mi segundo embarazo",
        # French staff cues, clinicians' titles and a visiting singer
        "Pour toute question, notre médiatrice, Mme Lambert, est joignable du lundi au vendredi.",
        "Aujourd'hui, le Pr Hélène Vasseur prend sa retraite après 35 ans au service.",
        "Visite surprise de la chanteuse Mariama Kanté au service de pédiatrie ce matin 🎤",
    ],
)
def test_spanish_and_french_staff_clinicians_and_visitors_are_no_patients(rules_hit, text):
    assert "PHI-NAME" not in rules_hit(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name before a South Asian honorific, the honorific outside it
        ("Dear Rakesh ji, we are truly sorry that your father had to wait", {"Rakesh"}),
        ("ward round selfie ft. Kamla dadi, 91, who walked 10 steps today", {"Kamla"}),
        ("Anu chechi, thank you so much for the sweet review!", {"Anu"}),
        # (a nationality or a pronoun before "auntie" is no name)
        ("Around 11pm a Ghanaian auntie from Woodbridge walks in", set()),
        # a rank retired, a prophet, an ID card's name
        ("Respected Col. (Retd) Mehta, we sincerely apologise", {"Mehta"}),
        ("Brother Musa, you showed the patience of Prophet Ayyub in our waiting room", {"Musa"}),
        ("registration wrote his Iqama no. 2410553871 on the whiteboard", set()),
        # German, Dutch and Nordic titles and kinship words before a name
        ("Kann mal jemand bei der Kasse nachhaken?? Frau Petra Wolff, Zimmer 208", {"Petra Wolff"}),
        ("BSN 123456782, mevr. Visser, kamer 5", {"Visser"}),
        ("Vor genau einem Jahr kam Opa Heinz mit Herzstillstand zu uns.", {"Heinz"}),
        # Italian and Greek titles, Greek and Turkish kinship words and Turkish honorifics (the
        # honorific, with its case ending, outside the name)
        ("È del figlio della Sig.ra Lopresti, stanza 14", {"Lopresti"}),
        ("Το χθεσινό δείγμα του κ. Παπαδάκη στο μικροσκόπιο", {"Παπαδάκη"}),
        ("και το κομπολόι του παππού Μανώλη ❤️", {"Μανώλη"}),
        ("Umut Bey 74 yaşında, emekli bir balıkçı", {"Umut"}),
        ("Fatma teyzemiz bugün ilk adımlarını attı", {"Fatma"}),
        ("Ayşe Hanım, değerli yorumunuz için teşekkür ederiz. Kemal Bey'in ameliyat sonrası", {"Ayşe", "Kemal"}),
        # (a name that starts like an honorific is a name: "Jim" is no "ji")
        ("Big Jim rolled in at 3am with chest pain", {"Jim"}),
        # a ranking of baby names is nobody's
        ("Top 10 names on our crib cards this year 👶 Olivia, Liam, Mateo, Amara, Noah and Nova.", set()),
    ],
)
def test_honorifics_prophets_and_id_cards(detected, text, expected):
    assert {value for entity, value in detected(text) if entity == "PERSON"} == expected


def test_a_barangay_and_its_town_are_places(detected):
    found = detected("pasyente DELA PAZ, DOB 07/15/1958, Brgy. Poblacion, Tanauan. Ayaw ma-encode sa eClaims")
    assert {("LOCATION", "Poblacion"), ("LOCATION", "Tanauan")} <= found
    assert not {value for _, value in found if "Brgy" in value}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a greeting in another language opens no name; French titles stay outside it
        ("Bonjour Mme Lefèvre, merci d'avoir pris le temps de noter notre cabinet.", {"Lefèvre"}),
        ("Bonjour Sarah B., nous comprenons votre frustration.", {"Sarah B."}),
        ("Hallo Mehmet, vielen Dank für Ihr Vertrauen.", {"Mehmet"}),
        ("Heyyy Tammy Ruiz! So happy your dad finally got his shingles shot", {"Tammy Ruiz"}),
        # a lowercase Romance "of" before a name is no part of it
        ("Objet trouvé aux urgences : le portefeuille de Marc Dubois, passé chez nous le 5 octobre", {"Marc Dubois"}),
        # a function word of a post mostly in another language is no first name ("Les", "Elle", "Sie")
        ("Petit rappel : lavez-vous les mains avant chaque visite. Les solutions hydroalcooliques sont à l'entrée.", set()),
        ("Mamie Rose est sortie ce matin. Elle nous a fait promettre de ne pas la mettre sur Facebook.", {"Rose"}),
        ("Liebe Patientinnen und Patienten, bitte bringen Sie Ihre Versichertenkarte mit.", set()),
        # (in an English post "Elle" stays a name)
        ("Elle was discharged home today after three weeks with us.", {"Elle"}),
    ],
)
def test_greetings_particles_and_function_words_of_other_languages_are_no_names(detected, text, expected):
    assert {value for entity, value in detected(text) if entity == "PERSON"} == expected


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # a public event's date in French, Spanish, Portuguese or German is no one's
        ("Journée portes ouvertes le samedi 14 juin : visite du bloc opératoire", False),
        ("Dépistage sans rendez-vous le samedi 18 octobre de 9h à 13h au centre hospitalier", False),
        ("El consultorio estará cerrado el 24 de diciembre. ¡Felices fiestas!", False),
        ("Palestra gratuita sobre diabetes no dia 14 de março no auditório", False),
        # a patient's admission date still is
        ("Mme Odette Marchand est arrivée le 12 janvier dans notre service de gériatrie.", True),
    ],
)
def test_public_event_dates_in_other_languages(rules_hit, text, reported):
    assert ("PHI-DATE" in rules_hit(text)) == reported


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town after a street whose type comes first, before a state and ZIP
        ("home address 1140 Calle Sol, Laredo TX 78040.", {"1140 Calle Sol", "Laredo", "78040"}),
        # a hollow is a street
        ("Mail the statement to 16 Wren Hollow, Oakmont 15139, not the old address.", {"16 Wren Hollow", "Oakmont", "15139"}),
        # European streets, postcodes before the town
        ("adresse 8 allée des Tilleuls, bât. C, 69003 Lyon. Le dossier a été fusionné", {"8 allée des Tilleuls", "69003", "Lyon"}),
        ("op naam van J. Bakker, Kerkstraat 8, 1012 AB Amsterdam.", {"Kerkstraat 8", "1012 AB", "Amsterdam"}),
        # (a year after an address is no postcode)
        ("Gala at 1200 Harbor Blvd, 2026 Gala Night tickets on sale", {"1200 Harbor Blvd"}),
    ],
)
def test_addresses_with_the_street_type_first_or_the_number_after(detected, text, expected):
    assert {value for entity, value in detected(text) if entity == "LOCATION"} == expected


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # the practice's own new address, in French; a German doctor's "Dr. med." title
        ("📦 Le Centre de santé Pasteur déménage ! Dès le 2 juin, retrouvez-nous au 45 rue Pasteur, 69007 Lyon.", "PHI-GEO"),
        ("Wir gratulieren Frau Dr. med. Johanna Brandt zur bestandenen Facharztprüfung Innere Medizin.", "PHI-NAME"),
    ],
)
def test_the_practice_and_its_doctors_in_other_languages_are_no_patients(rules_hit, text, rule):
    assert rule not in rules_hit(text)



@pytest.mark.parametrize(
    "text",
    [
        # eponymous anatomy and disease after a possessive, and ENT eponyms beside one another
        "ranking ear anatomy names by vibes: organ of Corti 10/10, Reissner's membrane 8/10, Scarpa's ganglion 9/10",
        "Textbook Barrett's esophagus on this morning's EGD, salmon-colored tongues everywhere.",
        "Weber lateralizes left, Rinne negative on the left = conductive loss.",
        # an award named for someone
        "Spotted: a certain Oscar winner's husband sneaking out our back door",
    ],
)
def test_eponyms_and_awards_are_no_person(detected, text):
    assert not {value for entity, value in detected(text) if entity == "PERSON"}


def test_a_name_after_a_room_and_a_dash_is_no_sign_off(linter):
    # "— Linnea, Practice Manager" closing a reply signs it; "Room 214 — Amelia R. —" labels a bed
    findings = linter.lint_text('Whiteboard from peds recovery "Room 214 — Amelia R. — tonsils OUT, popsicles IN"').findings
    assert ("PHI-NAME", "error", "Amelia R.") in {(f.rule_id, str(f.severity), f.text) for f in findings}
    assert not linter.lint_text("Thanks for your feedback. — Linnea, Practice Manager").findings


@pytest.mark.parametrize(
    "text",
    [
        # a public figure named by their fame or office is no patient
        "So honored that Olympic sprinter Jalen Brooks stopped by today to tour our hyperbaric center.",
        "Gov. Linda Haskell toured our new trauma center on March 12 and spent an hour with our flight nurses.",
    ],
)
def test_public_figures_named_by_their_fame_or_office(rules_hit, text):
    assert "PHI-NAME" not in rules_hit(text)


def test_a_first_name_that_names_a_thing(detected):
    # "the Cori cycle", "the Harley dealership": a first name before a lowercase noun after "the"
    text = "The Somogyi effect, the dawn phenomenon and the Cori cycle walk into a bar."
    assert "Cori" not in {value for entity, value in detected(text) if entity == "PERSON"}
