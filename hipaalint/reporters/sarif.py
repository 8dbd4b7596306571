"""``--format sarif``: a SARIF 2.1.0 log (GitHub code scanning, IDE viewers).

The log is streamed: each result is written as its post arrives, and the rule descriptors
(only the rules that occurred, in order of first appearance, so ``ruleIndex`` is known at
once) are written after the results. JSON key order carries no meaning, so ``results``
comes before ``tool`` in the run object.

Regions are computed from the post text: ``startLine``/``endLine`` are lines of the post's
source (the post starts at ``Post.line``), columns count Unicode code points
(``columnKind: unicodeCodePoints``) and ``endColumn`` is the column just after the match.
``charOffset``/``charLength`` are offsets into the post text; they equal offsets into the
artifact only when the post is the whole file (a text or markdown draft). The region
carries no snippet: the matched text is PHI. ``partialFingerprints`` holds a sha256 of rule
id + normalised match + source, never the match itself.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import PureWindowsPath
from typing import Any, TextIO
from urllib.parse import quote

from hipaalint.baseline import fingerprint
from hipaalint.models import Finding, Post, Report, Severity, line_and_column
from hipaalint.reporters import RenderOptions, RuleInfo
from hipaalint.reporters.json import shown_message

SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_VERSION = "2.1.0"
INFORMATION_URI = "https://github.com/hipaalint/hipaalint"
FINGERPRINT_KEY = "hipaalint/v1"

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_SENTINEL = "\x00results\x00"


def sarif_level(severity: Severity | str) -> str:
    """hipaalint severity -> SARIF level (error / warning / note)."""
    return _LEVELS.get(str(severity).lower(), "warning")


def artifact_uri(source: str) -> str:
    """A post's source as a SARIF ``uri``: relative paths stay relative, with '/' separators."""
    if source.startswith(("file:", "http:", "https:")):
        return source
    if os.path.isabs(source) or PureWindowsPath(source).is_absolute():
        posix = source.replace("\\", "/")
        if not posix.startswith("/"):  # C:/drafts/post.txt
            posix = "/" + posix
        return "file://" + quote(posix, safe="/:")
    return quote(source.replace("\\", "/"), safe="/-._~!$&'()*+,;=@")


def region(post: Post, finding: Finding) -> dict[str, int]:
    """The SARIF region of a finding, computed from the post text (end exclusive)."""
    size = len(post.text)
    start = min(max(finding.start, 0), size)
    end = min(max(finding.end, start), size)
    start_line, start_column = line_and_column(post, start)
    end_line, end_column = line_and_column(post, end)
    return {
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": start,
        "charLength": end - start,
    }


def sarif_result(report: Report, finding: Finding, rule_index: int, options: RenderOptions) -> dict[str, Any]:
    post = report.post
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "level": sarif_level(finding.severity),
        "message": {"text": shown_message(finding, options)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(post.source)},
                    "region": region(post, finding),
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding.rule_id, finding.text, post.source)},
        "properties": {"postId": post.id},
    }
    if finding.entity:
        result["properties"]["entity"] = finding.entity
    return result


def rule_descriptor(rule_id: str, info: RuleInfo | None, seen_severity: str) -> dict[str, Any]:
    """A reportingDescriptor; falls back to the id and the first finding's severity."""
    if info is None:
        return {
            "id": rule_id,
            "name": rule_id,
            "shortDescription": {"text": rule_id},
            "defaultConfiguration": {"level": sarif_level(seen_severity)},
        }
    descriptor: dict[str, Any] = {
        "id": rule_id,
        "name": info.name or rule_id,
        "shortDescription": {"text": info.name or rule_id},
        "fullDescription": {"text": info.rationale or info.name or rule_id},
    }
    if info.hint:
        descriptor["help"] = {"text": info.hint}
    descriptor["defaultConfiguration"] = {"level": sarif_level(info.severity or seen_severity)}
    properties: dict[str, Any] = {"tags": ["privacy", "phi"]}
    if info.pack:
        properties["pack"] = info.pack
    descriptor["properties"] = properties
    return descriptor


def _log(run_tail: dict[str, Any]) -> dict[str, Any]:
    return {
        "$schema": SARIF_SCHEMA_URI,
        "version": SARIF_VERSION,
        "runs": [{"results": _SENTINEL, **run_tail}],
    }


def _indented(value: Any, spaces: int) -> str:
    pad = " " * spaces
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return "\n".join(pad + line for line in text.splitlines())


def render(reports: Iterable[Report], out: TextIO, options: RenderOptions) -> None:
    marker = json.dumps(_SENTINEL)
    # "results" is the first key of the run, so everything before it is known now.
    head = json.dumps(_log({}), indent=2, ensure_ascii=False).split(marker)[0]
    out.write(head)
    out.write("[")

    rule_order: dict[str, int] = {}
    first_severity: dict[str, str] = {}
    count = 0
    for report in reports:
        for finding in report.findings:
            index = rule_order.setdefault(finding.rule_id, len(rule_order))
            first_severity.setdefault(finding.rule_id, str(finding.severity))
            out.write("\n" if count == 0 else ",\n")
            out.write(_indented(sarif_result(report, finding, index, options), 8))
            count += 1
    out.write("\n      ]" if count else "]")

    rules = [rule_descriptor(rid, options.rules.get(rid), first_severity[rid]) for rid in rule_order]
    tail = {
        "tool": {
            "driver": {
                "name": "hipaalint",
                "version": options.version,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
    }
    rest = json.dumps(_log(tail), indent=2, ensure_ascii=False).split(marker)[1]
    out.write(rest)
    out.write("\n")
