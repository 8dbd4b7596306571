"""The organisation's allowlist: terms and patterns that are never PHI for it (its main
phone number, its address, staff names, campaign hashtags), for all entities or one."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from hipaalint.config import Allowlist
from hipaalint.models import Finding

_PHONE_LIKE = {"PHONE", "FAX"}


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


@dataclass(frozen=True)
class CompiledAllowlist:
    terms: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]
    by_entity: dict[str, frozenset[str]]

    @classmethod
    def build(cls, allowlist: Allowlist) -> CompiledAllowlist:
        return cls(
            terms=frozenset(_norm(t) for t in allowlist.terms),
            patterns=tuple(re.compile(p, re.IGNORECASE) for p in allowlist.patterns),
            by_entity={e: frozenset(_norm(t) for t in terms) for e, terms in allowlist.by_entity},
        )

    def allows(self, finding: Finding) -> bool:
        """True when the finding's matched text is allowlisted (phone numbers compare by digits)."""
        if not finding.text:
            return False
        text = _norm(finding.text)
        terms = self.terms | self.by_entity.get(finding.entity or "", frozenset())
        if text in terms:
            return True
        if finding.entity in _PHONE_LIKE:
            digits = _digits(text)
            if len(digits) >= 7 and any(_digits(t).endswith(digits) or digits.endswith(_digits(t)) for t in terms if len(_digits(t)) >= 7):
                return True
        return any(p.fullmatch(finding.text) for p in self.patterns)

    def filter(self, findings: Sequence[Finding]) -> tuple[Finding, ...]:
        if not (self.terms or self.patterns or self.by_entity):
            return tuple(findings)
        return tuple(f for f in findings if not self.allows(f))
