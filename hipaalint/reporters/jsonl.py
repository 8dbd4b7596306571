"""``--format jsonl``: one compact JSON object per post, written as each post arrives."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from hipaalint.models import Report
from hipaalint.reporters import RenderOptions
from hipaalint.reporters.json import result_dict


def render(reports: Iterable[Report], out: TextIO, options: RenderOptions) -> None:
    for report in reports:
        out.write(json.dumps(result_dict(report, options), ensure_ascii=False, separators=(",", ":")))
        out.write("\n")
