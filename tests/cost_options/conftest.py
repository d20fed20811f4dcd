"""Fixtures of the simplified-cost-option tests: a published call (setup lock), a lump sum, a unit cost."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jems.calls.models import Call, CallStatus
from jems.cost_options import services


@pytest.fixture
def locked(db):
    """Publishing a call locks the programme setup."""
    now = timezone.now()
    return Call.objects.create(name="Call 1", status=CallStatus.PUBLISHED, start_date=now,
                               end_date=now + timedelta(days=30))


def lump_sum_values(**extra) -> dict:
    values = {"name": {"EN": "Preparation lump sum"}, "description": {"EN": "Costs of preparing the application"},
              "cost": "15000.00", "splitting_allowed": True, "fast_track": False, "phase": "Preparation",
              "categories": ["StaffCosts", "TravelAndAccommodationCosts"], "payment_claim": "IncurredByBeneficiaries"}
    values.update(extra)
    return values


def unit_cost_values(**extra) -> dict:
    values = {"name": {"EN": "Meeting day"}, "description": {"EN": "One day of a partner meeting"},
              "type": {"EN": "day"}, "justification": {"EN": "Study 2021"}, "cost_per_unit": "250.00",
              "cost_per_unit_foreign_currency": None, "foreign_currency_code": None, "one_cost_category": False,
              "categories": ["StaffCosts", "TravelAndAccommodationCosts"], "project_defined": False,
              "payment_claim": "BasedOnSco"}
    values.update(extra)
    return values


def make_lump_sum(actor, **extra):
    return services.create_lump_sum(actor=actor, **lump_sum_values(**extra))


def make_unit_cost(actor, **extra):
    return services.create_unit_cost(actor=actor, **unit_cost_values(**extra))
