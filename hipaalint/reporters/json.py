"""``--format json``: the whole result document (the schema every other format extends)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any, TextIO

from hipaalint.models import Finding, Report
from hipaalint.reporters import RenderOptions, shown


def finding_dict(finding: Finding, options: RenderOptions) -> dict[str, Any]:
    return {
        "rule": finding.rule_id,
        "severity": str(finding.severity),
        "entity": finding.entity,
        "start": finding.start,
        "end": finding.end,
        "line": finding.line,
        "column": finding.column,
        "text": shown(finding.text, options),
        "message": shown_message(finding, options),
        "score": round(finding.score, 4),
    }


def shown_message(finding: Finding, options: RenderOptions) -> str:
    """The message, with the matched text masked inside it when reports are masked."""
    if options.mask and finding.text:
        return finding.message.replace(finding.text, shown(finding.text, options))
    return finding.message


def result_dict(report: Report, options: RenderOptions) -> dict[str, Any]:
    """One post's result object: ``{source, id, findings, redacted}``."""
    return {
        "source": report.post.source,
        "id": report.post.id,
        "findings": [finding_dict(f, options) for f in report.findings],
        "redacted": report.redacted,
    }


class SummaryCounter:
    """Running totals over reports, for the ``summary`` object and the scan summary table."""

    def __init__(self) -> None:
        self.posts = 0
        self.posts_with_findings = 0
        self.by_rule: Counter[str] = Counter()
        self.by_severity: Counter[str] = Counter()

    def add(self, report: Report) -> None:
        self.posts += 1
        if report.findings:
            self.posts_with_findings += 1
        for f in report.findings:
            self.by_rule[f.rule_id] += 1
            self.by_severity[str(f.severity)] += 1

    @property
    def findings(self) -> int:
        return sum(self.by_rule.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "posts": self.posts,
            "posts_with_findings": self.posts_with_findings,
            "findings": self.findings,
            "by_rule": dict(sorted(self.by_rule.items())),
        }


def document(reports: Iterable[Report], options: RenderOptions) -> dict[str, Any]:
    summary = SummaryCounter()
    results = []
    for report in reports:
        summary.add(report)
        results.append(result_dict(report, options))
    return {
        "tool": "hipaalint",
        "version": options.version,
        "results": results,
        "summary": summary.as_dict(),
    }


def render(reports: Iterable[Report], out: TextIO, options: RenderOptions) -> None:
    json.dump(document(reports, options), out, indent=2, ensure_ascii=False)
    out.write("\n")
