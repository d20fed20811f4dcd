"""Fixtures of the co-financing tests: two programme funds in the open call (ERDF up to 80 %, adjustable, and a
fixed 10 % OTHER fund), two partners, and helpers to build co-financing sets."""

from decimal import Decimal

import pytest

from jems.calls.models import CallFund
from jems.programme.models import ProgrammeFund
from jems.projects.partners.models import PartnerRole, ProjectPartner
from tests.projects.conftest import show_fields

ADD_ORIGIN = "PARTNER_ADD_NEW_CONTRIBUTION_ORIGIN"


@pytest.fixture
def funds(open_call):
    """(ERDF, OTHER) programme funds offered by the open call."""
    erdf = ProgrammeFund.objects.create(type="ERDF", selected=True, abbreviation={"EN": "ERDF"})
    other = ProgrammeFund.objects.create(type="OTHER", selected=True, abbreviation={"EN": "Fund X"})
    CallFund.objects.create(call=open_call, fund=erdf, rate=Decimal("80.00"), adjustable=True)
    CallFund.objects.create(call=open_call, fund=other, rate=Decimal("10.00"), adjustable=False)
    return erdf, other


@pytest.fixture
def partners(project):
    """The lead partner CITY and the partner UNI of the project."""
    lead = ProjectPartner.objects.create(project=project, abbreviation="CITY", role=PartnerRole.LEAD_PARTNER,
                                         sort_number=1)
    uni = ProjectPartner.objects.create(project=project, abbreviation="UNI", role=PartnerRole.PARTNER,
                                        sort_number=2)
    return lead, uni


@pytest.fixture
def origins(open_call):
    """The call lets partners add contribution origins (form configuration field 46)."""
    show_fields(open_call, ADD_ORIGIN)


def fund_line(fund, percentage) -> dict:
    return {"fundType": "MainFund", "fundId": fund.pk, "percentage": Decimal(percentage)}


def own_line(percentage) -> dict:
    return {"fundType": "PartnerContribution", "fundId": None, "percentage": Decimal(percentage)}


def contribution(name, status, amount, partner=False) -> dict:
    return {"name": name, "status": status, "amount": None if amount is None else Decimal(amount),
            "partner": partner}


def valid_set(erdf) -> dict:
    return {"finances": [fund_line(erdf, "75.5"), own_line("24.5")],
            "partnerContributions": [contribution(None, "Public", "100", partner=True),
                                     contribution("Region", "AutomaticPublic", "50.25")]}


def give_budget(partner, amount: str, category: str = "EQUIPMENT") -> None:
    """A single cost row so that the partner's budget total is `amount`."""
    from jems.projects.budget.models import BudgetCostRow

    BudgetCostRow.objects.create(partner=partner, category=category, number_of_units=Decimal(1),
                                 price_per_unit=Decimal(amount), row_sum=Decimal(amount))
