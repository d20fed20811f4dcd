"""The rounding functions of finance-rules §0: negatives, exact halves, pct5 and div17_down."""

from decimal import Decimal as D

import pytest

from jems.finance.rounding import dec, div17_down, dn2, fl2, hd2, hu2, pct5, percent_of, ratio, trunc2

# value, dn2, fl2, hu2, hd2
CASES = [
    ("0.005", "0.00", "0.00", "0.01", "0.00"),
    ("-0.005", "0.00", "-0.01", "-0.01", "0.00"),
    ("1.005", "1.00", "1.00", "1.01", "1.00"),
    ("-1.005", "-1.00", "-1.01", "-1.01", "-1.00"),
    ("1.0051", "1.00", "1.00", "1.01", "1.01"),
    ("-1.0051", "-1.00", "-1.01", "-1.01", "-1.01"),
    ("1.0049", "1.00", "1.00", "1.00", "1.00"),
    ("2.999", "2.99", "2.99", "3.00", "3.00"),
    ("-2.999", "-2.99", "-3.00", "-3.00", "-3.00"),
    ("1191.637712", "1191.63", "1191.63", "1191.64", "1191.64"),
    ("7.10", "7.10", "7.10", "7.10", "7.10"),
    ("0", "0.00", "0.00", "0.00", "0.00"),
    ("999999999999.995", "999999999999.99", "999999999999.99", "1000000000000.00", "999999999999.99"),
]


@pytest.mark.parametrize(("value", "down", "floor", "half_up", "half_down"), CASES)
def test_the_four_two_decimal_roundings(value, down, floor, half_up, half_down):
    x = D(value)
    assert dn2(x) == D(down)
    assert fl2(x) == D(floor)
    assert hu2(x) == D(half_up)
    assert hd2(x) == D(half_down)
    assert trunc2(x) == D(down)


def test_results_have_scale_two():
    assert str(dn2(D("5"))) == "5.00"
    assert str(fl2(D("-0.001"))) == "-0.01"
    assert str(hu2(7)) == "7.00"


def test_float_is_refused():
    with pytest.raises(TypeError):
        dn2(1.005)
    with pytest.raises(TypeError):
        dec(0.1)


def test_pct5_rounds_to_five_significant_digits_first():
    # §6 rule 4: 0.123449 → 0.12345 → 12.35, a direct HALF_UP of 12.3449 would be 12.34.
    assert pct5(D("1234.49"), D("10000")) == D("12.35")
    assert hu2(D("1234.49") * 100 / D("10000")) == D("12.34")


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("9009.80", "11147.22", "80.83"),   # §2.4 "% of total fund"
    ("61458.42", "75707.92", "81.18"),  # §2.4 "% of total eligible budget"
    ("36875.05", "75707.92", "48.71"),  # §2.4 project ERDF rate
    ("1", "3", "33.33"),
    ("2", "3", "66.67"),
    ("75707.92", "75707.92", "100.00"),
])
def test_pct5_examples(a, b, expected):
    assert pct5(D(a), D(b)) == D(expected)


def test_pct5_is_zero_when_either_argument_is_zero():
    assert pct5(D(0), D("10")) == 0
    assert pct5(D("10"), D(0)) == 0
    assert pct5(D("0.00"), D("0.00")) == 0


def test_div17_down():
    assert div17_down(D(1), D(3)) == D("0.33333333333333333")
    assert div17_down(D(2), D(3)) == D("0.66666666666666666")
    assert div17_down(D(-2), D(3)) == D("-0.66666666666666666")
    assert div17_down(D("3000"), D("500")) == D("6")
    assert div17_down(D("5"), D(0)) == 0


def test_percent_of_is_exact():
    assert percent_of(D("5123.12"), D("23.26")) == D("1191.637712")
    assert percent_of(D("999999999.99"), D("14.66")) == D("146599999.9985340")
    assert percent_of(D("38099.51"), 20) == D("7619.902")


def test_ratio_rounds_like_the_exact_quotient():
    assert hu2(ratio(D("100"), D("3"))) == D("33.33")
    assert hd2(ratio(D("1.005") * 1000, D("1000"))) == D("1.00")
