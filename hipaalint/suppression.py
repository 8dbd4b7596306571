"""Inline suppression comments, in any comment syntax (``<!-- -->``, ``#``, ``//``):

    hipaalint: ignore                      this line, every rule
    hipaalint: ignore[PHI-NAME,SOC-STIGMA] this line, these rules (ids or prefixes)
    hipaalint: disable-next-line[...]      the next line
    hipaalint: disable-file                the whole post

With ``strict`` (``--strict-suppress``), a directive must name its rules; a bare one
suppresses nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from hipaalint.models import Finding

_DIRECTIVE = re.compile(
    r"hipaalint:\s*(?P<kind>ignore|disable-next-line|disable-file)\b(?:\[(?P<rules>[^\]]*)\])?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Suppressions:
    by_line: dict[int, tuple[str, ...] | None]  # 0-based line in the post -> rules (None = all)
    whole_post: tuple[str, ...] | None | bool  # False = not disabled

    def suppresses(self, finding: Finding, line_index: int) -> bool:
        if self.whole_post is not False and _covers(self.whole_post, finding.rule_id):
            return True
        return line_index in self.by_line and _covers(self.by_line[line_index], finding.rule_id)


def _covers(rules: tuple[str, ...] | None, rule_id: str) -> bool:
    return rules is None or any(rule_id == r or rule_id.startswith(r.rstrip("-") + "-") for r in rules)


def parse_suppressions(text: str, strict: bool = False) -> Suppressions:
    by_line: dict[int, tuple[str, ...] | None] = {}
    whole: tuple[str, ...] | None | bool = False
    for index, line in enumerate(text.splitlines()):
        for m in _DIRECTIVE.finditer(line):
            rules = tuple(r.strip().upper() for r in (m.group("rules") or "").split(",") if r.strip()) or None
            if rules is None and strict:
                continue
            kind = m.group("kind").lower()
            target = {"ignore": index, "disable-next-line": index + 1}.get(kind)
            if target is None:
                whole = rules
            else:
                existing = by_line.get(target, ())
                by_line[target] = None if rules is None or existing is None else (*existing, *rules)
    return Suppressions(by_line, whole)


def unsuppressed(text: str, findings: Sequence[Finding], strict: bool = False) -> tuple[Finding, ...]:
    """The findings that no inline directive in ``text`` suppresses."""
    if "hipaalint:" not in text.lower():
        return tuple(findings)
    sup = parse_suppressions(text, strict)
    return tuple(f for f in findings if not sup.suppresses(f, text.count("\n", 0, f.start)))
