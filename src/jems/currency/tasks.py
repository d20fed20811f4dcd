"""Scheduled job: this month's InforEuro conversion rates (Celery beat; see docs/api.md)."""

from celery import shared_task


@shared_task(name="jems.import_conversion_rates")
def import_conversion_rates(force: bool = False) -> int:
    """Fetch the current month's rates when they are not imported yet (audited as CURRENCY_IMPORT).
    A refused download or file is audited by the service; the task then reports 0."""
    from jems.core.errors import ValidationFailed

    from .services import import_current_month

    try:
        return import_current_month(force=force)
    except ValidationFailed:
        return 0
