"""Pick a reporter and send the reports to stdout or, atomically, to ``--output``."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from hipaalint import __version__
from hipaalint.atomic import atomic_writer
from hipaalint.models import Report
from hipaalint.reporters import RenderOptions, RuleInfo, get_reporter
from hipaalint.rulepack import Rule


def render_options(rules: Sequence[Rule], *, mask: bool, color: bool) -> RenderOptions:
    infos = {
        r.id: RuleInfo(r.id, r.spec.name, str(r.severity), r.pack, r.spec.rationale, r.spec.fix.hint)
        for r in rules
    }
    return RenderOptions(version=__version__, rules=infos, mask=mask, color=color)


def write_report(
    reports: Iterable[Report], fmt: str, rules: Sequence[Rule], *, mask: bool, output: Path | None
) -> None:
    render = get_reporter(fmt)
    if output is None:
        color = fmt == "text" and sys.stdout.isatty()
        render(reports, sys.stdout, render_options(rules, mask=mask, color=color))
        return
    with atomic_writer(output) as handle:
        render(reports, handle, render_options(rules, mask=mask, color=False))
