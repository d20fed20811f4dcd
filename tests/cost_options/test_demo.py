"""The demo lump sums and unit costs: loaded twice without change, and valid by the service rules."""

import io

import pytest

from jems.cost_options import demo, services
from jems.cost_options.models import ProgrammeLumpSum, ProgrammeUnitCost

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_valid(admin_user):
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    assert ProgrammeLumpSum.objects.filter(fast_track=True).count() == 1
    assert ProgrammeUnitCost.objects.filter(foreign_currency_code="CHF").count() == 1
    assert ProgrammeLumpSum.objects.count() == 2 and ProgrammeUnitCost.objects.count() == 2
    for item in demo.LUMP_SUMS:
        services.create_lump_sum(actor=admin_user, **item)
    for item in demo.UNIT_COSTS:
        services.create_unit_cost(actor=admin_user, **item)
