"""Jems-compatible API of conversion rates: CurrencyApi (GET/PUT /api/currency)."""

from ninja import Router

from . import queries, services
from .schemas import CurrencyDTO, currency_dto

router = Router(tags=["currency"])


@router.get("/currency", response={200: list[CurrencyDTO]}, by_alias=True, operation_id="getCurrencyRates",
            summary="Retrieve info about currencies in the system for the specified month or current")
def get_currency_rates(request, year: int | None = None, month: int | None = None):
    return [currency_dto(r) for r in queries.rates(actor=request.user, year=year, month=month)]


@router.put("/currency", response={200: list[CurrencyDTO]}, by_alias=True, operation_id="fetchCurrencyRates",
            summary="Import info about currencies into the system for the specified month or current")
def fetch_currency_rates(request, year: int | None = None, month: int | None = None):
    return [currency_dto(r) for r in services.fetch_rates(actor=request.user, year=year, month=month)]
