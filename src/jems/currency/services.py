"""The write layer of conversion rates: importing a month of InforEuro rates (file, URL, scheduled task)."""

import urllib.error
import urllib.request
from decimal import Decimal

import pycountry
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from jems.accounts.privileges import Privilege
from jems.accounts.services import require
from jems.audit.actions import AuditAction
from jems.audit.services import record
from jems.core.errors import ValidationFailed

from . import inforeuro
from .models import CurrencyRate

DOWNLOAD_TIMEOUT_SECONDS = 60
MAX_FILE_BYTES = 5 * 1024 * 1024
MIN_YEAR, MAX_YEAR = 2000, 2100


def inforeuro_url(year: int, month: int) -> str:
    """JEMS_INFOREURO_URL with {year} and {month} filled in (default: the InforEuro monthly-rates API)."""
    template = settings.INFOREURO_URL
    return template.replace("{year}", str(year)).replace("{month}", str(month))


def current_month() -> tuple[int, int]:
    today = timezone.localdate()
    return today.year, today.month


def check_month(year, month) -> tuple[int, int]:
    """The (year, month) to use: the current month for missing values; out-of-range values are refused."""
    now_year, now_month = current_month()
    year = now_year if year is None else year
    month = now_month if month is None else month
    errors = {}
    if not MIN_YEAR <= year <= MAX_YEAR:
        errors["year"] = "currency.year.invalid"
    if not 1 <= month <= 12:
        errors["month"] = "currency.month.invalid"
    if errors:
        raise ValidationFailed(fields=errors, args={"year": year, "month": month})
    return year, month


def currency_name(code: str, fallback: str = "") -> str:
    currency = pycountry.currencies.get(alpha_3=code)
    return currency.name if currency else (fallback or code)


def import_rates(*, actor, year: int | None, month: int | None, content: bytes, source: str = "file") -> list[CurrencyRate]:
    """Replace the rates of a month with those of an InforEuro file. `actor` None is the scheduled task.
    A malformed file is refused (422) and leaves the stored rates untouched; success and failure are audited
    (CURRENCY_IMPORT, with year and month)."""
    if actor is not None:
        require(actor, Privilege.ProgrammeSetupUpdate)
    year, month = check_month(year, month)
    try:
        if len(content) > MAX_FILE_BYTES:
            raise inforeuro.RateFileError(f"the file is larger than {MAX_FILE_BYTES // 1024 // 1024} MB")
        rates = inforeuro.parse(content)
        with transaction.atomic():
            CurrencyRate.objects.filter(year=year, month=month).delete()
            rows = [CurrencyRate(code=r.code, year=year, month=month, name=currency_name(r.code, r.name),
                                 conversion_rate=r.rate) for r in rates]
            if not any(r.code == "EUR" for r in rates):
                rows.append(CurrencyRate(code="EUR", year=year, month=month, name=currency_name("EUR", "Euro"),
                                         conversion_rate=Decimal(1)))
            CurrencyRate.objects.bulk_create(rows)
            record(AuditAction.CURRENCY_IMPORT, actor=actor,
                   description=f"Conversion rates for {year}-{month:02d} imported from {source}: {len(rows)} currencies")
    except inforeuro.RateFileError as error:
        _refuse(actor, year, month, source, str(error))
    return list(CurrencyRate.objects.filter(year=year, month=month).order_by("code"))


def _refuse(actor, year, month, source, reason):
    record(AuditAction.CURRENCY_IMPORT, actor=actor,
           description=f"Conversion rates for {year}-{month:02d} not imported from {source}: {reason}")
    raise ValidationFailed(f"The conversion rates for {year}-{month:02d} could not be imported: {reason}",
                           key="currency.import.failed", args={"year": year, "month": month, "reason": reason})


def fetch_rates(*, actor, year: int | None = None, month: int | None = None) -> list[CurrencyRate]:
    """Download a month's rates from InforEuro (JEMS_INFOREURO_URL) and import them (PUT /api/currency,
    the "Fetch" button and the monthly task)."""
    if actor is not None:
        require(actor, Privilege.ProgrammeSetupUpdate)
    year, month = check_month(year, month)
    url = inforeuro_url(year, month)
    try:
        request = urllib.request.Request(url, headers={"Accept": "application/json, application/xml, text/csv"})
        with urllib.request.urlopen(request, timeout=DOWNLOAD_TIMEOUT_SECONDS) as response:  # noqa: S310
            content = response.read(MAX_FILE_BYTES + 1)
    except (urllib.error.URLError, OSError, ValueError) as error:
        _refuse(actor, year, month, url, f"the download failed: {getattr(error, 'reason', error)}")
    return import_rates(actor=actor, year=year, month=month, content=content, source=url)


def import_current_month(*, force: bool = False) -> int:
    """The scheduled job: fetch this month's rates unless they are there already. Returns the number of rates
    imported (0 when nothing was needed)."""
    year, month = current_month()
    if not force and CurrencyRate.objects.filter(year=year, month=month).exists():
        return 0
    return len(fetch_rates(actor=None, year=year, month=month))
