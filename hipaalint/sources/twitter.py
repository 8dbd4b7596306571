"""X (Twitter) archive files: ``data/tweets.js`` and ``tweets-part1.js`` ...

Each file is ``window.YTD.tweets.part0 = [ {"tweet": {...}}, ... ]``. Text is
``tweet.full_text`` with the archive's ``&amp; &lt; &gt;`` escapes undone; id is
``tweet.id_str``. Older archives without the ``tweet`` wrapper are read too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from hipaalint.errors import InputError
from hipaalint.models import Post
from hipaalint.sources.decoding import read_document
from hipaalint.sources.json import iter_elements
from hipaalint.sources.records import Skipped, SourceOptions, record_to_post

TWEETS_FILE = re.compile(r"tweets?(-part\d+)?\.js", re.IGNORECASE)
_PREFIX = re.compile(r"[ \t\r\n]*window\.YTD\.[\w.]+[ \t]*=[ \t\r\n]*")
_ENTITIES = {"&lt;": "<", "&gt;": ">", "&amp;": "&"}


def _unescape(text: str) -> str:
    return re.sub(r"&(?:lt|gt|amp);", lambda m: _ENTITIES[m.group()], text)


def read_twitter(path: str, source: str, options: SourceOptions) -> Iterator[Post | Skipped]:
    """A Post per tweet. Dotted ``text_field``/``id_field`` paths start at the array entry."""
    text = read_document(path, source).rstrip().removesuffix(";")
    prefix = _PREFIX.match(text)
    if prefix is None:
        raise InputError(
            f"{source}:1: not an X archive file (expected it to start with 'window.YTD.tweets.part0 = ')"
        )
    for index, line, entry in iter_elements(text, source, prefix.end()):
        inner = "tweet." if isinstance(entry, dict) and "tweet" in entry else ""
        paths = SourceOptions(
            text_field=options.text_field or f"{inner}full_text",
            id_field=options.id_field or f"{inner}id_str",
        )
        item = record_to_post(entry, source=source, line=line, fallback_id=str(index), options=paths)
        yield replace(item, text=_unescape(item.text)) if isinstance(item, Post) else item
