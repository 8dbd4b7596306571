"""Which of many regular expressions may match a post, from one pass over its text.

After spaCy, most of hipaalint's time goes to regular expressions (the recognizers' and
the rule packs'), and on a typical post over 95 % of them find nothing. Most of them
cannot match without some literal word: ``\\bMRN\\b...`` needs "mrn", a label pattern
needs one of its labels. :func:`required_literals` reads that requirement off the
pattern's syntax tree; a :class:`Prefilter` puts the requirements of all patterns into
one Aho-Corasick automaton (pyahocorasick) and, per post, one pass over the case-folded
text tells which patterns may match. Only those run. A pattern with no usable requirement
always runs, so the matches are exactly those of running every pattern.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple, Protocol, TypeVar

import ahocorasick
import regex

try:  # the standard library's regular expression parser (``sre_parse`` before 3.11)
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

class RegexLike(Protocol):
    pattern: str
    flags: int


class PatternSource(NamedTuple):
    """A pattern not compiled yet: its source and flags are all the prefilter reads."""

    pattern: str
    flags: int


T = TypeVar("T")

# A one-character literal is in every post and would screen nothing out, unless it is
# rare: an emoji or another character beyond ASCII ("📸").
MIN_LITERAL = 2
_OP = sre_parse  # opcodes (LITERAL, BRANCH, ...) are re-exported by the parser module
# Python 3.11 opcodes (possessive repeats, atomic groups); 3.10 cannot parse those at all
_POSSESSIVE_REPEAT = getattr(sre_parse, "POSSESSIVE_REPEAT", object())
_ATOMIC_GROUP = getattr(sre_parse, "ATOMIC_GROUP", object())

# regex-module syntax the standard parser does not know, mapped to something that parses
# and requires nothing: a Unicode property is a character class, \K only moves the start.
# (An escaped backslash is matched first so that "\\p{L}" stays a literal.)
_REGEX_ONLY = re.compile(r"\\\\|\\[pP]\{[^}]*\}|\\[pP][A-Za-z]|\\K")


def _standard_syntax(source: str) -> str:
    def replace(m: re.Match[str]) -> str:
        token = m.group()
        return token if token == "\\\\" else "" if token == "\\K" else "\\w"

    return _REGEX_ONLY.sub(replace, source)


# A required literal: its case-folded text, and whether the pattern puts a word boundary
# right before it (``\bpt``: "pt" as in "pt JOSE", not as in "apt").
Literal = tuple[str, bool]
Requirement = frozenset[Literal]
_WORD_START_ASSERTIONS = {_OP.AT_BOUNDARY, _OP.AT_BEGINNING, _OP.AT_BEGINNING_STRING}


_NOT_WORD_CHAR = regex.compile(r"\W")  # the regex module's idea of \b, for word starts


def _is_word_char(ch: str) -> bool:
    return _NOT_WORD_CHAR.match(ch) is None


# Words in most posts: as a requirement they screen out little. (Only a preference when
# choosing a pattern's requirement; correctness never depends on it.)
_COMMON_WORDS = frozenset(
    "the and for you your our ours with was were are this that have has had not but all "
    "his her him she they them their its who what when where how from about into out "
    "here there will would can could just been being one two new day today more some "
    "any who's it's i'm we're you're".split()
)


def _weak(text: str) -> bool:
    """A literal found in most posts: short, or a common word ("the", "our", "with")."""
    return len(text) < 3 or text.strip(" '’").casefold() in _COMMON_WORDS


def _too_short(text: str) -> bool:
    return len(text) < MIN_LITERAL and text.isascii()


def _better(candidate: Requirement | None, best: Requirement | None) -> bool:
    if candidate is None or any(_too_short(text) for text, _ in candidate):
        return False

    # rarer literals screen better: no common words, then longer, then word starts, then fewer
    def rank(req: Requirement) -> tuple[bool, int, int, int]:
        return (
            any(_weak(text) for text, _ in req),
            -min(len(text) for text, _ in req),
            -sum(ws for _, ws in req),
            len(req),
        )

    return best is None or rank(candidate) < rank(best)


def _union_over(branches, of_branch: Callable[[Any], frozenset[T] | None]) -> frozenset[T] | None:
    """The union of ``of_branch`` over the alternatives of a group; None when it is None
    for any one of them (that alternative needs nothing the others need)."""
    found: set[T] = set()
    for branch in branches:
        part = of_branch(branch)
        if part is None:
            return None
        found |= part
    return frozenset(found)


def _group_ends(op, arg, from_end: bool = False) -> frozenset[str] | None:
    """The literal text every alternative of a group starts with ("(?:com|edu)" ->
    {"com", "edu"}), or with ``from_end`` ends with ("(?:ICU|NICU)" -> both); None when
    some alternative starts (ends) otherwise."""
    if op is _OP.SUBPATTERN:
        return _sequence_end(arg[-1], from_end)
    if op is _OP.BRANCH:
        return _union_over(arg[1], lambda branch: _sequence_end(branch, from_end))
    return None


def _sequence_end(items, from_end: bool) -> frozenset[str] | None:
    """The literal run a sequence starts (or ends) with, or its first (last) group's."""
    run: list[str] = []
    for op, arg in reversed(list(items)) if from_end else items:
        if op is _OP.IN and len(arg) == 1 and arg[0][0] is _OP.LITERAL:
            op, arg = arg[0]
        if op is not _OP.LITERAL:
            if run:
                break
            return _group_ends(op, arg, from_end)
        run.append(chr(arg))
    if not run:
        return None
    return frozenset({"".join(reversed(run)) if from_end else "".join(run)})


def _literals_of_sequence(items, word_start: bool = False) -> Requirement | None:
    """The best requirement of a sequence: a run of literal characters, or one element's."""
    best: Requirement | None = None
    run: list[str] = []
    run_word_start = False
    before_run: frozenset[str] | None = None  # literal endings of the group right before the run

    def end_run() -> None:
        nonlocal best, run
        if run:
            text = "".join(run)
            candidates = [frozenset({(text, run_word_start and _is_word_char(text[0]))})]
            if before_run:  # "(?:ICU|NICU)-": "icu-", "nicu-"
                candidates.append(frozenset((suffix + text, False) for suffix in before_run))
            for candidate in candidates:
                if _better(candidate, best):
                    best = candidate
        run = []

    for op, arg in items:
        if op is _OP.IN and len(arg) == 1 and arg[0][0] is _OP.LITERAL:
            op, arg = arg[0]  # a class of one character, "[.]"
        if op is _OP.LITERAL:
            if not run:
                run_word_start = word_start
            run.append(chr(arg))
            word_start = False
            continue
        if op is _OP.AT:
            word_start = word_start or (not run and arg in _WORD_START_ASSERTIONS)
            continue
        if op is _OP.ASSERT:  # a lookahead or lookbehind must match too: "(?=\s+turns)"
            candidate = _literals_of_sequence(arg[1])
            if _better(candidate, best):
                best = candidate
        if op in (_OP.ASSERT, _OP.ASSERT_NOT) or (op is _OP.SUBPATTERN and not arg[-1]):
            continue  # zero-width: a literal run goes on across it
        prefixes = _group_ends(op, arg) if run else None
        if prefixes:  # "[.](?:com|edu)": ".com", ".edu"
            text = "".join(run)
            candidate = frozenset((text + p, run_word_start and _is_word_char(text[0])) for p in prefixes)
            if _better(candidate, best):
                best = candidate
        end_run()
        candidate = _literals(op, arg, word_start)
        if _better(candidate, best):
            best = candidate
        before_run = _group_ends(op, arg, from_end=True)
        # one or more spaces: what follows starts a word ("\s+(?:at|as)")
        word_start = (
            op in (_OP.MAX_REPEAT, _OP.MIN_REPEAT, _POSSESSIVE_REPEAT)
            and arg[0] >= 1
            and list(arg[2]) == [(_OP.IN, [(_OP.CATEGORY, _OP.CATEGORY_SPACE)])]
        )
    end_run()
    return best


def _literals(op, arg, word_start: bool) -> Requirement | None:
    """Literals one of which every match of this node contains (None: unknown)."""
    if op is _OP.SUBPATTERN:
        return _literals_of_sequence(arg[-1], word_start)
    if op in (_OP.MAX_REPEAT, _OP.MIN_REPEAT, _POSSESSIVE_REPEAT):
        low, _high, item = arg
        return _literals_of_sequence(item, word_start) if low >= 1 else None
    if op is _ATOMIC_GROUP:
        return _literals_of_sequence(arg, word_start)
    if op is _OP.BRANCH:
        return _union_over(arg[1], lambda branch: _literals_of_sequence(branch, word_start))
    if op is _OP.IN and all(item is _OP.LITERAL for item, _ in arg):  # "📸|📷", parsed as a class
        return frozenset((chr(code), False) for _, code in arg)
    return None  # another class, any character, a category, a back-reference...


def required_literals(pattern: RegexLike) -> Requirement | None:
    """Literals such that every match of ``pattern`` contains one of them (compared
    case-folded; a word-start literal at the start of a word), or None when the pattern
    has no such requirement of at least ``MIN_LITERAL`` characters (or one beyond ASCII)
    or cannot be read."""
    flags = re.VERBOSE if pattern.flags & regex.VERBOSE else 0
    try:
        tree = sre_parse.parse(_standard_syntax(pattern.pattern), flags)
    except (re.error, OverflowError, RecursionError):
        return None
    literals = _literals_of_sequence(list(tree))
    return None if literals is None else frozenset((fold(text), ws) for text, ws in literals)


def fold(text: str) -> str:
    """``text`` case-folded, with the Turkish dotless and dotted I folded to a plain i: the
    regex module matches "yaşında" to "YAŞINDA" and "i" to "İ", which ``str.casefold`` keeps
    apart ("yaşinda", "i̇"). Folding more only lets more patterns run."""
    return text.casefold().replace("ı", "i").replace("\u0307", "")


class Prefilter:
    """``possible(text)``: the indexes (into ``patterns``) of the patterns that may match;
    ``found(text)``: which of their required literals the text has."""

    def __init__(self, patterns: Sequence[RegexLike]) -> None:
        self.size = len(patterns)
        self.requirements = [required_literals(p) for p in patterns]
        self._always = frozenset(i for i, req in enumerate(self.requirements) if req is None)
        self._needing: dict[Literal, list[int]] = {}  # literal -> the patterns it lets run
        for i, req in enumerate(self.requirements):
            for literal in req or ():
                self._needing.setdefault(literal, []).append(i)
        self._automaton = ahocorasick.Automaton()
        for text in {text for text, _ in self._needing}:
            self._automaton.add_word(text, text)
        if self._needing:
            self._automaton.make_automaton()
        self._last_found: tuple[str | None, frozenset[Literal]] = (None, frozenset())
        self._last_possible: tuple[str | None, frozenset[int]] = (None, frozenset())
        self._last_ordered: tuple[str | None, tuple[int, ...]] = (None, ())

    def found(self, text: str) -> frozenset[Literal]:
        """The required literals ``text`` has: ``(literal, False)`` wherever it occurs,
        ``(literal, True)`` too where it starts a word. The last answer is remembered, so
        all the recognizers (or rules) of one post share one pass."""
        last_text, last_found = self._last_found  # one tuple: consistent even across threads
        if last_text == text:
            return last_found
        found: set[Literal] = set()
        if self._automaton.kind == ahocorasick.AHOCORASICK:
            folded = fold(text)
            for end, literal in self._automaton.iter(folded):
                found.add((literal, False))
                start = end - len(literal) + 1
                if start == 0 or _NOT_WORD_CHAR.match(folded, start - 1) is not None:
                    found.add((literal, True))
        result = frozenset(found)
        self._last_found = (text, result)
        return result

    def possible_between(self, text: str, low: int, high: int) -> tuple[int, ...]:
        """The patterns in ``low <= index < high`` that may match ``text``, in order (one
        recognizer's share of the prefilter)."""
        last_text, ordered = self._last_ordered
        if last_text != text:
            ordered = tuple(sorted(self.possible(text)))
            self._last_ordered = (text, ordered)
        return ordered[bisect.bisect_left(ordered, low) : bisect.bisect_left(ordered, high)]

    def possible(self, text: str) -> frozenset[int]:
        """The patterns that may match ``text`` (remembered for the last text, as ``found``)."""
        last_text, last_possible = self._last_possible
        if last_text == text:
            return last_possible
        possible = set(self._always)
        needing = self._needing
        for literal in self.found(text):
            possible.update(needing.get(literal, ()))
        result = frozenset(possible)
        self._last_possible = (text, result)
        return result
