"""What every reader shares: the options, the Skipped record, and record -> Post."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hipaalint.models import Post

FORMATS = ("text", "csv", "tsv", "json", "jsonl", "twitter", "facebook")
TEXT_FIELDS = ("text", "message", "post", "content", "full_text", "body", "caption")
ID_FIELDS = ("id", "id_str")
MISSING: Any = object()


@dataclass(frozen=True)
class Skipped:
    """A record with a missing or non-string text field: counted and reported, not fatal."""

    source: str
    id: str
    line: int
    reason: str


@dataclass(frozen=True)
class SourceOptions:
    """How to read an input. ``text_field``/``id_field``: a CSV column, or a dotted JSON path."""

    input_format: str | None = None
    text_field: str | None = None
    id_field: str | None = None
    exclude: tuple[str, ...] = ()  # globs of files to leave out when walking a directory


def lookup(record: Any, path: str) -> Any:
    """``record`` at a dotted path like ``data.0.post`` (list indices allowed), or MISSING."""
    if isinstance(record, dict) and path in record:
        return record[path]
    value = record
    for part in path.split("."):
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list):
            try:
                value = value[int(part)]
            except (ValueError, IndexError):
                return MISSING
        else:
            return MISSING
    return value


def find_field(names: Any, candidates: tuple[str, ...]) -> str | None:
    """The first of ``names`` (in their own order) that is a candidate, case-insensitively."""
    wanted = {c.lower() for c in candidates}
    return next((n for n in names if isinstance(n, str) and n.strip().lower() in wanted), None)


def json_kind(value: Any) -> str:
    """What a JSON value is, in JSON's words, for a skip reason."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def id_string(value: Any) -> str | None:
    """A usable record id as a string, or None for empty, null or structured values."""
    if isinstance(value, bool) or value is MISSING or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value
    return None


def text_skip_reason(field: str, value: Any) -> str | None:
    """Why ``value`` found at ``field`` cannot be scanned, or None when it is a string."""
    if value is MISSING:
        return f"no text field '{field}'"
    if not isinstance(value, str):
        return f"text field '{field}' is {json_kind(value)}, not a string"
    return None


def record_to_post(
    record: Any, *, source: str, line: int, fallback_id: str, options: SourceOptions
) -> Post | Skipped:
    """One parsed JSON record as a Post, or Skipped with the reason."""
    if options.id_field:
        post_id = id_string(lookup(record, options.id_field))
    else:
        found = find_field(record, ID_FIELDS) if isinstance(record, dict) else None
        post_id = id_string(record[found]) if found else None
    post_id = post_id or fallback_id

    if options.text_field:
        reason = text_skip_reason(options.text_field, value := lookup(record, options.text_field))
    elif isinstance(record, str):  # a bare string is the post itself
        value, reason = record, None
    elif not isinstance(record, dict):
        value, reason = None, f"record is {json_kind(record)}, not an object"
    elif field := find_field(record, TEXT_FIELDS):
        reason = text_skip_reason(field, value := record[field])
    else:
        value, reason = None, f"no text field (looked for {', '.join(TEXT_FIELDS)})"

    if reason:
        return Skipped(source=source, id=post_id, line=line, reason=reason)
    return Post(id=post_id, text=value, source=source, line=line)
