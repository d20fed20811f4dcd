"""The demo co-financing loads idempotently: the call's ERDF fund at the call rate and the own contribution."""

import io
from decimal import Decimal

import pytest

from jems.projects.cofinancing.models import PartnerCoFinancing, PartnerContribution
from jems.projects.models import Project

pytestmark = pytest.mark.django_db


def test_demo_cofinancing():
    from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
    from jems.calls import demo as call_demo
    from jems.calls.models import CallFund
    from jems.programme import demo as programme_demo
    from jems.programme.models import ProgrammeLanguage
    from jems.projects import demo
    from jems.projects.budget.models import BudgetCostRow
    from jems.projects.cofinancing import demo as cofinancing_demo
    from jems.projects.partners import demo as partner_demo
    from tests.conftest import make_user

    make_user("applicant@jems.eu", APPLICANT_USER_ROLE_ID)
    ProgrammeLanguage.objects.update_or_create(code="EN", defaults={"input": True, "fallback": True})
    programme_demo.load(io.StringIO())
    call_demo.load(io.StringIO())
    demo.load(io.StringIO())
    partner_demo.load(io.StringIO())
    project = Project.objects.get(acronym="DANUBE-ADAPT")
    lead = project.partners.get(abbreviation="ULM")
    BudgetCostRow.objects.filter(partner=lead).delete()
    BudgetCostRow.objects.create(partner=lead, category="EQUIPMENT", number_of_units=1,
                                 price_per_unit=Decimal("5123.12"), row_sum=Decimal("5123.12"))
    cofinancing_demo.load(io.StringIO())
    cofinancing_demo.load(io.StringIO())
    erdf = CallFund.objects.get(call=project.call, fund__type="ERDF")
    lines = PartnerCoFinancing.objects.filter(project_partner=lead)
    assert [(line.fund_type, line.fund_id, line.percentage) for line in lines] == [
        ("MainFund", erdf.fund_id, erdf.rate), ("PartnerContribution", None, 100 - erdf.rate)]
    assert PartnerCoFinancing.objects.filter(project_partner__project=project).count() == 6
    own = PartnerContribution.objects.get(project_partner=lead)
    expected = Decimal("5123.12") - (Decimal("5123.12") * erdf.rate / 100).quantize(Decimal("0.01"), "ROUND_DOWN")
    assert (own.name, own.status, own.partner, own.amount) == ("ULM", "Public", True, expected)
