"""The small immutable types that flow through hipaalint.

Offsets are character offsets into ``Post.text``, end exclusive, everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]

    def __str__(self) -> str:  # "error", not "Severity.ERROR"
        return self.value


@dataclass(frozen=True)
class Post:
    """One draft post: a file, a CSV row, a tweet. ``line`` is where it starts in its source."""

    id: str
    text: str
    source: str
    line: int = 1


@dataclass(frozen=True)
class Detection:
    """A detector's match: an entity type at a span, with no rule metadata."""

    entity: str
    start: int
    end: int
    score: float
    recognizer: str


@dataclass(frozen=True)
class Finding:
    """A rule violation in one post, ready for a reporter."""

    rule_id: str
    severity: Severity
    post_id: str
    start: int
    end: int
    line: int
    column: int
    text: str
    message: str
    fix: str
    entity: str | None = None
    score: float = 1.0

    @property
    def flags(self) -> bool:
        """A warning or an error: it flags the post, and the rewrite acts on it."""
        return self.severity.rank >= Severity.WARNING.rank

    @property
    def replaceable(self) -> bool:
        """It names an entity over a span of text: a rewrite can replace it."""
        return self.entity is not None and self.end > self.start


@dataclass(frozen=True)
class Report:
    """Everything hipaalint says about one post."""

    post: Post
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    redacted: str | None = None


def line_and_column(post: Post, offset: int) -> tuple[int, int]:
    """1-based line (in the post's source) and column of a character offset in ``post.text``."""
    before = post.text[:offset]
    line_in_post = before.count("\n")
    column = offset - (before.rfind("\n") + 1) + 1
    return post.line + line_in_post, column
