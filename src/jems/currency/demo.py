"""Demo data: conversion rates of this month and last month for a few currencies (fictional but plausible
values; a real installation fetches them from InforEuro)."""

import json
from decimal import Decimal

from jems.accounts.models import User

DEMO_RATES = {
    "CHF": ("Swiss franc", "0.9412"), "CZK": ("Czech koruna", "25.1230"), "DKK": ("Danish krone", "7.4602"),
    "GBP": ("Pound sterling", "0.8576"), "HUF": ("Hungarian forint", "395.8700"),
    "NOK": ("Norwegian krone", "11.6850"), "PLN": ("Polish zloty", "4.2710"), "RON": ("Romanian leu", "4.9770"),
    "RSD": ("Serbian dinar", "117.1500"), "SEK": ("Swedish krona", "11.0420"), "USD": ("US dollar", "1.0843"),
}


def _file(factor: Decimal) -> bytes:
    return json.dumps([{"isoA3Code": code, "currency": name, "value": str((Decimal(value) * factor).quantize(
        Decimal("0.0001")))} for code, (name, value) in DEMO_RATES.items()]).encode()


def load(stdout) -> None:
    from .models import CurrencyRate
    from .services import current_month, import_rates

    admin = User.objects.filter(role_id=1).order_by("pk").first()
    if admin is None:
        return
    year, month = current_month()
    previous = (year, month - 1) if month > 1 else (year - 1, 12)
    for (y, m), factor in (((year, month), Decimal("1")), (previous, Decimal("0.996"))):
        if not CurrencyRate.objects.filter(year=y, month=m).exists():
            rates = import_rates(actor=admin, year=y, month=m, content=_file(factor), source="demo data")
            stdout.write(f"Conversion rates {y}-{m:02d}: {len(rates)} currencies")
