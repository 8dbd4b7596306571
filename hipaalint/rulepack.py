"""Load and validate YAML rule packs, compile their conditions once, and turn one post's
detections into Findings.

Python holds the mechanism; the packs in ``rules/`` hold the policy. A pack that fails
validation is refused with ``file:line: what is wrong``.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from hipaalint import conditions as c
from hipaalint import rule_schema as s
from hipaalint.config import Config, load_yaml_with_nodes
from hipaalint.errors import RulePackError
from hipaalint.models import Detection, Finding, Post, Severity, line_and_column


@dataclass(frozen=True)
class Rule:
    spec: s.RuleSpec
    pack: str
    path: str
    line: int
    condition: c.Condition
    relax_when: c.Condition | None
    severity: Severity
    relax_doubtful_when: c.Condition | None = None

    @property
    def id(self) -> str:
        return self.spec.id


@dataclass(frozen=True)
class RulePack:
    name: str
    version: str
    description: str
    path: str
    rules: tuple[Rule, ...]


# --- loading -------------------------------------------------------------------------


def builtin_pack_paths() -> list[Path]:
    """The packs shipped inside the package (``rules/*.yaml`` in the source tree)."""
    folder = resources.files("hipaalint.rules")
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith((".yaml", ".yml")))


def _line_of(node: yaml.Node, loc: Sequence[Any]) -> int:
    """Follow a pydantic error location through the YAML node tree to a 1-based line."""
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == key), None)
            if child is None and key == "not_":
                child = next((v for k, v in node.value if k.value == "not"), None)
            if child is not None:
                node = child
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
    return node.start_mark.line + 1


def _check_duplicate_keys(node: yaml.Node, path: str) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key, value in node.value:
            if key.value in seen:
                raise RulePackError(f"{path}:{key.start_mark.line + 1}: duplicate key {key.value!r}")
            seen.add(key.value)
            _check_duplicate_keys(value, path)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_duplicate_keys(item, path)


def _describe(loc: Sequence[Any], data: Any) -> str:
    """``rule PHI-X: match.near.to`` rather than pydantic's raw location tuple."""
    prefix, rest = "", list(loc)
    if len(rest) >= 2 and rest[0] == "rules" and isinstance(rest[1], int):
        try:
            prefix = f"rule {data['rules'][rest[1]]['id']}: "
        except (KeyError, IndexError, TypeError):
            prefix = f"rules[{rest[1]}]: "
        rest = rest[2:]
    parts: list[str] = []
    for key in rest:
        if key in s._EXPR_KEYS and parts and parts[-1] == key:  # discriminator tag repeats the key
            continue
        parts.append(f"[{key}]" if isinstance(key, int) else str(key).rstrip("_"))
    return prefix + ".".join(parts).replace(".[", "[")


def parse_pack(text: str, path: str, trusted: bool = False) -> tuple[s.PackSpec, dict[str, int]]:
    """Validate a pack's text; return it with the line each rule starts on. ``trusted``
    (the shipped packs) skips the runaway-pattern probe, which the test suite runs."""
    try:
        root, data = load_yaml_with_nodes(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise RulePackError(f"{path}:{line}: invalid YAML: {problem}") from None
    if root is None or not isinstance(data, dict):
        raise RulePackError(f"{path}:1: a rule pack is a mapping with name, version, description and rules")
    _check_duplicate_keys(root, path)
    try:
        spec = s.PackSpec.model_validate(data, context={"probe_backtracking": not trusted})
    except ValidationError as exc:
        err = exc.errors()[0]
        line = _line_of(root, err["loc"])
        where = _describe(err["loc"], data)
        message = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            message = "unknown key"
        raise RulePackError(f"{path}:{line}: {where}: {message}") from None
    ids = [r.id for r in spec.rules]
    for i, rule_id in enumerate(ids):
        if rule_id in ids[:i]:
            line = _line_of(root, ("rules", i, "id"))
            raise RulePackError(f"{path}:{line}: duplicate rule id {rule_id}")
    return spec, {r.id: _line_of(root, ("rules", i)) for i, r in enumerate(spec.rules)}


class ConditionCache(dict):
    """Compiled conditions of one pack by expression; ``guarded`` = runtime pattern timeouts."""

    def __init__(self, guarded: bool = True) -> None:
        super().__init__()
        self.guarded = guarded


def compile_condition(expr: Any, cache: ConditionCache | None = None) -> c.Condition:
    """One Condition per distinct expression: a term list shared through a YAML anchor
    compiles, and per post evaluates, once."""
    cache = ConditionCache() if cache is None else cache
    key = expr.model_dump_json(by_alias=True)
    if key not in cache:
        cache[key] = _compile(expr, cache)
    return cache[key]


def _compile(expr: Any, cache: ConditionCache) -> c.Condition:
    if isinstance(expr, s.EntitiesExpr):
        return c.EntitiesCondition(frozenset(expr.entities), expr.min_score)
    if isinstance(expr, s.PatternExpr):
        return c.RegexCondition(s.compile_pattern(expr.pattern), cache.guarded)
    if isinstance(expr, s.TermsExpr):
        return c.TermsCondition(tuple(expr.terms), cache.guarded)
    if isinstance(expr, s.AllExpr):
        return c.AllCondition(tuple(compile_condition(e, cache) for e in expr.all))
    if isinstance(expr, s.AnyExpr):
        return c.AnyCondition(tuple(compile_condition(e, cache) for e in expr.any))
    if isinstance(expr, s.NotExpr):
        return c.NotCondition(compile_condition(expr.not_, cache))
    if isinstance(expr, s.AtLeastExpr):
        return c.AtLeastCondition(expr.at_least, tuple(compile_condition(e, cache) for e in expr.of))
    if isinstance(expr, s.NearExpr):
        return c.NearCondition(compile_condition(expr.near, cache), compile_condition(expr.to, cache), expr.within)
    if isinstance(expr, s.NotNearExpr):
        return c.NearCondition(
            compile_condition(expr.not_near, cache), compile_condition(expr.to, cache), expr.within, negated=True
        )
    if isinstance(expr, s.SharesWordExpr):
        return c.SharesWordCondition(compile_condition(expr.shares_word, cache), compile_condition(expr.with_, cache))
    if isinstance(expr, s.SharesNoWordExpr):
        return c.SharesWordCondition(
            compile_condition(expr.shares_no_word, cache), compile_condition(expr.with_, cache), negated=True
        )
    if isinstance(expr, s.PatientContextBelowExpr):
        return c.PatientContext(expr.patient_context_below)
    if isinstance(expr, s.PatientContextAtLeastExpr):
        return c.PatientContext(expr.patient_context_at_least, at_least=True)
    if isinstance(expr, s.PatientWordAtLeastExpr):
        return c.PatientWords(expr.patient_word_at_least)
    if isinstance(expr, s.PatientNumberAtLeastExpr):
        return c.PatientNumbers(expr.patient_number_at_least)
    if isinstance(expr, s.MostlyAnotherLanguageExpr):
        return c.MostlyAnotherLanguage()
    raise TypeError(f"not a condition: {expr!r}")  # the schema makes this unreachable


def load_pack(path: str | Path, trusted: bool = False) -> RulePack:
    path_str = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RulePackError(f"{path_str}: no such rule pack") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RulePackError(f"{path_str}: cannot read rule pack: {exc}") from None
    spec, lines = parse_pack(text, path_str, trusted)
    cache = ConditionCache(guarded=not trusted)
    rules = tuple(
        Rule(
            spec=r,
            pack=spec.name,
            path=path_str,
            line=lines[r.id],
            condition=compile_condition(r.match, cache),
            relax_when=compile_condition(r.relax.when, cache) if r.relax else None,
            severity=r.severity,
            relax_doubtful_when=(
                compile_condition(r.relax_doubtful.when, cache) if r.relax_doubtful and r.relax_doubtful.when else None
            ),
        )
        for r in spec.rules
    )
    c.share_prefilter(list(cache.values()))
    return RulePack(spec.name, str(spec.version), spec.description, path_str, rules)


def load_rules(extra_packs: Iterable[str | Path] = (), builtin: bool = True) -> list[Rule]:
    """All rules of the built-in packs and the extra ones; a rule id may appear once."""
    packs = [*((p, True) for p in (builtin_pack_paths() if builtin else [])), *((p, False) for p in extra_packs)]
    rules: dict[str, Rule] = {}
    for path, trusted in packs:
        for rule in load_pack(path, trusted).rules:
            if rule.id in rules:
                raise RulePackError(
                    f"{rule.path}:{rule.line}: rule id {rule.id} is already defined in {rules[rule.id].path}"
                )
            rules[rule.id] = rule
    return list(rules.values())


# --- selection -----------------------------------------------------------------------


def _matches(rule_id: str, selectors: Iterable[str]) -> bool:
    """ruff style: a selector is a rule id, a prefix (``PHI``, ``SOC-``) or a glob, or ALL."""
    for sel in selectors:
        if sel == "ALL" or rule_id == sel or fnmatch.fnmatchcase(rule_id, sel):
            return True
        if rule_id.startswith(sel.rstrip("-") + "-"):
            return True
    return False


def select_rules(
    rules: Sequence[Rule],
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity: Mapping[str, Severity] | None = None,
) -> list[Rule]:
    """Apply ``select`` (default: all), then ``ignore``, then per-rule severity overrides.
    A selector that names no rule is an error: a typo must not silently disable nothing."""
    for sel in [*select, *ignore, *(severity or {})]:
        if not any(_matches(r.id, [sel]) for r in rules):
            raise RulePackError(f"unknown rule or prefix {sel!r} (see 'hipaalint rules list')")
    chosen = [r for r in rules if (not select or _matches(r.id, select)) and not _matches(r.id, ignore)]
    overrides = severity or {}
    return [
        replace(r, severity=next((sev for sel, sev in overrides.items() if _matches(r.id, [sel])), r.severity))
        for r in chosen
    ]


def configured_rules(config: Config) -> list[Rule]:
    """The built-in packs plus the configured ones, selected and re-ranked as configured.
    ``extend-select`` adds to ``select``; with no ``select`` every rule is already on."""
    select = [*config.select, *config.extend_select] if config.select else []
    return select_rules(load_rules(config.rules), select, config.ignore, dict(config.severity))


# --- evaluation ----------------------------------------------------------------------


class _Fields(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def evaluate(
    rules: Sequence[Rule],
    post: Post,
    doc: Any,
    detections: Sequence[Detection],
    scorer: c.PatientContextScorer | None = None,
    word_scorer: c.PatientWordsScorer | None = None,
    finding_scorer: c.FindingScorer | None = None,
) -> tuple[Finding, ...]:
    """Run every rule over one analysed post; findings in text order. ``scorer`` scores the
    post for the ``patient_context_*`` conditions and ``word_scorer`` its words for
    ``patient_word_at_least`` (none: they never match); ``finding_scorer`` scores the findings
    of rules with ``relax_doubtful`` (none, or no post score: none is lowered).
    Fallback rules run next, and only on a post no other rule reported at warning or
    above; rewrite-only rules last, and only on a post whose rewrite replaces something
    anyway: an identifier (a finding with an entity) reported at warning or above. Their
    findings inside such an identifier are dropped. (So a rewritten post, which has none
    left, gets none: rewriting it again changes nothing.)"""
    ctx = c.PostContext(post.text, doc, detections, scorer, word_scorer)
    findings = [
        f for rule in rules if not (rule.spec.fallback or rule.spec.rewrite_only) for f in _rule_findings(rule, post, ctx)
    ]
    if finding_scorer is not None:
        findings = _relaxed_doubtful(rules, findings, ctx, finding_scorer)
    if not any(f.flags for f in findings):
        findings += [f for rule in rules if rule.spec.fallback for f in _rule_findings(rule, post, ctx)]
    if replaced := [f for f in findings if f.flags and f.replaceable]:
        findings += [
            f
            for rule in rules
            if rule.spec.rewrite_only
            for f in _rule_findings(rule, post, ctx)
            if not any(g.start <= f.start and f.end <= g.end for g in replaced)
        ]
    findings.sort(key=lambda f: (f.start, f.end, -f.severity.rank, f.rule_id))
    return tuple(findings)


def _relaxed_doubtful(
    rules: Sequence[Rule], findings: list[Finding], ctx: c.PostContext, finding_scorer: c.FindingScorer
) -> list[Finding]:
    """A post whose only warning and error findings are of rules with ``relax_doubtful``
    (whose ``when`` matches, if they have one), each scored below its rule's number by the
    finding-scores model, gets them at the lower severity, with the note; any other post
    keeps its findings as they are."""
    relaxing = {r.id: r for r in rules if r.spec.relax_doubtful is not None}
    flagging = [f for f in findings if f.flags]
    if not flagging or any(f.rule_id not in relaxing for f in flagging):
        return findings
    rules_flagging = [relaxing[rule_id] for rule_id in dict.fromkeys(f.rule_id for f in flagging)]
    if any(r.relax_doubtful_when is not None and r.relax_doubtful_when.evaluate(ctx) is None for r in rules_flagging):
        return findings
    post_score = ctx.patient_context  # (only now: on most posts it is never needed)
    if post_score is None:
        return findings
    relax = {r.id: r.spec.relax_doubtful for r in rules_flagging}
    scores = [finding_scorer.probability(ctx.text, f, ctx.detections, post_score) for f in flagging]
    if any(score >= relax[f.rule_id].below for f, score in zip(flagging, scores)):
        return findings
    lowered = {id(f) for f in flagging}
    return [
        replace(f, severity=relax[f.rule_id].severity, message=f"{f.message} ({relax[f.rule_id].note})") if id(f) in lowered else f
        for f in findings
    ]


def _rule_findings(rule: Rule, post: Post, ctx: c.PostContext) -> list[Finding]:
    """One rule's findings on one post (none if it does not match)."""
    try:
        hits = rule.condition.evaluate(ctx)
        # (relax only where the rule matched: some relax conditions cost a model score)
        relaxed = hits is not None and rule.relax_when is not None and rule.relax_when.evaluate(ctx) is not None
    except TimeoutError:
        raise RulePackError(
            f"{rule.path}:{rule.line}: rule {rule.id}: a pattern ran for over "
            f"{c.PATTERN_TIMEOUT_SECONDS:g} s on post {post.id}; simplify it (it backtracks)"
        ) from None
    if hits is None:
        return []
    hits = _one_per_span(hits)
    relax = rule.spec.relax if relaxed else None
    severity = relax.severity if relax else rule.severity
    if rule.spec.scope == "post" or not hits:
        hits = hits[:1] or (c.Hit(0, 0),)
    return [_finding(rule, severity, post, hit, relax.note if relax else None) for hit in hits]


def _one_per_span(hits: c.Hits) -> c.Hits:
    """One hit per span: two branches of a rule that find the same span make one finding,
    from the hit that names an entity if one does, else the highest-scored."""
    best: dict[tuple[int, int], c.Hit] = {}
    for hit in hits:
        kept = best.get((hit.start, hit.end), hit)
        if (kept.entity is not None, kept.score) <= (hit.entity is not None, hit.score):
            best[hit.start, hit.end] = hit
    return tuple(best.values())


def _finding(rule: Rule, severity: Severity, post: Post, hit: c.Hit, note: str | None = None) -> Finding:
    text = post.text[hit.start : hit.end]
    line, column = line_and_column(post, hit.start)
    message = rule.spec.message.format_map(_Fields(text=text, entity=hit.entity or ""))
    if note:
        message = f"{message} ({note})"
    return Finding(
        rule_id=rule.id,
        severity=severity,
        post_id=post.id,
        start=hit.start,
        end=hit.end,
        line=line,
        column=column,
        text=text,
        message=message,
        fix=rule.spec.fix.hint,
        entity=hit.entity,
        score=hit.score,
    )
