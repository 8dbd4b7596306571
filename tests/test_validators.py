import pytest

from hipaalint.detect.validators import (
    dea_is_valid,
    luhn_is_valid,
    mbi_is_valid,
    npi_is_valid,
    vin_is_valid,
)

CASES = [
    # (validator, value, expected)
    (luhn_is_valid, "79927398713", True),
    (luhn_is_valid, "4111111111111111", True),
    (luhn_is_valid, "0", False),
    (luhn_is_valid, "00", True),
    (luhn_is_valid, "79927398710", False),
    (luhn_is_valid, "4111111111111112", False),
    (luhn_is_valid, "7992739871a", False),
    (luhn_is_valid, "", False),
    (npi_is_valid, "1234567893", True),
    (npi_is_valid, "1987654328", True),
    (npi_is_valid, "1452367893", True),
    (npi_is_valid, "1000000004", True),
    (npi_is_valid, "1234567890", False),
    (npi_is_valid, "123456789", False),
    (npi_is_valid, "12345678930", False),
    (npi_is_valid, "123456789X", False),
    (npi_is_valid, "１２３４５６７８９３", False),
    (dea_is_valid, "AB1234563", True),
    (dea_is_valid, "FM9876547", True),
    (dea_is_valid, "BJ5551230", True),
    (dea_is_valid, "MS2468103", True),
    (dea_is_valid, "ab1234563", True),
    (dea_is_valid, "AB1234567", False),
    (dea_is_valid, "IB1234563", False),
    (dea_is_valid, "A11234563", False),
    (dea_is_valid, "AB123456", False),
    (dea_is_valid, "AB12345633", False),
    (vin_is_valid, "1HGCM82633A004352", True),
    (vin_is_valid, "1M8GDM9AXKP042788", True),
    (vin_is_valid, "5YJSA1DN2CFP09052", True),
    (vin_is_valid, "JH4KA3148KC123456", True),
    (vin_is_valid, "1hgcm82633a004352", True),
    (vin_is_valid, "1HGCM82643A004352", False),
    (vin_is_valid, "1HGCM82633A00435", False),
    (vin_is_valid, "1HGCM82633A0043521", False),
    (vin_is_valid, "1HGCM8263IA004352", False),
    (vin_is_valid, "1HGCM82633A00435Q", False),
    (mbi_is_valid, "1EG4-TE5-MK73", True),
    (mbi_is_valid, "1EG4TE5MK73", True),
    (mbi_is_valid, "9AA0A00AA00", True),
    (mbi_is_valid, "2C19DF7GH81", True),
    (mbi_is_valid, "0EG4TE5MK73", False),
    (mbi_is_valid, "1SG4TE5MK73", False),
    (mbi_is_valid, "1EG4TE5MK7", False),
    (mbi_is_valid, "1EG4TE5M073", False),
    (mbi_is_valid, "1EG4TZ5MK73", False),
    (mbi_is_valid, "1EGATE5MK73", False),
]


@pytest.mark.parametrize(
    ("validator", "value", "expected"),
    CASES,
    ids=[f"{v.__name__}-{value}" for v, value, _ in CASES],
)
def test_validator(validator, value, expected):
    assert validator(value) is expected
