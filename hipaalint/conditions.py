"""The primitives a rule's ``match`` is built from, compiled once and evaluated per post.

Every condition evaluates to ``None`` (no match) or a tuple of ``Hit`` spans (a match;
possibly empty, as for ``not``). Signals produce spans; combinations join them.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

import regex

from hipaalint.models import Detection, Finding
from hipaalint.prefilter import Literal, Prefilter

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    entity: str | None = None
    score: float = 1.0


Hits = tuple[Hit, ...]


# Where a new sentence starts in a post: after . ! ? (not after a title or "no."), at a blank
# line, or at a line break followed by a capital, a bullet or a hashtag (a hard-wrapped
# line that goes on in lower case is the same sentence).
_SENTENCE_BREAK = regex.compile(
    r"(?<!\b(?:dr|mr|mrs|ms|mx|st|no|vs|etc|e\.g|i\.e|approx|dept|jr|sr))[.!?…]+[\"'’”)\]]*\s+"
    r"|\n[ \t]*\n\s*|\n[ \t]*(?=(?-i:[\p{Lu}\d#*•-]))",
    regex.IGNORECASE,
)


class PatientContextScorer(Protocol):
    def score(self, text: str) -> float | None: ...


class PatientWordsScorer(Protocol):
    def scored_words(self, text: str, post_score: float) -> list[tuple[int, int, float]]: ...


class FindingScorer(Protocol):
    def probability(self, text: str, finding: Finding, detections: Sequence[Detection], post_score: float) -> float: ...


@dataclass
class PostContext:
    """What conditions look at: the text, the spaCy doc and the detections of one post, the
    model that scores how much it reads like it is about a patient (none: no score, and the
    ``patient_context_*`` conditions never match) and the one that scores its name-like
    words and numbers (none, or no post score: ``patient_word_at_least`` and
    ``patient_number_at_least`` never match)."""

    text: str
    doc: Doc
    detections: Sequence[Detection]
    scorer: PatientContextScorer | None = None
    word_scorer: PatientWordsScorer | None = None
    cache: dict[Condition, Hits | None] = field(default_factory=dict)

    @cached_property
    def patient_context(self) -> float | None:
        """The post's patient-context score, 0-1, computed on first use."""
        return None if self.scorer is None else self.scorer.score(self.text)

    @cached_property
    def patient_words(self) -> list[tuple[int, int, float]] | None:
        """The post's name-like words and numbers as (start, end, probability), computed on first use."""
        score = self.patient_context
        if self.word_scorer is None or score is None:
            return None
        return self.word_scorer.scored_words(self.text, score)

    @cached_property
    def _token_starts(self) -> list[int]:
        return self.doc.to_array("IDX").tolist()  # (no Token objects built)

    @cached_property
    def word_starts(self) -> dict[str, list[int]]:
        return _word_starts(self.text)

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(self.word_starts)

    @cached_property
    def entities(self) -> frozenset[str]:
        return frozenset(d.entity for d in self.detections)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [0, *(m.end() for m in _SENTENCE_BREAK.finditer(self.text))]

    def token_range(self, hit: Hit) -> tuple[int, int]:
        """Index of the first and last token a hit touches."""
        first = max(bisect.bisect_right(self._token_starts, hit.start) - 1, 0)
        last = max(bisect.bisect_left(self._token_starts, hit.end) - 1, first)
        return first, last

    def sentence_of(self, offset: int) -> int:
        return bisect.bisect_right(self._sentence_starts, offset)


@dataclass(frozen=True)
class Clause:
    """Things one of which a post must have for a condition to match: a word (or stem)
    of the post, a detected entity type, or a literal that a pattern prefilter finds."""

    words: frozenset[str] = frozenset()
    entities: frozenset[str] = frozenset()
    literals: tuple[tuple[Prefilter, frozenset[Literal]], ...] = ()

    def met(self, ctx: PostContext) -> bool:
        if not self.words.isdisjoint(ctx.words) or not self.entities.isdisjoint(ctx.entities):
            return True
        for prefilter, literals in self.literals:  # a loop, not any(): this runs ~80 times a post
            if not literals.isdisjoint(prefilter.found(ctx.text)):
                return True
        return False

    def size(self) -> int:
        return len(self.words) + len(self.entities) + sum(len(literals) for _, literals in self.literals)

    @staticmethod
    def union(clauses: Iterable[Clause]) -> Clause:
        by_prefilter: dict[Prefilter, frozenset[Literal]] = {}
        words: frozenset[str] = frozenset()
        entities: frozenset[str] = frozenset()
        for clause in clauses:
            words, entities = words | clause.words, entities | clause.entities
            for prefilter, literals in clause.literals:
                by_prefilter[prefilter] = by_prefilter.get(prefilter, frozenset()) | literals
        return Clause(words, entities, tuple(by_prefilter.items()))


# What a condition needs of a post, as clauses that must all be met (none: it may match
# any post). Checked before a condition runs, so a post without any of the words,
# entities or literals a whole subtree needs skips that subtree.
Clauses = tuple[Clause, ...]


def _any_of(parts: Iterable[Condition]) -> Clauses:
    """What at least one of ``parts`` matching needs: one clause of each, joined."""
    chosen = []
    for part in parts:
        if not part.clauses:
            return ()
        chosen.append(min(part.clauses, key=Clause.size))
    return (Clause.union(chosen),)


_UNSET = object()


class Condition:
    def evaluate(self, ctx: PostContext) -> Hits | None:
        """The condition's result on the post, computed once per post (conditions are
        shared between rules); ``None`` without running it when a clause is not met."""
        result = ctx.cache.get(self, _UNSET)
        if result is _UNSET:
            result = None
            for clause in self.gate:
                if not clause.met(ctx):
                    break
            else:
                result = self._evaluate(ctx)
            ctx.cache[self] = result
        return result

    def _evaluate(self, ctx: PostContext) -> Hits | None:
        raise NotImplementedError

    def children(self) -> tuple[Condition, ...]:
        return ()

    @cached_property
    def clauses(self) -> Clauses:
        """What a post needs for this condition to match (computed once, on first use:
        after the pack's prefilter is in place)."""
        return ()

    @cached_property
    def gate(self) -> Clauses:
        """The clauses checked before the condition runs: a combination's, so a post
        skips a whole subtree it cannot match. (A signal screens itself as cheaply.)"""
        return self.clauses if self.children() else ()


def walk(roots: Iterable[Condition]) -> list[Condition]:
    """Every condition of these trees, each once (shared ones too), parents first."""
    seen: dict[Condition, None] = {}
    stack = list(reversed(list(roots)))
    while stack:
        cond = stack.pop()
        if cond not in seen:
            seen[cond] = None
            stack.extend(reversed(cond.children()))
    return list(seen)


def _or_none(hits: list[Hit]) -> Hits | None:
    return tuple(sorted(set(hits), key=lambda h: (h.start, h.end))) or None


@dataclass(eq=False)
class EntitiesCondition(Condition):
    entities: frozenset[str]
    min_score: float

    @cached_property
    def clauses(self) -> Clauses:
        return (Clause(entities=self.entities),)

    def _evaluate(self, ctx: PostContext) -> Hits | None:
        return _or_none(
            [
                Hit(d.start, d.end, d.entity, d.score)
                for d in ctx.detections
                if d.entity in self.entities and d.score >= self.min_score
            ]
        )


# A pattern gets this long per post before it counts as runaway backtracking.
PATTERN_TIMEOUT_SECONDS = 1.0


@dataclass(eq=False)
class RegexCondition(Condition):
    """``pattern``: one regular expression. The hit is the match, or its ``value`` group
    when it has one (``\\K`` also works)."""

    pattern: regex.Pattern[str]
    guarded: bool = True  # user packs: stop a runaway pattern (the shipped ones are tested)
    prefilter: Prefilter | None = None  # shared by a pack's patterns, see share_prefilter
    prefilter_index: int = 0

    @cached_property
    def clauses(self) -> Clauses:
        required = self.prefilter.requirements[self.prefilter_index] if self.prefilter is not None else None
        return () if required is None else (Clause(literals=((self.prefilter, required),)),)

    def evaluate(self, ctx: PostContext) -> Hits | None:
        if self.prefilter is not None and self.prefilter_index not in self.prefilter.possible(ctx.text):
            return None  # none of the words the pattern needs is in the post (most patterns, most posts)
        return super().evaluate(ctx)

    def _evaluate(self, ctx: PostContext) -> Hits | None:
        group = "value" if "value" in self.pattern.groupindex else 0
        timeout = PATTERN_TIMEOUT_SECONDS if self.guarded else None
        return _or_none(
            [
                Hit(*m.span(group))
                for m in self.pattern.finditer(ctx.text, timeout=timeout)
                if m.end(group) > m.start(group)
            ]
        )


def share_prefilter(conditions: Sequence[Condition]) -> None:
    """Screen the patterns of ``conditions`` (a pack's) with one prefilter: one pass over
    each post tells which of them may match."""
    patterns = [cond for cond in conditions if isinstance(cond, RegexCondition)]
    prefilter = Prefilter([cond.pattern for cond in patterns])
    for index, cond in enumerate(patterns):
        cond.prefilter, cond.prefilter_index = prefilter, index


# Regular inflections a term also matches: "diagnose" -> diagnosed, diagnoses; "visit" -> visits.
_INFLECTION = r"(?:s|es|ed|d|ing|'s|’s)?"
_WORD_SUFFIXES = ("s", "es", "ed", "d", "ing")  # the inflections that extend a word itself
_WORD_RUN = regex.compile(r"\w+")


def terms_regex(terms: Sequence[str]) -> regex.Pattern[str]:
    """Whole-word, case-insensitive alternation of phrases; inner spaces match any whitespace."""
    alternatives = []
    for term in sorted(set(terms), key=len, reverse=True):
        words = [regex.escape(w) for w in term.split()]
        alternatives.append(r"\s+".join(words) + _INFLECTION)
    return regex.compile(r"(?<![\w@])(?:" + "|".join(alternatives) + r")(?!\w)", regex.IGNORECASE)


def _word_starts(text: str) -> dict[str, list[int]]:
    """Where each word of a post starts, by the word and by its stem without a regular
    inflection ("visits" also files under "visit")."""
    starts: dict[str, list[int]] = {}
    for m in _WORD_RUN.finditer(text):
        word, start = m.group().casefold(), m.start()
        starts.setdefault(word, []).append(start)
        if word[-1] in "sdg":  # the last letters of the suffixes: most words have none
            for suffix in _WORD_SUFFIXES:
                if len(word) > len(suffix) and word.endswith(suffix):
                    starts.setdefault(word[: -len(suffix)], []).append(start)
    return starts


@dataclass(eq=False)
class TermsCondition(Condition):
    """``terms``: the same matches as ``finditer`` of :func:`terms_regex`, found faster.

    A term match starts where a word starts, and that word (or its stem, for a one-word
    term with an inflection) is the term's first word. So a regex only runs at the
    starts of the post's words that are first words of some term (usually none), and
    only with the terms that start with that word.
    """

    terms: tuple[str, ...]
    guarded: bool = True

    @cached_property
    def pattern(self) -> regex.Pattern[str]:
        return terms_regex(self.terms)  # compiled on first use: most posts need few term lists

    def __post_init__(self) -> None:
        first_words = [_WORD_RUN.match(term) for term in self.terms]
        self._by_first_word: dict[str, list[str]] = {}
        if None not in first_words:
            for term, m in zip(self.terms, first_words):
                self._by_first_word.setdefault(m.group().casefold(), []).append(term)
        # a term that starts with a sign ("#tag") has no first word: scan the whole post
        self.first_words = frozenset(self._by_first_word) if None not in first_words else None
        self._patterns_by_words: dict[frozenset[str], regex.Pattern[str]] = {}

    def _pattern_starting_with(self, words: frozenset[str]) -> regex.Pattern[str]:
        """:func:`terms_regex` of the terms whose first word is one of ``words``."""
        pattern = self._patterns_by_words.get(words)
        if pattern is None:
            pattern = terms_regex([term for word in words for term in self._by_first_word[word]])
            self._patterns_by_words[words] = pattern
        return pattern

    @cached_property
    def clauses(self) -> Clauses:
        return () if self.first_words is None else (Clause(words=self.first_words),)

    def _evaluate(self, ctx: PostContext) -> Hits | None:
        timeout = PATTERN_TIMEOUT_SECONDS if self.guarded else None
        if self.first_words is None:
            return _or_none([Hit(*m.span()) for m in self.pattern.finditer(ctx.text, timeout=timeout)])
        words_at: dict[int, set[str]] = {}  # a word start -> the first words filed there
        for word in self.first_words & ctx.word_starts.keys():
            for pos in ctx.word_starts[word]:
                words_at.setdefault(pos, set()).add(word)
        hits: list[Hit] = []
        for pos in sorted(words_at):
            if hits and pos < hits[-1].end:
                continue  # inside the previous match, as finditer would skip it
            m = self._pattern_starting_with(frozenset(words_at[pos])).match(ctx.text, pos, timeout=timeout)
            if m:
                hits.append(Hit(*m.span()))
        return _or_none(hits)


@dataclass(eq=False)
class AllCondition(Condition):
    parts: tuple[Condition, ...]

    def children(self) -> tuple[Condition, ...]:
        return self.parts

    @cached_property
    def clauses(self) -> Clauses:
        return tuple(dict.fromkeys(clause for part in self.parts for clause in part.clauses))

    def _evaluate(self, ctx: PostContext) -> Hits | None:
        hits: list[Hit] = []
        for part in self.parts:
            result = part.evaluate(ctx)
            if result is None:
                return None
            hits.extend(result)
        return tuple(sorted(set(hits), key=lambda h: (h.start, h.end)))


@dataclass(eq=False)
class AnyCondition(Condition):
    parts: tuple[Condition, ...]

    def children(self) -> tuple[Condition, ...]:
        return self.parts

    @cached_property
    def clauses(self) -> Clauses:
        return _any_of(self.parts)

    def _evaluate(self, ctx: PostContext) -> Hits | None:
        results = [r for r in (p.evaluate(ctx) for p in self.parts) if r is not None]
        if not results:
            return None
        return tuple(sorted({h for r in results for h in r}, key=lambda h: (h.start, h.end)))


@dataclass(eq=False)
class NotCondition(Condition):
    part: Condition

    def children(self) -> tuple[Condition, ...]:
        return (self.part,)

    def _evaluate(self, ctx: PostContext) -> Hits | None:
        return () if self.part.evaluate(ctx) is None else None


@dataclass(eq=False)
class AtLeastCondition(Condition):
    minimum: int
    parts: tuple[Condition, ...]

    def children(self) -> tuple[Condition, ...]:
        return self.parts

    @cached_property
    def clauses(self) -> Clauses:
        return _any_of(self.parts) if self.minimum >= 1 else ()

    def _evaluate(self, ctx: PostContext) -> Hits | None:
        results = [r for r in (p.evaluate(ctx) for p in self.parts) if r is not None]
        if len(results) < self.minimum:
            return None
        return tuple(sorted({h for r in results for h in r}, key=lambda h: (h.start, h.end)))


@dataclass(eq=False)
class _KeepsSubjectSpans(Condition):
    """The spans of ``subject`` that an ``anchor`` keeps (or, ``negated``, that none keeps)."""

    subject: Condition
    anchor: Condition

    def children(self) -> tuple[Condition, ...]:
        return (self.subject, self.anchor)

    @cached_property
    def clauses(self) -> Clauses:
        # a kept subject span needs an anchor span, unless the condition is negated
        needs = self.subject.clauses
        return needs if self.negated else tuple(dict.fromkeys(needs + self.anchor.clauses))


@dataclass(eq=False)
class NearCondition(_KeepsSubjectSpans):
    """Spans of ``subject`` that have (or, negated, lack) a span of ``anchor`` nearby:
    at most ``within`` tokens between them, or in the same sentence."""

    within: int | str
    negated: bool = False

    def _is_near(self, ctx: PostContext, a: Hit, b: Hit) -> bool:
        if self.within == "sentence":
            return ctx.sentence_of(a.start) == ctx.sentence_of(b.start)
        a_first, a_last = ctx.token_range(a)
        b_first, b_last = ctx.token_range(b)
        gap = max(b_first - a_last, a_first - b_last) - 1
        return gap <= int(self.within)

    def _evaluate(self, ctx: PostContext) -> Hits | None:
        subjects = self.subject.evaluate(ctx)
        if subjects is None:
            return None
        anchors = self.anchor.evaluate(ctx) or ()
        kept = [s for s in subjects if any(self._is_near(ctx, s, a) for a in anchors) != self.negated]
        return _or_none(kept)


_NAME_WORD = regex.compile(r"[^\W\d_]{2,}")


@dataclass(eq=False)
class SharesWordCondition(_KeepsSubjectSpans):
    """Spans of ``subject`` that share a word (or, negated, no word) with a span of
    ``anchor`` anywhere in the post, case-insensitively: "Dr. [Jenna Soto] ... thank
    you, [Jenna]" - the second span shares "jenna" with the first. Words are runs of 2+
    letters."""

    negated: bool = False

    def _evaluate(self, ctx: PostContext) -> Hits | None:
        subjects = self.subject.evaluate(ctx)
        if subjects is None:
            return None
        anchor_words = {
            w.casefold() for a in self.anchor.evaluate(ctx) or () for w in _NAME_WORD.findall(ctx.text, a.start, a.end)
        }
        kept = [
            s
            for s in subjects
            if any(w.casefold() in anchor_words for w in _NAME_WORD.findall(ctx.text, s.start, s.end)) != self.negated
        ]
        return _or_none(kept)


@dataclass(eq=False)
class PatientContext(Condition):
    """Matches, with no span, a post whose patient-context score is below ``threshold``
    (or, with ``at_least``, at least ``threshold``); never a post without a score."""

    threshold: float
    at_least: bool = False

    def _evaluate(self, ctx: PostContext) -> Hits | None:
        score = ctx.patient_context
        return None if score is None or (score >= self.threshold) != self.at_least else ()


@dataclass(eq=False)
class MostlyAnotherLanguage(Condition):
    """Matches, with no span, a post written mostly in a language other than English
    (``languages.mostly_another_language``)."""

    def _evaluate(self, ctx: PostContext) -> Hits | None:
        from hipaalint.detect import languages  # (spaCy's stop-word lists: not imported for --help)

        return () if languages.mostly_another_language(ctx.text) else None


_DIGIT = regex.compile(r"\d")
# What may stand between two words of one name: "Lily-Mae Foster", "Okafor-Bell", "O'Neil".
_NAME_GAP = regex.compile(r"[\s'’-]*")


@dataclass(eq=False)
class PatientWords(Condition):
    """The post's words that the patient-words model scores at least ``threshold`` as part
    of a patient's name, as ``PERSON`` hits; neighbouring ones ("June Pruitt") make one hit.
    The model is for words no detector found: a word inside a detection ("@tomas_r88", a
    street, a name the rules chose not to report, such as a historical figure's) is left
    to the rules of that detection."""

    threshold: float
    numbers = False  # which candidates: the words without a digit (or, in PatientNumbers, with one)

    def _scored(self, ctx: PostContext) -> Iterator[tuple[int, int, float]]:
        """The model's candidates of this condition's kind at or above the threshold that lie
        in no detection."""
        for start, end, p in ctx.patient_words or ():
            if (
                p >= self.threshold
                and (_DIGIT.search(ctx.text, start, end) is not None) == self.numbers
                and not any(d.start <= start and end <= d.end for d in ctx.detections)
            ):
                yield start, end, p

    def _evaluate(self, ctx: PostContext) -> Hits | None:
        hits: list[Hit] = []
        for start, end, p in self._scored(ctx):
            if hits and _NAME_GAP.fullmatch(ctx.text, hits[-1].end, start):
                hits[-1] = Hit(hits[-1].start, end, "PERSON", max(hits[-1].score, p))
            else:
                hits.append(Hit(start, end, "PERSON", p))
        return _or_none(hits)


@dataclass(eq=False)
class PatientNumbers(PatientWords):
    """The post's numbers that the patient-words model scores at least ``threshold`` as
    PHI ("bed 7", "born 24.12", "bib 4471"), as ``OTHER_ID`` hits, each on its own."""

    numbers = True

    def _evaluate(self, ctx: PostContext) -> Hits | None:
        return _or_none([Hit(start, end, "OTHER_ID", p) for start, end, p in self._scored(ctx)])
