"""``check --fix`` and ``--diff``: apply a post's rewrite to its file atomically, or show it."""

from __future__ import annotations

import difflib
import stat
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from hipaalint.atomic import atomic_writer
from hipaalint.errors import InputError
from hipaalint.models import Post, Report
from hipaalint.sources.decoding import read_document

if TYPE_CHECKING:
    from hipaalint.linter import Linter


def unified_diff(source: str, old: str, new: str) -> str:
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{source}", f"b/{source}"
        )
    )


def write_fix(path: str, linted_text: str, new_text: str) -> None:
    """Replace the file with ``new_text``, unless it changed on disk since it was linted:
    then leave it alone and say so. Atomic: temp file, fsync, rename, permissions kept."""
    if read_document(path, path) != linted_text:
        raise InputError(f"{path}: changed on disk while hipaalint was running; not fixed")
    mode = Path(path).stat().st_mode
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise InputError(f"{path}: read-only file; not fixed")
    with atomic_writer(Path(path)) as handle:
        handle.write(new_text)


def apply_rewrites(reports: Sequence[Report], linter: Linter, *, fmt: str, mask: bool, output: Path | None, diff_only: bool) -> int:
    """``--diff``: print each change, exit 1 if any. ``--fix``: write each change (files
    atomically; stdin and ``--text`` to stdout), re-lint the rewritten posts and report
    what is left to fix by hand (contextual findings); exit 1 if any of it reaches
    ``--fail-on``."""
    from hipaalint.output import write_report

    fixed_posts: list[Post] = []
    changed = 0
    for report in reports:
        post = report.post
        new_text = linter.rewrite(post.text, report.findings).text
        if new_text != post.text:
            changed += 1
            if diff_only:
                sys.stdout.write(unified_diff(post.source, post.text, new_text))
            elif not _is_stream(post):
                write_fix(post.source, post.text, new_text)
        if not diff_only and _is_stream(post):
            sys.stdout.write(new_text)
        fixed_posts.append(replace(post, text=new_text))
    if diff_only:
        return 1 if changed else 0
    if changed and not any(_is_stream(r.post) for r in reports):
        print(f"hipaalint: fixed {changed} file{'s' if changed != 1 else ''}", file=sys.stderr)
    remaining = [replace(r, redacted=None) for r in linter.lint_posts(fixed_posts) if r.findings]
    if remaining:
        if output is not None or not any(_is_stream(r.post) for r in remaining):
            write_report(remaining, fmt, linter.rules, mask=mask, output=output)
        else:  # stdout carries the rewrite; what is left to fix by hand goes to stderr
            for r in remaining:
                for f in r.findings:
                    print(f"{r.post.source}:{f.line}:{f.column}: {f.rule_id} {f.severity} not fixed: {f.fix}", file=sys.stderr)
    fail_on = linter.config.fail_on
    return 1 if any(f.severity.rank >= fail_on.rank for r in remaining for f in r.findings) else 0


def _is_stream(post: Post) -> bool:
    return post.source in ("<stdin>", "<text>")
