"""JSON Lines (one JSON record per line), streamed; ``Post.line`` is the line number."""

from __future__ import annotations

import json
from collections.abc import Iterator

from hipaalint.errors import InputError
from hipaalint.models import Post
from hipaalint.sources.decoding import read_lines
from hipaalint.sources.records import Skipped, SourceOptions, record_to_post


def read_jsonl(path: str, source: str, options: SourceOptions) -> Iterator[Post | Skipped]:
    """A Post (or Skipped) per non-blank line; a line that is not JSON is an InputError."""
    for number, line in enumerate(read_lines(path, source), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(
                f"{source}:{number}: invalid JSON: {error.msg} (column {error.colno})"
            ) from None
        yield record_to_post(record, source=source, line=number, fallback_id=str(number), options=options)
