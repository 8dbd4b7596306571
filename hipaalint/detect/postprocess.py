"""Turn Presidio's raw results into hipaalint Detections: our entity names, trimmed spans,
obvious non-names dropped, and one detection per stretch of text."""

from __future__ import annotations

from collections.abc import Iterable

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
    epi epipen botox medicare medicaid hipaa er icu nicu picu or ed
    """.split()
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


def _is_plausible_person(value: str) -> bool:
    return (
        any(ch.isalpha() for ch in value)
        and not any(ch.isdigit() for ch in value)
        and value.lower() not in NOT_PEOPLE
        and "@" not in value
    )


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
            if not _is_plausible_person(text[start:end]):
                continue
        if start >= end:
            continue
        recognizer = (r.recognition_metadata or {}).get("recognizer_name", "")
        detections.append(Detection(entity, start, end, float(r.score), recognizer))
    return tuple(resolve_overlaps(detections))
