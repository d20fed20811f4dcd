"""The read layer of conversion rates."""

from jems.accounts.privileges import Privilege
from jems.accounts.services import require
from jems.core.errors import Forbidden

from .models import CurrencyRate
from .services import check_month


def rates(*, actor, year: int | None = None, month: int | None = None) -> list[CurrencyRate]:
    """The rates of a month (default: the current month), by code. Every logged-in user may read them:
    partner reports convert expenditure with them."""
    if actor is None or not actor.is_authenticated:
        raise Forbidden()
    year, month = check_month(year, month)
    return list(CurrencyRate.objects.filter(year=year, month=month).order_by("code"))


def months(*, actor, limit: int = 60) -> list[tuple[int, int]]:
    """The months that have rates, newest first (for the month picker)."""
    require(actor, Privilege.ProgrammeSetupRetrieve)
    rows = (CurrencyRate.objects.order_by("-year", "-month").values_list("year", "month").distinct())
    return list(rows[:limit])
