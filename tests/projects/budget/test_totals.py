"""Partner budget totals: the figures equal jems.finance, the worked example of finance-rules §1.3 by hand,
snapshots, and a fixed number of queries for the whole project."""

import json
from decimal import Decimal

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jems.calls.models import CallFlatRate, FlatRateType
from jems.cost_options.models import ProgrammeLumpSum, ProgrammeUnitCost
from jems.finance.budget import BudgetOptions, CategorySums, calculate
from jems.projects.budget import services
from jems.projects.budget.models import CostCategory
from jems.projects.budget.totals import partner_budgets
from jems.projects.lumpsums.models import ProjectLumpSum, ProjectPartnerLumpSum
from jems.projects.services import form_snapshot

from .conftest import staff_row

pytestmark = pytest.mark.django_db
C = CostCategory
D = Decimal


def row(price, units="1"):
    return staff_row(units=units, price=price)


@pytest.fixture
def worked_example(applicant, partners, open_call):
    """The lead partner of finance-rules §1.3: staff FR 20 %, office 10 % on staff."""
    lead = partners[0]
    CallFlatRate.objects.create(call=open_call, type=FlatRateType.STAFF_COSTS, rate=20, adjustable=False)
    CallFlatRate.objects.create(call=open_call, type=FlatRateType.OFFICE_AND_ADMINISTRATION_ON_STAFF_COSTS, rate=10,
                                adjustable=False)
    multi = ProgrammeUnitCost.objects.create(name={"EN": "Package"}, cost_per_unit="10977.03",
                                             one_cost_category=False, categories=["StaffCosts", "ExternalCosts"])
    open_call.unit_costs.add(multi)
    services.update_options(actor=applicant, partner_id=lead.pk, data={
        "staffCostsFlatRate": 20, "officeAndAdministrationOnStaffCostsFlatRate": 10})
    for category, prices in ((C.TRAVEL, ["6000.00", "433.10"]), (C.EXTERNAL, ["3800.95"]),
                             (C.EQUIPMENT, ["2139.36"]), (C.INFRASTRUCTURE, ["25726.10"])):
        services.update_costs(actor=applicant, partner_id=lead.pk, category=category, rows=[row(p) for p in prices])
    services.update_costs(actor=applicant, partner_id=lead.pk, category=C.UNIT_COST,
                          rows=[{"unitCostId": multi.pk, "numberOfUnits": "1"}])
    lump = ProgrammeLumpSum.objects.create(name={"EN": "Preparation"}, cost="3999.99")
    project_lump = ProjectLumpSum.objects.create(project=lead.project, programme_lump_sum=lump, order_nr=1,
                                                 period_number=0)
    ProjectPartnerLumpSum.objects.create(project_lump_sum=project_lump, partner=lead, amount="3999.99")
    return lead


def test_worked_example_by_hand(worked_example, partners):
    totals = partner_budgets(worked_example.project)
    lead = totals[worked_example.pk]
    assert lead.staff == D("7619.90")  # dn2(38099.51 × 0.20)
    assert lead.office == D("761.99")
    assert lead.lump_sums == D("3999.99") and lead.unit_costs == D("10977.03")
    assert lead.total == D("61458.42")
    assert totals[partners[1].pk].total == 0


def test_figures_equal_jems_finance(applicant, partner):
    services.update_costs(actor=applicant, partner_id=partner.pk, category=C.STAFF,
                          rows=[row("333.33", "3.33"), row("0.01", "0.5")])
    services.update_costs(actor=applicant, partner_id=partner.pk, category=C.TRAVEL, rows=[row("12.34")])
    expected = calculate(BudgetOptions(), CategorySums(staff=D("1109.98") + D("0.00"), travel=D("12.34")))
    assert partner_budgets(partner.project)[partner.pk] == expected


def test_snapshot_keeps_the_frozen_budget(worked_example, applicant):
    project = worked_example.project
    snapshot = json.loads(json.dumps(form_snapshot(project), cls=DjangoJSONEncoder))
    services.update_costs(actor=applicant, partner_id=worked_example.pk, category=C.EXTERNAL, rows=[])
    assert partner_budgets(project)[worked_example.pk].total != D("61458.42")
    assert partner_budgets(project, snapshot)[worked_example.pk].total == D("61458.42")


def test_fixed_number_of_queries(applicant, partners):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            partner_budgets(partners[0].project)
        return len(ctx)

    services.update_costs(actor=applicant, partner_id=partners[0].pk, category=C.STAFF, rows=[row("1")] * 10)
    small = count()
    services.update_costs(actor=applicant, partner_id=partners[1].pk, category=C.TRAVEL, rows=[row("1")] * 200)
    assert count() == small
