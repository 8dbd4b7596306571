"""Turn Presidio's raw results into hipaalint Detections: our entity names, trimmed spans,
obvious non-names dropped, and one detection per stretch of text."""

from __future__ import annotations

from collections.abc import Iterable, Set

import regex
from presidio_analyzer import RecognizerResult
from spacy.lang.en.stop_words import STOP_WORDS

from hipaalint.detect import languages
from hipaalint.detect.lexicons import (
    CYRILLIC_WORD,
    EPONYMS,
    FOREIGN_TITLES,
    HOLIDAYS,
    HONORIFICS,
    HONORIFIC_AFTER_WORDS,
    HONORIFICS_AFTER,
    KINSHIP_TITLE_WORDS,
    KINSHIP_TITLES,
    NAME_PARTICLES,
    SPOUSE_WORDS,
    TOLL_FREE,
    is_english_word,
    is_person_name,
    person_names,
    saint_named_at,
)
from hipaalint.models import Detection

PRESIDIO_TO_HIPAALINT = {
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "US_SSN": "SSN",
    "CREDIT_CARD": "ACCOUNT",
}

# When spans overlap, the more specific identifier wins ("fax 555-013-4477" is a FAX,
# not a PHONE; the domain inside an e-mail is not a separate URL).
GENERIC_ENTITIES = {"PERSON": 0, "LOCATION": 0, "URL": 1, "PHONE": 1, "DATE": 1}
SPECIFIC = 2

_TITLES = ("mrs.", "mrs", "mr.", "mr", "ms.", "ms", "miss", "mx.", "dr.", "dr", "pt.", "pt",
           "mme.", "mme", "mlle", "madame", "monsieur", "sra.", "sra", "srta.", "srta", "señora", "señorita")
_EDGE_JUNK = " \t\r\n,;:!?\"'[]{}<>*_#@"

# Words spaCy's small model tags as PERSON in health posts that never are one.
NOT_PEOPLE = frozenset(
    """
    tylenol advil motrin ibuprofen acetaminophen metformin insulin lisinopril atorvastatin
    amoxicillin prednisone ozempic wegovy narcan naloxone xanax adderall zoloft prozac
    covid covid-19 alzheimer alzheimer's parkinson parkinson's crohn crohn's hodgkin lyme
    epi epipen botox medicare medicaid hipaa er icu nicu picu ed
    room suite ward unit bed bay floor wing lobby street avenue road
    bett kabine kamer versichertennr
    dilaudid morphine fentanyl oxycodone percocet vicodin norco ambien lipitor synthroid
    keytruda humira eliquis xarelto jardiance trulicity mounjaro zepbound paxlovid tamiflu
    benadryl zyrtec claritin flonase lasix coumadin warfarin heparin augmentin keflex cipro
    zithromax azithromycin doxycycline gabapentin sertraline lexapro wellbutrin suboxone
    methadone statin statins jynneos shingrix gardasil prevnar comirnaty spikevax novavax
    mg mcg ml dl kg mmhg bpm
    patient patients pt
    tehillim davening refuah shleimah
    doktor gracias feliz navidad hola bienvenidos felicidades salamat burnout semaglutide tirzepatide grammy admin telecommunicator braxton channel
    venmo zelle paypal cashapp gofundme fema inogen
    aadhaar iqama philhealth brgy bgy retd
    """.split()
) | frozenset(HOLIDAYS)

# Titles and kinship words that open a name span but are not part of the name
# ("Grandpa [Lou]", "Aunt [Sophia]"), and greetings spaCy glues to a name ("Congrats [Harriet]").
LEADING_NON_NAME = KINSHIP_TITLE_WORDS | HONORIFIC_AFTER_WORDS | frozenset(FOREIGN_TITLES) | frozenset(
    """
    mr mr. mrs mrs. ms ms. miss mx mx. dr dr. nurse doctor pt pt. patient baby
    grandmother grandfather papa pop-pop meemaw gran grandad granddad
    brother sister mom mommy mama mum mummy dad daddy
    hi hello hey salam salaam dear dearest congrats congratulations welcome thanks thx bye goodbye farewell rip happy cheers shoutout meet
    tell ask driver little da mam mammy firefighter captain dispatcher probie
    sgt sgt. ssgt ssg sfc msgt sergeant cpl cpl. corporal capt capt. cpt lt lt. lieut lieut. lieutenant
    ltc col col. colonel maj maj. brig brig. pvt pvt. pfc spc cmdr cmdr.
    señor senor sra. sr sr. mevr. dhr. pan ông bà sig sig. sig.ra κ. dott dott. dott.ssa
    heyy heyyy hii hiii bonjour bonsoir coucou salut merci cher chère hola gracias querida querido estimada estimado
    olá obrigado obrigada prezada prezado buongiorno grazie gentile hallo liebe lieber danke
    """.split()
)
# Words that follow a name at the start of a sentence ("Maria was discharged", "Jordan,
# we're sorry", "Eli's cast"): auxiliaries, modals and conjunctions. A capitalised opener
# followed by any other lowercase word ("Glad the new aids work", "Info session on ...",
# "Huge thanks to ...") is an ordinary word that spaCy took for a name.
_NAME_THEN_VERB = regex.compile(
    r"(?i)^(?:\s*(?:[,:;!?)—–-]|\((?!\d{3}\))|'s\b|’s\b|$)|\s+(?:(?-i:\p{Lu})|\d"
    r"|(?:is|was|has|had|have|will|would|can|could|should|shall|may|might|must|did|does|do|"
    r"isn't|wasn't|hasn't|hadn't|won't|can't|couldn't|didn't|doesn't|and|or|&|who|whose|"
    r"says|said|asks|asked|tells|told|wants|wanted|keeps|kept|thinks|thought|knows|knew|"
    r"still|always|never|finally|just)\b))"
)
# A sentence starts at the top, after . ! ?, at a line break (also after a Markdown heading
# or list marker), or after an emoji.
_SENTENCE_START_BEFORE = regex.compile(
    r"(?:\A|[.!?]\s+|\n\s*|\(\s*|(?:\A|\n)\s*(?:#{1,6}|[-*•>]|\d+[.)])\s+|[\p{So}\p{Sk}\p{Cs}\uFE0F\u200D]\s*)\Z"
)


# Places at or above state level are not Safe Harbor identifiers (B covers smaller ones).
STATES_AND_COUNTRIES = frozenset(
    word.replace("_", " ")
    for word in """
    alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada new_hampshire new_jersey
    new_mexico new_york north_carolina north_dakota ohio oklahoma oregon pennsylvania
    rhode_island south_carolina south_dakota tennessee texas utah vermont virginia washington
    west_virginia wisconsin wyoming puerto_rico guam district_of_columbia d.c. dc
    al ak az ar ca co ct de fl ga hi ia ks ky la md ma mi mn ms mo mt nv nh nj
    nm ny nc nd oh ok pa ri sc sd tn tx ut vt va wa wv wi wy pr
    us u.s. usa u.s.a. america united_states the_united_states canada mexico uk
    united_kingdom england scotland wales ireland india china japan germany france italy
    spain brazil australia africa europe asia the_us the_usa the_uk
    alberta ontario quebec british_columbia manitoba saskatchewan nova_scotia new_brunswick
    newfoundland prince_edward_island yukon nunavut northwest_territories queensland new_south_wales
    nsw qld tasmania south_australia western_australia northern_territory northern_ireland
    nigeria ghana kenya philippines pakistan bangladesh jamaica poland ukraine vietnam korea
    south_korea new_zealand jordan haiti honduras guatemala nepal el_salvador nicaragua costa_rica
    panama colombia peru ecuador bolivia chile argentina venezuela cuba dominican_republic
    the_dominican_republic uganda tanzania rwanda ethiopia somalia sudan south_sudan egypt morocco
    south_africa zimbabwe zambia malawi mozambique cameroon senegal liberia sierra_leone congo
    thailand cambodia laos myanmar indonesia malaysia singapore taiwan iran iraq syria israel
    saudi_arabia united_arab_emirates the_united_arab_emirates uae the_uae qatar kuwait oman yemen
    afghanistan greece portugal netherlands the_netherlands belgium switzerland austria sweden
    norway denmark finland russia romania hungary sri_lanka bhutan mongolia fiji samoa tonga
    """.split()
)
# A span ending in one of these is an organisation (a hospital's name is not PHI).
ORGANISATION_WORDS = frozenset(
    "hospital clinic center centre health healthcare medical university pharmacy institute "
    "foundation hospice practice dental pediatrics associates group network system "
    "therapy physiotherapy rehab rehabilitation dentistry orthodontics imaging radiology laboratory "
    "labs wellness chiropractic optometry dermatology cardiology oncology urology podiatry "
    "campus wing building hall ballroom stadium arena canyon forest beach bridge airport mall "
    "station lounge lobby garage library school academy college church museum ymca auditorium "
    "pavilion cafeteria lutheran methodist baptist presbyterian episcopal catholic "
    "elementary primary fairgrounds dialysis high middle".split()
)
# Street types and road words: a street name without a house number ("Oak Street", "Route 9")
# is not a Safe Harbor location (the guide labels only addresses with a house number).
_BARE_STREET = regex.compile(
    r"(?i)^(?:(?:[NSEW]\.?|north|south|east|west)\s+)?(?:\p{L}[\p{L}'.-]*\s+){0,3}"
    r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|"
    r"terrace|ter|circle|cir|parkway|pkwy|trail|trl)\.?$"
    r"|^(?:route|rt\.?|highway|hwy|interstate|i-|us-|sr-?|state\s+route)\s*\d+[a-z]?$"
)
# A one-word place spaCy found counts only after a place word ("from Tulsa", "in the
# Brookside Target", "near Bangor") or before a ZIP / state ("Pacifica 94044").
_PLACE_CUE_BEFORE = regex.compile(
    r"(?i)(?:\b(?:in|from|at|near|outside|of|to|around|into|toward|towards|across|through)"
    r"\s+(?:the\s+)?)$"
)
# A capitalised word after these names a town, not a person: "headed to Chester on Monday",
# "out past Marion", "outside Dunmore".
_PLACE_PREPOSITION_BEFORE = regex.compile(
    r"\b(?:in|near|outside|past|towards?|(?:headed|heading|drove|driving|moved|moving|trip|road)\s+(?:out\s+)?to)\s+\Z",
    regex.IGNORECASE,
)
_NEXT_WORD = regex.compile(r"\s+(\p{L}+)")
_PLACE_CUE_AFTER = regex.compile(r"^,?\s+(?:\d{5}\b|(?-i:[A-Z]{2})\b)")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop whitespace and punctuation at the edges; keep a bracket that closes inside."""
    while start < end:
        ch = text[start]
        if ch in _EDGE_JUNK or (ch == "(" and ")" not in text[start:end]) or ch == ")":
            start += 1
        else:
            break
    while end > start:
        ch = text[end - 1]
        if ch in _EDGE_JUNK or (ch == ")" and "(" not in text[start:end]) or ch == "(":
            end -= 1
        else:
            break
    return start, end


def _strip_title(text: str, start: int, end: int) -> int:
    lowered = text[start:end].lower()
    for title in _TITLES:
        if lowered.startswith(title + " "):
            return start + len(title) + 1
    return start


_DAY_NAMED_FOR = regex.compile(r"(?:'s|’s)?\s+Day\b")
# (a blood-group antigen's letter: "Jk(a)", "Le(b)")
_EPONYM_OR_COMPOUND = regex.compile(
    r"(?i)(?:-\p{Ll}|\([ab]\)|\s+(?:winners?|winning|nominees?|nominated)\b|"
    r"(?:'s|’s)?\s+(?:disease|syndrome|sign|palsy|phenotype|test|procedure|"
    r"maneuver|manoeuvre|scale|score|criteria|fracture|tumou?r|lymphoma|sarcoma|reflex|triad|law|"
    r"catheter|blockage|effect|method|technique|classification|position|incision|operation|antibody|antibodies|"
    r"antigen|antigens|membrane|ganglion|canal|canals|duct|ducts|gland|glands|pouch|fascia|triangle|corpuscles?|"
    r"tubules?|plexus|lamina|fissure|foramen|sphincter|ampulla|diverticulum|esophagus|oesophagus|phenomenon)\b)"
)
_HONORIFIC = "|".join(HONORIFICS)
_HONORIFIC_BEFORE = regex.compile(rf"(?i)\b(?:{_HONORIFIC})\.?\s+$")
# a title or a patient word right before a name ("pt. Ruiz", but not "the patient. People")
_TITLE_BEFORE = regex.compile(rf"(?i)\b(?:(?:{_HONORIFIC}|pt)\.?|patient)\s+$")


def _strip_possessive(text: str, start: int, end: int) -> int:
    """``[Helen Park]'s card``: the possessive ending is not part of the name or place."""
    if end - start > 3 and text[end - 2 : end].lower() in ("'s", "’s"):
        return end - 2
    if end - start > 2 and text[end - 1] in "'’" and text[end - 2] in "sS":
        return end - 1
    return end


def _strip_leading_words(text: str, start: int, end: int) -> int:
    """Drop titles, kinship words and greetings that open a person span."""
    while True:
        m = regex.match(r"([\p{L}.'’-]+)\s+(?=\S)", text[start:end])
        if not m or m.group(1).lower() not in LEADING_NON_NAME:
            return start
        start += m.end()


_CODE_RANGE = regex.compile(r"\d{5}\s*[-–]\s*\d{5}")
# A date with a year before 1900 is history ("Florence Nightingale, born May 12, 1820"): no
# living patient, and long past the 50 years after death that HIPAA protects a decedent.
_HISTORIC_YEAR = regex.compile(r"(?<!\d)1[0-8]\d\d(?!\d)")
# Weekdays in a spaCy "name" make it a schedule ("Walk-in Tues", "Thurs Clinic").
_WEEKDAY_WORDS = frozenset(
    "mon tues tue weds wed thurs thur thu fri monday tuesday wednesday thursday friday saturday sunday".split()
)
# A particle between a name and a place named for a saint: "Don Chuy Villarreal[ de ]San Benito"
# (with none between, the saint's name is a surname: "Gloria St. John").
_PARTICLE_BEFORE_A_SAINT = regex.compile(r"[\s,]*(?<!\S)(?:de|do|da|dos|das|del|of|from|in|at)[\s,]+$")
_HYPHENATED_GIVEN_NAME_BEFORE = regex.compile(r"(?<![\p{L}-])\p{Lu}\p{Ll}+-\p{Ll}+\s+$")
# A stand-in for an unknown person: "Mr. X", "Jane Doe", "two John Does", "Baby Doe".
_PLACEHOLDER_NAME = regex.compile(r"(?i)(?:[xyz]|doe|(?:john|jane|baby|j\.)\s+does?)\.*")
# A ranking of first names ("Top 10 names on our crib cards this year: Olivia, Liam, ...", "Top 5 baby
# names in our maternity unit"): the names after it are nobody's.
_NAMES_RANKING = regex.compile(
    r"(?i)\b(?:top\s+(?:\d+\s+)?|most\s+popular\s+|favou?rite\s+|trending\s+|popular\s+)(?:[\p{L}-]+\s+){0,2}?names\b|\bbaby\s+names\b"
)


def _in_a_names_ranking(text: str, start: int, end: int) -> bool:
    """A single word up to 250 characters after a ranking of names."""
    return " " not in text[start:end] and any(m.end() <= start for m in _NAMES_RANKING.finditer(text, max(0, start - 250), start))


# A record label, an honorific or the next name's title run into the end of a name ("Gerald Moss DOB
# 02/17/1958", "jose luis m. dob", "mr Ahn NPO", "Kamla dadi", "Mariam Q. Dr. Lindqvist").
_TRAILING_LABEL = regex.compile(
    rf"(?i)\s+(?:dob|d\.o\.b|dod|mrn|ssn|acct|age|npo|dnr|dni|nkda|sig|{HONORIFICS_AFTER}|dr|{_HONORIFIC})(?:['’]\p{{Ll}}+)?\.?$"
)
# A number after a name inside one spaCy span: "Tim O. 555-0179", "Sam W. 1 yr" (cut only
# when the span starts with a first name: "Hwy 41", "Laredo TX 78040" stay whole, and dropped).
_NUMBER_AFTER_NAME = regex.compile(r"\s+\d")


def _split_at_conjunction(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[Lydia Grant] and [Lydia Grantham]``: two people spaCy ran into one span."""
    pieces, pos = [], start
    for m in regex.finditer(r"\s+(?:and|&|or)\s+(?=\p{Lu})", text[start:end]):
        pieces.append((pos, start + m.start()))
        pos = start + m.end()
    pieces.append((pos, end))
    return pieces


# A lowercase Romance "of" that opens a span, before a capitalised word.
_OF_BEFORE_A_NAME = regex.compile(r"(?:de|du|des|da|do|dos|das|del|della|di)\s+(?=\p{Lu})|d['’](?=\p{Lu})")


def _after_last_lowercase_word(text: str, start: int, end: int) -> int:
    """``Rx for [Chen]``: spaCy sometimes runs a name into the words before it; a
    lowercase word (not a name particle) inside a capitalised span ends what came before, and
    so does a lowercase "de", "du", "da" ... that opens it."""
    value = text[start:end]
    if value.islower() or value.isupper():
        return start
    cut = start
    for m in regex.finditer(r"\S+", value):
        word = m.group()
        if word[0].islower() and word.lower() not in NAME_PARTICLES and m.end() < len(value):
            cut = start + m.end()
    while cut < end and text[cut].isspace():
        cut += 1
    if particle := _OF_BEFORE_A_NAME.match(text, cut, end):
        cut = particle.end()  # "le portefeuille [de Marc Dubois]", "district [de Guédiawaye]": "of", before a name
    return cut


# What spaCy runs into the end of a name: a spaced dash ("Hi [Tamsin R.] - I looked into"; not
# in a heading, "PATIENT STORY - draft"), the words after a name's initial ("[TAMIKA J.] your
# post-op garment"), or a one-letter lowercase word.
_SPACED_DASH = regex.compile(r"\s+[-–—]\s")
_TRAILING_LETTER = regex.compile(r"\s+\p{Ll}$")
_WORDS_AFTER_AN_INITIAL = regex.compile(r"(?<=\s\p{Lu}\.)\s+(?=\p{Ll}+\b)(?!(?:" + "|".join(sorted(NAME_PARTICLES)) + r")\b)")


def _before_what_follows_a_name(text: str, start: int, end: int) -> int:
    """Where a spaCy name ends when spaCy ran it into a spaced dash, the words after its initial
    or a one-letter word after it (the Polish or Czech "z", "w", "i": "dziadka [Stefana z] wypadku")."""
    dash = _SPACED_DASH.search(text, start, end)
    if dash and not text[start : dash.start()].isupper():
        end = dash.start()
    words = _WORDS_AFTER_AN_INITIAL.search(text, start, end)
    if words:
        return words.start()
    letter = _TRAILING_LETTER.search(text, start, end)
    return letter.start() if letter else end


_PLACE_PARTICLES = frozenset("of de la le du del da upon on the y et van von".split())
# Landmarks are no Safe Harbor location (the guide labels towns, addresses and ZIPs).
_LANDMARK_WORDS = frozenset(
    "park square plaza stadium arena fairgrounds mall pier marina racetrack speedway quarry trail garden gardens "
    "day festival fair gala".split()
)
# The last word of a town's name that is no surname: "Dayton Falls", "Piney Ridge", "Cutler Bay".
_PLACE_FEATURES = frozenset(
    "Falls Ridge Creek Springs Heights Hollow Valley Harbor Harbour Bay Bend Junction Crossing Hills Lake".split()
)
_IN_MEMORY_OF_BEFORE = regex.compile(r"(?i)\b(?:memory|memories|honou?r)\s+of\s+\Z")
# Street types that are no surname ("Lane", "Court", "Way" are): a spaCy "person" ending in
# one is a street named for someone ("Pharmacy on [Elizabeth St]").
_STREET_NOT_SURNAME = frozenset("st street ave avenue rd road blvd boulevard pkwy parkway hwy highway ln".split())
# Street types that are also surnames ("Mr. Way", "Marjorie Lane"), but end no name of three
# words: "construction on [Eleanor Briggs Way]" is a street named for someone.
STREET_AFTER_FULL_NAME = _STREET_NOT_SURNAME | frozenset("way lane court drive place circle terrace crescent trail".split())


def _is_street_named_for_someone(value: str, from_spacy: bool) -> bool:
    """"Pharmacy on [Elizabeth St]" (spaCy's "person" ending in a street type that is no
    surname) or "construction on [Eleanor Briggs Way]" (three words or more)."""
    words = value.split()
    last = words[-1].rstrip(".").lower()
    return (from_spacy and " " in value and last in _STREET_NOT_SURNAME) or (len(words) >= 3 and last in STREET_AFTER_FULL_NAME)


# A county, parish or borough without a house number is no address or town the guide labels
# ("serve the families of Big Horn County", "grew up in Grant County"; but "2231 County Road 14").
_COUNTY = regex.compile(r"(?i)^\D+\s(?:county|parish|borough)$")
# A capitalised word after a "place" that makes it the name of an event or a school:
# "Snapshot from [Hospice Garden] Day", "from [Maple Falls] Elementary" (any recognizer).
_EVENT_OR_SCHOOL_AFTER = regex.compile(
    r"\s+(?:Day|Days|Fair|Festival|Gala|Garden|Gardens|Walk|Fun\s+Run|Classic|Elementary|Academy|"
    r"(?:High|Middle|Primary)\s+School)\b"
)
# A camp is a place people go, not where they live: "at [Camp Birchwood]", "Camp Sunshine".
_LANDMARK_FIRST_WORDS = frozenset("camp".split())


def _is_noise_place(text: str, start: int, end: int) -> bool:
    """spaCy LOCATIONs that are not a town, street address or ZIP."""
    value = text[start:end]
    words = value.split()
    if not words or not any(ch.isupper() for ch in value):  # "nurse starter", "homecoming"
        return True
    if value.isupper() and len(regex.sub(r"\W", "", value)) <= 4:  # ER, ICU, STI, HIM
        return True
    if words[0].lower() == "the" or any(w.lower().strip(".,") in NOT_PEOPLE for w in words):
        return True
    if any(ch.isdigit() for ch in value) and not value[0].isdigit():  # "mg/5", "Route 9"
        return True
    if _BARE_STREET.match(value):
        return True
    if len(words) > 1 and words[-1].lower() in _LANDMARK_WORDS:  # "Riverside Park": a landmark, no town
        return True
    if len(words) > 1 and words[0].lower() in _LANDMARK_FIRST_WORDS:  # "Camp Loon Lake": a camp, no town
        return True
    if any(w[0].islower() and w not in _PLACE_PARTICLES for w in words[1:]):  # "New city, new unit"
        return True
    if len(words) == 1:
        return not _has_place_cue(text, start, end)
    return False


def _has_place_cue(text: str, start: int, end: int) -> bool:
    return bool(_PLACE_CUE_BEFORE.search(text[max(0, start - 20) : start]) or _PLACE_CUE_AFTER.match(text[end : end + 8]))


def _is_bare_name_not_place(text: str, start: int, end: int) -> bool:
    """A one-word spaCy "place" with no place cue, standing alone before punctuation
    ("pray for [Tyler], the 15-year-old"), is far more often a first name; followed by a
    noun ("Olympic swimmer", "Bombay phenotype") it is an adjective and no identifier."""
    value = text[start:end]
    return (
        " " not in value
        and value[:1].isupper()
        and not value.isupper()
        and not _has_place_cue(text, start, end)
        and bool(regex.match(r"\s*(?:[,!?;:]|\.(?!\w)|$)", text[end:]))
    )


_NAME_SHAPE = regex.compile(r"\p{L}[\p{L}\p{M}'’.\- \"“”]*(?:,\s*\p{L}[\p{L}\p{M}'’.\- ]*)?")


def _trim_symbols(text: str, start: int, end: int) -> tuple[int, int]:
    """``Hi [Dee ❤️]``: emoji and other symbols at the edges of a name or place are not part of it."""
    while start < end and not (text[start].isalnum() or text[start] in "'’\"“"):
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".'’\"”"):
        end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_plausible_person(value: str, honorific: bool) -> bool:
    """Letters, apostrophes, hyphens, dots and single-line spaces only; no spaced dash (a
    heading like "STORY - draft"; names hyphenate without spaces); no known non-name, except
    as the first word after an honorific ("Mr. Parkinson" is someone)."""
    words = value.lower().split()
    checked = words[1:] if honorific else words
    return bool(_NAME_SHAPE.fullmatch(value)) and " - " not in value and not any(word in NOT_PEOPLE for word in checked)


_SENTENCE = regex.compile(r"[^.!?¡¿\n]+")


def _in_a_sentence_of(text: str, start: int, end: int, function_words: Set[str], not_english: Set[str]) -> bool:
    """The sentence around ``text[start:end]`` has at least two of ``function_words`` and more
    of them than English function words (English stop words not in ``not_english``)."""
    sentence = next((m.group() for m in _SENTENCE.finditer(text) if m.start() <= start < m.end()), text[start:end])
    return languages.mostly_other(sentence, function_words, 2, not_english)


def _is_germanic_noun(text: str, start: int, end: int) -> bool:
    """A single capitalised word (not in capitals) that is no known first name or surname, in
    a German or Dutch sentence: a noun, no name ("Vor einem [Jahr]"; not "Opa [Heinz]")."""
    value = text[start:end]
    if not (value[:1].isupper() and value[1:].islower()) or is_person_name(value.lower()):
        return False
    # (in German and Dutch sentences every noun is capitalised, and the English NER reads many
    # as names: "Jahr", "Darmspiegelung", "Besitzer")
    return _in_a_sentence_of(text, start, end, languages.GERMANIC_FUNCTION_WORDS, languages.GERMANIC_FUNCTION_WORDS)


def _is_foreign_function_word_opener(text: str, start: int, end: int) -> bool:
    """``[Si su] niño tiene tos``, ``[Les] prélèvements se font ...``, ``[Ela chorou]``: the
    English NER (or the first-name lexicon: "Elle", "Les", "Una") reads a sentence's function
    word as the start of a name. True when the span opens with a function word of a post mostly
    in another language (``languages.mostly_another_language``), or with a Spanish, French,
    Portuguese or Tagalog one in a sentence with at least two of them and more of them than
    English function words (so "Esta Rodriguez was admitted" stays a name)."""
    first = regex.match(r"\p{L}+", text[start:end])
    if not first:
        return False
    word = first.group().lower()
    if word in languages.OTHER_FUNCTION_WORDS and languages.mostly_another_language(text):
        return True  # "[Les] internes pleurent de joie", "[Sie] erhalten ...": any word of a post mostly in another language
    if word not in languages.ROMANCE_AND_TAGALOG_FUNCTION_WORDS:
        return False
    return _in_a_sentence_of(
        text, start, end, languages.ROMANCE_AND_TAGALOG_FUNCTION_WORDS, languages.ROMANCE_AND_TAGALOG_STOP_WORDS
    )


def _is_common_word_opener(text: str, start: int, end: int) -> bool:
    """A single capitalised word opening a sentence and not followed the way names are."""
    value = text[start:end]
    return (
        " " not in value
        and not value.isupper()
        and bool(_SENTENCE_START_BEFORE.search(text[max(0, start - 12) : start]))
        and not _TITLE_BEFORE.search(text[max(0, start - 12) : start])
        and not _NAME_THEN_VERB.match(text[end : end + 16])
    )


_LOWERCASE_INITIALLED = regex.compile(r"(\p{Ll}{3,})\s\p{Ll}\.|\p{Ll}\.\s?(\p{Ll}{3,})")


# A kinship title or a spouse before a lowercase first name: "grandpa [joe]", "her husband [walt]".
_KIN_TITLE_BEFORE = regex.compile(rf"(?i)\b(?:{KINSHIP_TITLES}|{SPOUSE_WORDS})\s+$")


# First names in the lexicon that are also past-tense verbs, which follow a spouse or
# relative far more often than a name does: "his wife said thank you".
_VERBS_NOT_NAMES = frozenset({"said", "made"})


def is_kin_titled_first_name(text: str, start: int, value: str) -> bool:
    """A lowercase first name (not a function word or a verb: "grandma will", "wife said")
    after a kinship title or a spouse word."""
    return (
        value in person_names()[0]
        and value not in STOP_WORDS
        and value not in _VERBS_NOT_NAMES
        and _KIN_TITLE_BEFORE.search(text, max(0, start - 10), start) is not None
    )


def _is_lowercase_initialled_name(value: str) -> bool:
    """"tammy r.", "d. castillo": a lowercase first name or surname with an initial."""
    m = _LOWERCASE_INITIALLED.fullmatch(value)
    return m is not None and is_person_name(m.group(1) or m.group(2))


_LETTERS = regex.compile(r"\p{L}+")


def _words(value: str) -> list[str]:
    return [m.group().casefold() for m in _LETTERS.finditer(value)]


def _is_capitals_not_name(value: str) -> bool:
    """"AGAIN", "EMR", "SCAM ALERT", "MRN, CSN, FIN": capitals that are all English words
    or acronyms of three or four letters, none of them a first name or a surname (initials,
    "J.R.", "JD", "Mr. V.", stay names)."""
    words = _words(value)
    if not value.isupper() or "." in value or any(len(w) < 3 for w in words):
        return False
    return all(not is_person_name(w) and (len(w) <= 4 or is_english_word(w)) for w in words)


def _is_words_not_name(value: str) -> bool:
    """Every word is an English word and none is a first name or a surname (and none is
    an initial: "J.R.")."""
    words = [w for w in _words(value) if len(w) > 1 or "." in value]  # "Reply C" (but not "J.R.")
    return bool(words) and all(len(w) > 2 and not is_person_name(w) and is_english_word(w) for w in words)


_INITIAL_THEN_WORD = regex.compile(r"\p{Lu}\.\s?(\p{Lu}\p{Ll}{2,})")


def _is_initial_then_word(value: str) -> bool:
    """An initial and one English word that is no first name or surname ("C. Phone"; not
    "T. Andrew", "J. Wells")."""
    m = _INITIAL_THEN_WORD.fullmatch(value)
    return m is not None and is_english_word(m.group(1).lower()) and not is_person_name(m.group(1).lower())


def _is_hashtag_or_handle(text: str, start: int) -> bool:
    return start > 0 and text[start - 1] in "#@"


def _names_organisation(value: str) -> bool:
    words = value.lower().split()
    return len(words) > 1 and words[-1] in ORGANISATION_WORDS  # "Westside Dialysis" (but "mrs park")


# A fund, a prize or a law named for someone: the name, up to four more capitalised words, then
# the thing ("the Harold & June Whitfield Foundation", "the Keshawn Ellis Community Violence
# Intervention Act", "the Rosa Delgado Memorial Scholarship"): a donor's or a namesake's name.
_NAMED_FUND_OR_LAW_AFTER = regex.compile(
    r"(?:\s+(?:\p{Lu}\p{Ll}+|&)){0,4}\s+(?:Foundation|Fund|Act|Scholarship|Award|Law|Bill|Trust|Endowment|Prize|"
    r"Lecture|Fellowship|Memorial)\b"
)


def _next_word_names_organisation(text: str, start: int, end: int) -> bool:
    """``to the [Brandvold] building``: the word after the name makes it a building's name."""
    m = _NEXT_WORD.match(text, end)
    return m is not None and m.group(1).lower() in ORGANISATION_WORDS


# A capitalised word after an article or a possessive and before a common noun names a thing
# or a place, not a person: "my Albuquerque contract", "the Lethbridge one", "a blue
# Silverado" (not "the Garcia family", "our Keisha is back", "my patient Joe").
_THING_DETERMINER_BEFORE = regex.compile(r"(?i)\b(?:my|our|your|the|a|an)\s+\Z")
# ("a blue Silverado", "an old Corolla": a colour or an age before it makes it a product)
_PRODUCT_ADJECTIVE_BEFORE = regex.compile(
    r"(?i)\b(?:a|an|my|our|his|her|their)\s+(?:red|blue|green|black|white|silver|grey|gray|gold|maroon|beige|new|old|brand-new|used)\s+\Z"
)
_THING_NOUN_AFTER = regex.compile(
    r"\s+(?!(?:family|families|twins|triplets|quadruplets|kids|children|boys|girls|household|clan|baby|babies|"
    r"brothers|sisters|parents|folks|crew|gang|and|or|is|was|has|had|will|would|can|could|did|does|"
    r"who|still|always|never|just|says|said)\b)(?-i:\p{Ll}+)(?<!ed|ing)\b(?![-'’])"
)


def _names_a_thing(text: str, start: int, end: int) -> bool:
    value = text[start:end]
    if " " in value:
        return False
    if _PRODUCT_ADJECTIVE_BEFORE.search(text, max(0, start - 24), start) is not None:
        return True
    return (
        _THING_DETERMINER_BEFORE.search(text, max(0, start - 8), start) is not None
        and _THING_NOUN_AFTER.match(text, end) is not None
    )


# Names that belong to an animal or a storm, not a person: "Hurricane Marisol", "therapy dog
# Walter", "Agnes the therapy cat", "Biscuit, the pharmacy cat" (not "Ray the dog dewormer").
_ANIMAL_OR_STORM_BEFORE = regex.compile(
    r"(?i)\b(?:hurricane|tropical\s+storm|storm|typhoon|cyclone|(?:therapy|service|facility|comfort)\s+(?:dog|cat|pup|puppy|pony|horse|bunny|rabbit))\s+\Z"
)
_ANIMAL_AFTER = regex.compile(
    r"(?i),?\s+the\s+(?:[\p{L}-]+\s+){0,2}?(?:dog|cat|pup|puppy|kitten|bunny|rabbit|pony|parrot|goldfish|robot|mascot|"
    r"retriever|poodle|doodle|beagle|corgi|terrier)\b(?!\s+(?:dewormer|food|treats?|bed|toys?|shampoo|walker|sitter|groomer|park|bite|hair|allerg\w*)\b)"
)


def _names_an_animal_or_storm(text: str, start: int, end: int) -> bool:
    return (
        _ANIMAL_OR_STORM_BEFORE.search(text, max(0, start - 24), start) is not None
        or _ANIMAL_AFTER.match(text, end) is not None
    )


# A capitalised word (hyphenated: "Cheyne-Stokes"), for finding eponyms near an eponym.
_CAPITALISED_WORD = regex.compile(r"(?<![\p{L}'’-])\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*(?![\p{L}'’-])")
_EPONYM_CUE_BEFORE = regex.compile(r"(?i)\b(?:textbook|classic|positive|negative)\s+\Z")


def _is_bare_eponym(text: str, start: int, end: int) -> bool:
    """``Kussmaul, [Cheyne-Stokes] or [Biot]?``, ``textbook [Wellens]``: a medical eponym said
    bare, beside another eponym (within 60 characters) or after "textbook" / "classic"; an
    ALL-CAPS acronym spaCy ran into it stays out of the way ("TIL Hashimoto"). A hyphenated
    one needs neither ("6yo w/ [Prader-Willi]"): it names a syndrome or a supply, no one."""
    words = text[start:end].split()
    if not words or words[-1].casefold() not in EPONYMS or not all(w.isupper() and len(w) <= 4 for w in words[:-1]):
        return False
    last = start + text[start:end].rindex(words[-1])
    if "-" in words[-1] or _EPONYM_CUE_BEFORE.search(text, max(0, last - 12), last):
        return True
    return any(
        m.start() != last and m.group().casefold() in EPONYMS
        for m in _CAPITALISED_WORD.finditer(text, max(0, last - 60), min(len(text), end + 60))
    )


def _rank(d: Detection) -> tuple[int, float, int]:
    return (GENERIC_ENTITIES.get(d.entity, SPECIFIC), d.score, d.end - d.start)


def resolve_overlaps(detections: Iterable[Detection]) -> list[Detection]:
    """Keep the best detection for each stretch of text; return them in text order."""
    kept: list[Detection] = []
    for d in sorted(detections, key=_rank, reverse=True):
        if all(d.end <= k.start or d.start >= k.end for k in kept):
            kept.append(d)
            continue
        # "patient [Ruiz, Alma]" from a pattern over spaCy's "[Alma]": of two spans of one
        # entity, the one that contains the other wins, with the better score
        for i, k in enumerate(kept):
            if k.entity == d.entity and d.start <= k.start and k.end <= d.end and (d.start, d.end) != (k.start, k.end):
                if all(d.end <= o.start or d.start >= o.end for o in kept if o is not k):
                    kept[i] = Detection(d.entity, d.start, d.end, max(d.score, k.score), d.recognizer)
                break
    return sorted(kept, key=lambda d: (d.start, d.end))


def _split_people(text: str, results: Iterable[RecognizerResult]) -> list[RecognizerResult]:
    """Split spaCy PERSON spans at "and" and widen them over a hyphenated given name
    spaCy left out ("for Ji-woo [Kim]" -> "[Ji-woo Kim]")."""
    out = []
    for r in results:
        if r.entity_type == "PERSON" and text.count(",", r.start, r.end) >= 2:
            # "DUNLEAVY, ESPARZA, WOJCIK": a list of people, one span each
            for m in regex.finditer(r"[^,]+", text[r.start : r.end]):
                out.append(RecognizerResult(r.entity_type, r.start + m.start(), r.start + m.end(), r.score,
                                            r.analysis_explanation, r.recognition_metadata))
            continue
        if r.entity_type != "PERSON" or (r.recognition_metadata or {}).get("recognizer_name") != "SpacyRecognizer":
            out.append(r)
            continue
        for start, end in _split_at_conjunction(text, r.start, r.end):
            m = _HYPHENATED_GIVEN_NAME_BEFORE.search(text[max(0, start - 30) : start])
            if m:
                start -= len(m.group())
            out.append(RecognizerResult(r.entity_type, start, end, r.score, r.analysis_explanation,
                                        r.recognition_metadata))
    return out


# Identifiers that come in lists ("MRNs MR-442019 and MR-442091", "plan ID W22-881-004 vs
# W22-881-040"): a value of the same shape right after a labelled one is one of the same kind.
LISTED_ENTITIES = frozenset(
    "MRN HEALTH_PLAN_ID ACCOUNT LICENSE VEHICLE DEVICE_ID ROOM OTHER_ID SSN".split()
)
_NEXT_IN_LIST = regex.compile(
    r"(?i)\s*(?:,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&|vs\.?|versus|then|to)\s+|\s*/\s*)"
    r"(?:#\s*)?([A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9]))*)(?![\w-])"
)


def _shape(value: str) -> str:
    return regex.sub(r"\p{L}", "A", regex.sub(r"\d", "9", value))


def _extend_lists(text: str, detections: list[Detection]) -> list[Detection]:
    """Add the values that continue a list after a labelled identifier, when they have
    exactly its shape (digits for digits, letters for letters, dashes in place)."""
    added = []
    for d in detections:
        if d.entity not in LISTED_ENTITIES:
            continue
        shape, end = _shape(text[d.start : d.end]), d.end
        while (m := _NEXT_IN_LIST.match(text, end)) and _shape(m.group(1)) == shape:
            added.append(Detection(d.entity, m.start(1), m.end(1), d.score, d.recognizer))
            end = m.end(1)
    return detections + added


# A full name ("Lydia Grant", "K. Oyelaran") next to another in a list ("two charts, Lydia
# Grant and Lydia Grantham"; "Catherine Oyelarin, K. Oyelaran"): a first name or an initial,
# then a surname.
_FULL_NAME = r"(?:\p{Lu}\p{Ll}+|\p{Lu}\.)\s+\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?"
_NAME_LIST_JOIN = r"(?:,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+)"
_IS_FULL_NAME = regex.compile(_FULL_NAME)
_NEXT_NAME = regex.compile(rf"{_NAME_LIST_JOIN}({_FULL_NAME})(?![\p{{L}}\d'’-]|\s+\p{{Lu}})")
_PREVIOUS_NAME = regex.compile(rf"(?<![\p{{L}}\d.'’-])(?<!\p{{Lu}}[\p{{L}}.]*\s)({_FULL_NAME}){_NAME_LIST_JOIN}$")


# A name joined to a found one by "and" / "&": "Lauren & [Mike]", "[Amos] and Lizzie".
_PAIRED_BEFORE = regex.compile(r"(?<![\p{L}\d.'’-])(\p{Lu}\p{Ll}+)\s+(?:and|&)\s+$")
_PAIRED_AFTER = regex.compile(r"\s+(?:and|&)\s+(\p{Lu}\p{Ll}+)(?![\p{L}\d'’-]|\s+(?:\p{Lu}|\d))")


def _extend_paired_names(text: str, detections: list[Detection]) -> list[Detection]:
    """Add a first name or surname joined by "and" / "&" to a found person's name (first
    names that are also English words count here: "Mike", "June")."""
    taken = {(d.start, d.end) for d in detections}
    added = []
    for d in detections:
        if d.entity != "PERSON":
            continue
        found = [_PAIRED_BEFORE.search(text, max(0, d.start - 30), d.start), _PAIRED_AFTER.match(text, d.end)]
        for m in found:
            if m is not None and is_person_name(m.group(1).casefold()) and (m.start(1), m.end(1)) not in taken:
                taken.add((m.start(1), m.end(1)))
                added.append(Detection("PERSON", m.start(1), m.end(1), d.score, d.recognizer))
    return detections + added


def _listed_name(value: str) -> bool:
    """A first name (or an initial) and a surname that is no English word unless it is a surname."""
    first_names, surnames = person_names()
    first, last = value.split()[0].casefold(), value.split()[-1].casefold()
    return (first.endswith(".") or first in first_names) and (last in surnames or not is_english_word(last))


def _extend_name_lists(text: str, detections: list[Detection]) -> list[Detection]:
    """Add the full names listed right before or after a detected full name (each once: a
    list stops at a name already found, so a long list costs one pass)."""
    found = {(d.start, d.end) for d in detections if d.entity == "PERSON"}
    added = []

    def add(start: int, end: int, d: Detection) -> None:
        found.add((start, end))
        added.append(Detection("PERSON", start, end, d.score, d.recognizer))

    for d in detections:
        if d.entity != "PERSON" or not _IS_FULL_NAME.fullmatch(text, d.start, d.end):
            continue
        end = d.end
        while (m := _NEXT_NAME.match(text, end)) and m.span(1) not in found and _listed_name(m.group(1)):
            add(*m.span(1), d)
            end = m.end(1)
        start = d.start
        while True:
            offset = max(0, start - 60)
            m = _PREVIOUS_NAME.search(text[offset:start])
            if m is None or (offset + m.start(1), offset + m.end(1)) in found or not _listed_name(m.group(1)):
                break
            add(offset + m.start(1), offset + m.end(1), d)
            start = offset + m.start(1)
    return detections + added


# A single initial after a name: "Ava M.", "TERRENCE W." (not a word: "Plan B.A."; not the
# start of a sentence's next name: "Maria K. Jones" is one name anyway).
_INITIAL_AFTER = regex.compile(r"\s(?-i:\p{Lu})\.(?![\p{L}\d])")
_INITIAL_AT_END = regex.compile(r"\p{L}\s\p{Lu}\Z")


def _extend_initials(text: str, detections: list[Detection]) -> list[Detection]:
    """Widen a person's name over the initial of the surname right after it ("[Ava M.]")."""
    out = []
    for i, d in enumerate(detections):
        if d.entity == "PERSON" and text[d.end - 1 : d.end].isalpha() and (m := _INITIAL_AFTER.match(text, d.end)):
            if all(o.start >= m.end() or o.end <= d.start for o in detections[i + 1 :]):
                d = Detection(d.entity, d.start, m.end(), d.score, d.recognizer)
        elif d.entity == "PERSON" and _INITIAL_AT_END.search(text, d.start, d.end) and text.startswith(".", d.end):
            d = Detection(d.entity, d.start, d.end + 1, d.score, d.recognizer)  # "[DESMOND K].." -> "[DESMOND K.]."
        out.append(d)
    return out


def to_detections(text: str, results: Iterable[RecognizerResult]) -> tuple[Detection, ...]:
    detections = []
    for r in _split_people(text, results):
        entity = PRESIDIO_TO_HIPAALINT.get(r.entity_type, r.entity_type)
        recognizer = (r.recognition_metadata or {}).get("recognizer_name", "")
        from_spacy = recognizer == "SpacyRecognizer"
        guessed = from_spacy or recognizer == "FirstNameRecognizer"  # by the NER or the first-name list, not by a cue
        start, end = _trim(text, r.start, r.end)
        if entity in ("PERSON", "LOCATION"):
            start, end = _trim_symbols(text, start, end)
            stripped = _strip_possessive(text, start, end)
            if entity == "LOCATION" and from_spacy and stripped < end and " " in text[start:stripped]:
                entity = "PERSON"  # "Helen Park's insurance card": people own things more than places do
            end = stripped
        if from_spacy and entity == "PERSON" and " " in text[start:end] and text[start:end].split()[-1] in _PLACE_FEATURES:
            entity = "LOCATION"  # "covering Brookfield, [Dayton Falls] and [Piney Ridge]": towns, not people
        if entity == "PERSON" and (saint := saint_named_at(text, start, end)) is not None:
            if saint <= start:
                continue  # "St. Anne's", "Saint Luke's Church", "Saint-[Laurent]": named for a saint
            if particle := _PARTICLE_BEFORE_A_SAINT.search(text, start, saint):
                if particle.start() == start:
                    continue  # "de Saint-Hyacinthe": a town named for a saint
                end = particle.start()  # "[Chuy Villarreal] de San Benito"
        if entity == "LOCATION" and from_spacy and text[start:end].split(" ", 1)[0].lower() in LEADING_NON_NAME:
            entity = "PERSON"  # "Nurse Gloria", "Aunt Sophia": a person, not a place
        if entity == "LOCATION" and from_spacy and _IN_MEMORY_OF_BEFORE.search(text, max(0, start - 20), start):
            entity = "PERSON"  # "in loving memory of [Wendell Okafor]": people are remembered, not places
        if entity == "LOCATION" and from_spacy and _is_bare_name_not_place(text, start, end):
            entity = "PERSON"
        elif (
            entity == "PERSON"
            and guessed
            and " " not in text[start:end]
            and _PLACE_PREPOSITION_BEFORE.search(text, max(0, start - 20), start)
            and not _next_word_names_organisation(text, start, end)
        ):
            entity = "LOCATION"  # "headed to Chester on Monday"
        titled = False
        if entity == "PERSON":
            untitled = _strip_title(text, start, end)
            titled = untitled > start or bool(_TITLE_BEFORE.search(text[max(0, start - 12) : start]))
            start = _strip_leading_words(text, untitled, end)
            label = _TRAILING_LABEL.search(text, start, end)
            end = label.start() if label else end
            if (
                from_spacy
                and (number := _NUMBER_AFTER_NAME.search(text, start, end))
                and text[start:end].split(maxsplit=1)[0].casefold() in person_names()[0]
            ):
                end = number.start()  # "[Tim O.] 555-0179", "[Sam W.] 1 yr": spaCy ran a name into a number (not "Hwy 41")
            if from_spacy:
                end = _before_what_follows_a_name(text, start, end)
                start = _after_last_lowercase_word(text, start, end)
            value = text[start:end]
            honorific = _HONORIFIC_BEFORE.search(text, max(0, start - 6), start) is not None
            if not _is_plausible_person(value, honorific) or (from_spacy and _is_hashtag_or_handle(text, start)):
                continue
            if from_spacy and CYRILLIC_WORD.search(value) and not any(is_person_name(w) for w in _words(value)):
                continue  # "Девочки, срочно": spaCy's English model reads Cyrillic words as names
            if _in_a_names_ranking(text, start, end):
                continue  # "Top 10 names on our crib cards: Olivia, Liam, ..."
            if _PLACEHOLDER_NAME.fullmatch(value):
                continue  # "Mr. X", "Jane Doe" in teaching cases and drills
            if value.upper().startswith("ZZ"):  # "ZZTEST, PATIENT": an EHR's test patients start with ZZ
                continue
            if value.lower() in LEADING_NON_NAME:  # "Mom says", "Happy Friday": a kinship word or greeting alone
                continue
            if _is_capitals_not_name(value) and not honorific:
                continue  # "EMR", "FULL HOUSE": shouting or an acronym (not "Mrs. DELACROIX": a surname WordNet lists)
            if from_spacy and not titled and _is_common_word_opener(text, start, end):
                continue
            if guessed and not titled and _is_foreign_function_word_opener(text, start, end):
                continue  # "Si su niño tiene tos", "Elle nous a remerciés": a foreign sentence's opening words
            if from_spacy and not titled and _is_words_not_name(value):
                continue  # "Burnout", "Beneficiary Identifier", "go Bulldogs": English words, no name
            if from_spacy and not titled and _is_germanic_noun(text, start, end):
                continue  # "Vor genau einem [Jahr]": a German or Dutch noun
            if from_spacy and not titled and _is_initial_then_word(value):
                continue  # "Garage [C. Phone] 555-0160", "Lot [C. Keys]": a sentence's end, then its first word
            if value.islower() and not honorific and _is_words_not_name(value):
                continue  # "(patient draped, consent on file)": lowercase words after a cue are no name
            if (
                from_spacy
                and not titled
                and not any(ch.isupper() for ch in value)
                and not _is_lowercase_initialled_name(value)
                and not is_kin_titled_first_name(text, start, value)
            ):
                continue  # "max", "payer" (but "tammy r.", "d. castillo": a name with its initial)
            if _is_street_named_for_someone(value, from_spacy):
                continue
            if guessed and _names_a_thing(text, start, end):
                continue  # "my Albuquerque contract", "the Lethbridge one", "a blue Silverado": a thing's name
            if not titled and _names_an_animal_or_storm(text, start, end):
                continue  # "Hurricane Marisol", "Agnes the therapy cat": no person
            if not titled and _is_bare_eponym(text, start, end):
                continue  # "Kussmaul, Cheyne-Stokes or Biot?", "textbook Wellens": eponyms, not people
            if from_spacy and _EPONYM_OR_COMPOUND.match(text[end : end + 24]):
                continue  # "Fabry disease", "Oscar-winning": a word made from a name, not a person
            if not titled and _DAY_NAMED_FOR.match(text, end):
                continue  # "Valentine's Day", "Lou Gehrig Day": a day named for someone
            if _NAMED_FUND_OR_LAW_AFTER.match(text, end):
                continue  # "the [Grace Moreno] Memorial Fund": a fund's, a prize's or a law's namesake
            if from_spacy and any(w.strip(".,").lower() in _WEEKDAY_WORDS for w in regex.split(r"[\s-]+", value)):
                continue  # "Walk-in Tues", "Thurs Clinic": a schedule, not a person
        if entity in ("PERSON", "LOCATION") and _names_organisation(text[start:end]):
            continue
        if entity == "LOCATION" and text[start:end].isupper() and _is_capitals_not_name(text[start:end]):
            continue  # "from NICU", "from HOSPICE": capitals that are a word or an acronym, no town
        if entity == "LOCATION" and regex.sub(r"\.", "", text[start:end].lower()) in STATES_AND_COUNTRIES:
            continue
        if entity == "LOCATION" and _COUNTY.match(text[start:end]):
            continue  # "the families of [Big Horn County]": a county, no town or address
        if entity == "LOCATION" and text[start:end].lower().rstrip(".") in ("st", "ste", "saint", "mt"):
            continue  # "from [St]. Brigid's": a saint's or mountain's abbreviation alone
        if entity == "LOCATION" and from_spacy and _is_noise_place(text, start, end):
            continue
        if entity == "LOCATION" and not text[start].isdigit() and any(
            w.lower() in NOT_PEOPLE and not (w in _PLACE_FEATURES and " " in text[start:end]) for w in text[start:end].split()
        ):  # (but a town's last word is no room: "from Cutler Bay")
            continue  # "from Braxton Hicks", "at ... Room": a drug, an eponym or a room is no place
        if entity == "LOCATION" and not text[start].isdigit() and _EVENT_OR_SCHOOL_AFTER.match(text, end):
            continue  # "from Hospice Garden Day": an event's or a school's name, no town
        if entity == "LOCATION" and from_spacy and _next_word_names_organisation(text, start, end):
            continue  # "moved to the [Brandvold] building": part of a building's name
        if entity == "PHONE" and _CODE_RANGE.fullmatch(text, start, end):
            continue  # "CPT 99385-99387": a range of five-digit codes, not a phone number
        if entity in ("PHONE", "FAX") and TOLL_FREE.fullmatch(text, start, end):
            continue  # "1-800-222-1222": a business or hotline number
        if entity == "DATE" and _HISTORIC_YEAR.search(text, start, end):
            continue  # "born July 12, 1849": history, not a patient's date
        if start >= end:
            continue
        detections.append(Detection(entity, start, end, float(r.score), recognizer))
    resolved = resolve_overlaps(_extend_paired_names(text, _extend_name_lists(text, _extend_lists(text, detections))))
    return tuple(_extend_initials(text, resolved))
