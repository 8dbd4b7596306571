"""JSON documents: an array of records (or one record). Parsed whole, yielded element by
element with the line where each element starts."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from hipaalint.errors import InputError
from hipaalint.models import Post
from hipaalint.sources.decoding import read_document
from hipaalint.sources.records import Skipped, SourceOptions, record_to_post

_WHITESPACE = re.compile(r"[ \t\n\r]*")


def _invalid(source: str, text: str, pos: int, message: str) -> InputError:
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return InputError(f"{source}:{line}: invalid JSON: {message} (column {column})")


def iter_elements(text: str, source: str, start: int = 0) -> Iterator[tuple[int, int, Any]]:
    """(index, line, value) for each element of the array at ``text[start:]``; a document
    that is not an array is one element. Syntax errors are InputErrors at their line."""
    decoder = json.JSONDecoder()

    def skip(pos: int) -> int:
        return _WHITESPACE.match(text, pos).end()

    def decode(pos: int) -> tuple[Any, int]:
        try:
            return decoder.raw_decode(text, pos)
        except json.JSONDecodeError as error:
            raise _invalid(source, text, error.pos, error.msg) from None
        except RecursionError:
            raise _invalid(source, text, pos, "nested too deeply") from None

    pos = skip(start)
    if not text.startswith("[", pos):
        value, end = decode(pos)
        yield 0, text.count("\n", 0, pos) + 1, value
    else:
        pos, index, line, counted = skip(pos + 1), 0, 1, 0
        end = pos + 1  # for an empty array
        while not (index == 0 and text.startswith("]", pos)):
            value, end = decode(pos)
            line, counted = line + text.count("\n", counted, pos), pos
            yield index, line, value
            index, pos = index + 1, skip(end)
            if text.startswith("]", pos):
                end = pos + 1
                break
            if not text.startswith(",", pos):
                raise _invalid(source, text, pos, "Expecting ',' delimiter")
            pos = skip(pos + 1)
    end = skip(end)
    if end < len(text):
        raise _invalid(source, text, end, "Extra data")


def read_json(path: str, source: str, options: SourceOptions) -> Iterator[Post | Skipped]:
    """A Post (or Skipped) per array element; ids default to the 0-based array index."""
    text = read_document(path, source)
    for index, line, record in iter_elements(text, source):
        yield record_to_post(record, source=source, line=line, fallback_id=str(index), options=options)
