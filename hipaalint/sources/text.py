"""A draft file (.txt, .md, .rst) is one post whose id is its path."""

from __future__ import annotations

from collections.abc import Iterator

from hipaalint.models import Post
from hipaalint.sources.decoding import read_document
from hipaalint.sources.records import SourceOptions


def read_text(path: str, source: str, options: SourceOptions) -> Iterator[Post]:
    """One Post with the file's whole text, line endings untouched."""
    yield Post(id=source, text=read_document(path, source), source=source, line=1)
