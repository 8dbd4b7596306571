"""The prefilter may let through a pattern that then finds nothing, but never holds back
one that matches: results are the same as running every pattern."""

from __future__ import annotations

import pytest
import regex

import hipaalint.conditions as c
from hipaalint.detect.engine import build_registry
from hipaalint.detect.lean_patterns import LeanPatterns
from hipaalint.prefilter import Prefilter, required_literals
from hipaalint.rulepack import load_rules


@pytest.mark.parametrize(
    "pattern, expected",
    [
        (r"\bMRN\b\s*\d+", {("mrn", True)}),
        (r"\b(?:visits?|appointments?)\b", {("visit", True), ("appointment", True)}),
        (r"[a-z0-9]+[.](?:com|org)\b", {(".com", False), (".org", False)}),  # a literal run, then a group
        (r"(?:ICU|NICU)-\d", {("icu-", False), ("nicu-", False)}),  # a group, then a literal run
        (r"\p{Lu}\p{Ll}+ Street", {(" street", False)}),  # regex-module syntax is understood
        (r"\\p{L}x", {("\\p{l}x", False)}),  # an escaped backslash stays a literal
        (r"(?x) \b(?:my | our) \s+ (?:dad|mom)\b", {("dad", True), ("mom", True)}),  # rarer beats common
        (r"(?i:hello)\K\s+(?P<value>\w+)", {("hello", False)}),
        (r"a(?=bc)bcd", {("abcd", False)}),  # look-arounds consume nothing
        (r"\p{Lu}\w+(?=\s+turns?\b)", {("turn", True)}),  # what a lookahead needs is needed too
        (r"(?<=\bbed\s)\d+", {("bed", True)}),  # and a lookbehind
        (r"(?<!\bno\s)\d+", None),  # not a negative one
        (r"(?:foo)?bar", {("bar", False)}),  # an optional part is not required
        (r"\d{3}-\d{4}", None),  # nothing literal of 2+ characters
        ("📸|📷", {("📸", False), ("📷", False)}),  # one character is enough beyond ASCII
        (r"[ab]x", None),  # but not in ASCII
        (r"foo|\d+", None),  # one alternative needs no literal
        (r"(?<=a)(", None),  # unreadable: always runs
    ],
)
def test_required_literals(pattern, expected):
    try:
        compiled = regex.compile(pattern, regex.IGNORECASE)
    except regex.error:
        compiled = type("P", (), {"pattern": pattern, "flags": 0})()
    found = required_literals(compiled)
    assert found == (None if expected is None else frozenset(expected))


def _rule_conditions() -> list[c.Condition]:
    rules = load_rules()
    return c.walk([r.condition for r in rules] + [r.relax_when for r in rules if r.relax_when is not None])


def _shipped_patterns() -> list[regex.Pattern[str]]:
    patterns = []
    for recognizer in build_registry().recognizers:
        if isinstance(recognizer, LeanPatterns):
            patterns += [regex.compile(p.regex, recognizer.global_regex_flags) for p in recognizer.patterns]
    return patterns + [cond.pattern for cond in _rule_conditions() if isinstance(cond, c.RegexCondition)]


def _variants(texts: list[str]) -> list[str]:
    """The texts, plus a copy of each in another case or with look-alike letters (Kelvin
    sign, long s) that case-insensitive matching treats alike: the kinds of copy take turns,
    so each kind covers a quarter of the texts."""
    kinds = (
        str.upper,
        str.title,
        str.swapcase,
        lambda text: text.replace("k", "\u212a").replace("s", "\u017f"),
    )
    return list(texts) + [kinds[i % len(kinds)](text) for i, text in enumerate(texts)]


def test_prefilter_never_holds_back_a_matching_pattern(sample_texts):
    patterns = _shipped_patterns()
    prefilter = Prefilter(patterns)
    screened = sum(r is not None for r in prefilter.requirements)
    assert screened > len(patterns) // 2, "the prefilter screens too few patterns to be worth it"
    skipped = 0
    for text in _variants(sample_texts):
        possible = prefilter.possible(text)
        skipped += len(patterns) - len(possible)
        for i, pattern in enumerate(patterns):
            if i not in possible:
                assert pattern.search(text) is None, (pattern.pattern[:60], text[:60])
    assert skipped > 0


def test_prefilter_folds_the_turkish_i_as_the_regex_module_matches_it():
    # regex matches "yaşında" (dotless ı) to "YAŞINDA" and "inegöl" to "İNEGÖL"; str.casefold
    # keeps them apart
    patterns = [regex.compile(r"\byaşında\b", regex.I), regex.compile(r"\binegöl\b", regex.I)]
    prefilter = Prefilter(patterns)
    for text in ("94 YAŞINDA", "94 yaşında", "İNEGÖL'de", "inegöl"):
        assert {i for i, p in enumerate(patterns) if p.search(text)} <= prefilter.possible(text), text
    assert prefilter.possible("Trabzon") == set()


def test_prefilter_remembers_the_last_text_only():
    prefilter = Prefilter([regex.compile(r"\bmrn\b", regex.I), regex.compile(r"\d+")])
    assert prefilter.possible("MRN 5") == {0, 1}
    assert prefilter.possible("no record 5") == {1}
    assert prefilter.possible("MRN 5") == {0, 1}


def test_possible_between_is_one_recognizers_share_in_order():
    prefilter = Prefilter([regex.compile(p, regex.I) for p in (r"\bmrn\b", r"\d+", r"\bbed\b", r"\broom\b", r"\bfax\b")])
    text = "Room 4, bed B, MRN 1234"
    assert prefilter.possible(text) == {0, 1, 2, 3}  # not "fax"; "\d+" needs no word
    assert prefilter.possible_between(text, 0, 2) == (0, 1)
    assert prefilter.possible_between(text, 2, 5) == (2, 3)
    assert prefilter.possible_between(text, 4, 5) == ()


def test_rule_patterns_find_the_same_with_and_without_prefilter(sample_texts):
    """The conditions' use of the shared prefilter, on every third text (whether the
    prefilter itself holds a pattern back wrongly is the test above, on every text)."""
    conds = [cond for cond in _rule_conditions() if isinstance(cond, c.RegexCondition) and cond.prefilter]
    assert conds
    unscreened = [c.RegexCondition(cond.pattern, cond.guarded) for cond in conds]
    for text in sample_texts[::3]:
        ctx, plain_ctx = c.PostContext(text, None, ()), c.PostContext(text, None, ())
        for cond, plain in zip(conds, unscreened):
            assert cond.evaluate(ctx) == plain.evaluate(plain_ctx)
