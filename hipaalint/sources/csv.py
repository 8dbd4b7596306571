"""CSV and TSV exports, streamed row by row.

Handles a UTF-8 BOM, Excel's ``sep=;`` first line, ``;``-separated CSVs, quoted fields
spanning lines (``Post.line`` is the physical line where the record starts), and blank or
all-empty rows (skipped silently).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from itertools import chain

from hipaalint.errors import InputError
from hipaalint.models import Post
from hipaalint.sources.decoding import read_lines
from hipaalint.sources.records import TEXT_FIELDS, Skipped, SourceOptions

_EXCEL_SEP_LINE = re.compile(r'"?sep=(.)"?\r?\n?')


def _guess_delimiter(header_line: str) -> str:
    return next((d for d in (",", ";", "\t") if d in header_line), ",")


def _column(header: list[str], wanted: str) -> int | None:
    """Index of column ``wanted``: exact name first, then case- and space-insensitive."""
    if wanted in header:
        return header.index(wanted)
    names = [h.strip().lower() for h in header]
    return names.index(wanted.strip().lower()) if wanted.strip().lower() in names else None


def _text_column(header: list[str], source: str, line: int, options: SourceOptions) -> int:
    if options.text_field:
        index = _column(header, options.text_field)
        if index is None:
            raise InputError(
                f"{source}:{line}: no column '{options.text_field}' (columns: {', '.join(header)})"
            )
        return index
    wanted = set(TEXT_FIELDS)
    for index, name in enumerate(header):
        if name.strip().lower() in wanted:
            return index
    raise InputError(
        f"{source}:{line}: no text column (looked for {', '.join(TEXT_FIELDS)}); use --text-column"
    )


def _id_column(header: list[str], source: str, line: int, options: SourceOptions) -> int | None:
    if not options.id_field:
        return _column(header, "id")
    index = _column(header, options.id_field)
    if index is None:
        raise InputError(
            f"{source}:{line}: no id column '{options.id_field}' (columns: {', '.join(header)})"
        )
    return index


def _csv_error(source: str, line: int, error: csv.Error) -> InputError:
    message = str(error)
    if "unexpected end of data" in message:
        message = "unterminated quoted field (its quote is never closed)"
    return InputError(f"{source}:{line}: malformed CSV: {message}")


def read_csv(
    path: str, source: str, options: SourceOptions, delimiter: str | None = None
) -> Iterator[Post | Skipped]:
    """Posts from each data row; rows too short to have the text column are Skipped."""
    lines = read_lines(path, source)
    first = next(lines, None)
    offset = 0  # physical lines before the header that csv.reader never sees
    if first is not None and (sep := _EXCEL_SEP_LINE.fullmatch(first)):
        delimiter, offset, first = sep.group(1), 1, next(lines, None)
    if first is None:
        return
    reader = csv.reader(chain([first], lines), delimiter=delimiter or _guess_delimiter(first), strict=True)
    header_line = offset + 1
    try:
        header = next(reader)
    except csv.Error as error:
        raise _csv_error(source, header_line, error) from None
    text_index = _text_column(header, source, header_line, options)
    id_index = _id_column(header, source, header_line, options)
    text_name = header[text_index]

    row_number = 0
    while True:
        start = offset + reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise _csv_error(source, start, error) from None
        if not any(cell.strip() for cell in row):
            continue
        row_number += 1
        post_id = str(row_number)
        if id_index is not None and id_index < len(row) and row[id_index].strip():
            post_id = row[id_index]
        if text_index >= len(row):
            reason = f"no text field '{text_name}' (row has {len(row)} of {len(header)} columns)"
            yield Skipped(source=source, id=post_id, line=start, reason=reason)
        else:
            yield Post(id=post_id, text=row[text_index], source=source, line=start)


def read_tsv(path: str, source: str, options: SourceOptions) -> Iterator[Post | Skipped]:
    """A tab-separated export (Excel's quoting rules)."""
    return read_csv(path, source, options, delimiter="\t")
