"""Word breaks where Chinese, Japanese or Korean meets Latin letters or digits.

Those scripts are word characters to a regular expression, so in "又是那个frequent flyer" or
"第三次IVF" no ``\\b`` separates the English word from the Han before it, and "412号室" is one
word. Detection and the rules therefore read a copy of such a post with a space at each of
those script changes; the findings are moved back to the post's own offsets.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass

import regex

from hipaalint.models import Finding, Post, line_and_column

_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}"
CJK_CHARACTER = regex.compile(rf"[{_CJK}]")  # a Han, kana or Hangul character
_SCRIPT_CHANGE = regex.compile(rf"(?<=[{_CJK}])(?=[^\W{_CJK}])|(?<=[^\W{_CJK}])(?=[{_CJK}])")


@dataclass(frozen=True)
class Spaced:
    """A text's copy with a space at each script change."""

    text: str
    spaces: tuple[int, ...]  # where the added spaces are, in the copy's offsets

    def original_offset(self, offset: int) -> int:
        """The original text's offset of the copy's ``offset`` (an added space maps to the break it marks)."""
        return offset - bisect.bisect_left(self.spaces, offset)

    def copy_span(self, start: int, end: int) -> tuple[int, int]:
        """The copy's offsets of the original span (the added spaces stay outside it)."""
        return start + bisect.bisect_right(self.breaks, start), end + bisect.bisect_left(self.breaks, end)

    @property
    def breaks(self) -> tuple[int, ...]:
        """Where the spaces go, in the original text's offsets."""
        return tuple(s - k for k, s in enumerate(self.spaces))


def spaced(text: str) -> Spaced | None:
    """The text with a space where CJK meets Latin letters or digits, or None if they never meet."""
    if text.isascii() or not CJK_CHARACTER.search(text):  # (most posts: a cheap scan)
        return None
    breaks = [m.start() for m in _SCRIPT_CHANGE.finditer(text)]
    if not breaks:
        return None
    parts = [text[a:b] for a, b in zip([0, *breaks], [*breaks, len(text)])]
    return Spaced(" ".join(parts), tuple(b + k for k, b in enumerate(breaks)))


def original_finding(post: Post, copy: Spaced, finding: Finding) -> Finding:
    """A finding on the copy of ``post`` moved to the post's own offsets (and its text in the message)."""
    start, end = copy.original_offset(finding.start), copy.original_offset(finding.end)
    text = post.text[start:end]
    line, column = line_and_column(post, start)
    message = finding.message.replace(finding.text, text, 1) if finding.text != text else finding.message
    return dataclasses.replace(finding, start=start, end=end, line=line, column=column, text=text, message=message)
