from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coordinator.domain.cpr import InvalidCPR, birth_date, mask_cpr, normalise_cpr


@pytest.mark.parametrize("text", ["010190-1234", "0101901234", " 010190 1234 "])
def test_accepts_both_forms(text: str) -> None:
    assert normalise_cpr(text) == "010190-1234"


@pytest.mark.parametrize("text", ["", "0101901", "01019O-1234", "320190-1234", "290223-1234"])
def test_rejects_malformed_or_impossible(text: str) -> None:
    with pytest.raises(InvalidCPR):
        normalise_cpr(text)


def test_leap_day_in_a_leap_year_is_valid() -> None:
    assert normalise_cpr("290296-1234") == "290296-1234"


def test_century_from_seventh_digit() -> None:
    assert birth_date("010110-4321") == date(2010, 1, 1)
    assert birth_date("010190-4321") == date(1990, 1, 1)
    assert birth_date("010160-1234") == date(1960, 1, 1)


def test_mask_hides_serial() -> None:
    assert mask_cpr("0101901234") == "010190-xxxx"
    assert mask_cpr(None) == ""
    assert "1234" not in mask_cpr("not a cpr 1234")


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(1999, 12, 31)),
    st.integers(min_value=0, max_value=3999),
)
def test_every_real_date_round_trips(born: date, serial: int) -> None:
    cpr = f"{born:%d%m%y}-{serial:04d}"
    assert normalise_cpr(cpr) == cpr
    assert birth_date(cpr) == born
    assert mask_cpr(cpr) == cpr[:7] + "xxxx"
