"""The YAML rule language, as pydantic models: what a pack may say, checked strictly.

Unknown keys are errors. A condition is a mapping with exactly one of the keys
``entities``, ``pattern``, ``terms``, ``all``, ``any``, ``not``, ``at_least``, ``near``,
``not_near``; its other keys belong to that primitive.
"""

from __future__ import annotations

import functools
import string
from typing import Annotated, Any, Literal, Union

import regex
from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, ValidationInfo, field_validator, model_validator

from hipaalint.entities import KNOWN_ENTITIES
from hipaalint.models import Severity

RULE_ID = r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$"
MESSAGE_FIELDS = {"text", "entity"}
# Inputs that make a backtracking-prone pattern run away; a sane pattern handles them instantly.
_BACKTRACKING_PROBES = ("a" * 4000 + "!", "1" * 4000 + "x", " " * 4000 + "x", "a1 " * 1500 + "!")
# Catastrophic backtracking takes minutes on the probes; a merely quadratic pattern (a
# "\s*" tried from every one of 4000 spaces) about 0.1 s, and over 0.3 s on a busy machine.
_PROBE_TIMEOUT_SECONDS = 1.0


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class EntitiesExpr(Strict):
    entities: list[str] = Field(min_length=1)
    min_score: float = Field(0.0, ge=0.0, le=1.0)

    @field_validator("entities")
    @classmethod
    def _known(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - KNOWN_ENTITIES)
        if unknown:
            raise ValueError(f"unknown entity {', '.join(unknown)} (known: {', '.join(sorted(KNOWN_ENTITIES))})")
        return value


class PatternExpr(Strict):
    pattern: str = Field(min_length=1)

    @field_validator("pattern")
    @classmethod
    def _compiles_and_terminates(cls, value: str, info: ValidationInfo) -> str:
        compile_pattern(value)
        if (info.context or {}).get("probe_backtracking", True):
            check_backtracking(value)
        return value


class TermsExpr(Strict):
    terms: list[Annotated[str, Field(min_length=1)]] = Field(min_length=1)


class PatientContextBelowExpr(Strict):
    patient_context_below: float = Field(gt=0.0, le=1.0)


class PatientContextAtLeastExpr(Strict):
    patient_context_at_least: float = Field(ge=0.0, le=1.0)


class PatientWordAtLeastExpr(Strict):
    patient_word_at_least: float = Field(gt=0.0, le=1.0)


class PatientNumberAtLeastExpr(Strict):
    patient_number_at_least: float = Field(gt=0.0, le=1.0)


class MostlyAnotherLanguageExpr(Strict):
    mostly_another_language: Literal[True]


class AllExpr(Strict):
    all: list[Expr] = Field(min_length=1)


class AnyExpr(Strict):
    any: list[Expr] = Field(min_length=1)


class NotExpr(Strict):
    not_: Expr = Field(alias="not")


class AtLeastExpr(Strict):
    at_least: int = Field(ge=1)
    of: list[Expr] = Field(min_length=1)


Within = Union[Annotated[int, Field(ge=0, le=200)], Literal["sentence"]]


class NearExpr(Strict):
    near: Expr
    to: Expr
    within: Within = 8


class NotNearExpr(Strict):
    not_near: Expr
    to: Expr
    within: Within = 8


class SharesWordExpr(Strict):
    shares_word: Expr
    with_: Expr = Field(alias="with")


class SharesNoWordExpr(Strict):
    shares_no_word: Expr
    with_: Expr = Field(alias="with")


# Each condition's model and the key that names it (its discriminator tag), in the order
# the "needs exactly one of" error lists them.
_KIND_OF_MODEL: dict[type[BaseModel], str] = {
    EntitiesExpr: "entities", PatternExpr: "pattern", TermsExpr: "terms", AllExpr: "all", AnyExpr: "any",
    NotExpr: "not", AtLeastExpr: "at_least", NearExpr: "near", NotNearExpr: "not_near",
    SharesWordExpr: "shares_word", SharesNoWordExpr: "shares_no_word",
    PatientContextBelowExpr: "patient_context_below", PatientContextAtLeastExpr: "patient_context_at_least",
    PatientWordAtLeastExpr: "patient_word_at_least", PatientNumberAtLeastExpr: "patient_number_at_least",
    MostlyAnotherLanguageExpr: "mostly_another_language",
}
_EXPR_KEYS = tuple(_KIND_OF_MODEL.values())


def _expr_kind(value: Any) -> str | None:
    if isinstance(value, BaseModel):  # serialising: the class says it (dumping it would walk the whole subtree)
        return _KIND_OF_MODEL.get(type(value))
    if not isinstance(value, dict):
        return None
    present = [k for k in _EXPR_KEYS if k in value]
    return present[0] if len(present) == 1 else None


Expr = Annotated[
    Union[tuple(Annotated[model, Tag(kind)] for model, kind in _KIND_OF_MODEL.items())],  # type: ignore[misc]
    Discriminator(
        _expr_kind,
        custom_error_type="condition",
        custom_error_message="a condition needs exactly one of: " + ", ".join(_EXPR_KEYS),
    ),
]


class Fix(Strict):
    hint: str = Field(min_length=1)
    sentence: str | None = None  # a whole replacement for contextual rules


class Relax(Strict):
    """Lower the severity when a condition holds (e.g. a statement of written consent);
    ``note`` is added to the lowered findings' messages to say why."""

    when: Expr
    severity: Severity
    note: str | None = Field(None, min_length=1)


class RelaxDoubtful(Strict):
    """On a post reported only by rules with this key, each finding scored ``below`` its
    rule's number by the finding-scores model (and where each rule's ``when``, if given,
    matches), lower them to ``severity`` and add ``note`` to their messages."""

    below: float = Field(gt=0, le=1)
    severity: Severity
    note: str = Field(min_length=1)
    when: Expr | None = None


class Examples(Strict):
    bad: list[str] = Field(min_length=3)
    good: list[str] = Field(min_length=3)


class RuleSpec(Strict):
    id: Annotated[str, Field(pattern=RULE_ID)]
    name: str = Field(min_length=1)
    severity: Severity
    message: str = Field(min_length=1)
    rationale: str = Field(min_length=1)
    match: Expr
    scope: Literal["span", "post"] = "span"
    fallback: bool = False
    rewrite_only: bool = False
    relax_doubtful: RelaxDoubtful | None = None
    fix: Fix
    relax: Relax | None = None
    examples: Examples

    @model_validator(mode="after")
    def _rewrite_only_is_an_info_span_rule(self) -> RuleSpec:
        if self.rewrite_only and (self.severity != Severity.INFO or self.scope != "span" or self.fallback):
            raise ValueError("a rewrite_only rule has severity info and scope span, and is no fallback")
        return self

    @field_validator("message")
    @classmethod
    def _known_fields(cls, value: str) -> str:
        try:
            fields = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
        except ValueError as exc:
            raise ValueError(f"bad message template: {exc}") from None
        unknown = fields - MESSAGE_FIELDS
        if unknown:
            raise ValueError(f"unknown field {{{sorted(unknown)[0]}}} in message (use {{text}} or {{entity}})")
        return value


class PackSpec(Strict):
    name: str = Field(min_length=1)
    version: Union[int, str]
    description: str = Field(min_length=1)
    rules: list[RuleSpec] = Field(min_length=1)


for _model in (AllExpr, AnyExpr, NotExpr, AtLeastExpr, NearExpr, NotNearExpr, Relax, RelaxDoubtful, RuleSpec, PackSpec):
    _model.model_rebuild()


@functools.lru_cache(maxsize=None)
def compile_pattern(source: str) -> regex.Pattern[str]:
    """Compile a rule pattern (case-insensitive, ``regex`` syntax), once per process."""
    try:
        return regex.compile(source, regex.IGNORECASE | regex.MULTILINE)
    except regex.error as exc:
        raise ValueError(f"invalid regular expression: {exc}") from None


def check_backtracking(source: str) -> None:
    """Refuse a pattern that backtracks catastrophically on simple long inputs. Run on
    user packs; the shipped packs pass it in the test suite and skip it at start-up."""
    if _backtracks(source):
        raise ValueError("regular expression backtracks catastrophically (nested repetition?)")


@functools.lru_cache(maxsize=None)
def _backtracks(source: str) -> bool:
    """Whether the pattern times out on a probe; probed once per process (packs share patterns)."""
    compiled = compile_pattern(source)
    for probe in _BACKTRACKING_PROBES:
        try:
            for _ in compiled.finditer(probe, timeout=_PROBE_TIMEOUT_SECONDS):
                pass
        except TimeoutError:
            return True
    return False
