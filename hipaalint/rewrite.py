"""Redacted rewrites of a post, built with presidio-anonymizer operators.

``rewrite(text, findings, style)`` replaces the span of every error or warning finding
that names an entity; contextual findings (no entity, no span) are returned as ``unfixed``
with the replacement sentence their rule offers, if any. Info findings are ignored, except
those of ``rewrite_only`` rules (words that may identify the patient in a post that needs
a rewrite anyway).

Spans. Findings are merged before anything is replaced, so nothing leaks between pieces
of one identifier: overlapping or touching spans always merge; spans separated by
whitespace only merge when they have the same entity ("Harold" + "Vickers" -> one
PERSON). A merged span keeps the more specific entity: PERSON, LOCATION and DATE lose to
anything else (an MRN inside a "date" is an MRN); between equals, the longer span wins.
Whitespace-separated spans of different entities stay separate: "on March 3 Harold" keeps
a date and a name, and only whitespace lies between them.

Styles (text outside the replaced spans is kept byte for byte):

- ``tag``: ``[PATIENT]``, ``[DATE]``, ``[PHONE]``... (presidio ``replace``). Ages over 89
  become ``[AGE OVER 89]``, not "[AGE 90+]", which the age recognizer reads as an age.
- ``mask``: same length and shape (presidio ``custom``). Of a span's characters, only
  these survive: every character that is not a letter or digit (spaces, punctuation,
  symbols), the last four digits of a PHONE or FAX (``(***) ***-2230``) and the first
  letter of each word of a PERSON (``M**** L****``). Every other letter or digit is ``*``.
- ``generalize``: natural wording (presidio ``custom``, one operator per span). Each span
  is first widened over the words that only make sense with it: a title, an "on" before
  a date, the label of a record number, a separating comma or parenthesis, one adjoining
  space. Outside the widened span the text is kept byte for byte, except that a word
  following a removal at the start of a sentence may gain a capital (it is part of the
  widened span). Choices:

  - PERSON: "a patient" on first mention, "the patient" when a word of the name was
    already generalized, "the patient's" for a possessive; a title (Mr./Mrs./Ms./Miss/
    Mx./Dr.) goes with the name. "Hi Maria," -> "Hi there,"; "Dear Mr. Lee," -> "Dear
    valued patient," (the greeting recognizer reads "Dear patient," as a name). A
    name after a relation word ("his daughter Ellen", "pt JOSE") or used to address
    someone ("Get well soon, Harold!", "Thanks Dolores!") is removed.
  - DATE: "<Month> <year>" when both can be read, else "recently"; "on March 3, 2026" ->
    "in March 2026", "on March 3" -> "recently".
  - AGE_OVER_89: "92-year-old" -> "90-plus-year-old"; "in his 90s" / "aged 97" ->
    "over 90" / "aged over 90"; "her 92nd birthday" -> "her birthday".
  - LOCATION: "our area" (with a state code after a town: "Springfield, IL" -> "our
    area"); a street address after at/on/of/in/near/from is removed with that word; a
    ZIP code is removed with its label.
  - MRN, HEALTH_PLAN_ID, ACCOUNT, LICENSE, VEHICLE, DEVICE_ID, SSN, IP_ADDRESS, NPI, DEA,
    OTHER_ID: removed with their label ("Harold (MRN 7730415) had" -> "Harold had"),
    but after a determiner or preposition the label words stay ("Her Medicare number
    was on the card", "paid with card and left").
  - ROOM: removed with its label and preposition ("our 94-year-old in bed 12 walked" ->
    "our 90-plus-year-old walked").
  - PHONE, FAX, EMAIL, URL: removed with their label or with a preposition that leads to
    them ("email her at x@y.com" -> "email her", "post her email, x@y.com." -> "post her
    email."); where nothing leads to them they become "(removed)" ("his cell is
    (removed)"), since a patient's number is nobody's to replace.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hipaalint.config import REWRITE_STYLES
from hipaalint.models import Finding

if TYPE_CHECKING:
    from presidio_anonymizer import AnonymizerEngine

STYLES = REWRITE_STYLES

TAGS = {
    "PERSON": "[PATIENT]", "DATE": "[DATE]", "AGE_OVER_89": "[AGE OVER 89]",
    "LOCATION": "[LOCATION]", "PHONE": "[PHONE]", "FAX": "[FAX]", "EMAIL": "[EMAIL]",
    "SSN": "[SSN]", "MRN": "[MRN]", "HEALTH_PLAN_ID": "[HEALTH PLAN ID]",
    "ACCOUNT": "[ACCOUNT]", "LICENSE": "[LICENSE]", "VEHICLE": "[VEHICLE]",
    "DEVICE_ID": "[DEVICE ID]", "URL": "[URL]", "IP_ADDRESS": "[IP ADDRESS]",
    "ROOM": "[ROOM]", "OTHER_ID": "[ID]", "NPI": "[PROVIDER ID]", "DEA": "[PROVIDER ID]",
}
GENERIC_ENTITIES = frozenset({"PERSON", "LOCATION", "DATE"})
CONTACT_ENTITIES = frozenset({"PHONE", "FAX", "EMAIL", "URL"})


@dataclass(frozen=True)
class Rewrite:
    text: str  # the rewritten post
    unfixed: tuple[Finding, ...]  # findings the rewrite could not fix (contextual, no span)
    suggestions: tuple[str, ...]  # replacement sentences offered by contextual rules


@dataclass(frozen=True)
class Span:
    """A stretch of the post to replace; ``new`` is the replacement (generalize only)."""

    start: int
    end: int
    entity: str
    new: str = ""


def rewrite(
    text: str,
    findings: Sequence[Finding],
    style: str = "tag",
    sentences: Mapping[str, str] | None = None,
    engine: AnonymizerEngine | None = None,
    rewrite_only: Collection[str] = (),
) -> Rewrite:
    """The post with its PHI spans replaced in ``style``, and what could not be fixed.
    ``rewrite_only``: ids of rules whose (info) findings are replaced too."""
    if style not in STYLES:
        raise ValueError(f"unknown rewrite style {style!r}; choose one of {', '.join(STYLES)}")
    acted_on = _acted_on(findings, rewrite_only)
    unfixed = tuple(f for f in acted_on if not f.replaceable)
    suggestions = dict.fromkeys(s for f in unfixed if (s := (sentences or {}).get(f.rule_id)))
    new_text = _anonymize(text, spans_to_replace(text, findings, style, rewrite_only), style, engine)
    return Rewrite(new_text, unfixed, tuple(suggestions))


def spans_to_replace(
    text: str, findings: Sequence[Finding], style: str = "tag", rewrite_only: Collection[str] = ()
) -> list[Span]:
    """The non-overlapping spans ``rewrite`` replaces, in text order (widened for generalize)."""
    spans = merge_spans(text, [f for f in _acted_on(findings, rewrite_only) if f.replaceable])
    return _generalize(text, spans) if style == "generalize" else spans


def _acted_on(findings: Sequence[Finding], rewrite_only: Collection[str]) -> list[Finding]:
    return [f for f in findings if f.flags or f.rule_id in rewrite_only]


def _specificity(span: Span) -> tuple[bool, int]:
    return (span.entity not in GENERIC_ENTITIES, span.end - span.start)


def merge_spans(text: str, findings: Sequence[Finding]) -> list[Span]:
    """One span per stretch of PHI; see the module docstring for the merge rule."""
    merged: list[Span] = []
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        span = Span(f.start, f.end, f.entity or "")
        prev = merged[-1] if merged else None
        gap = text[prev.end : span.start] if prev else ""
        if prev and (span.start <= prev.end or (gap.isspace() and span.entity == prev.entity)):
            entity = max(prev, span, key=_specificity).entity
            merged[-1] = Span(prev.start, max(prev.end, span.end), entity)
        else:
            merged.append(span)
    return merged


# --- presidio ------------------------------------------------------------------------


def _anonymize(text: str, spans: list[Span], style: str, engine: AnonymizerEngine | None) -> str:
    from presidio_anonymizer import AnonymizerEngine
    from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

    if not spans:
        return text
    if style == "generalize":  # one operator per span: the wording depends on the context
        keys = [f"{s.entity}#{i}" for i, s in enumerate(spans)]
        operators = {
            k: OperatorConfig("custom", {"lambda": lambda _old, new=s.new: new}) for k, s in zip(keys, spans)
        }
    else:
        keys = [s.entity for s in spans]
        if style == "tag":
            operators = {k: OperatorConfig("replace", {"new_value": _tag(k)}) for k in keys}
        else:
            operators = {k: OperatorConfig("custom", {"lambda": _masker(k)}) for k in keys}
    results = [RecognizerResult(k, s.start, s.end, 1.0) for k, s in zip(keys, spans)]
    # The spans are already merged and disjoint: presidio's own merging must not rejoin them.
    engine = engine or AnonymizerEngine()
    return engine.anonymize(text, results, operators, merge_entities_with_spaces=False).text


def _tag(entity: str) -> str:
    return TAGS.get(entity, f"[{entity.replace('_', ' ')}]")


def _masker(entity: str) -> Callable[[str], str]:
    def mask(value: str) -> str:
        keep: set[int] = set()
        if entity in ("PHONE", "FAX"):
            keep.update([i for i, ch in enumerate(value) if ch.isdigit()][-4:])
        if entity == "PERSON":
            keep.update(m.start() for m in re.finditer(r"[^\W\d_]+", value))
        return "".join(ch if i in keep or not ch.isalnum() else "*" for i, ch in enumerate(value))

    return mask


# --- generalize ----------------------------------------------------------------------

_I = re.IGNORECASE
# The start of the text, of a sentence or of a paragraph (a wrapped line is not a start).
_SENTENCE_START = re.compile(r"(?:^\s*|[.!?][\"'”’)\]]*\s+|\n[ \t]*\n\s*)$")
_TITLE = re.compile(r"\b(?:mrs|mr|ms|miss|mx|dr)\b\.?\s+$", _I)
_BARE_TITLE = re.compile(r"(?:mrs|mr|ms|miss|mx|dr)\.?\s+", _I)
_GREETING = re.compile(r"\b(hi|hello|hey|dear)\s+$", _I)
_THANKS = re.compile(r"(?:,|\b(?:thanks|thank you|congrats|congratulations))[ \t]*$", _I)
_RELATION = re.compile(
    r"\b(?:daughter|son|husband|wife|mother|father|mom|mum|dad|sister|brother|grandson|"
    r"granddaughter|grandmother|grandfather|grandma|grandpa|partner|fianc[eé]e?|boyfriend|"
    r"girlfriend|aunt|uncle|niece|nephew|cousin|neighbou?r|friend|pt|patient|baby|resident)\s+$",
    _I,
)
_DETERMINER = re.compile(
    r"(?:\b(?:a|an|the|his|her|their|my|your|our|its|this|that|whose|with|from|by|on|at|to|for|of)"
    r"|\w['’]s)\s+$",
    _I,
)
_LEFT_SEPARATOR = re.compile(r"(?:[,:;]|\s[-–—])\s*$")


def _label(words: str) -> re.Pattern[str]:
    """Label words (each optionally followed by '.', '#' or ':') right before a value."""
    return re.compile(rf"(?:(?<![\w'’/])(?:{words})\b\.?\s*[#:]?\s*)+$", _I)


_NUMBER_WORDS = r"no|num|nbr|number"
_NUMBER_SIGNS = re.compile(r"(?:[\s#:]|\b(?:no|num|nbr)\b\.?)*$", _I)  # "#", "no.": dropped from a kept label
_ID_LABEL = _label(
    r"mrn|medical|med|record|records|rec|chart|patient|pt|member|subscriber|policy|group|"
    r"medicare|medicaid|mbi|insurance|plan|account|acct|billing|card|credit|debit|birth|"
    r"certificate|cert|driver'?s|driver’s|licen[cs]e|lic|dl|plate|vin|vehicle|serial|s/n|sn|"
    r"device|udi|ssn|social|security|ss|case|accession|encounter|claim|ip|address|npi|dea|id|"
    + _NUMBER_WORDS
)
_CONTACT_LABEL = _label(
    r"phone|cell|cellphone|mobile|tel|telephone|ph|fax|e-?mail|website|site|url|link|" + _NUMBER_WORDS
)
_ROOM_LABEL = _label(r"room|rm|bed|bay|suite|cubicle|unit|stall|space|" + _NUMBER_WORDS)
_ZIP_LABEL = _label(r"zip|zip code|postal code|code")
# Words that lead to a value and go with it when it is removed ("email her at x@y.com").
_PREPOSITION = {
    "PHONE": "at|on|via|from", "FAX": "at|on|via|from", "EMAIL": "at|via|from|to", "URL": "at|via",
    "IP_ADDRESS": "at|via|from", "ROOM": "in|into|to|at|from|of|for", "LOCATION": "at|on|of|in|near|from",
}
_YEARS_OLD = re.compile(
    r"[\s-]*(?:years?|yrs?)[\s-]*(?:old|young)\b|\s+years?\s+of\s+age|\s*-?\s*y(?:/|\.\s?)?o\b", _I
)
_ORDINAL = re.compile(r"(?:st|nd|rd|th)$", _I)
_IN_HIS = re.compile(r"\bin\s+(?:his|her|their|the\s+patient['’]?s)\s+(?:(?:early|mid|late)[\s-]+)?$", _I)
_STATE_CODE = re.compile(r",?[ \t]*[A-Z]{2}\b(?![\w'])")

_MONTHS = "january february march april may june july august september october november december".split()
_MONTH_WORD = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?", _I)
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)|'(\d{2})\b")
_NUMERIC_DATE = re.compile(r"^(?:(\d{1,2})[/.-]\d{1,2}[/.-](\d{4}|\d{2})|(\d{4})-(\d{2})-\d{2})$")


def _month_year(value: str) -> str | None:
    """'March 2026' from 'March 3, 2026', '3/3/26' or '2026-03-03'; None without both."""
    month = year = None
    if m := _NUMERIC_DATE.match(value.strip()):
        month, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        month = int(month)
    else:
        if m := _MONTH_WORD.search(value):
            month = [name[:3] for name in _MONTHS].index(m.group(1).lower()) + 1
        if y := _YEAR.search(value):
            year = y.group(1) or y.group(2)
    if not month or not year or not 1 <= month <= 12:
        return None
    if len(year) == 2:
        year = ("20" if int(year) < 50 else "19") + year
    return f"{_MONTHS[month - 1].capitalize()} {year}"


def _back(pattern: re.Pattern[str], text: str, lo: int, start: int) -> int:
    """Where ``pattern`` (anchored with $) starts if it ends right at ``start``; else start."""
    m = pattern.search(text, lo, start)
    return m.start() if m else start


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\s+$", _I)


def _generalize(text: str, spans: list[Span]) -> list[Span]:
    """Widen every span over what only makes sense with it and choose its wording."""
    spans = _absorb_titles(text, spans)
    planned: list[Span] = []
    prefix, seen = "", set()  # the rewritten text so far; words of names already generalized
    for i, span in enumerate(spans):
        lo = planned[-1].end if planned else 0
        hi = spans[i + 1].start if i + 1 < len(spans) else len(text)
        start, end, new = _wording(text, span, lo, hi, seen)
        at_start = bool(_SENTENCE_START.search(prefix + text[lo:start]))
        if not new:
            start, end = _tidy_removal(text, start, end, lo, hi, at_start)
            if at_start and end < hi and text[end].islower():
                new, end = text[end].upper(), end + 1
        elif at_start:
            new = new[0].upper() + new[1:]
        planned.append(Span(start, end, span.entity, new))
        prefix += text[lo:start] + new
    return planned


def _absorb_titles(text: str, spans: list[Span]) -> list[Span]:
    """"Dear Mr. Lee" found as "Mr" and "Lee": the title goes with the name after it."""
    def is_title_of_next(s: Span, nxt: Span | None) -> bool:
        if nxt is None or not s.entity == nxt.entity == "PERSON":
            return False
        return bool(_BARE_TITLE.fullmatch(text, s.start, nxt.start))

    return [s for s, nxt in zip(spans, [*spans[1:], None]) if not is_title_of_next(s, nxt)]


def _wording(text: str, span: Span, lo: int, hi: int, seen: set[str]) -> tuple[int, int, str]:
    """The widened (start, end) of one span and its replacement ("" to remove it)."""
    start, end, value, after = span.start, span.end, text[span.start : span.end], text[span.end : hi]
    if span.entity == "PERSON":
        return _person(text, start, end, lo, hi, seen)
    if span.entity == "DATE":
        on = _back(_words("on"), text, lo, start)
        if when := _month_year(value):
            return on, end, ("in " if on < start else "") + when
        return on, end, "recently"
    if span.entity == "AGE_OVER_89":
        if _YEARS_OLD.match(after):
            return start, end, "90-plus"
        if _ORDINAL.search(value):
            return start, end, ""
        return _back(_IN_HIS, text, lo, start), end, "over 90"
    if span.entity == "LOCATION":
        if value.isdigit():
            return _back(_ZIP_LABEL, text, lo, start), end, ""
        if value[0].isdigit():  # a street address
            before = _back(_words(_PREPOSITION["LOCATION"]), text, lo, start)
            return before, end, "" if before < start else "our area"
        state = _STATE_CODE.match(after)
        return _back(_words("the"), text, lo, start), end + (state.end() if state else 0), "our area"
    return _identifier(text, span, lo)


def _identifier(text: str, span: Span, lo: int) -> tuple[int, int, str]:
    """Record numbers, rooms and contact details: removed with their label."""
    start, end, entity = span.start, span.end, span.entity
    labels = _CONTACT_LABEL if entity in CONTACT_ENTITIES else _ROOM_LABEL if entity == "ROOM" else _ID_LABEL
    label = _back(labels, text, lo, start)
    if label < start and entity != "ROOM" and _DETERMINER.search(text, lo, label):
        # "Her Medicare number 1EG4-..." -> "Her Medicare number": the label words stay
        kept = _NUMBER_SIGNS.search(text, label, start).start()
        return kept + len(text[kept:start]) - len(text[kept:start].lstrip()), end, ""
    if entity in _PREPOSITION and (entity == "ROOM" or label == start):
        label = _back(_words(_PREPOSITION[entity]), text, lo, label)
    led_to = label < start or _LEFT_SEPARATOR.search(text, lo, start) or text[start - 1 : start] == "("
    if entity in CONTACT_ENTITIES and not led_to:
        return start, end, "(removed)"
    return label, end, ""


def _person(text: str, start: int, end: int, lo: int, hi: int, seen: set[str]) -> tuple[int, int, str]:
    words = set(re.findall(r"\w+", text[start:end].lower()))
    start = _back(_TITLE, text, lo, start)
    after = text[end:hi]
    if greeting := _GREETING.search(text, lo, start):
        return start, end, "valued patient" if greeting.group(1).lower() == "dear" else "there"
    if _RELATION.search(text, lo, start):
        return start, end, ""
    if _THANKS.search(text, lo, start) and re.match(r"[ \t]*(?:[!?.]|\n|$)", after):
        return start, end, ""
    repeated = bool(words & seen)
    seen |= words
    if possessive := re.match(r"['’]s\b", after):
        return start, end + possessive.end(), "the patient's"
    return start, end, "the patient" if repeated else "a patient"


def _tidy_removal(text: str, start: int, end: int, lo: int, hi: int, at_start: bool) -> tuple[int, int]:
    """Widen a removal over the punctuation and space it would leave behind."""
    before, after = text[lo:start], text[end:hi]
    if before.endswith("(") and after.startswith(")"):  # "Harold (MRN 7730415) had"
        return start - (len(before) - len(before[:-1].rstrip(" \t"))), end + 1
    if before.endswith("(") and (comma := re.match(r",[ \t]*", after)):  # "(MRN 1, DOB ...)"
        return start, end + comma.end()
    if separator := _LEFT_SEPARATOR.search(before):  # "car, plate 7ABC123, was" -> "car was"
        return start - len(separator.group()), end + (1 if after.startswith(",") else 0)
    if at_start:  # "MRN 00482913, your results" -> "Your results"
        return start, end + re.match(r",?[ \t]*", after).end()
    space_before = len(before) - len(before.rstrip())
    if not after or after[0] in ".,;:!?)\n" or (space_before and "\n" not in before[-space_before:]):
        return start - space_before, end
    if not before or before[-1].isspace():  # at the start of a line: the space after goes
        return start, end + re.match(r"[ \t]*", after).end()
    return start, end
