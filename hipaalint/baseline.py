"""Baselines (detect-secrets style): remember today's findings by fingerprint so that only
new ones are reported. A fingerprint is a hash of rule id + normalised matched text +
source; it never contains the PHI itself, and it does not depend on line numbers, so
editing elsewhere in a file keeps the baseline valid."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from hipaalint import __version__
from hipaalint.atomic import atomic_writer
from hipaalint.errors import InputError
from hipaalint.models import Finding, Report

BASELINE_VERSION = 1


def normalise_match(text: str) -> str:
    """The matched text as fingerprints see it: NFKC, case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def fingerprint(rule_id: str, text: str, source: str) -> str:
    """sha256 hex of rule id + normalised match + source."""
    material = "\x1f".join((rule_id, normalise_match(text), source))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def finding_fingerprint(finding: Finding, source: str) -> str:
    return fingerprint(finding.rule_id, finding.text, source)


def report_fingerprints(report: Report) -> set[str]:
    return {finding_fingerprint(f, report.post.source) for f in report.findings}


def write_baseline(fingerprints: Iterable[str], path: Path) -> int:
    """Write the fingerprints (sorted, deduplicated); return how many."""
    prints = sorted(set(fingerprints))
    with atomic_writer(path) as handle:
        json.dump({"tool": "hipaalint", "version": __version__, "baseline_version": BASELINE_VERSION,
                   "fingerprints": prints}, handle, indent=2)
        handle.write("\n")
    return len(prints)


def load_baseline(path: Path) -> frozenset[str]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such baseline file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}: invalid baseline JSON: {exc.msg}") from None
    prints = data.get("fingerprints") if isinstance(data, dict) else None
    if not isinstance(prints, list) or not all(isinstance(p, str) for p in prints):
        raise InputError(f"{path}:1: not a hipaalint baseline (no 'fingerprints' list)")
    return frozenset(prints)


def without_baselined(reports: Iterable[Report], known: frozenset[str]) -> Iterator[Report]:
    """Reports with the findings already in the baseline removed."""
    for report in reports:
        kept = tuple(f for f in report.findings if finding_fingerprint(f, report.post.source) not in known)
        yield report if len(kept) == len(report.findings) else replace(report, findings=kept)
