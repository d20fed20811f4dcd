"""The demo lump sum (split between two partners) and the demo proposed unit cost load idempotently."""

import io
from decimal import Decimal

import pytest

from jems.cost_options.models import ProgrammeUnitCost
from jems.projects.lumpsums.models import ProjectLumpSum

pytestmark = pytest.mark.django_db


def test_demo_lump_sums():
    from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
    from jems.calls import demo as call_demo
    from jems.cost_options import demo as cost_demo
    from jems.programme.models import ProgrammeLanguage
    from jems.projects import demo as project_demo
    from jems.projects.lumpsums import demo
    from jems.projects.partners import demo as partner_demo
    from tests.conftest import make_user

    make_user("applicant@jems.eu", APPLICANT_USER_ROLE_ID)
    ProgrammeLanguage.objects.update_or_create(code="EN", defaults={"input": True, "fallback": True})
    for module in (cost_demo, call_demo, project_demo, partner_demo, demo, demo):
        module.load(io.StringIO())
    row = ProjectLumpSum.objects.get(project__acronym="DANUBE-ADAPT")
    shares = list(row.partner_shares.order_by("partner__sort_number"))
    assert row.period_number == 0 and len(shares) == 2
    assert sum(s.amount for s in shares) == row.programme_lump_sum.cost == Decimal("20000.00")
    assert [s.amount for s in shares] == [Decimal("12000.00"), Decimal("8000.00")]
    proposed = ProgrammeUnitCost.objects.get(project__acronym="DANUBE-ADAPT")
    assert proposed.project_defined and proposed.cost_per_unit == Decimal("1850.00")
