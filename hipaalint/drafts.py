"""A draft for ``hipaalint check``: one file (or stdin, or ``--text``) is one post."""

from __future__ import annotations

from hipaalint.errors import InputError
from hipaalint.models import Post
from hipaalint.sources.decoding import STDIN, read_document


def read_draft(path: str) -> Post:
    source = "<stdin>" if path == STDIN else path
    text = read_document(path, source)
    if "\x00" in text:
        raise InputError(f"{source}: binary file, not a text draft")
    if not text.strip():
        raise InputError(f"{source}: empty draft, nothing to check")
    return Post(id=source, text=text, source=source)


def text_draft(text: str) -> Post:
    if not text.strip():
        raise InputError("--text: empty draft, nothing to check")
    return Post(id="<text>", text=text, source="<text>")
