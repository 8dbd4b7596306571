"""Facebook "your posts" exports: ``[{"timestamp": ..., "data": [{"post": "..."}], ...}]``.

Text is the ``post`` inside ``data``; id is the timestamp (else the array index). Entries
with no post (a photo, a check-in, a shared link) are Skipped. Facebook writes UTF-8 bytes
as ``\\u00XX`` escapes ("cafÃ©"); those are repaired. The older ``{"status_updates": [...]}``
wrapper (an object holding one list) is accepted.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hipaalint.models import Post
from hipaalint.sources.decoding import read_document
from hipaalint.sources.json import iter_elements
from hipaalint.sources.records import (
    Skipped,
    SourceOptions,
    id_string,
    json_kind,
    lookup,
    record_to_post,
)


def repair_mojibake(text: str) -> str:
    """Undo Facebook's UTF-8-as-Latin-1 escaping; text that is not mojibake is unchanged."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return text


def _entries(text: str, source: str) -> Iterator[tuple[int, int, Any]]:
    elements = iter_elements(text, source)
    first = next(elements, None)
    if first is None:
        return
    _, line, value = first
    if isinstance(value, dict):
        lists = [v for v in value.values() if isinstance(v, list)]
        if len(value) == 1 and len(lists) == 1:  # {"status_updates_v2": [...]}: one list
            yield from ((i, line, entry) for i, entry in enumerate(lists[0]))
            return
    yield first
    yield from elements


def _post_text(entry: Any) -> tuple[Any, str | None]:
    """The entry's post text and None, or (None, why there is none)."""
    data = entry.get("data") if isinstance(entry, dict) else None
    items = data if isinstance(data, list) else []
    posts = [item["post"] for item in items if isinstance(item, dict) and "post" in item]
    if not posts:
        return None, "no post text (a photo, check-in or shared link only)"
    if not isinstance(posts[0], str):
        return None, f"text field 'data.post' is {json_kind(posts[0])}, not a string"
    return posts[0], None


def read_facebook(path: str, source: str, options: SourceOptions) -> Iterator[Post | Skipped]:
    """A Post per entry with a post text, a Skipped for every other entry."""
    for index, line, entry in _entries(read_document(path, source), source):
        if options.text_field:
            item = record_to_post(entry, source=source, line=line, fallback_id=str(index), options=options)
            yield Post(item.id, repair_mojibake(item.text), source, line) if isinstance(item, Post) else item
            continue
        post_id = id_string(lookup(entry, options.id_field or "timestamp")) or str(index)
        text, reason = _post_text(entry)
        if reason:
            yield Skipped(source=source, id=post_id, line=line, reason=reason)
        else:
            yield Post(id=post_id, text=repair_mojibake(text), source=source, line=line)
