"""Presidio's ``PatternRecognizer`` matching loop, trimmed for a linter that runs every
recognizer on every post.

Presidio's own loop gives every ``finditer`` a 60-second timeout (which makes the
``regex`` module about 40 % slower on short posts) and builds an ``AnalysisExplanation``
per match that nobody reads here. ``LeanPatterns`` keeps its results identical (same
spans, scores, validation and de-duplication) without either. The patterns it runs are
our own or Presidio's, all shipped and tested, so they need no runaway guard.

A recognizer can also declare a ``gate``: something every one of its patterns needs (a
digit, an ``@``), so a post without it is skipped before any pattern runs.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, PatternRecognizer, RecognizerResult
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    IpRecognizer,
    UrlRecognizer,
    UsSsnRecognizer,
)

DIGIT = regex.compile(r"\d")


class LeanPatterns(PatternRecognizer):
    """Mix in before a ``PatternRecognizer`` subclass to replace its ``analyze``."""

    gate: regex.Pattern[str] | None = None

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        if self.gate is not None and self.gate.search(text) is None:
            return []
        flags = regex_flags or self.global_regex_flags
        metadata = {
            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
        }
        entity = self.supported_entities[0]
        results = []
        for pattern in self.patterns:
            if not pattern.compiled_regex or pattern.compiled_with_flags != flags:
                pattern.compiled_with_flags = flags
                pattern.compiled_regex = regex.compile(pattern.regex, flags=flags)
            for match in pattern.compiled_regex.finditer(text):
                start, end = match.span()
                if start == end:
                    continue
                matched = text[start:end]
                score = pattern.score
                validated = self.validate_result(matched)
                if validated is not None:
                    score = EntityRecognizer.MAX_SCORE if validated else EntityRecognizer.MIN_SCORE
                if self.invalidate_result(matched):
                    score = EntityRecognizer.MIN_SCORE
                if score > EntityRecognizer.MIN_SCORE:
                    results.append(RecognizerResult(entity, start, end, score, None, dict(metadata)))
        return EntityRecognizer.remove_duplicates(results)


class LeanPatternRecognizer(LeanPatterns):
    """A plain ``PatternRecognizer`` with the lean loop; ``needs_digit`` gates it on a digit."""

    def __init__(self, *args, needs_digit: bool = False, **kwargs) -> None:
        self.gate = DIGIT if needs_digit else None
        super().__init__(*args, **kwargs)


# Presidio's pattern recognizers we use, with the lean loop.
class LeanUrlRecognizer(LeanPatterns, UrlRecognizer):
    gate = regex.compile(r"\.[a-z]", regex.IGNORECASE)  # the dot before the top-level domain


class LeanIpRecognizer(LeanPatterns, IpRecognizer):
    pass  # IPv6 needs no digit ("fe::ab"), so no gate


class LeanUsSsnRecognizer(LeanPatterns, UsSsnRecognizer):
    gate = DIGIT


class LeanCreditCardRecognizer(LeanPatterns, CreditCardRecognizer):
    gate = DIGIT
