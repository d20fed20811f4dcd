"""API schemas of conversion rates (CurrencyApi)."""

from jems.api.schemas import CamelSchema, DecimalNumber


class CurrencyDTO(CamelSchema):
    code: str
    year: int
    month: int
    name: str
    conversion_rate: DecimalNumber


def currency_dto(rate) -> dict:
    return {"code": rate.code, "year": rate.year, "month": rate.month, "name": rate.name,
            "conversion_rate": rate.conversion_rate}
