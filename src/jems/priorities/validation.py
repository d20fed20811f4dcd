"""Field checks shared by the priority and indicator services: each returns an i18n message or None."""

from decimal import Decimal, InvalidOperation

from jems.core.errors import i18n

TWO_PLACES = Decimal("0.01")
MAX_TARGET = Decimal("99999999999.99")


def text_error(value: str | None, max_length: int, *, required: bool = False) -> dict | None:
    """A plain text: required (not blank) and at most `max_length` characters."""
    value = value or ""
    if required and not value.strip():
        return i18n("common.error.field.required")
    if len(value) > max_length:
        return i18n("common.error.field.max.length", {"actualLength": len(value), "requiredLength": max_length})
    return None


def decimal_error(value, *, minimum: Decimal, maximum: Decimal, required: bool = False) -> dict | None:
    """A decimal number within [minimum, maximum] with at most two fraction digits."""
    if value is None:
        return i18n("common.error.field.required") if required else None
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return i18n("programme.setup.number.invalid")
    if not number.is_finite() or number < minimum or number > maximum:
        return i18n("programme.setup.number.out.of.range", {"min": f"{minimum:,}", "max": f"{maximum:,}"})
    if number != number.quantize(TWO_PLACES):
        return i18n("programme.setup.number.decimals", {"max": 2})
    return None


def two_places(value) -> Decimal | None:
    return None if value is None else Decimal(value).quantize(TWO_PLACES)
