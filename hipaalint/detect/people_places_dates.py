"""Recognizers for the free-text identifiers spaCy's small model misses in social posts:
names after a title or greeting (also lowercase and ALL CAPS), explicit calendar dates,
street addresses and ZIP codes, and e-mail addresses validated offline.

Spans cover the value, not its label: ``Mrs. [Henderson]``, ``DOB [4/2/1951]``.
"""

from __future__ import annotations

import tldextract
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer
from presidio_analyzer.predefined_recognizers import EmailRecognizer

from hipaalint.detect.recognizers import CASE_INSENSITIVE


# Words that follow a title or greeting but are not names.
_NOT_A_NAME = (
    r"(?!(?:and|or|the|a|an|all|everyone|everybody|there|team|folks|friends|guys|again|so|for|"
    r"you|your|both|y'all|yall|doctor|dr|nurse|is|was|has|had|who|with|in|on|at|to|of|from|"
    r"safety|care|education|experience|portal|advocate|advocates|appreciation|week|day|month|"
    r"satisfaction|privacy|rights|services|relations|family|families|here|this|that|it|we|"
    r"us|our|i|me|my|just|now|today|tonight|morning|afternoon|evening|every|thanks|thank|"
    r"sir|madam|ma'am|neighbor|neighbors|world|internet|twitter|instagram|facebook|tiktok|google|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
    r"may|june|july|august|september|october|november|december)\b)"
)
_NAME_WORD = r"[\p{L}][\p{L}'’-]+"

PERSON_PATTERNS = [
    # mrs. henderson, Mr Lee, MS JONES (titles are strong: any case)
    Pattern(
        "title + name",
        rf"\b(?:mrs|mr|ms|miss|mx)\b\.?\s+\K{_NOT_A_NAME}{_NAME_WORD}(?:\s+(?-i:\p{{Lu}}){_NAME_WORD})?",
        0.7,
    ),
    # pt JOSE, patient Ruiz, baby Liam (a capitalised or ALL-CAPS word after a patient word)
    Pattern(
        "patient word + name",
        rf"\b(?:pt|patient|baby|resident|little)\b\.?\s+\K{_NOT_A_NAME}(?-i:\p{{Lu}}){_NAME_WORD}",
        0.6,
    ),
    # "hi maria," "Dear Mr" handled above; greeting + one word + comma/exclamation
    Pattern(
        "greeting + name",
        rf"(?:^|[\n.!?]\s*)(?:hi|hello|hey|dear|thanks|thank you)\b,?\s+\K{_NOT_A_NAME}{_NAME_WORD}(?=\s*[,!.:—-])",
        0.6,
    ),
]

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|(?-i:May)|may(?=\s+\d)|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:\d{4}|'\d{2})"

DATE_PATTERNS = [
    # March 3, March 3rd, March 3, 2026, Mar. 3 '26
    Pattern("month day [year]", rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?(?!\s*(?:mg|ml|%|patients|pm|am)\b)", 0.85),
    # 3 March 2026, the 3rd of March
    Pattern("day month [year]", rf"\b{_DAY}(?:\s+of)?\s+{_MONTH}\b(?:,?\s+{_YEAR}\b)?", 0.85),
    # 3/14/2026, 03-14-26, 3.14.2026
    Pattern("numeric m/d/y", r"(?<![\d/.-])(?:0?[1-9]|1[0-2])([/.-])(?:0?[1-9]|[12]\d|3[01])\1(?:\d{4}|\d{2})(?![\d/.-])", 0.9),
    # 2026-03-14
    Pattern("ISO date", r"(?<![\d-])\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])", 0.9),
    # DOB 4/2, on 3/14, born 3/14 (a bare m/d only with a date word before it: "5/10 pain" is not a date)
    Pattern(
        "labelled m/d",
        r"\b(?:on|dob|d\.o\.b\.|born|since|admitted|discharged)\b:?\s+\K(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?![\d/])",
        0.8,
    ),
]

_STREET_TYPE = (
    r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|"
    r"terrace|ter|circle|cir|highway|hwy|parkway|pkwy|trail|trl|square|sq)"
)
LOCATION_PATTERNS = [
    # 42 Elm Street, 1200 N. Maple Ave
    Pattern(
        "street address",
        rf"\b\d{{1,5}}\s+(?:[NSEW]\.?\s+)?(?:(?-i:\p{{Lu}})[\p{{L}}'-]+\s+){{1,3}}{_STREET_TYPE}\b",
        0.8,
    ),
    # "a patient from Maple Falls", "lives in Port Ellery": a capitalised place after a home cue
    Pattern(
        "hometown",
        rf"\b(?:from|lives in|living in|resident of|native of|town of|city of|grew up in|moved to)\s+\K{_NOT_A_NAME}(?-i:\p{{Lu}}\p{{Ll}}+(?:\s+\p{{Lu}}\p{{Ll}}+)?)",
        0.9,
    ),
    # ZIP after a state abbreviation or a zip label: "Springfield, IL 62704", "zip 02139"
    Pattern("ZIP after state", r"(?<=\b(?-i:[A-Z]{2}),?\s)\d{5}(?:-\d{4})?\b", 0.7),
    Pattern("labelled ZIP", r"\b(?:zip|zip code|postal code)\b:?\s+\K\d{5}(?:-\d{4})?\b", 0.85),
]


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's e-mail recognizer, validating domains against tldextract's bundled
    public-suffix snapshot instead of fetching the list from the internet."""

    def __init__(self) -> None:
        super().__init__()
        self._tld = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

    def validate_result(self, pattern_text: str) -> bool:
        return self._tld(pattern_text).fqdn != ""


def build_people_places_dates() -> list[EntityRecognizer]:
    return [
        PatternRecognizer(
            "PERSON", name="TitledNameRecognizer", patterns=PERSON_PATTERNS,
            global_regex_flags=CASE_INSENSITIVE,
        ),
        PatternRecognizer(
            "DATE", name="CalendarDateRecognizer", patterns=DATE_PATTERNS,
            global_regex_flags=CASE_INSENSITIVE,
        ),
        PatternRecognizer(
            "LOCATION", name="AddressRecognizer", patterns=LOCATION_PATTERNS,
            global_regex_flags=CASE_INSENSITIVE,
        ),
        OfflineEmailRecognizer(),
    ]
