"""``--format text``: ``path:line:col: RULE-ID severity message``, the excerpt with the span
underlined, the fix, and a summary line. Colour only on a terminal; nothing when clean."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from rich.console import Console
from rich.text import Text

from hipaalint.models import Finding, Report
from hipaalint.reporters import RenderOptions, shown
from hipaalint.reporters.json import SummaryCounter, shown_message

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _excerpt(report: Report, finding: Finding, options: RenderOptions) -> Text:
    """The post line holding the finding, the span underlined (masked when asked)."""
    text = report.post.text
    line_start = text.rfind("\n", 0, finding.start) + 1
    line_end = text.find("\n", finding.start)
    line_end = len(text) if line_end == -1 else line_end
    end = min(finding.end, line_end)
    before, span, after = text[line_start : finding.start], text[finding.start : end], text[end:line_end]
    excerpt = Text("    ")
    excerpt.append(before)
    excerpt.append(shown(span, options), style="bold underline")
    excerpt.append(after)
    if end > finding.start:
        excerpt.append("\n    " + " " * len(before) + "^" * len(span), style=SEVERITY_STYLE[str(finding.severity)])
    return excerpt


def render(reports: Iterable[Report], out: TextIO, options: RenderOptions) -> None:
    console = Console(
        file=out, force_terminal=options.color, no_color=not options.color, highlight=False,
        soft_wrap=True, emoji=False, markup=False,
    )
    summary = SummaryCounter()
    for report in reports:
        summary.add(report)
        for f in report.findings:
            head = Text(f"{report.post.source}:{f.line}:{f.column}: ", style="bold")
            head.append(f.rule_id, style="bold magenta")
            head.append(" ")
            head.append(str(f.severity), style=SEVERITY_STYLE[str(f.severity)])
            head.append(" " + shown_message(f, options))
            console.print(head)
            console.print(_excerpt(report, f, options))
            console.print(Text(f"    fix: {f.fix}", style="dim"))
        if report.findings and report.redacted is not None and report.redacted != report.post.text:
            console.print(Text("  Suggested rewrite:", style="bold green"))
            console.print(Text("    " + report.redacted.replace("\n", "\n    ")))
    if summary.findings:
        severities = ", ".join(f"{n} {sev}" for sev, n in sorted(summary.by_severity.items()))
        console.print(
            Text(
                f"Found {summary.findings} problem{'s' if summary.findings != 1 else ''} ({severities}) "
                f"in {summary.posts_with_findings} of {summary.posts} post{'s' if summary.posts != 1 else ''}.",
                style="bold",
            )
        )
