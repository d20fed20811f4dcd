"""The demo budget loads idempotently on the demo application, through the services (so it obeys every rule)."""

import io
from decimal import Decimal

import pytest

from jems.projects.budget.models import BudgetCostRow, CostCategory, PartnerBudgetOptions
from jems.projects.budget.totals import partner_budgets
from jems.projects.models import Project

pytestmark = pytest.mark.django_db


def test_demo_budget():
    from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
    from jems.calls import demo as call_demo
    from jems.calls.form_config import demo as config_demo
    from jems.cost_options import demo as cost_demo
    from jems.priorities import demo as priorities_demo
    from jems.programme.models import ProgrammeLanguage
    from jems.projects import demo as project_demo
    from jems.projects.budget import demo
    from jems.projects.partners import demo as partner_demo
    from tests.conftest import make_user

    make_user("applicant@jems.eu", APPLICANT_USER_ROLE_ID)
    ProgrammeLanguage.objects.update_or_create(code="EN", defaults={"input": True, "fallback": True})
    for module in (priorities_demo, cost_demo, call_demo, config_demo, project_demo, partner_demo):
        module.load(io.StringIO())
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    project = Project.objects.get(acronym="DANUBE-ADAPT")
    rows = BudgetCostRow.objects.filter(partner__project=project)
    assert rows.filter(category=CostCategory.EXTERNAL, investment__isnull=False).count() == 1
    assert rows.filter(category=CostCategory.UNIT_COST).count() == 1
    assert rows.filter(category=CostCategory.STAFF, unit_cost__isnull=False).count() == 1
    assert PartnerBudgetOptions.objects.filter(partner__project=project).count() == 3
    lead = partner_budgets(project)[project.partners.get(abbreviation="ULM").pk]
    # staff 63600, office dn2(63600 × 15 %) = 9540, travel 3200, external 18500, unit costs 12 × 320
    assert lead.total == Decimal("63600") + Decimal("9540") + Decimal("3200") + Decimal("18500") + Decimal("3840")
