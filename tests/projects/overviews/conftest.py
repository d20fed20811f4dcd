"""A small hand-checked project for the budget overviews: 12 months in 6-month periods (2 periods), two funds
(ERDF up to 80 %, a fixed 10 % OTHER fund "Fund X"), two partners, built through the ORM.

* LP1 CITY: staff flat rate 20 %, office 15 % on staff; external 10000.00 (periods 4000 / 6000), equipment
  2139.36 (period 1), a multi-category unit cost 2 × 1000.50 (period 1: 1000.50); lump-sum share 3333.33.
  → staff 2427.87, office 364.18, total 20265.74; period 1 = 11885.24, period 2 = 8380.50.
  Co-financing ERDF 75.5 % (15300.63), Fund X 10 % (2026.57), contributions Public 2000.00 + AutomaticPublic
  938.54.
* PP2 UNI: no flat rate; staff 10 × 100.00 (period 1: 500), travel 250.55 (period 2); lump-sum share 2222.23.
  → total 3472.78; period 1 = 2722.23, period 2 = 750.55. Co-financing ERDF 80 % (2778.22), Private 694.56.
* The lump sum (5555.56, split) is paid in period 1.
"""

from decimal import Decimal

import pytest

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.calls.models import CallFlatRate, CallFund, FlatRateType
from jems.cost_options.models import ProgrammeLumpSum, ProgrammeUnitCost
from jems.programme.models import ProgrammeFund
from jems.projects.budget.models import BudgetCostRow, PartnerBudgetOptions
from jems.projects.cofinancing.models import PartnerCoFinancing, PartnerContribution
from jems.projects.lumpsums.models import ProjectLumpSum, ProjectPartnerLumpSum
from jems.projects.models import Project
from jems.projects.partners.models import PartnerRole, ProjectPartner
from tests.conftest import make_user
from tests.projects.conftest import show_fields

D = Decimal


@pytest.fixture
def stranger(db):
    return make_user("stranger@example.org", APPLICANT_USER_ROLE_ID)


@pytest.fixture
def funds(open_call):
    """(ERDF, Fund X) offered by the open call."""
    erdf = ProgrammeFund.objects.create(type="ERDF", selected=True, abbreviation={"EN": "ERDF"})
    other = ProgrammeFund.objects.create(type="OTHER", selected=True, abbreviation={"EN": "Fund X"})
    CallFund.objects.create(call=open_call, fund=erdf, rate=D("80.00"), adjustable=True)
    CallFund.objects.create(call=open_call, fund=other, rate=D("10.00"), adjustable=False)
    return erdf, other


def row(partner, category, units, price, periods=(), unit_cost=None, sort=0):
    """A cost row; periods as (number, amount) pairs."""
    return BudgetCostRow.objects.create(
        partner=partner, category=category, number_of_units=D(units), price_per_unit=D(price),
        row_sum=D(units) * D(price), unit_cost=unit_cost, sort_number=sort,
        periods=[{"number": n, "amount": str(a)} for n, a in periods])


def cofinance(partner, lines, contributions):
    """lines = (fund or None, percentage); contributions = (name, status, amount, own)."""
    for order, (fund, pct) in enumerate(lines):
        PartnerCoFinancing.objects.create(project_partner=partner, fund=fund, percentage=D(pct), order_nr=order,
                                          fund_type="MainFund" if fund else "PartnerContribution")
    for order, (name, status, amount, own) in enumerate(contributions):
        PartnerContribution.objects.create(project_partner=partner, name=name, status=status, amount=D(amount),
                                           partner=own, order_nr=order)


@pytest.fixture
def budget_fields(open_call):
    """The call shows the budget (field 45) and 6-month periods, and offers the flat rates used."""
    show_fields(open_call, "PARTNER_BUDGET_AND_CO_FINANCING", "PARTNER_BUDGET_PERIODS")
    open_call.length_of_period = 6
    open_call.save(update_fields=["length_of_period"])
    CallFlatRate.objects.create(call=open_call, type=FlatRateType.STAFF_COSTS, rate=20, adjustable=True)
    CallFlatRate.objects.create(call=open_call, type=FlatRateType.OFFICE_AND_ADMINISTRATION_ON_STAFF_COSTS,
                                rate=15, adjustable=False)


@pytest.fixture
def small_project(project, open_call, funds, budget_fields):
    """The hand-checked project of the module docstring; returns (project, lead, partner, erdf, fund_x)."""
    erdf, fund_x = funds
    Project.objects.filter(pk=project.pk).update(duration=12)
    project.refresh_from_db()
    lead = ProjectPartner.objects.create(project=project, abbreviation="CITY", role=PartnerRole.LEAD_PARTNER,
                                         sort_number=1)
    uni = ProjectPartner.objects.create(project=project, abbreviation="UNI", role=PartnerRole.PARTNER, sort_number=2)
    multi = ProgrammeUnitCost.objects.create(name={"EN": "Study visit"}, type={"EN": "visit"}, cost_per_unit="1000.50",
                                             one_cost_category=False, categories=["StaffCosts", "TravelAndAccommodationCosts"])
    open_call.unit_costs.add(multi)
    PartnerBudgetOptions.objects.create(partner=lead, staff_costs_flat_rate=20,
                                        office_and_administration_on_staff_costs_flat_rate=15)
    row(lead, "EXTERNAL", "1", "10000.00", [(1, "4000.00"), (2, "6000.00")])
    row(lead, "EQUIPMENT", "1", "2139.36", [(1, "2139.36")])
    row(lead, "UNIT_COST", "2", "1000.50", [(1, "1000.50")], unit_cost=multi)
    row(uni, "STAFF", "10", "100.00", [(1, "500.00")])
    row(uni, "TRAVEL", "1", "250.55", [(2, "250.55")])
    programme = ProgrammeLumpSum.objects.create(name={"EN": "Pilot"}, cost=D("5555.56"), splitting_allowed=True,
                                                phase="Implementation", categories=["StaffCosts"])
    open_call.lump_sums.add(programme)
    lump_sum = ProjectLumpSum.objects.create(project=project, programme_lump_sum=programme, order_nr=1,
                                             period_number=1)
    ProjectPartnerLumpSum.objects.create(project_lump_sum=lump_sum, partner=lead, amount=D("3333.33"))
    ProjectPartnerLumpSum.objects.create(project_lump_sum=lump_sum, partner=uni, amount=D("2222.23"))
    cofinance(lead, [(erdf, "75.50"), (fund_x, "10.00"), (None, "14.50")],
              [("CITY", "Public", "2000.00", True), ("Region", "AutomaticPublic", "938.54", False)])
    cofinance(uni, [(erdf, "80.00"), (None, "20.00")], [("UNI", "Private", "694.56", True)])
    return project, lead, uni, erdf, fund_x


def add_partners(project, erdf, count, start=3):
    """`count` more partners with an external row split over both periods and ERDF co-financing."""
    partners = ProjectPartner.objects.bulk_create([
        ProjectPartner(project=project, abbreviation=f"P{n}", role=PartnerRole.PARTNER, sort_number=n)
        for n in range(start, start + count)])
    BudgetCostRow.objects.bulk_create([
        BudgetCostRow(partner=p, category="EXTERNAL", number_of_units=D(1), price_per_unit=D("100.00"),
                      row_sum=D("100.00"), periods=[{"number": 1, "amount": "40.00"}]) for p in partners])
    PartnerCoFinancing.objects.bulk_create(
        [PartnerCoFinancing(project_partner=p, fund=erdf, fund_type="MainFund", percentage=D(50)) for p in partners]
        + [PartnerCoFinancing(project_partner=p, fund_type="PartnerContribution", percentage=D(50), order_nr=1)
           for p in partners])
    PartnerContribution.objects.bulk_create([
        PartnerContribution(project_partner=p, name=p.abbreviation, status="Public", amount=D(50), partner=True)
        for p in partners])
    return partners
