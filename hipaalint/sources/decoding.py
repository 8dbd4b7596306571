"""Opening inputs (files or stdin) and decoding them, with file:line errors for bad bytes."""

from __future__ import annotations

import codecs
import io
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from hipaalint.errors import InputError

STDIN = "-"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def open_binary(path: str, source: str) -> BinaryIO:
    """``open(path, 'rb')`` with one-line InputErrors instead of OSError tracebacks."""
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{source}: is a directory") from None
    except PermissionError:
        raise InputError(f"{source}: permission denied") from None
    except OSError as error:
        raise InputError(f"{source}: {error.strerror or error}") from None


def _bad_utf8(source: str, line: int, raw: bytes, error: UnicodeDecodeError) -> InputError:
    byte = raw[error.start] if isinstance(raw, bytes) and error.start < len(raw) else None
    what = f" (byte 0x{byte:02x})" if byte is not None else ""
    return InputError(f"{source}:{line}: invalid UTF-8{what}; save the file as UTF-8")


def iter_lines(stream: Iterable[bytes] | Iterable[str], source: str) -> Iterator[str]:
    """Decoded physical lines, line ends kept, a leading BOM dropped. Lazy: reads as it goes."""
    lines = iter(stream)
    number = 0
    while True:
        try:
            raw = next(lines)
        except StopIteration:
            return
        except UnicodeDecodeError as error:  # a text stream (UTF-16 file, patched stdin)
            raise InputError(f"{source}:{number + 1}: invalid text encoding ({error.reason})") from None
        number += 1
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as error:
                raise _bad_utf8(source, number, raw, error) from None
        yield raw.lstrip("\ufeff") if number == 1 else raw


def read_lines(path: str, source: str) -> Iterator[str]:
    """The lines of a file (UTF-8, or UTF-16 with a BOM) or of stdin, streamed."""
    if path == STDIN:
        yield from iter_lines(getattr(sys.stdin, "buffer", sys.stdin), source)
        return
    with open_binary(path, source) as handle:
        if handle.peek(2)[:2] in _UTF16_BOMS:  # Excel's "Unicode text"
            yield from iter_lines(io.TextIOWrapper(handle, encoding="utf-16", newline=""), source)
        else:
            yield from iter_lines(handle, source)


def decode_document(data: bytes | str, source: str) -> str:
    """A whole file's text; a BOM dropped; invalid UTF-8 reported at its line."""
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    encoding = "utf-16" if data[:2] in _UTF16_BOMS else "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise _bad_utf8(source, line, data, error) from None


def read_document(path: str, source: str) -> str:
    """A whole file (or stdin) as text, for single-document formats and drafts."""
    if path == STDIN:
        stream = sys.stdin
        return decode_document(stream.buffer.read() if hasattr(stream, "buffer") else stream.read(), source)
    with open_binary(path, source) as handle:
        return decode_document(handle.read(), source)
