"""Amounts travel as exact JSON numbers in both directions."""

from decimal import Decimal

from django.test import RequestFactory

from jems.api.json import DecimalJSONParser, DecimalJSONRenderer


def test_decimal_is_written_as_a_number_with_its_digits():
    body = DecimalJSONRenderer().render(None, {"amount": Decimal("1500.00"), "big": Decimal("123456789012345.67")},
                                        response_status=200)
    assert body == '{"amount": 1500.00, "big": 123456789012345.67}'


def test_numbers_with_a_fraction_are_read_as_decimal():
    request = RequestFactory().post("/", data='{"amount": 123456789012345.67, "count": 3}',
                                    content_type="application/json")
    parsed = DecimalJSONParser().parse_body(request)
    assert parsed == {"amount": Decimal("123456789012345.67"), "count": 3}
    assert isinstance(parsed["amount"], Decimal)
