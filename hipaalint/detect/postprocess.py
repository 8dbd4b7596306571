"""Turn Presidio's raw results into hipaalint Detections: our entity names, trimmed spans,
obvious non-names dropped, and one detection per stretch of text."""

from __future__ import annotations

from collections.abc import Iterable

import regex
from presidio_analyzer import RecognizerResult

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

_TITLES = ("mrs.", "mrs", "mr.", "mr", "ms.", "ms", "miss", "mx.", "dr.", "dr", "pt.", "pt")
_EDGE_JUNK = " \t\r\n,;:!?\"'[]{}<>*_#@"

# Words spaCy's small model tags as PERSON in health posts that never are one.
NOT_PEOPLE = frozenset(
    """
    tylenol advil motrin ibuprofen acetaminophen metformin insulin lisinopril atorvastatin
    amoxicillin prednisone ozempic wegovy narcan naloxone xanax adderall zoloft prozac
    covid covid-19 alzheimer alzheimer's parkinson parkinson's crohn crohn's hodgkin lyme
    epi epipen botox medicare medicaid hipaa er icu nicu picu ed
    room suite ward unit bed bay floor wing lobby street avenue road
    """.split()
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
    """.split()
)
# A span ending in one of these is an organisation (a hospital's name is not PHI).
ORGANISATION_WORDS = frozenset(
    "hospital clinic center centre health healthcare medical university pharmacy institute "
    "foundation hospice practice dental pediatrics associates group network system".split()
)


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


_NAME_SHAPE = regex.compile(r"\p{L}[\p{L}\p{M}'’.\- ]*")


def _is_plausible_person(value: str) -> bool:
    """Letters, apostrophes, hyphens, dots and single-line spaces only; not a known non-name."""
    return bool(_NAME_SHAPE.fullmatch(value)) and not any(
        word in NOT_PEOPLE for word in value.lower().split()
    )


def _is_hashtag_or_handle(text: str, start: int) -> bool:
    return start > 0 and text[start - 1] in "#@"


def _names_organisation(value: str) -> bool:
    words = value.lower().split()
    return bool(words) and words[-1] in ORGANISATION_WORDS


def _rank(d: Detection) -> tuple[int, float, int]:
    return (GENERIC_ENTITIES.get(d.entity, SPECIFIC), d.score, d.end - d.start)


def resolve_overlaps(detections: Iterable[Detection]) -> list[Detection]:
    """Keep the best detection for each stretch of text; return them in text order."""
    kept: list[Detection] = []
    for d in sorted(detections, key=_rank, reverse=True):
        if all(d.end <= k.start or d.start >= k.end for k in kept):
            kept.append(d)
    return sorted(kept, key=lambda d: (d.start, d.end))


def to_detections(text: str, results: Iterable[RecognizerResult]) -> tuple[Detection, ...]:
    detections = []
    for r in results:
        entity = PRESIDIO_TO_HIPAALINT.get(r.entity_type, r.entity_type)
        start, end = _trim(text, r.start, r.end)
        if entity == "PERSON":
            start = _strip_title(text, start, end)
            if not _is_plausible_person(text[start:end]) or _is_hashtag_or_handle(text, start):
                continue
        if entity in ("PERSON", "LOCATION") and _names_organisation(text[start:end]):
            continue
        if entity == "LOCATION" and text[start:end].lower().rstrip(".") in STATES_AND_COUNTRIES:
            continue
        if start >= end:
            continue
        recognizer = (r.recognition_metadata or {}).get("recognizer_name", "")
        detections.append(Detection(entity, start, end, float(r.score), recognizer))
    return tuple(resolve_overlaps(detections))
