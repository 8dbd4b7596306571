"""``--format csv``: one row per finding, written as each post arrives.

Values are written as they are (no spreadsheet-formula escaping), so the file stays a faithful
machine-readable record; the ``csv`` module quotes commas, quotes and newlines.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from hipaalint.models import Report
from hipaalint.reporters import RenderOptions, shown
from hipaalint.reporters.json import shown_message

HEADER = ("source", "id", "rule", "severity", "entity", "start", "end", "line", "column", "text", "message")


def render(reports: Iterable[Report], out: TextIO, options: RenderOptions) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for report in reports:
        post = report.post
        for f in report.findings:
            writer.writerow(
                (
                    post.source,
                    post.id,
                    f.rule_id,
                    str(f.severity),
                    f.entity or "",
                    f.start,
                    f.end,
                    f.line,
                    f.column,
                    shown(f.text, options),
                    shown_message(f, options),
                )
            )
