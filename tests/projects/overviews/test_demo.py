"""The demo application (budget, lump sums and co-financing demos) fills the overviews: `make run` shows D and
A.3 with figures, and the project totals equal the partner budgets."""

import io

import pytest
from django.template.defaultfilters import floatformat
from django.test import Client

from jems.projects.budget.totals import partner_budgets
from jems.projects.models import Project
from jems.projects.overviews import queries

pytestmark = pytest.mark.django_db


def test_demo_overviews():
    from jems.accounts.models import User
    from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
    from jems.calls import demo as call_demo
    from jems.calls.form_config import demo as config_demo
    from jems.cost_options import demo as cost_demo
    from jems.priorities import demo as priorities_demo
    from jems.programme import demo as programme_demo
    from jems.programme.models import ProgrammeLanguage
    from jems.projects import demo as project_demo
    from jems.projects.budget import demo as budget_demo
    from jems.projects.cofinancing import demo as cofinancing_demo
    from jems.projects.lumpsums import demo as lump_sum_demo
    from jems.projects.partners import demo as partner_demo
    from tests.conftest import PASSWORD, make_user

    make_user("applicant@jems.eu", APPLICANT_USER_ROLE_ID)
    ProgrammeLanguage.objects.update_or_create(code="EN", defaults={"input": True, "fallback": True})
    for module in (programme_demo, priorities_demo, cost_demo, call_demo, config_demo, project_demo, partner_demo,
                   budget_demo, lump_sum_demo, cofinancing_demo):
        module.load(io.StringIO())
    project = Project.objects.get(acronym="DANUBE-ADAPT")
    applicant = User.objects.get(email="applicant@jems.eu")
    ov = queries.load(actor=applicant, project_id=project.pk)
    total = sum(t.total for t in partner_budgets(project).values())
    assert total > 0 and ov.per_period.grand_total == total
    assert ov.co_financing["Management"].total_fund_and_contribution == total
    assert ov.co_financing["Management"].total_funding_amount > 0
    client = Client()
    assert client.login(email=applicant.email, password=PASSWORD)
    page = client.get(f"/app/project/detail/{project.pk}/applicationFormBudgetPerPartner").content.decode()
    assert floatformat(total, "2g") in page
    a3 = client.get(f"/app/project/detail/{project.pk}/applicationFormOverviewTables").content.decode()
    assert "A.3 – Project budget overview" in a3 and floatformat(total, "2g") in a3
