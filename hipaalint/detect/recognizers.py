"""Presidio recognizers for the healthcare identifiers of HIPAA Safe Harbor that Presidio
does not know: record, plan, account, license, clinician (NPI, DEA), vehicle and device
numbers, rooms and beds, fax numbers, ages over 89 and other case numbers.

Each recognizer is a ``PatternRecognizer`` described by data (``_SPECS``). Spans cover the
value, not its label: patterns match the label, then ``\\K`` drops it from the match, so
``MRN [00482913]``, ``room [312]``, ``[92]-year-old``. Label-anchored patterns score
0.85-0.95; bare shapes score lower and most must also pass a checksum from
:mod:`hipaalint.detect.validators`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex
from presidio_analyzer import EntityRecognizer, Pattern

from hipaalint.detect.lean_patterns import GatedPattern, LeanPatternRecognizer
from hipaalint.detect.lexicons import FOREIGN_ROOM_WORDS
from hipaalint.detect.validators import dea_is_valid, mbi_is_valid, npi_is_valid, vin_is_valid

CASE_INSENSITIVE = regex.DOTALL | regex.MULTILINE | regex.IGNORECASE
CASE_SENSITIVE = regex.DOTALL | regex.MULTILINE

# --- regex building blocks -------------------------------------------------------------

# Words and signs between a label and its value: "#", "no.", "number", "ID" (and ":").
_MARKER = r"(?:#|(?:no|nbr|num)\b\.?|number\b|id\b|identifier\b)"
# Optional markers, for labels that are identifiers by themselves: "MRN 123", "MRN: 123".
_SEP = rf"(?:\s*(?:{_MARKER}|:|is\b))*\s*"
# At least one marker, for everyday words: "case #123", "member ID X1", not "in case 2024";
# a verb may link the label to its value: "her member ID is X1", "the chart number was 7731-04".
_MARK = rf"(?:\s*:?\s*{_MARKER})+(?:\s*(?::|(?:is|was)\b))*\s*\(?"

# An identifier value: 3-20 letters, digits and inner dashes, taken as a whole token, with
# at least one digit and no all-letter part of 4+ letters ("A-55102", "PM4471-2209",
# "12345678A"; not "92-year-old", "12-lead", "COVID-19").
# A word-like prefix of 4-5 letters is still a code when a long number follows it
# ("ACCT-0048812", "CASE-88120"; "COVID-19" is not).
_ID = (
    r"(?:[A-Z]{4,5}-\d{4,12}(?!\w|-\w)|"
    r"(?=[A-Z0-9-]*\d)(?!(?:[A-Z0-9]*-)*[A-Z]{4,}(?![A-Z0-9]))"
    r"[A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){2,19}(?!\w|-\w))"
)

# A value that looks coded even without a "#" or "number" before it: 6+ characters, 3+ digits
# ("SN PJN901442R", "serial G6R-02219-XK").
_CODED_ID = rf"(?=[A-Z0-9-]{{6,}})(?=(?:[A-Z-]*\d){{3}}){_ID}"

# Health insurers whose name is used as the label of a member ID: "BCBS ID XYZ1234",
# "her Aetna ID is W123456789", "UHC # 912004451".
_PAYER = (
    r"(?:BCBS|BCBSA|blue\s+cross(?:\s+blue\s+shield)?|blue\s+shield|anthem|aetna|cigna|humana|UHC|"
    r"united\s*health(?:care)?|kaiser|tricare|molina|centene|ambetter|wellcare|highmark|"
    r"carefirst|premera|regence|HCSC|caresource|amerigroup|medi-cal)"
)

# Medicare Beneficiary Identifier shape, optional dashes after characters 4 and 7
# (letters are narrowed by mbi_is_valid).
_MBI = r"\b[1-9][A-Z][A-Z0-9]\d-?[A-Z][A-Z0-9]\d-?[A-Z]{2}\d{2}\b"

# A vehicle identification number: 17 characters without I, O, Q, at least one letter.
_VIN = r"\b(?=[0-9]*[A-Z])[A-HJ-NPR-Z0-9]{17}\b"

# A coded value: one to five letters, an optional dash, then digits (and more dashed
# parts): "CLM-25-0098812", "PA-6630417", "INV2025-118". Not a bare number or a word.
_CODED_VALUE = r"(?<![\w-])[A-Z]{1,5}-?\d(?:[A-Z0-9]|-(?=[A-Z0-9])){3,24}(?![\w-])(?<=(?:\D*\d){4})"

# A US phone number: 555-013-4477, (555) 013-4477, 555.013.4477, +1 555 013 4477.
_PHONE = r"(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}(?!\d)"

# Ages 90-129.
_AGE = r"(?<![\d.,])(?:9\d|1[0-2]\d)"
_AGE_WORDS = r"ninety(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
_AGE_ORDINAL_WORDS = (
    r"(?:ninetieth|ninety[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|(?:one\s+)?hundredth)"
)
# "aged 90+", "90 and older", "90 or over": an age bracket in a statistic, not a person's age
# (also Spanish, Portuguese, French, Italian, Greek and Turkish: "90 años o más", "90 anos ou mais",
# "90 ans et plus", "90 anni e oltre", "90 ετών και άνω", "90 yaş ve üzeri")
_NOT_A_BRACKET = (
    r"(?!\s*\+|\s*(?:and|or|&)\s+(?:older|over|up|above)\b|\s*-\s*\d"
    r"|\s*(?:años|anos|ans)?\s*(?:o|ou|y|e|et)\s+(?:más|mas|mais|plus)\b"
    r"|\s*(?:anni|ετών|yaş)?\s*(?:e\s+oltre|e\s+più|και\s+άνω|ve\s+üzeri)\b)"
    # (nor after "over", "older than" in Polish, Czech, Russian or Ukrainian: "pacientů nad 90 let",
    # "старше 90 лет", "powyżej 90 lat")
    r"(?<!\b(?:nad|powyżej|ponad|старше|старші|понад|свыше|od)\s+\d{2,3})"
)
_UNITS_AFTER = (
    r"(?!\s*(?:%|°|degrees?\b|mg\b|mcg\b|ml\b|kg\b|lbs?\b|minutes?\b|mins?\b|hours?\b|hrs?\b|"
    r"days?\b|weeks?\b|months?\b|seconds?\b|secs?\b|feet\b|ft\b|percent\b|beds\b|bed\b(?!\s+(?-i:[A-F])\b)|patients?\b|"
    r"people\b|times\b|bpm\b|mmhg\b))"
)
# A thank-you opening a reply: "thanks", "thank you so much", "thanks for the shoutout"
_THANKS_FOR = r"(?:thanks|thank\s+you|thx)(?:\s+(?:so\s+much|for\s+(?:the\s+|your\s+)?[\w-]+(?:\s+[\w-]+)?))?"
# A word for a room or a bed before its number (also Spanish, Portuguese, German and Dutch:
# "cuarto 3", "habitación 221", "leito 7", "quarto 12", "cama 4", "Zimmer 17", "kamer 5", "Bett 4";
# a ship's or a hut's "berth 3", "bunk B7")
_ROOM_WORD = rf"(?:rooms?|rm|beds?|cubicle|pods?|{FOREIGN_ROOM_WORDS}|kabine|berth|bunk)"
# A room or bed number ("312", "12B", "4-West"), not a measure ("room 10 feet away") and
# not a room talked about as a place being fixed or made ready ("room 5 is being renovated").
# (also a lettered wing or unit and a number, "B-14", "bed C-2", "bed CV-06")
_ROOM = r"(?:[A-Z]{1,2}-\d{1,3}[A-Z]?\b|[A-Z]?\d{1,4}[A-Z]?(?:-(?:north|south|east|west|[NSEW])\b)?\b)"
_ROOM_IN_USE = (
    _UNITS_AFTER
    # ("rm 5112 ready for CT" is a patient ready for a test, not a room made ready)
    + r"(?!(?:\W+\w+){0,3}?\W+(?:renovat|clos|clean|paint|reopen|ready(?!\s+for\s+(?:CT|MRI|OR|IR|x-?ray|transport|"
    r"discharge|dialysis|surgery|pickup|d/c)\b)|available))"
    # a range of rooms ("Rooms 401-406", "bays 7 to 10") is the building, not one patient
    + r"(?!\s*(?:[-–]|to\b|through\b|thru\b)\s*[A-Z]?\d)"
)


@dataclass(frozen=True)
class _Spec:
    """One recognizer as data: its patterns (name, regex, score, and for a costly pattern
    without a literal word what it needs: see ``GatedPattern``) and, if any, a checksum."""

    name: str
    entity: str
    patterns: tuple[tuple[str, str, float] | tuple[str, str, float, str], ...]
    validator: Callable[[str], bool] | None = None
    flags: int = CASE_INSENSITIVE
    needs_digit: bool = False  # every pattern requires a digit: skip posts without one


class ChecksumPatternRecognizer(LeanPatternRecognizer):
    """A pattern recognizer that drops matches failing ``validator``.

    It uses ``invalidate_result`` (not ``validate_result``, which would raise every
    valid match to score 1.0) so each pattern keeps its own score.
    """

    def __init__(self, *, validator: Callable[[str], bool], **kwargs) -> None:
        self.validator = validator
        super().__init__(**kwargs)

    def invalidate_result(self, pattern_text: str) -> bool:
        return not self.validator(pattern_text)


_SPECS: tuple[_Spec, ...] = (
    _Spec(
        "MrnRecognizer",
        "MRN",
        (
            ("MRN label", rf"\bMRNs?\b{_SEP}\K{_ID}", 0.9),
            # "MR# 4410293" (case-sensitive and with "#": "Mr" alone is a title)
            ("MR# label", rf"(?-i:\bMR)\s*#\s*:?\s*\K{_ID}", 0.9),
            ("medical record label", rf"\bmed(?:ical)?\.?\s*rec(?:ord)?s?\b\.?{_SEP}\K{_ID}", 0.9),
            # "3 MRNs that keep getting merged: 00731145, 00731154": the first number of a list
            # introduced by "MRNs ...:" (the rest of the list is added by the list extension)
            ("MRNs list", rf"\bMRNs\b[^.!?\n\d:]{{0,60}}:\s*\K{_ID}", 0.85),
            # "mrn 5510 822": a record number written in two groups of digits
            (
                "MRN in two groups",
                r"\b(?:MRN|med(?:ical)?\.?\s*rec(?:ord)?)\b\.?(?:\s*(?:#|(?:no|num)\b\.?|number\b|:|is\b))*\s*"
                r"\K(?<![\d-])\d{3,5}\s\d{3,5}(?![\d-]|\s\d|\s*(?:mg|ml|%|patients|pts|visits|days))",
                0.85,
            ),
            ("chart number", rf"\bchart\b{_MARK}\K{_ID}", 0.85),
            # "chart no. in the corner, oops: OD-220914", "MRN at the top of the sticker: 4410293":
            # the label, a few words on where it shows, then a colon and a coded value
            (
                "record number, then where it shows",
                r"\b(?:chart\s+(?:no\b\.?|number\b|\#)|MRN\b|med(?:ical)?\s+rec(?:ord)?\s+(?:no\b\.?|number\b|\#))"
                r"[^.!?\n\d:]{3,40}:\s*\K(?=(?:[A-Z-]*\d){4})" + _ID,
                0.8,
            ),
            # "add it to mom's chart A-220917", "chart MR-4410293": a coded value (letters, digits)
            # right after "chart" ("chart 2" or "chart review" are not)
            ("chart, coded value", rf"\bchart\b\s*:?\s*\K(?-i:{_CODED_VALUE})", 0.8),
            # "record no. 4471-220", "EMR # 7781203", "hosp # 4410293": a record or hospital
            # number, with a marker ("a record 412 visits" is no number)
            ("record or hospital number", rf"\b(?:record|EMR|EHR|hosp(?:ital)?)\b\.?{_MARK}\K{_ID}", 0.85),
            ("patient ID", rf"\b(?:patient|pt)\b\.?{_MARK}\K{_ID}", 0.85),
        ),
        needs_digit=True,
    ),
    _Spec(
        "HealthPlanIdRecognizer",
        "HEALTH_PLAN_ID",
        (
            (
                "plan label",
                rf"\b(?:member|mbr|memb|subscriber|policy|policyholder|medicaid|medicare|insurance|ins|"
                rf"insurer|health\s+plan|beneficiary|group|{_PAYER})\b\.?{_MARK}\K{_ID}",
                0.9,
            ),
            # "Versichertennr. K220481937", "polisnr. ZK-884120375": a German, Austrian or Dutch
            # health-insurance member number
            (
                "insurance number (German, Dutch)",
                r"\b(?:versicherten|versicherungs|krankenversicherten|kassen|polis)-?(?:nr|nummer)\b\.?\s*[:#]?\s*\K"
                r"(?=[A-Z0-9-]*\d{5})[A-Z0-9][A-Z0-9-]{5,20}(?<!-)(?![\w-])",
                0.85,
            ),
            # "cartão SUS 898 0012 3456 7890", "nº de utente 287654321": a Brazilian SUS card or a
            # Portuguese NHS (utente) number
            (
                "SUS card or utente number",
                r"\b(?:(?:cart[aã]o\s+(?:do\s+)?)?(?-i:SUS)|(?:n[º°o]\.?|n[uú]mero)\s+(?:de\s+)?utente)\b\s*(?:n[º°o]\.?)?\s*[:#]?\s*"
                r"\K\d{3}(?:\s?\d{3,4}){2,3}(?!\d)",
                0.85,
            ),
            # "policy PX-7710-33-A", "member XWP884120375": without "#"/"ID" only a value
            # that mixes letters and digits and is long enough to be a number
            # "Medicaid 99-302174-1": a state Medicaid or Medicare number in dashed digits (not a
            # span of years, "Medicaid 2024-2025")
            (
                "Medicaid dashed number",
                r"\b(?:medicaid|medi-cal|medicare)\b\s*[:#]?\s*\K(?!(?:19|20)\d\d-(?:19|20)?\d\d\b)"
                r"(?<![\d-])\d{2,4}-\d{4,8}(?:-\d{1,3})?(?![\w-])",
                0.85,
            ),
            (
                "plan label, coded value",
                rf"\b(?:member|subscriber|policy|policyholder|medicaid|insurance)\b\s*:?\s*"
                rf"\K(?=[A-Z0-9-]{{6,}})(?=[A-Z0-9-]*[A-Z])(?=(?:[A-Z-]*\d){{3}}){_ID}",
                0.85,
            ),
            # "the member id on the card was WGH448021765", "policy # from her chart: BX-4410":
            # the label, where it was read, then the value
            (
                "plan label, where read",
                r"\b(?:member|subscriber|policy|medicaid|medicare|insurance)\s+(?:id|#|number|no\.?)"
                r"\s+(?:on|from|in)\s+(?:the|her|his|their|my|your)\s+(?:card|chart|file|form|claim|record|portal)"
                rf"\s*(?:is|was|:|reads|says)?\s*:?\s*\K{_ID}",
                0.85,
            ),
            # "the policy on file (#HMP-220184-07) termed", "member ID on file: XWP8841203": the
            # label, "on file", then the value
            (
                "plan label on file",
                r"\b(?:member|subscriber|policy|medicaid|medicare|insurance)(?:\s+(?:id\b|\#|number\b|no\b\.?))?"
                r"\s+on\s+file\s*(?:(?:is|was)\b|:)?\s*\(?\s*\#?\s*\K(?=(?:[A-Z-]*\d){4})" + _ID,
                0.85,
            ),
            # "Medicaid ID for the Dubois newborn is WA7710028345", "member # for baby boy Tran: 88120044":
            # the label, whose number it is, then the value
            (
                "plan label for someone",
                r"\b(?:member|subscriber|policy|medicaid|medicare|insurance)\s+(?:id\b|#|number\b|no\b\.?)"
                r"\s+for\s+(?:the\s+|her\s+|his\s+|their\s+|baby\s+)?[^.!?\n\d]{0,40}?(?:\s+(?:is|was)\b|:)\s*\K(?=(?:[A-Z-]*\d){4})"
                + _ID,
                0.85,
            ),
            # a provincial health card ("Health card 4820-117-639-KM", "OHIP # 5521 334 871 AB") or an
            # Australian Medicare card ("Medicare card 2950 61437 1", "Medicare no. 2950614371/2"):
            # ten digits in groups, with a version code or an issue number
            (
                "health card number",
                r"\b(?:health\s+(?:card|insurance)|OHIP|MSP|RAMQ|care\s*card|medicare(?:\s+card)?)\b(?:\s*(?:#|no\b\.?|number\b|:))*\s*"
                r"\K(?<![\d-])(?:\d{4}[\s-]?\d{3}[\s-]?\d{3}(?:[\s-]?(?-i:[A-Z]{2}))?|\d{4}\s?\d{5}\s?\d(?:\s?/\s?\d|\s\d(?!\d))?)(?![\w-])",
                0.85,
            ),
            # "Medicaid ID — his card says MCD 7719 4402 18": a plan number in spaced groups (an
            # optional letter prefix), read off the card a few words after the label
            (
                "plan number in spaced groups",
                r"\b(?:medicaid|medi-cal|medicare|member|subscriber|policy|insurance|health\s+plan)\s+(?:ID\b|\#|number\b|no\b\.?|card\b)"
                r"[^.!?\n\d]{0,40}?(?:\b(?:says|reads|shows|is|was)\b|:)\s*[\"“]?"
                r"\K(?:(?-i:[A-Z]{2,4})\s)?\d{3,5}(?:\s\d{2,5}){2,3}(?![\w-]|\s\d)",
                0.85,
            ),
            # "the ID on her insurance card: BQX-44812-09", "# from his Medicaid card is ..."
            (
                "ID read from a plan card",
                r"(?:\bID|#|\bnumber)\s+(?:on|from)\s+(?:the|her|his|their|my|your)\s+"
                r"(?:insurance|member|medicaid|medicare|health\s+plan|plan)\s+card"
                rf"\s*(?:is|was|:|reads|says)?\s*:?\s*\K{_ID}",
                0.85,
            ),
        ),
        needs_digit=True,
    ),
    _Spec(
        "MbiLabelRecognizer",
        "HEALTH_PLAN_ID",
        (
            (
                "MBI label",
                rf"\b(?:MBI|medicare(?:\s+beneficiary)?)\b{_SEP}\K{_MBI}",
                0.9,
            ),
        ),
        validator=mbi_is_valid,
        needs_digit=True,
    ),
    _Spec(
        "MbiRecognizer",
        "HEALTH_PLAN_ID",
        (("bare MBI", _MBI, 0.6),),
        validator=mbi_is_valid,
        flags=CASE_SENSITIVE,
        needs_digit=True,
    ),
    _Spec(
        "AccountRecognizer",
        "ACCOUNT",
        (
            ("account label", rf"\b(?:acct|acc't|account)\b\.?{_SEP}\K{_ID}", 0.85),
            ("account number", rf"\b(?:acct|acc't|account)\b\.?{_MARK}\K{_ID}", 0.9),
            # "claim CLM-25-0098812", "invoice INV-2025-11873", "statement ST-88120": a coded
            # value (letters, then digits) right after a billing label, without a "#"
            # (also Spanish and Portuguese: "a fatura FAT-2025-77310", "factura F-118204")
            ("billing code", rf"\b(?:claim|invoice|inv|bill|statement|fatura|factura)\b{_SEP}\K{_CODED_VALUE}", 0.85),
            # "card ending 4417", "Visa ending in 0093", "account ending 7781" (and "cartão final 4471",
            # "tarjeta terminada en 4471")
            (
                "card or account ending",
                r"\b(?:card|visa|mastercard|amex|discover|debit|credit|account|acct)\b"
                r"(?:\s+(?:number|no\.?|#))?\s+(?:ending|ends|ended)(?:\s+(?:in|with))?\s*:?\s*\K\d{4}(?!\d)"
                r"|\b(?:cart[aã]o|tarjeta)\s+(?:final|terminad[oa]\s+en)\s*:?\s*\K\d{4}(?!\d)",
                0.85,
            ),
        ),
        needs_digit=True,
    ),
    _Spec(
        "LicenseRecognizer",
        "LICENSE",
        (
            (
                "driver's license",
                rf"\bdriver'?s?\s+licen[cs]e\b{_SEP}\K{_ID}",
                0.9,
            ),
            # "the driver's license attached was W326-5581-9012", "driver's license on the form: X1234567"
            (
                "driver's license, then its value",
                r"\bdriver'?s?\s+licen[cs]e\b(?:\s+[\w'’]+){1,4}?\s*(?:(?:is|was|reads|says|said)\b|:)\s*\K(?=(?:[A-Z-]*\d){4})"
                + _ID,
                0.8,
            ),
            ("DL label", rf"\bDL\b{_SEP}\K(?=[A-Z0-9-]{{5}}){_ID}", 0.85),
            ("license number", rf"\blicen[cs]e\b(?!\s+plates?\b){_MARK}\K{_ID}", 0.9),
            ("license label", rf"\blicen[cs]e\b(?!\s+plates?\b){_SEP}\K(?=[A-Z0-9-]{{5}}){_ID}", 0.85),
            ("certificate number", rf"\b(?:certificate|cert)\b\.?{_MARK}\K{_ID}", 0.85),
            # "the birth cert # is wrong, it should be 2026-MI-0048817", "death certificate number on
            # the form reads DC-22-00417": a birth, death or marriage certificate, a few words, then its
            # value (a coded value with 4+ digits)
            (
                "certificate, then its value",
                r"\b(?:birth|death|marriage)\s+cert(?:ificate)?s?\b[^.!\n\d]{1,40}?\b(?:is|was|reads|says|said|should\s+(?:be|read|say))\b"
                r"\s*:?\s*\K(?=(?:[A-Z-]*\d){4})" + _ID,
                0.8,
            ),
        ),
        needs_digit=True,
    ),
    _Spec(
        "SsnLabelRecognizer",
        "SSN",
        (
            # "BSN 123456782", "SVNR 1237 120344", "AHV-Nr. 756.1234.5678.97", "personnummer
            # 19460312-2384": a Dutch, Austrian, Swiss or Nordic national (social security) number
            (
                "European national number",
                # (also a Polish PESEL, a Czech or Slovak birth number and a Russian SNILS: "PESEL 47032108817",
                # "RČ 485612/1234", "СНИЛС 156-203-417 53")
                r"\b(?:(?-i:BSN|SVNR|AHV)(?:-?(?:Nr|nummer)\b\.?)?|personnummer|personnr|f[øo]dselsnummer|henkil[öo]tunnus|"
                r"sozialversicherungsnummer|burgerservicenummer|pesel\p{L}*|(?-i:RČ|SNILS|СНИЛС)|rodné\s+číslo|rodného\s+čísla)"
                r"\s*(?:nr\.?\s*)?[:#]?\s*\(?\s*\K\d(?:[./\s-]?\d){8,12}(?![\w-])",
                0.85,
            ),
            # "SSN ending 6798", "last 4 of her social 1234", "social security number ends in 0042"
            (
                "SSN ending",
                r"\b(?:SSN\b|SS\s?#|social(?:\s+security)?(?:\s+(?:number\b|no\b\.?|#)|\b))[^\d\n.!?]{0,30}?"
                r"\b(?:ending|ends|ended)(?:\s+(?:in|with))?\s*:?\s*\K\d{4}(?!\d)",
                0.85,
            ),
            # "same SSN last 4 6731", "SSN last four: 0042": the label, then "last 4" and the digits
            (
                "SSN, last four after it",
                r"\b(?:SSN|SS\s?#|social\s+security(?:\s+(?:number|no\.?|\#))?)\s+last\s+(?:4|four)(?:\s+(?:digits|\#s))?"
                r"\s*(?:(?:is|are|was|were)\b|[:=-])?\s*\K\d{4}(?!\d)",
                0.85,
            ),
            # a full SSN after its label, whatever its digits (Presidio refuses well-known
            # sample numbers such as 123-45-6789, which still leak a real-looking SSN here)
            (
                "SSN label",
                r"\b(?:SSN\b|SS\s?#|social\s+security(?:\s+(?:number\b|no\b\.?|#)|\b))[^\d\n]{0,30}?"
                r"\K(?<!\d)\d{3}([-\s.]?)\d{2}\1\d{4}(?![\d-])",
                0.85,
            ),
            (
                "last four of SSN",
                r"\blast\s+(?:4|four)(?:\s+(?:digits|numbers|#s))?\s+(?:of|on)\s+(?:(?:his|her|their|the|my|pt'?s|patient'?s)\s+)?"
                r"(?:SSN\b|SS\s?#|social(?:\s+security)?(?:\s+(?:number\b|no\b\.?|#)|\b))\s*(?:(?:is|are|was|were|reads?)\b|[:=-])?\s*\(?\K\d{4}(?!\d)",
                0.85,
            ),
            # "asked for the last 4 of his social and he yelled "6719"": the four digits someone
            # said or read out after the last four of an SSN were asked for
            (
                "last four said out",
                r"\blast\s+(?:4|four)\b[^\d\n]{0,20}?\b(?:SSN|SS\s?#|social)\b[^\d\n]{0,100}?"
                r"\b(?:yell(?:ed|s)?|shout(?:ed|s)?|said|says|read|reads|gave|gives|scream(?:ed|s)?|blurt(?:ed|s)?|"
                r"announc(?:ed|es)|recit(?:ed|es)|rattl(?:ed|es)\s+off|call(?:ed|s)\s+out)\s+(?:(?:it\s+)?out\s+)?(?:it\s+)?"
                r"(?:as\s+)?[\"“'‘]?\K\d{4}(?!\d)",
                0.8,
            ),
            # "The SSN on the consent is 123-45-6712 but the one in the system ends in 6721": a
            # second SSN's last four after the first, in the same sentence
            (
                "SSN, another ending",
                r"\b(?:SSN|social\s+security(?:\s+(?:number|no\.?|#))?)\b(?:(?!\b(?:card|acct|account|visa|mastercard|amex|debit|credit|"
                r"phone|cell|policy|member|plan)\b)[^\n.!?]){0,80}?\b(?:ending|ends|ended)(?:\s+(?:in|with))?\s*:?\s*\K\d{4}(?!\d)",
                0.8,
            ),
            # a masked SSN that shows its last four: "xxx-xx-4421", "***-**-7733"
            (
                "masked SSN",
                r"(?<![\w*#•])(?:[x*#•]{3}|\d{3})[-\s]?[x*#•]{2}[-\s]?\K\d{4}(?![\d-])",
                0.85,
            ),
        ),
        needs_digit=True,
    ),
    _Spec(
        "HandleRecognizer",
        "URL",
        (
            # a payment or social handle after the app's name: "venmo his wife @Carla-Vasquez-22",
            # "cashapp $tonyv", "IG: @jenna.smiles"
            (
                "app handle",
                r"\b(?:venmo|cash\s*app|paypal|zelle|insta(?:gram)?|ig|tiktok|twitter|snap(?:chat)?|"
                r"youtube|facebook|fb|threads)\b(?:\s+(?:his|her|their|my|the|patient'?s|pt'?s)"
                r"(?:\s+[\w'’]+)?)?\s*:?\s*\K[@$][A-Za-z][\w.-]{2,30}(?<![.-])",
                0.75,
            ),
            # a relative's handle: "his sister @lina.haddad.99 keeps dm'ing me", "her son (@tj_walker)"
            (
                "relative's handle",
                r"\b(?:my|his|her|their|your|the\s+(?:pt|patient)'?s)\s+(?:mom|mother|dad|father|wife|husband|partner|son|daughter|"
                r"sister|brother|grandson|granddaughter|niece|nephew|aunt|uncle|cousin|fianc[eé]e?|boyfriend|girlfriend|bf|gf)"
                r"(?:'s|’s)?\s*\(?\s*\K@[A-Za-z][\w.]{2,30}(?<![.])(?![\w@])",
                0.75,
            ),
            # the reader's handle opening a reply: "@marlene_w62 thanks for ...", "Sorry @dmitri_v, ...",
            # "Thanks so much @kaylarivera_22!", "Thanks for the shoutout @kai.moves.fast"
            # (not a practice's page: "@Riverside Family Medicine hi, ...")
            (
                "handle opening a reply",
                rf"\A\s*(?:(?:hi|hey|hello|dear|sorry|{_THANKS_FOR}|replying\s+to|reply\s+to|re:?)\s*,?\s+)?"
                r"\K@[A-Za-z][\w.]{2,30}(?<![.])(?![\w@])"
                r"(?!\s+(?:(?-i:\p{Lu})\p{L}*\s+){0,2}(?-i:Medicine|Medical|Health|Healthcare|Clinic|Hospital|Dental|Dentistry|"
                r"Pediatrics|Care|Center|Centre|Pharmacy|Physicians|Associates|Group|Practice|Orthodontics|Therapy)\b)",
                0.7,
            ),
            # a patient cheered by handle: "Congratulations on your clear skin, @maddie_mae_22!",
            # "@sofia.bakes.things we love you!!"
            (
                "handle cheered",
                r"(?:\b(?:congratulations|congrats|happy\s+birthday|get\s+well\s+soon|welcome\s+home|welcome\s+back)\b[^.!?\n@]{0,60}?[,\s]\s*\K"
                r"@[A-Za-z][\w.]{2,30}(?<![.])(?![\w@])"
                r"|(?<![\w@])@[A-Za-z][\w.]{2,30}(?<![.])(?![\w@])(?=\s*,?\s+(?:we\s+(?:love|miss)\s+you|you\s+did\s+it|congrat|"
                r"we(?:'re|\s+are)\s+so\s+proud)))",
                0.7,
            ),
            # a patient's own account named as theirs: "follow her recovery at @wendyrollson", "She's
            # @shondawalksitoff", "Dolores (aka @dolo_knits)"
            (
                "handle of the person",
                r"\bfollow\s+(?:along\s+(?:with\s+)?)?(?:her|his|their)\s+"
                r"(?:recovery|journey|story|progress|updates?|fight|battle|comeback)\s+(?:at|on|via)\s+(?:\w+\s+at\s+)?"
                r"\K@[A-Za-z][\w.]{2,30}(?<![.])(?![\w@])"
                r"|\b(?:she['’]?s|he['’]?s|she\s+is|he\s+is|aka|a\.k\.a\.?)\s+\K@[A-Za-z][\w.]{2,30}(?<![.])(?![\w@])",
                0.7,
            ),
            # "a pt's wife venmo'd me $40 ... (@Nadia-Farouk-9)": the handle a payment came from
            (
                "payment handle",
                r"\b(?:venmo(?:'d|’d|ed)|cash\s*app(?:'d|’d|ed)|zelle(?:'d|’d|d))\b[^\n@]{0,80}?\(?\K[@$][A-Za-z][\w.-]{2,30}(?<![.-])",
                0.75,
            ),
            # "tried to venmo me a tip from @Luis-Ortega-77", "paypal'd ... sent from $dmarsh": a
            # payment app, then the handle the money came from
            (
                "payment from a handle",
                r"\b(?:venmo|cash\s*app|paypal|zelle)\b[^\n@.!?]{0,60}?\bfrom\s+\K[@$][A-Za-z][\w.-]{2,30}(?<![.-])",
                0.75,
            ),
        ),
    ),
    _Spec(
        "NpiRecognizer",
        "NPI",
        (
            (
                "NPI label",
                rf"\b(?:NPI|national\s+provider\s+identifier)\b{_SEP}\K(?<!\d)\d{{10}}(?!\d)",
                0.95,
            ),
        ),
        validator=npi_is_valid,
        needs_digit=True,
    ),
    _Spec(
        "DeaLabelRecognizer",
        "DEA",
        (
            (
                "DEA label",
                rf"\bDEA\b(?:\s+(?:registration|reg)\b\.?)?{_SEP}\K\b[A-Z]{{2}}\d{{7}}\b",
                0.95,
            ),
        ),
        validator=dea_is_valid,
        needs_digit=True,
    ),
    _Spec(
        "DeaRecognizer",
        "DEA",
        (("bare DEA", r"\b[A-Z]{2}\d{7}\b", 0.5),),
        validator=dea_is_valid,
        flags=CASE_SENSITIVE,
        needs_digit=True,
    ),
    _Spec(
        "LicensePlateRecognizer",
        "VEHICLE",
        (
            (
                "plate label",
                r"\b(?:(?:licen[cs]e\s+)?plates?|placas?|rego|(?:car|vehicle)\s+reg(?:istration)?|registration\s+(?:plate|number))\b"
                r"(?:\s+(?:reads?|says|said|shows?|showed)\b)?(?:\s*,(?=\s*(?-i:[A-Z0-9]{1,4}[ -]?\d)))?" + _SEP + r"\K"
                r"(?:[A-Z0-9]{1,4}[ -](?=[A-Z]*\d)[A-Z0-9]{2,6}|(?=[A-Z]*\d)[A-Z0-9]{5,8})(?!\w|-\w)",
                0.85,
            ),
            # "plates KJR-4471 and HXB 9302": a second plate of another shape in the same list
            (
                "second plate",
                r"\bplates\b\s*:?\s*(?:[A-Z0-9]{1,4}[ -][A-Z0-9]{2,5}|[A-Z0-9]{5,8}),?\s+(?:and|&)\s+\K"
                r"(?:[A-Z0-9]{1,4}[ -](?=[A-Z]*\d)[A-Z0-9]{2,5}|(?=[A-Z]*\d)[A-Z0-9]{5,8})(?!\w|-\w)",
                0.8,
            ),
            # "writes the plate down wrong, it's TXK4419 not TKX": the plate read out later in the sentence
            (
                "plate, it's X",
                r"\bplates?\b[^.!?\n]{0,60}?\b(?:it'?s|it’s|it\s+(?:is|was)|reads?|says)\s+\K"
                r"(?-i:(?=[A-Z]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{5,8})(?![\w-])",
                0.75,
            ),
            # vanity plates without digits, written in capitals: "plate GABE RLZ", "plate NRSLIFE"
            (
                "vanity plate",
                r"\b(?:licen[cs]e\s+)?plates?\b" + _SEP + r"\K"
                # (also in three parts: "plate LOU 4 EVR")
                r"(?-i:[A-Z0-9]{2,4}\s[A-Z0-9]{1,3}\s[A-Z0-9]{2,4}(?<=[A-Z]\S*)|[A-Z]{2,4}[ -][A-Z]{2,4}|[A-Z]{5,8})(?![\w-])",
                0.7,
            ),
            # "had tag KXB 2219", "tag: 7ABC123": a plate in capitals, letters and digits, after "tag"
            (
                "tag label",
                r"\btags?\b\s*:?\s*\K(?-i:(?=[A-Z0-9 -]{0,4}[A-Z])"
                r"(?:[A-Z0-9]{1,4}[ -](?=[A-Z]*\d)[A-Z0-9]{2,4}|(?=[A-Z]*\d)[A-Z0-9]{5,8}))(?!\w|-\w)",
                0.7,
            ),
            (
                "tag number",
                r"\btags?\b" + _MARK + r"\K"
                r"(?:[A-Z0-9]{1,4}[ -](?=[A-Z]*\d)[A-Z0-9]{2,4}|(?=[A-Z]*\d)[A-Z0-9]{5,8})(?!\w|-\w)",
                0.85,
            ),
        ),
    ),
    # A VIN after its label needs only its shape: the 9th-character check digit is used
    # in North America only ("VIN 1FTFW1E50PFA12345" on a foreign-built car is still one).
    _Spec(
        "VinLabelRecognizer",
        "VEHICLE",
        (
            (
                "VIN label",
                rf"(?i:\bVIN\b|\bvehicle\s+identification\s+number\b){_SEP}\K(?i:{_VIN})",
                0.95,
            ),
        ),
        flags=CASE_SENSITIVE,
    ),
    _Spec(
        "VinRecognizer",
        "VEHICLE",
        (
            ("bare VIN", _VIN, 0.75),
        ),
        validator=vin_is_valid,
        flags=CASE_SENSITIVE,
    ),
    # "reading it off the insurance card: 3FAHP0HA5CR219847", "his truck ... 1GCHK29U47E118220":
    # a VIN-shaped value in a sentence about a vehicle or its papers, check digit or not
    _Spec(
        "VinInContextRecognizer",
        "VEHICLE",
        (
            (
                "VIN in a vehicle sentence",
                _VIN + r"(?<=(?i:\b(?:car|truck|vehicle|van|suv|pickup|motorcycle|insurance\s+card|registration|title|"
                r"tow(?:ed)?|dealer|plate)s?\b)[^.!?\n]{1,80})",
                0.7,
            ),
        ),
        flags=CASE_SENSITIVE,
    ),
    _Spec(
        "DeviceIdRecognizer",
        "DEVICE_ID",
        (
            ("S/N label", rf"\bS/N\b{_SEP}\K{_ID}", 0.9),
            # "SN PJN901442R", "SN: 0917-22148": capital SN and a coded value with 3+ digits
            ("SN label", rf"(?-i:\bSN)\b\s*[:#]?\s*\K{_CODED_ID}", 0.85),
            ("serial number", rf"\bserial\b{_MARK}\K{_ID}", 0.9),
            # "serial numbers ST-8823-0147 and ST-8823-0148", "serial nos. 4410-22, 4410-23": the
            # first of several serials (the list extension adds the rest)
            # (not a range in a recall notice: "serial numbers VS200-A10000 through VS200-A12500")
            (
                "serial numbers",
                rf"\bserial\s+(?:numbers|nos\b\.?|#s)\s*:?\s*\K(?=(?:[A-Z-]*\d){{3}}){_ID}"
                r"(?!\s*(?:through|thru|to|[-–])\s*[A-Z0-9])",
                0.9,
            ),
            # "serial G6R-02219-XK", "(serial SM22091448)": a coded value right after "serial"
            ("serial label", rf"\bserial\b\s*:?\s*\K{_CODED_ID}", 0.85),
            (
                "device serial",
                r"\b(?:pacemaker|device|implant|generator|pump|defibrillator|ICD|stimulator|"
                rf"valve|prosthesis|monitor|CGM)\s+serial\b{_SEP}\K{_ID}",
                0.9,
            ),
            # (not "lot #": a lot is a batch of many devices or doses)
            ("device ID", rf"\b(?:device|implant)\b{_MARK}\K{_ID}", 0.85),
            # "insulin pump MMT-1780-50231", "hearing aid RX2-880145": a coded value in capitals
            # (letters and 3+ digits) right after the device's name
            (
                "device + coded value",
                r"\b(?:pacemaker|pump|implant|defibrillator|ICD|stimulator|hearing\s+aids?|CGM|sensor|"
                r"generator|transmitter|prosthesis|processor)\b\s*:?\s*\(?\K"
                rf"(?-i:(?=[A-Z0-9-]{{6,}})(?=[A-Z0-9-]*[A-Z])(?=(?:[A-Z-]*\d){{3}}){_ID})",
                0.85,
            ),
            # "HUGS tag HT-00719", "infant security tag #44812", "her Kisses band KB-2210": an
            # infant security or wander tag's number
            (
                "security tag",
                r"\b(?:HUGS|kisses|security|infant|baby|wander(?:guard)?|elopement|ankle|umbilical)\s+(?:tags?|bands?|bracelets?|transmitters?)\b"
                rf"{_SEP}\K(?=(?:[A-Z-]*\d){{3}}){_ID}",
                0.85,
            ),
            (
                "UDI label",
                r"\bUDI\b" + _SEP + r"\K(?:\(\d{2}\)[A-Z0-9-]+)+(?!\w)",
                0.95,
            ),
            ("GS1 device identifier", r"(?<!\w)\(01\)\d{14}(?:\(\d{2}\)[A-Z0-9-]+)*(?!\w)", 0.6),
        ),
        needs_digit=True,
    ),
    _Spec(
        "RoomRecognizer",
        "ROOM",
        (
            (
                "room or bed label",
                # (not a door code: "the keypad code for the 4 North med room is 4719")
                # (the look-behind runs only where a room word starts, not at every position)
                # (not a simulation or training room: "sim room 2", "skills lab bed 4" hold mannequins)
                rf"(?={_ROOM_WORD}\b)"
                r"(?<!\b(?:code|combo|combination|passcode|PIN)\b[^.!?\n]{0,40})"
                r"(?<!\b(?:sim|simulation|skills|training)\s)"
                rf"\b{_ROOM_WORD}\b\.?{_SEP}\K{_ROOM}{_ROOM_IN_USE}",
                0.85,
            ),
            # "rm 5 bed A", "Room 12, bed B": a lettered bed after a room or bay number
            (
                "bed letter after a room",
                rf"\b(?:rooms?|rm|bay)\b\.?{_SEP}{_ROOM},?\s+bed\s+\K(?-i:[A-F])\b(?![\w-])",
                0.8,
            ),
            # "returned to her room, B-14", "back in his room, 212": a patient's room named after a comma
            (
                "her room, X",
                r"\b(?:his|her|their|your|the\s+(?:patient|pt|resident)'?s)\s+(?:room|rm|bed|apartment|apt)\s*,\s*"
                rf"\K(?=[A-Z]-?\d|\d{{2,4}}[A-Z]?\b|\d[A-Z]\b){_ROOM}{_ROOM_IN_USE}",
                0.8,
            ),
            # an apartment in a care home: "That's Stan's, apt 310", "visiting Eleanor in apartment 2C"
            # (not the unit of a street address, which belongs to the address: "87 Ocean Pkwy apt 4F")
            (
                "apartment label",
                r"(?<!\b\d{1,5}\s+(?:[\p{L}.'’-]+\s+){0,3}[\p{L}.'’-]+,?\s+)\b(?:apt|apartment)\b\.?"
                rf"{_SEP}\K(?=[A-Z]?-?\d{{1,4}}[A-Z]?\b){_ROOM}{_ROOM_IN_USE}(?!\s*,?\s+(?-i:\p{{Lu}}\p{{Ll}}+,?\s+\p{{Lu}}{{2}}\b|\d{{5}}\b))",
                0.7,
            ),
            # a unit and room written as one code: "Baptiste, R. in 5N-12", "4W-203"
            ("unit-room code", r"(?<![\w-])(?-i:\d{1,2}[NSEW]-\d{1,3}[A-Z]?)(?![\w-])", 0.7),
            # bays are few, and "Tampa Bay 2024" is not a bay, nor is "sim bay 2" (a mannequin's)
            ("bay label", rf"\b(?=bays?\b)(?<!\b(?:sim|simulation|skills|training)\s)bays?\b{_SEP}\K(?=[A-Z]?-?\d{{1,2}}(?!\d)){_ROOM}{_ROOM_IN_USE}", 0.85),
            # a dialysis or infusion chair: "chair 6", "cadeira 4", "sillón 9" (one or two digits:
            # "chair 2024" is not one) (a period may end the sentence: "chair 6. Dorothy brought ..."; not "chair 6.5")
            (
                "chair label",
                rf"\b(?:chairs?|cadeira|sill[oó]n)\b{_SEP}\K(?=[A-Z]?\d{{1,2}}(?!\d|[.,]\d))\d{{1,2}}[A-Z]?\b{_ROOM_IN_USE}",
                0.8,
            ),
            # a jail or holding cell by its lettered code: "in cell C-7", "cell B12" (not "cell 555-0134")
            ("cell label", r"\bcells?\b(?:\s*(?:#|no\b\.?|number\b))?\s*\K(?-i:[A-Z]-?\d{1,3}[A-Z]?)(?![\w-])", 0.8),
            # "birthing suite 4", "cot 11", "isolette 3": a delivery or treatment suite, a cot or an incubator
            (
                "suite or cot label",
                r"\b(?:(?:birthing|delivery|labou?r|recovery|infusion|treatment|procedure|maternity)\s+suite|cot|crib|"
                rf"incubator|isolette)\b{_SEP}\K(?=[A-Z]?\d{{1,2}}(?!\d|[.,]\d))\d{{1,2}}[A-Z]?\b{_ROOM_IN_USE}",
                0.8,
            ),
            # a shelter's cots run into the hundreds: "safe on cot 217", "he's cot 302, east gym"
            ("shelter cot label", rf"\bcot\b{_SEP}\K(?=\d{{3}}(?!\d|[.,]\d))\d{{3}}[A-Z]?\b{_ROOM_IN_USE}", 0.8),
            # "the guy in 12", "the lady in 4B", "the patient in 312A", "our 93-year-old in 4B":
            # a person, "in", then a room number (not a time, a measure or a year: "in 3 days", "in 2024")
            (
                "person in a room",
                r"\b(?:guy|gal|lady|man|woman|gentleman|gent|kid|boy|girl|dude|patient|pt|fella|granny|"
                r"grandpa|grandma|mom|dad|baby|one|teen|toddler|infant|(?:years?|yrs?|months?|weeks?)[\s-]old)\s+in\s+\K(?=[A-Z]?\d{1,3}[A-Z]?(?![\w/.:,]\d|\d))"
                rf"{_ROOM}(?!\s*(?:am|pm|a\.m|p\.m|o'?clock|weeks?|wks?|yrs?|years?|months?|mos?|mins?|minutes?|hours?|hrs?|days?|"
                rf"sec|seconds?|pain|out\s+of|of\s+\d|/\d|x\b)\b){_ROOM_IN_USE}",
                0.6,
            ),
            # "mr bernard in 14", "grandpa joe in 3B": a titled name, "in", then a room number
            (
                "titled name in a room",
                r"\b(?:mr|mrs|ms|miss|mister|madame|mme|grandpa|grandma|granny|nana|papa|auntie|aunt|uncle|señora|sra|doña|don)"
                r"\.?\s+(?-i:[\p{L}'’-]+)\s+in\s+\K(?=[A-Z]?\d{1,3}[A-Z]?(?![\w/.:,]\d|\d))"
                rf"{_ROOM}(?!\s*(?:am|pm|a\.m|p\.m|o'?clock|weeks?|wks?|yrs?|years?|months?|mos?|mins?|minutes?|hours?|hrs?|days?|"
                rf"sec|seconds?|out\s+of|of\s+\d|/\d|x\b)\b){_ROOM_IN_USE}",
                0.6,
            ),
            # "visiting her in 118", "daughter of Ben in 204", "checked on Rosa in 12B": a pronoun
            # or a name after a visit or kinship word, "in", then a room of three digits or with a letter
            (
                "someone in a numbered room",
                r"(?<![\w/.-])(?=\d{3}[A-Z]?\b(?![/.:,]\d)|\d{1,2}[A-Z]\b)"
                r"(?<=(?:\b(?:her|him)|(?<=\b(?:of|and|visit(?:s|ed|ing)?|see|saw|seeing|check(?:ed|ing)?\s+on|help(?:ed|ing)?|with|for)\s)"
                r"(?-i:\p{Lu}\p{Ll}+))\s+in\s+)"
                rf"{_ROOM}(?!\s+(?:countries|states|cities|towns|counties|languages|locations|sites|stores|schools|hospitals|"
                rf"clinics|pharmacies|people|cases|units|calories|miles|km|mph)\b){_ROOM_IN_USE}",
                0.6,
            ),
            # "PICU 4", "trauma 2", "resus 1": a unit's bay or bed number after the unit
            (
                "unit + bed number",
                r"(?-i:\b(?:ICU|MICU|SICU|CVICU|CCU|NICU|PICU|PACU|LDR|LDRP|OR|[Tt]rauma|TRAUMA|[Rr]esus|RESUS|[Tt]riage|[Pp]re-?op|[Pp]ost-?op))"
                rf"\s+\K(?=\d{{1,2}}[A-Z]?(?![\d/]|[.:,]\d))\d{{1,2}}[A-Z]?\b{_ROOM_IN_USE}(?!\s*(?:nurses?|RNs?|staff|beds|patients|admits|codes|calls))",
                0.65,
            ),
            # a unit bed written as one code: "ICU-3", "PACU-12", "NICU-4B"
            (
                "unit bed code",
                r"(?<![\w-])(?-i:(?:ICU|MICU|SICU|CVICU|CCU|NICU|PICU|PACU|ED|ER|L&D|LDR|LDRP|OR)-\d{1,2}[A-Z]?)(?![\w-])",
                0.8,
            ),
        ),
        needs_digit=True,
    ),
    _Spec(
        "FaxRecognizer",
        "FAX",
        (
            (
                "fax label",
                rf"\b(?:fax(?:ed)?|facsimile)\b(?:\s+(?:no|nbr|num|number|to|at|is|was)\b\.?)?\s*[:#.]?\s*\K{_PHONE}",
                0.9,
            ),
            # "faxed the summary for patient R. Alvarado to 555-0139": the number a fax was
            # sent to, later in the same sentence (a local seven-digit number too)
            (
                "faxed ... to",
                rf"\bfax(?:ed|ing|es)?\b(?:[^.!?\n\d]|(?<=\b(?:\p{{Lu}}|mr|mrs|ms|dr|pt|st))\.){{0,60}}?\b(?:to|at)\s+\K(?:{_PHONE}|(?<![\d-])\d{{3}}[-.]\d{{4}}(?![\d-]|\.\d))",
                0.85,
            ),
            ("F: label", rf"\bF\s*:\s*\K{_PHONE}", 0.85, r"\bF\s*:"),
            # "her home fax 555-0119": a local seven-digit number right after "fax"
            ("fax label, local number", r"\bfax\b(?:\s+(?:no|nbr|num|number|is|was)\b\.?)?\s*[:#.]?\s*\K(?<![\d-])\d{3}[-.]\d{4}(?![\d-]|\.\d)", 0.85),
            # "fax from the nursing home: ... MRN A-77120, sent from 555-013-8821", "went to the wrong
            # fax AGAIN. It's supposed to go to his PCP at (555) 013-5561": where a fax was sent, later on
            (
                "fax sent to or from",
                r"\bfax(?:es|ed)?\b[^\n!?]{0,140}?\b(?:sent|went|goes|go|going|came|returned|faxed)\s+(?:back\s+)?(?:to|from)\s+"
                rf"(?:(?:his|her|their|the)\s+[\p{{L}}'’]+\s+(?:at|on)\s+)?\K{_PHONE}",
                0.8,
            ),
        ),
        needs_digit=True,
    ),
    _Spec(
        "AgeOver89Recognizer",
        "AGE_OVER_89",
        (
            (
                "N-year-old",
                rf"(?:\b{_AGE}|\b{_AGE_WORDS})"
                # (not a thing's age: "our 95-year-old building", "a 100-year-old oak")
                r"(?=[\s-]*(?:years?|yrs?)[\s-]*(?:old|young)\b(?![\s-]+(?:building|church|school|library|house|"
                r"barn|hospital|clinic|practice|company|business|firm|institution|tradition|landmark|bridge|tree|"
                r"oak|recipe|quilt|piano|photo|car|truck|tractor)s?\b)|\s+years?\s+of\s+age\b"
                r"|\s*-?\s*y(?:/|\.\s?|-)?o\b)",
                0.9,
            ),
            # "aged 97", "age: 91", "at the age of 94", "aged ninety-two"
            (
                "age label",
                rf"\b(?:aged?|age\s*:|age\s+of)\s*\K(?:{_AGE}|{_AGE_WORDS})\b{_UNITS_AFTER}{_NOT_A_BRACKET}",
                0.9,
            ),
            # "celebrated 100 years", "celebrating 95 years young"
            ("celebrated N years", rf"\bcelebrat(?:ed|es|ing|e)\s+(?:(?:his|her|their)\s+)?\K{_AGE}(?=\s+(?:years?|yrs?)\b(?!\s+(?:of|since|in|as|serving|together)\b))", 0.8),
            # "celebrating her 97th on our floor": a birthday ordinal after a celebration verb
            (
                "celebrating her Nth",
                rf"\bcelebrat(?:ed|es|ing|e)\s+(?:his|her|their)\s+\K{_AGE}(?=(?:st|nd|rd|th)\b"
                r"(?!\s+(?:day|week|time|visit|year|anniversary|session|treatment|round|cycle|shift)s?\b))",
                0.75,
            ),
            ("turned N", rf"\bturn(?:ed|s|ing)\s+\K(?:{_AGE}|{_AGE_WORDS})\b{_UNITS_AFTER}{_NOT_A_BRACKET}", 0.85),
            # "Hamza, 91, rang the bell", "a retired nun, ninety-one, came in": an age set
            # off by commas right after a word
            # (also closing a bracket: "grandpa joe (retired crop duster, 95)")
            ("age in commas", rf"(?<=\p{{L}},\s)(?:{_AGE}|{_AGE_WORDS})(?=,\s|\s*\))", 0.75, r",\s(?:9\d|1[0-2]\d|ninety)"),
            # "Rosaleen, 97 in March", "Mabel, 102 today", "Sid, 94 and still driving": a
            # name, a comma, then an age that a birthday or a boast follows
            (
                "name, N in March",
                rf"(?<=(?-i:\b\p{{Lu}}\p{{Ll}}+),\s)(?:{_AGE}|{_AGE_WORDS})(?=\s+(?:in\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
                r"|today\b|tomorrow\b|this\s+(?:week|month|year)\b|next\s+(?:week|month|year)\b|and\s+(?:still|sharp|counting|going)\b))",
                0.75,
            ),
            # "Doreen (91) married her partner": an age in parentheses after a capitalised name
            # (or before a comma in the bracket: "Lou (91, former Golden Gloves boxer)")
            # (a name in capitals too: "DOROTHY KEMP (94)")
            ("name (N)", rf"(?<=(?-i:\b(?:\p{{Lu}}\p{{Ll}}+|\p{{Lu}}{{2,}}\s+\p{{Lu}}{{3,}}))\s\(\s?){_AGE}(?=\s*\)|,\s)", 0.7),
            # "Dot is 94, grew up on a farm", "my lady in Cobb Hollow is 102 and has outlived ...",
            # "Big Lou (Louis Fontenot) is 91,":
            # a capitalised name, "is", then an age ending the clause (not a reading: "Glucose is 95,")
            (
                "Name is N",
                rf"(?:{_AGE}|{_AGE_WORDS})\b"
                r"(?<=(?-i:\b(?!(?:Glucose|Sugar|Pulse|Temp|Temperature|Score|Weight|Oxygen|Sats?|Rate|Reading|Level|Count|Number|"
                r"Total|Average|Price|Cost|Fee|Limit|Speed|Grade|Result|Value|It|This|That|Which|What|Room|Ward|Bed|Unit)\b)"
                rf"\p{{Lu}}\p{{Ll}}+\)?)\s+is\s+(?:now\s+|almost\s+|nearly\s+)?(?:{_AGE}|{_AGE_WORDS}))"
                r"(?=\s*[,!;)]|\s*\.(?!\d)|\s+(?:and|but|today|tomorrow|this|now|going\s+on)\b)"
                rf"(?![.,]\d){_UNITS_AFTER}{_NOT_A_BRACKET}",
                0.7,
            ),
            # "🤳 91 and still beat me at arm wrestling", "96 and tougher than all of us": an age
            # opening a sentence, then a boast (not a measure: "95 and higher than last week")
            (
                "N and still",
                rf"(?:^|(?<=[.!?]\s)|(?<=[\p{{So}}\p{{Sk}}\p{{Cs}}]\s))(?:{_AGE}|{_AGE_WORDS})"
                r"(?=\s+(?:and\s+still|years\s+young|going\s+on|and\s+(?!(?:high|low|great|larg|bigg|small|long|short|fast|slow)er\b)"
                r"\p{L}{3,}er\s+than\s+(?:all\s+of\s+us|any\s+of\s+us|me|us|you|most|half|her|his|the\s+rest))\b)",
                0.75,
            ),
            # "doña Lupita, 91 años", "Mme Roy, 93 ans", "97 anni", "94 yaşında", "96 ετών", "ma 97 lat",
            # "91 рік", "96 лет": a year-old in Spanish, Portuguese, French, Italian, German, Dutch, Turkish,
            # Greek, Polish, Czech, Russian or Ukrainian (not a bracket: "90 anos ou mais", "nad 90 let")
            (
                "N años",
                rf"\b{_AGE}(?=\s+(?:años|anos|ans|anni|jahre|jahren|jaar|yaşında|yaşındaki|ετών|χρονών|lat|let|roky|лет|года|год|рік|роки|років)\b)"
                rf"{_NOT_A_BRACKET}",
                0.85,
            ),
            # "93-letniego dziadka", "91letá paní", "92-річна", "96-летняя": a Polish, Czech, Ukrainian or
            # Russian year-old adjective
            ("N-letni", rf"\b{_AGE}(?=-?(?:letn|let[áýé]|летн|річн)\p{{L}}*\b)", 0.85),
            # "k 94. narozeninám", "na 101. urodziny": a Czech or Polish birthday numbered with a dot
            ("N. narozeniny", rf"\b{_AGE}(?=\.\s+(?:narozenin|urodzin)\p{{L}}*\b)", 0.85),
            # "Technically her 23rd... actually her 92nd!": an ordinal after his/her, ending the phrase
            (
                "her Nth!",
                rf"\b(?:his|her|their)\s+\K{_AGE}(?=(?:st|nd|rd|th)\s*(?:[!.,?]|$|[\p{{So}}\p{{Cs}}]))",
                0.75,
            ),
            # "pt is 97 and in ICU bed 8": the patient's age after "pt is"
            (
                "pt is N",
                rf"\b(?:pt|patient)\s+is\s+(?:now\s+)?\K(?:{_AGE}|{_AGE_WORDS})\b"
                r"(?=\s*[,!;)]|\s*\.(?!\d)|\s+(?:and|but|yo|y/o|years?)\b)",
                0.8,
            ),
            # "madame pierre in rm 18 is 101": the age of whoever is in a room or bed
            (
                "in room X is N",
                rf"\b(?:in\s+(?:rm|room|bed|bay|cot)\s*#?\s*[A-Z]?\d{{1,4}}[A-Z]?)\s+(?:is|was)\s+(?:now\s+)?\K(?:{_AGE}|{_AGE_WORDS})\b"
                rf"(?![.,]\d|\s*(?:%|am\b|pm\b|:\d|pounds?\b|in\b|on\b|at\b|of\b)){_UNITS_AFTER}{_NOT_A_BRACKET}",
                0.8,
            ),
            # "Old man Fitzgerald (96!!)", "Big Al (99!)", "the resident (93)": an age in
            # parentheses after a word, with an exclamation or after a person word
            (
                "age in parentheses",
                rf"(?:(?<=\p{{L}}\s\(\s?){_AGE}(?=\s*!+\s*\))|(?<=\b(?:man|woman|lady|gentleman|resident|patient|pt|"
                rf"grandma|grandpa|granny|veteran|vet|widow|widower|mom|dad|mother|father)\s\(\s?){_AGE}"
                rf"(?=\s*(?:yo|y/o|yrs?(?:\s+old)?|years?(?:\s+old)?)?\s*\)))",
                0.75,
            ),
            # "she's 97 today", "He was 99, a fisherman", "Grandma, who is 97, ...", "she's
            # ninety-four", "mrs. luna is 94", "one is 90 and the other is 34", "she'll be 95 this
            # spring": a person's age after a pronoun (or a titled name) and a verb
            (
                "she's N",
                rf"\b(?:she|he|who|one|(?:mrs|mr|ms|miss|madame|mme|sra|sr)\.?\s+[\p{{L}}'’-]+)(?:'s|’s|'ll\s+be|’ll\s+be|\s+is|\s+was|\s+will\s+be)\s+(?:now\s+|almost\s+|nearly\s+|already\s+)?\K(?:{_AGE}|{_AGE_WORDS})\b"
                rf"(?![.,]\d|\s*(?:%|am\b|pm\b|:\d|pounds?\b|lbs?\b|kg\b|in\b|on\b|at\b|of\b)){_UNITS_AFTER}{_NOT_A_BRACKET}",
                0.8,
            ),
            # "at 98, she still does her crossword", "At ninety-one he ...": an age before the
            # person it belongs to (not "At 90, the risk doubles")
            (
                "at N, she",
                # (also the reader of a reply: "At 96 you were the most patient fitting we've had")
                rf"\bat\s+\K(?:{_AGE}|{_AGE_WORDS})\b(?=\s*,?\s+(?:she|he|you)\b(?!\s+(?:should|must|need|may|might|could|can't|cannot|will|are\s+eligible)\b))",
                0.8,
            ),
            # "93F with a UTI", "92M, fell at home": age and sex in clinical shorthand, before
            # what brought the patient in (not a temperature: "fever of 101F", "it's 95F with ...")
            (
                "age + sex shorthand",
                r"(?<![\w.,°/-])(?<!\b(?:temp|temperature|fever|febrile|tmax|t|degrees?|outside|heat|high|low|"
                r"it'?s|it\s+was|today|spiked|spiking|ran|running|reached|hit)\s{0,2}(?:(?:of|was|is|at|to|:)\s{0,2})?)"
                rf"{_AGE}(?=(?-i:[MF])\b\s*(?:,|w/|c/o\b|s/p\b|h/o\b|hx\b|pmh\b|with\s+(?!(?:chills|rigors|sweats|humidity)\b)|"
                r"presents?\b|presenting\b|brought\b|admitted\b|here\b|in\s+(?:bed|room|rm)\b|fell\b|who\b|came\b|found\b|from\b|\())",
                0.75,
            ),
            # "passed on January 30 at 96", "died at 102"
            (
                "died at N",
                rf"\b(?:passed(?:\s+away)?|died|death)\b[^.!?\n]{{0,40}}?\bat\s+(?:age\s+)?\K{_AGE}\b"
                rf"(?!\s*(?:%|am\b|pm\b|:\d))(?!\s+\w+\s+(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr)\b){_UNITS_AFTER}",
                0.8,
            ),
            (
                "Nth birthday",
                rf"(?:\b{_AGE}(?:st|nd|rd|th)|\b{_AGE_ORDINAL_WORDS})(?=\s+(?:birthday|bday|b-day|b'day))"
                # (not a place's or an institution's: "Happy 100th birthday to the Town of Millbrook")
                r"(?!\s+\S+\s+to\s+(?:the|our)\s+(?:town|city|village|county|state|hospital|clinic|church|school|library|"
                r"park|company|club|bridge|building|department|organi[sz]ation|parish|chapter|society)\b)",
                0.9,
            ),
            # "Happy 95th, Rose!", "happy 100th to our Walt": a birthday wish without the word
            # (not "Happy 100th anniversary", "happy 90th year of service")
            (
                "happy Nth",
                rf"\bhappy\s+\K(?:{_AGE}(?:st|nd|rd|th)|{_AGE_ORDINAL_WORDS})\b(?!\s+(?:anniversary|year|season|annual|birthday|bday|b-day|b'day)\b)",
                0.8,
            ),
            (
                "in her 90s",
                r"\bin\s+(?:his|her|their|the\s+patient'?s)\s+"
                r"(?:(?:early|mid|late)[\s-]+)?\K(?:(?:9|1[0-2])0'?s|nineties)\b",
                0.85,
            ),
        ),
    ),
    _Spec(
        "OtherIdRecognizer",
        "OTHER_ID",
        (
            (
                "case number",
                r"\b(?:case|accession|encounter|specimen|sample|claim|visit|requisition|"
                rf"referral|authorization|auth|rx|prescription|order|ticket|service|wristband|armband)\b{_MARK}\K{_ID}",
                0.85,
            ),
            # "claim # C-28 441 907", "case no. 2025 118 447": a marked number written in spaced groups
            (
                "spaced case number",
                rf"\b(?:claim|case|service|booking)\b{_MARK}\K(?-i:(?:[A-Z]{{1,3}}-?)?\d{{2,4}}(?:\s\d{{3,4}}){{1,3}})(?![\w-])",
                0.86,
            ),
            ("accession label", rf"\baccession\b{_SEP}\K{_ID}", 0.85),
            # "incident #25-0048812", "run #2025-11-04417", "call #CAD-25-118204", "PCR # 4410-22":
            # a fire/EMS run, incident or dispatch number (6+ characters: "run #3 of the night" is a count)
            (
                "EMS run or incident number",
                r"\b(?:incident|run|call|CAD|PCR|ePCR|dispatch|job)\b" + _MARK + r"\K(?=[A-Z0-9-]{6,})" + _ID,
                0.85,
            ),
            # "CAD-25-118204", "PCR-2025-0419": a dispatch or patient care report number by its own prefix
            (
                "EMS report code",
                r"(?<![\w-])(?-i:(?:CAD|PCR|ePCR|RUN|INC)-\d{2,4}-\d{3,7})(?![\w-])",
                0.8,
            ),
            # "case FC-2024-01187", "file DCF-88120": a coded case or file number without "#"
            ("case, coded value", rf"\b(?:case|file|docket|wristband|armband)\b\s*:?\s*\K{_CODED_VALUE}", 0.85),
            # "CPS-26-00931 means nothing to me": an agency's case number by its own prefix
            (
                "agency case code",
                r"(?<![\w-])(?-i:(?:CPS|DCF|DCFS|DSS|APS|ACS|DHS|DCS|FC|JV|JUV)-\d{2,4}-\d{3,6})(?![\w-])",
                0.8,
            ),
            # "student ID S-200418", "cycle ID FC-2026-0388", "client # 44102": the number of a
            # student, a treatment cycle, a client, a study subject
            (
                "person's ID label",
                r"\b(?:student|cycle|client|case|embryo|study|subject|participant|inmate|booking|school|kit)\s+"
                rf"(?:ID\b|#|number\b|no\b\.?)\s*:?\s*\K{_ID}",
                0.85,
            ),
            # "assigned to subject 014-009", "kit K-77301", "screening 22-0419": a study subject's, screening or
            # drug kit number without a mark (digits in groups joined by dashes)
            (
                "study subject or kit number",
                r"\b(?:subject|participant|screening|kit)\s+\K(?-i:(?:[A-Z]{1,3}-)?\d{2,5}(?:-\d{2,6})*)(?![\w-])(?<=-\d+|[A-Z]-\d+)",
                0.8,
            ),
            # "in trauma bay 2 under alias ZEBRA-TANGO", "registered as aka TRAUMA ECHO": a trauma alias
            (
                "alias",
                # ("a.k.a" spelled out, not "a\.?k\.?a", so the prefilter finds a literal in each)
                r"\b(?:alias|(?:aka|a\.ka|ak\.a|a\.k\.a)\.?|code\s*name|pseudonym|trauma\s+name)\b\s*:?\s*[\"“]?\K"
                r"(?-i:[A-Z][A-Z0-9]+(?:[-\s][A-Z0-9]{2,}){1,3})(?![\w-])",
                0.8,
            ),
            # "logs in as hankf1958", "logged into our portal as client jmorales": the user name a
            # patient signs in with
            (
                "logged in as",
                r"\b(?:log|sign)(?:s|ged|ging|ed|ing)?\s*(?:in|on)(?:to\s+[^.!?\n]{0,40}?)?\s+as\s+"
                r"(?:(?:client|patient|user|pt|member)\s+(?-i:(?=[a-z][\w.]*\b)(?!(?:a|an|the|he|she|him|her|his)\b))"
                r"|(?=[\w.]*[\d_]))\K[A-Za-z][\w.]{2,30}(?<![._])(?![\w@])",
                0.8,
            ),
            # "police case 24-118832", "CPS report 2025-0091": a case or report number of an
            # agency, without "#"
            (
                "agency case",
                r"\b(?:police|court|CPS|DCF|APS|DHS|sheriff'?s?|incident|coroner'?s?|ME)\s+(?:case|report|file|incident)\b"
                rf"\s*:?\s*\K(?=(?:[A-Z-]*\d){{4}}){_ID}",
                0.85,
            ),
            # "encounter ENC-2025-004417", "encounter E-77120934": a coded value right after the label
            (
                "encounter label",
                r"\b(?:encounter|CSN|accession|specimen|requisition)\b\s*:?\s*\K(?=[A-Z0-9-]{5,})(?=(?:[A-Z-]*\d){4})"
                r"[A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){3,24}(?!\w|-\w)",
                0.85,
            ),
            # "Prior auth PA-6630417", "state registry ID IMM-558201", "precert PC-2291":
            # a coded value right after the label of an approval or a registry entry
            (
                "authorization or registry code",
                r"\b(?:prior\s+auth(?:orization)?|pre-?auth(?:orization)?|authorization|auth|pre-?cert(?:ification)?|"
                rf"registry|immunization\s+record|referral|tracking)\b{_SEP}\K{_CODED_VALUE}",
                0.85,
            ),
            # portal or app user names: "user dgreene_44", "username: jlopez77", "login mary.k2", "usuário jsantos1962"
            (
                "user name",
                r"\b(?:user(?:name)?|user\s+id|usu[aá]rio|login|log-in|screen\s+name|portal\s+(?:acct|account|id|handle))\b"
                r"\s*(?:is\b|:|#)?\s*"
                r"\K(?=[\w.]*[\d_])[A-Za-z][\w.]{2,30}(?<![._])(?![\w@])",
                0.8,
            ),
            # a user name given later in the sentence: "the portal username he picked was DIALYSISDAVE1962",
            # "gives you their portal username ... "it's jwalters_55""
            (
                "user name, then its value",
                r"\buser\s?names?\b[^.!?\n]{0,60}?\b(?:was|is|it'?s|it’s|are)\s+[\"“']?"
                r"\K(?=[\w.]*[\d_])[A-Za-z][\w.]{2,30}(?<![._])(?![\w@])",
                0.8,
            ),
            # "... and his wife's is davesbetterhalf": a relative's user name after a user name
            (
                "relative's user name",
                r"\buser\s?names?\b[^.!?\n]{0,80}?\b(?:his|her|their)\s+(?:wife|husband|partner|son|daughter|mom|dad|"
                r"mother|father|sister|brother)(?:'s|’s)\s+(?:is|was)\s+[\"“']?\K(?-i:[a-z][a-z0-9_.]{4,30})(?<![._])(?![\w@])",
                0.75,
            ),
            ("hospital encounter codes", rf"\b(?:CSN|FIN|HAR)\b{_SEP}\K(?=[A-Z0-9-]*\d{{5}}){_ID}", 0.85),
            # "CPF 123.456.789-09", "RG dela: 12.345.678-9", "CNH 04512378890", "NISS 11234567890",
            # "DNI 12345678Z": a Brazilian, Portuguese or Spanish-speaking country's identity document
            (
                "identity document (Spanish, Portuguese)",
                r"(?-i:\b(?:CPF|RG|CNH|NISS|DNI|NIE|CURP|RUT|INE))\b(?:\s+(?:dela|dele|del\s+paciente))?\s*(?:n[º°o]\.?)?\s*[:#]?\s*"
                r"\K(?-i:[A-Z]{0,4})(?=(?:[.\s-]?\d){6})\d(?:[.\s-]?\d){5,14}(?:-?[\dXxKk])?(?-i:[A-Z])?(?![\w-])",
                0.85,
            ),
        ),
    ),
)


def _build(spec: _Spec) -> LeanPatternRecognizer:
    kwargs = dict(
        needs_digit=spec.needs_digit,
        supported_entity=spec.entity,
        name=spec.name,
        supported_language="en",
        patterns=[GatedPattern(*pattern) if len(pattern) == 4 else Pattern(*pattern) for pattern in spec.patterns],
        global_regex_flags=spec.flags,
    )
    if spec.validator is None:
        return LeanPatternRecognizer(**kwargs)
    return ChecksumPatternRecognizer(validator=spec.validator, **kwargs)


def build_recognizers() -> list[EntityRecognizer]:
    """New instances of hipaalint's healthcare recognizers (English), one per ``_SPECS`` entry."""
    return [_build(spec) for spec in _SPECS]
