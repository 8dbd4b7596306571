"""Presidio's ``PatternRecognizer`` matching loop, trimmed for a linter that runs every
recognizer on every post.

Presidio's own loop gives every ``finditer`` a 60-second timeout (which makes the
``regex`` module about 40 % slower on short posts) and builds an ``AnalysisExplanation``
per match that nobody reads here. ``LeanPatterns`` keeps its results identical (same
spans, scores, validation and de-duplication) without either. The patterns it runs are
our own or Presidio's, all shipped and tested, so they need no runaway guard.

A recognizer can also declare a ``gate``: something every one of its patterns needs (a
digit, an ``@``), so a post without it is skipped before any pattern runs; a
:class:`GatedPattern` declares one for itself. And :func:`share_prefilter` screens the
patterns of all recognizers in one pass over each post (:mod:`hipaalint.prefilter`), so
only the few that may match run.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    IpRecognizer,
    UrlRecognizer,
    UsSsnRecognizer,
)

from hipaalint.prefilter import PatternSource, Prefilter

DIGIT = regex.compile(r"\d")


def _compile_gate(needs: str) -> regex.Pattern[str]:
    """(Outside ``GatedPattern``, whose ``regex`` argument, named as in Presidio's ``Pattern``,
    hides the module.) Ignoring case only lets more posts through."""
    return regex.compile(needs, regex.IGNORECASE)


class GatedPattern(Pattern):
    r"""A ``Pattern`` that runs only on a post where ``needs``, a cheap regular expression
    every match implies, finds something: for a costly pattern with no literal word the
    prefilter could screen on ("Maria, 34," needs ``,\s*\d``)."""

    def __init__(self, name: str, regex: str, score: float, needs: str) -> None:
        super().__init__(name, regex, score)
        self.needs = _compile_gate(needs)


class LeanPatterns(PatternRecognizer):
    """Mix in before a ``PatternRecognizer`` subclass to replace its ``analyze``."""

    gate: regex.Pattern[str] | None = None
    prefilter: Prefilter | None = None
    prefilter_offset = 0  # where this recognizer's patterns start in the prefilter

    @staticmethod
    def _compiled(pattern: Pattern, flags: int) -> regex.Pattern[str]:
        if not pattern.compiled_regex or pattern.compiled_with_flags != flags:
            pattern.compiled_with_flags = flags
            pattern.compiled_regex = regex.compile(pattern.regex, flags=flags)
        return pattern.compiled_regex

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        if self.gate is not None and self.gate.search(text) is None:
            return []
        flags = regex_flags or self.global_regex_flags
        if self.prefilter is not None and flags == self.global_regex_flags:
            # only the patterns whose words the post has: the others cannot match
            offset = self.prefilter_offset
            indices = [i - offset for i in self.prefilter.possible_between(text, offset, offset + len(self.patterns))]
        else:
            indices = range(len(self.patterns))
        results = []
        for i in indices:
            pattern = self.patterns[i]
            needs = getattr(pattern, "needs", None)
            if needs is not None and needs.search(text) is None:
                continue
            for match in self._compiled(pattern, flags).finditer(text):
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
                    metadata = {
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    }
                    results.append(RecognizerResult(self.supported_entities[0], start, end, score, None, metadata))
        return EntityRecognizer.remove_duplicates(results) if results else []


def share_prefilter(recognizers) -> Prefilter:
    """Screen the patterns of all the ``LeanPatterns`` among ``recognizers`` with one
    prefilter: one pass over each post for all of them."""
    lean = [r for r in recognizers if isinstance(r, LeanPatterns)]
    patterns: list[PatternSource] = []
    for recognizer in lean:
        recognizer.prefilter_offset = len(patterns)
        patterns.extend(PatternSource(p.regex, recognizer.global_regex_flags) for p in recognizer.patterns)
    prefilter = Prefilter(patterns)
    for recognizer in lean:
        recognizer.prefilter = prefilter
    return prefilter


class LeanPatternRecognizer(LeanPatterns):
    """A plain ``PatternRecognizer`` with the lean loop; ``needs_digit`` gates it on a digit
    (a subclass may declare another ``gate``)."""

    def __init__(self, *args, needs_digit: bool = False, **kwargs) -> None:
        if needs_digit:
            self.gate = DIGIT
        super().__init__(*args, **kwargs)


# Presidio's pattern recognizers we use, with the lean loop.
class LeanUrlRecognizer(LeanPatterns, UrlRecognizer):
    gate = regex.compile(r"\.[a-z]", regex.IGNORECASE)  # the dot before the top-level domain


class LeanIpRecognizer(LeanPatterns, IpRecognizer):
    # IPv4 has a digit, a dot and a digit; every IPv6 form has "::" or two hex digits
    # around a colon ("fe80::1", "2001:db8:..."), even without a digit ("fe::ab")
    gate = regex.compile(r"\d\.\d|::|[0-9a-f]:[0-9a-f]", regex.IGNORECASE)


class LeanUsSsnRecognizer(LeanPatterns, UsSsnRecognizer):
    # every SSN pattern is nine digits with at most a one-character separator between two
    gate = regex.compile(r"\d(?:[- .]?\d){8}")


class LeanCreditCardRecognizer(LeanPatterns, CreditCardRecognizer):
    # a card number has 13 to 19 digits, at most a dash or space between two
    gate = regex.compile(r"\d(?:[- ]?\d){12}")
