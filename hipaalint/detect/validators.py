"""Checksums and format checks for identifiers, as pure functions of a string.

The recognizers use these to drop look-alikes: a 10-digit number after "NPI" whose
check digit is wrong is not an NPI. Letters are compared case-insensitively; every
function returns ``False`` (never raises) for input of the wrong shape.
"""

from __future__ import annotations

_DEA_REGISTRANT_TYPES = frozenset("ABCDEFGHJKLMPRSTUX")

# ISO 3779 / 49 CFR 565: letter values and position weights for the VIN check digit.
_VIN_VALUES = {
    **{str(digit): digit for digit in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9))),
    **dict(zip("JKLMN", range(1, 6))),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10))),
}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)

# CMS MBI format: letters exclude S, L, O, I, B, Z.
_MBI_LETTERS = frozenset("ACDEFGHJKMNPQRTUVWXY")
_MBI_DIGITS = frozenset("0123456789")
_MBI_ALNUM = _MBI_LETTERS | _MBI_DIGITS
_MBI_POSITIONS = (
    frozenset("123456789"),
    _MBI_LETTERS,
    _MBI_ALNUM,
    _MBI_DIGITS,
    _MBI_LETTERS,
    _MBI_ALNUM,
    _MBI_DIGITS,
    _MBI_LETTERS,
    _MBI_LETTERS,
    _MBI_DIGITS,
    _MBI_DIGITS,
)


def _is_ascii_digits(s: str) -> bool:
    return s.isascii() and s.isdigit()


def luhn_is_valid(digits: str) -> bool:
    """Whether a string of at least two ASCII digits passes the Luhn (mod 10) check.

    >>> luhn_is_valid("79927398713")
    True
    """
    if len(digits) < 2 or not _is_ascii_digits(digits):
        return False
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def npi_is_valid(s: str) -> bool:
    """Whether ``s`` is a National Provider Identifier: 10 digits whose last digit is the
    Luhn check digit of the prefix "80840" followed by the first 9 digits.

    >>> npi_is_valid("1234567893")
    True
    """
    return len(s) == 10 and _is_ascii_digits(s) and luhn_is_valid("80840" + s)


def dea_is_valid(s: str) -> bool:
    """Whether ``s`` is a DEA registration number: a registrant-type letter (A B C D E F G
    H J K L M P R S T U X), a second letter, and 7 digits d1..d7 with
    ``(d1 + d3 + d5 + 2 * (d2 + d4 + d6)) % 10 == d7``.

    >>> dea_is_valid("AB1234563")
    True
    """
    s = s.upper()
    if len(s) != 9 or not s[:2].isascii() or not s[:2].isalpha():
        return False
    if s[0] not in _DEA_REGISTRANT_TYPES or not _is_ascii_digits(s[2:]):
        return False
    d = [int(char) for char in s[2:]]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


def vin_is_valid(s: str) -> bool:
    """Whether ``s`` is a 17-character vehicle identification number (no I, O or Q) whose
    9th character is the ISO 3779 check digit: the weighted sum of the transliterated
    characters modulo 11, with 10 written as "X".

    >>> vin_is_valid("1HGCM82633A004352")
    True
    """
    s = s.upper()
    if len(s) != 17 or any(char not in _VIN_VALUES for char in s):
        return False
    remainder = sum(_VIN_VALUES[char] * weight for char, weight in zip(s, _VIN_WEIGHTS)) % 11
    return s[8] == ("X" if remainder == 10 else str(remainder))


def mbi_is_valid(s: str) -> bool:
    """Whether ``s`` has the format of a Medicare Beneficiary Identifier: 11 characters
    once dashes are removed, laid out as digit 1-9, letter, letter-or-digit, digit, letter,
    letter-or-digit, digit, letter, letter, digit, digit, where letters never include
    S, L, O, I, B or Z. (The MBI has no check digit; this is a format check.)

    >>> mbi_is_valid("1EG4-TE5-MK73")
    True
    """
    s = s.replace("-", "").upper()
    return len(s) == 11 and all(char in allowed for char, allowed in zip(s, _MBI_POSITIONS))
