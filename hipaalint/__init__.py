"""hipaalint: a linter that stops protected health information from leaking into social posts.

    >>> from hipaalint import lint
    >>> report = lint("Hi Maria, sorry your root canal on March 3 hurt")
    >>> [f.rule_id for f in report.findings]

``lint`` builds the spaCy/Presidio engine on every call; to lint many texts, build a
``Linter`` once and call ``lint_posts``/``lint_text`` on it, or use ``scan``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from hipaalint.config import Config
    from hipaalint.models import Post, Report

__all__ = ["__version__", "lint", "scan"]


def lint(text: str, config: Config | None = None) -> Report:
    """Lint one draft post."""
    from hipaalint.linter import Linter

    return Linter(config).lint_text(text)


def scan(posts: Iterable[Post], config: Config | None = None) -> Iterator[Report]:
    """Lint many posts with one engine, in batches; reports come in input order."""
    from hipaalint.linter import Linter

    yield from Linter(config).lint_posts(posts)
