"""``exclude`` globs from the config: which files to leave alone."""

from __future__ import annotations

from collections.abc import Sequence
from fnmatch import fnmatch
from pathlib import PurePath


def is_excluded(path: str, patterns: Sequence[str]) -> bool:
    """True when a glob matches the path as given or its trailing components
    (``archive/*`` matches ``posts/archive/old.md``; ``*.bak`` matches anywhere)."""
    if not patterns or path == "-":
        return False
    pure = PurePath(path)
    return any(fnmatch(path, p) or pure.match(p) for p in patterns)
