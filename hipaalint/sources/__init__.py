"""Readers that turn files into Posts for ``hipaalint scan``.

    read_posts(path, options) -> Iterator[Post | Skipped]

``path`` is a file, a directory (searched recursively, in sorted order) or ``-`` (JSONL on
stdin). Readers stream where the format allows (text lines, CSV, JSONL); JSON documents,
X archives and Facebook exports are single documents parsed whole. Bad input raises
InputError with a ``file:line:`` message; a record without usable text is a Skipped.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from hipaalint.errors import InputError
from hipaalint.exclusion import is_excluded
from hipaalint.models import Post
from hipaalint.sources.csv import read_csv, read_tsv
from hipaalint.sources.decoding import STDIN, open_binary
from hipaalint.sources.facebook import read_facebook
from hipaalint.sources.json import read_json
from hipaalint.sources.jsonl import read_jsonl
from hipaalint.sources.records import FORMATS, Skipped, SourceOptions
from hipaalint.sources.text import read_text
from hipaalint.sources.twitter import TWEETS_FILE, read_twitter

__all__ = [
    "FORMATS",
    "Skipped",
    "SourceOptions",
    "count_records",
    "detect_format",
    "iter_input_files",
    "read_posts",
]

Reader = Callable[[str, str, SourceOptions], Iterator[Post | Skipped]]
READERS: dict[str, Reader] = {
    "text": read_text,
    "csv": read_csv,
    "tsv": read_tsv,
    "json": read_json,
    "jsonl": read_jsonl,
    "twitter": read_twitter,
    "facebook": read_facebook,
}
STDIN_SOURCE = "<stdin>"
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".rst"}
_SUFFIX_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv"}
_SKIPPED_DIRS = {"__pycache__", "node_modules"}
_FACEBOOK_HEAD = (re.compile(rb'"data"\s*:\s*\['), re.compile(rb'"timestamp"\s*:'))


def _head(path: Path, size: int = 65536) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(size).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return b""


def detect_format(path: Path) -> str:
    """The reader for ``path``, by name and (for .json and unknown names) content."""
    path = Path(path)
    suffix = path.suffix.lower()
    if TWEETS_FILE.fullmatch(path.name):
        return "twitter"
    if suffix in _SUFFIX_FORMATS:
        return _SUFFIX_FORMATS[suffix]
    if suffix in TEXT_SUFFIXES:
        return "text"
    head = _head(path)
    if suffix == ".json":
        looks_facebook = head.startswith(b"[") and all(p.search(head) for p in _FACEBOOK_HEAD)
        return "facebook" if looks_facebook else "json"
    if head.startswith(b"window.YTD."):
        return "twitter"
    if suffix == "":  # a draft saved without an extension
        return "text"
    raise InputError(
        f"{path}: unknown file type '{suffix}'; use --input-format ({'|'.join(FORMATS)})"
    )


def _is_input_file(path: Path) -> bool:
    suffix = path.suffix.lower()
    return bool(
        TWEETS_FILE.fullmatch(path.name)
        or suffix in TEXT_SUFFIXES
        or suffix in _SUFFIX_FORMATS
        or suffix == ".json"
    )


def _is_x_archive(directory: Path) -> bool:
    return (directory / "data" / "manifest.js").is_file() or (directory / "Your archive.html").is_file()


def iter_input_files(directory: str) -> Iterator[str]:
    """Drafts and exports under ``directory``, in sorted path order; hidden entries skipped.
    In an unzipped X archive only ``data/tweets*.js`` are read."""
    root = Path(directory)
    if _is_x_archive(root):
        data = root / "data"
        names = sorted(n for n in os.listdir(data) if TWEETS_FILE.fullmatch(n)) if data.is_dir() else []
        yield from (os.path.join(directory, "data", name) for name in names)
        return
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as error:
        raise InputError(f"{directory}: {error.strerror or error}") from None
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(directory, entry.name)
        if entry.is_dir(follow_symlinks=False):
            if entry.name not in _SKIPPED_DIRS:
                yield from iter_input_files(path)
        elif entry.is_file() and _is_input_file(Path(entry.name)):
            yield path


def _check_format(name: str | None) -> None:
    if name is not None and name not in READERS:
        raise InputError(f"unknown input format '{name}' (choose from {'|'.join(FORMATS)})")


def _format_for(path: str, options: SourceOptions) -> str:
    _check_format(options.input_format)
    return options.input_format or detect_format(Path(path))


def _read_directory(directory: str, options: SourceOptions) -> Iterator[Post | Skipped]:
    for path in iter_input_files(directory):
        if is_excluded(path, options.exclude):
            continue
        yield from READERS[_format_for(path, options)](path, path, options)


def read_posts(path: str, options: SourceOptions = SourceOptions()) -> Iterator[Post | Skipped]:
    """Posts (and Skipped records) from a file, a directory, or ``-`` for stdin.

    A missing file, an unknown format or an unknown file type raises InputError here;
    problems inside a file raise InputError while iterating, naming file and line.
    """
    _check_format(options.input_format)
    if path == STDIN:
        return READERS[options.input_format or "jsonl"](STDIN, STDIN_SOURCE, options)
    if os.path.isdir(path):
        return _read_directory(path, options)
    if not os.path.exists(path):
        raise InputError(f"{path}: no such file")
    return READERS[_format_for(path, options)](path, path, options)


def _count_file(path: str, options: SourceOptions) -> int | None:
    fmt = _format_for(path, options)
    if fmt == "text":
        return 1
    if fmt == "jsonl":
        with open_binary(path, path) as handle:
            return sum(1 for line in handle if line.strip())
    if fmt in ("csv", "tsv"):
        return sum(1 for _ in READERS[fmt](path, path, options))
    return None  # single documents: counting would mean parsing twice


def count_records(path: str, options: SourceOptions = SourceOptions()) -> int | None:
    """A cheap total for a progress bar, or None when unknown (stdin, JSON documents, or
    any problem: the reader reports problems properly)."""
    if path == STDIN:
        return None
    try:
        if os.path.isdir(path):
            counts = [_count_file(file, options) for file in iter_input_files(path)]
            return None if None in counts else sum(counts)
        return _count_file(path, options)
    except (InputError, OSError):
        return None
