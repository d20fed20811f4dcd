"""The budget rules of the standard check, rule by rule: each passes on the complete application (one partner with
an equipment row of 1000.00, ERDF 80 % and its own public contribution of 200.00) and fails when its data is
changed; they follow field 45 (budget & co-financing); a call changed after the budget was entered is reported,
the stored budget stays as it is."""

from decimal import Decimal

import pytest

from jems.calls.models import CallFlatRate, CallFund, CallType, FlatRateType
from jems.calls.plugins import MessageType
from jems.core.messages import TEXTS
from jems.cost_options.models import ProgrammeLumpSum, ProgrammeUnitCost
from jems.projects.budget import services as budget_services
from jems.projects.budget.models import BudgetCostRow, PartnerBudgetOptions
from jems.projects.cofinancing.models import (
    PartnerCoFinancing,
    PartnerContribution,
    PartnerSpfCoFinancing,
    PartnerSpfContribution,
)
from jems.projects.lumpsums import services as lump_sum_services
from jems.projects.lumpsums.models import ProjectLumpSum, ProjectPartnerLumpSum
from jems.projects.models import Project
from jems.projects.partners.models import ProjectPartner

from .conftest import add_partner, call_fund, set_visibility
from .test_standard_check import check, leaves

pytestmark = pytest.mark.django_db
STAFF_RATE = FlatRateType.STAFF_COSTS.label


def _fund_line(**values):
    return lambda p: PartnerCoFinancing.objects.filter(project_partner__project=p, fund_type="MainFund").update(**values)


def _own_line(**values):
    return lambda p: PartnerCoFinancing.objects.filter(project_partner__project=p,
                                                       fund_type="PartnerContribution").update(**values)


def _contribution(**values):
    return lambda p: PartnerContribution.objects.filter(project_partner__project=p).update(**values)


def _call_fund(**values):
    return lambda p: CallFund.objects.filter(call=p.call).update(**values)


def _options(**values):
    def mutate(project):
        PartnerBudgetOptions.objects.create(partner=ProjectPartner.objects.get(project=project), **values)
    return mutate


def _flat_rate(rate, adjustable):
    return lambda p: CallFlatRate.objects.create(call=p.call, type=FlatRateType.STAFF_COSTS, rate=rate,
                                                 adjustable=adjustable)


def _both(*mutations):
    def mutate(project):
        for mutation in mutations:
            mutation(project)
    return mutate


def _foreign_unit_cost(project):
    unit_cost = ProgrammeUnitCost.objects.create(name={"EN": "Staff day"}, type={"EN": "day"},
                                                 cost_per_unit=Decimal("1000.00"), one_cost_category=True,
                                                 categories=["EquipmentCosts"])
    BudgetCostRow.objects.filter(partner__project=project).update(unit_cost=unit_cost)


def _lump_sum(project, period=None, share="300.00", offered=True) -> ProjectLumpSum:
    programme = ProgrammeLumpSum.objects.create(name={"EN": "Pilot"}, cost=Decimal("500.00"), splitting_allowed=True,
                                                phase="Implementation", categories=["StaffCosts"])
    if offered:
        project.call.lump_sums.add(programme)
    row = ProjectLumpSum.objects.create(project=project, programme_lump_sum=programme, order_nr=1,
                                        period_number=period)
    ProjectPartnerLumpSum.objects.create(project_lump_sum=row, partner=ProjectPartner.objects.get(project=project),
                                         amount=Decimal(share))
    return row


RULES = [
    (lambda p: BudgetCostRow.objects.filter(partner__project=p).delete(), "b.budget.total.not.positive", {}),
    (lambda p: PartnerCoFinancing.objects.filter(project_partner__project=p).delete(), "b.cofinancing.missing", {}),
    (_both(lambda p: PartnerCoFinancing.objects.filter(project_partner__project=p, fund_type="MainFund").delete(),
           _own_line(percentage=Decimal(100)), _contribution(amount=Decimal("1000.00"))),
     "b.cofinancing.fund.missing", {}),
    (lambda p: PartnerCoFinancing.objects.filter(project_partner__project=p, fund_type="PartnerContribution").delete(),
     "b.cofinancing.partner.line.missing", {}),
    (_own_line(percentage=Decimal(0)), "b.cofinancing.percentage.not.positive", {}),
    (_contribution(status=""), "b.cofinancing.contribution.status.missing", {}),
    (_contribution(amount=Decimal(0)), "b.cofinancing.contribution.amount.not.positive", {}),
    (_contribution(amount=Decimal("150.00")), "b.cofinancing.contributions.do.not.match",
     {"sum": "150.00", "expected": "200.00"}),
    (lambda p: CallFund.objects.filter(call=p.call).delete(), "b.cofinancing.fund.not.offered", {"fund": "ERDF"}),
    (_call_fund(rate=Decimal("60.00")), "b.cofinancing.fund.rate.above.maximum",
     {"fund": "ERDF", "rate": "80.00", "max": "60.00"}),
    (_both(_call_fund(adjustable=False), _fund_line(percentage=Decimal(70)), _own_line(percentage=Decimal(30)),
           _contribution(amount=Decimal("300.00"))),
     "b.cofinancing.fund.rate.not.fixed.rate", {"fund": "ERDF", "rate": "70.00", "fixed": "80.00"}),
    (_options(staff_costs_flat_rate=10), "b.budget.flat.rate.not.offered", {"name": STAFF_RATE, "rate": "10"}),
    (_both(_flat_rate(5, True), _options(staff_costs_flat_rate=10)), "b.budget.flat.rate.above.maximum",
     {"name": STAFF_RATE, "rate": "10", "max": "5"}),
    (_both(_flat_rate(15, False), _options(staff_costs_flat_rate=10)), "b.budget.flat.rate.not.fixed.rate",
     {"name": STAFF_RATE, "rate": "10", "fixed": "15"}),
    (_foreign_unit_cost, "b.budget.unit.cost.not.offered", {"category": "Equipment", "number": "1"}),
    (lambda p: type(p.call).objects.filter(pk=p.call_id).update(allow_real_equipment_costs=False),
     "b.budget.real.costs.not.allowed", {"category": "Equipment", "number": "1"}),
    (lambda p: set_visibility(p.call, PARTNER_BUDGET_PERIODS="STEP_ONE_AND_TWO"), "b.budget.periods.not.split",
     {"category": "Equipment", "number": "1", "split": "0.00", "sum": "1000.00"}),
    (lambda p: _lump_sum(p, period=1), "e.lump.sum.not.fully.split", {"number": "1"}),
    (lambda p: _lump_sum(p, share="500.00"), "e.lump.sum.period.missing", {"number": "1"}),
    (lambda p: _lump_sum(p, period=1, share="500.00", offered=False), "e.lump.sum.not.offered", {"number": "1"}),
]


@pytest.mark.parametrize(("mutate", "key", "args"), RULES, ids=[f"{i}-{r[1]}" for i, r in enumerate(RULES)])
def test_budget_rule_fails(ready, mutate, key, args):
    mutate(ready)
    result = check(ready)
    found = leaves(result.messages)
    assert key in found, sorted(found)
    message_type, message_args, path = found[key]
    assert message_type == MessageType.ERROR and message_args == args
    assert path == (("section.e",) if key.startswith("e.") else ("section.b", "b.partner"))
    assert not result.submission_allowed


def test_partner_line_missing_is_not_also_a_zero_percentage(ready):
    PartnerCoFinancing.objects.filter(project_partner__project=ready, fund_type="PartnerContribution").delete()
    found = leaves(check(ready).messages)
    assert "b.cofinancing.partner.line.missing" in found and "b.cofinancing.percentage.not.positive" not in found


def test_rows_split_over_the_periods_pass(ready):
    set_visibility(ready.call, PARTNER_BUDGET_PERIODS="STEP_ONE_AND_TWO")
    BudgetCostRow.objects.filter(partner__project=ready).update(
        periods=[{"number": 1, "amount": "600.00"}, {"number": 2, "amount": "400.00"}])
    assert check(ready).submission_allowed
    set_visibility(ready.call, PARTNER_BUDGET_PERIODS="NONE")
    BudgetCostRow.objects.filter(partner__project=ready).update(periods=[{"number": 1, "amount": "1.00"}])
    assert check(ready).submission_allowed  # periods hidden: nothing to split


def test_offered_budget_options_pass(ready):
    _flat_rate(15, True)(ready)
    ProgrammeLumpSum.objects.all().delete()
    row = _lump_sum(ready, period=1, share="500.00")
    PartnerBudgetOptions.objects.create(partner=ProjectPartner.objects.get(project=ready), staff_costs_flat_rate=15)
    unit_cost = ProgrammeUnitCost.objects.create(name={"EN": "Laptop"}, type={"EN": "piece"},
                                                 cost_per_unit=Decimal("1000.00"), one_cost_category=True,
                                                 categories=["EquipmentCosts"])
    ready.call.unit_costs.add(unit_cost)
    BudgetCostRow.objects.filter(partner__project=ready).update(unit_cost=unit_cost)
    type(ready.call).objects.filter(pk=ready.call_id).update(allow_real_equipment_costs=False)
    # equipment 1000 + staff 15 % = 150 + lump sum 500 → 1650; ERDF 80 % = 1320, own contribution 330
    PartnerContribution.objects.filter(project_partner__project=ready).update(amount=Decimal("330.00"))
    found = leaves(check(ready).messages)
    assert not any(key.startswith(("b.budget", "b.spf", "b.cofinancing")) for key in found), sorted(found)
    assert row.partner_shares.count() == 1


def test_spf_call_checks_the_spf_cofinancing_and_the_management_share(ready):
    type(ready.call).objects.filter(pk=ready.call_id).update(type=CallType.SPF)
    found = leaves(check(ready).messages)
    assert {"b.spf.cofinancing.missing", "b.budget.spf.management.share"} <= set(found)
    partner = ProjectPartner.objects.get(project=ready)
    BudgetCostRow.objects.create(partner=partner, category="SPF", number_of_units=Decimal(1),
                                 price_per_unit=Decimal("4000.00"), row_sum=Decimal("4000.00"))
    PartnerSpfCoFinancing.objects.create(project_partner=partner, fund_type="MainFund",
                                         fund=call_fund(ready.call), percentage=Decimal(80), order_nr=1)
    PartnerSpfCoFinancing.objects.create(project_partner=partner, fund_type="PartnerContribution",
                                         percentage=Decimal(20), order_nr=2)
    PartnerSpfContribution.objects.create(project_partner=partner, name="Town", status="Public",
                                          amount=Decimal("700.00"), order_nr=1)
    found = leaves(check(ready).messages)
    assert found["b.spf.cofinancing.contributions.do.not.match"][1] == {"sum": "700.00", "expected": "800.00"}
    assert "b.budget.spf.management.share" not in found  # 1000 is exactly 20 % of 5000
    PartnerSpfContribution.objects.filter(project_partner=partner).update(amount=Decimal("800.00"))
    found = leaves(check(ready).messages)
    assert not any(key.startswith(("b.budget", "b.spf", "b.cofinancing")) for key in found), sorted(found)
    BudgetCostRow.objects.filter(partner=partner, category="SPF").update(row_sum=Decimal("3999.99"))
    PartnerSpfContribution.objects.filter(project_partner=partner).update(amount=Decimal("800.00"))
    assert "b.budget.spf.management.share" in leaves(check(ready).messages)


def test_field_45_hidden_in_step_one_means_no_budget_messages(ready):
    """Field 45 is STEP_TWO_ONLY by default (it cannot be switched off): in step 1 nothing of D and E is checked."""
    BudgetCostRow.objects.filter(partner__project=ready).delete()
    PartnerCoFinancing.objects.filter(project_partner__project=ready).delete()
    _lump_sum(ready)
    assert not check(ready).submission_allowed
    Project.objects.filter(pk=ready.pk).update(status="STEP1_DRAFT")
    result = check(ready)
    found = leaves(result.messages)
    assert not any(key.startswith(("b.budget", "b.cofinancing", "e.")) for key in found), sorted(found)
    assert [m.key for m in result.messages][-1] == "standard.check.section.c"  # no section E
    set_visibility(ready.call, PARTNER_BUDGET_AND_CO_FINANCING="STEP_ONE_AND_TWO")
    found = leaves(check(ready).messages)
    assert {"b.cofinancing.missing", "e.lump.sum.period.missing"} <= set(found)


def test_inactive_partners_need_a_budget_too(ready):
    other = add_partner(ready, 2)
    BudgetCostRow.objects.filter(partner=other).delete()
    ProjectPartner.objects.filter(pk=other.pk).update(active=False, name_in_english="")
    section_b = check(ready).messages[1]
    node = next(child for child in section_b.children if child.args == {"partner": "PP2 P2"})
    assert [child.key for child in node.children][:1] == ["standard.check.b.budget.total.not.positive"]
    assert "standard.check.b.name.english.missing" not in [child.key for child in node.children]


def test_a_call_changed_after_the_budget_was_entered(ready, applicant):
    """Rate lowered and lump sum removed after the applicant entered the budget through the services: the check
    reports both, nothing stored changes."""
    _flat_rate(20, True)(ready)
    ProgrammeLumpSum.objects.all().delete()
    programme = ProgrammeLumpSum.objects.create(name={"EN": "Pilot"}, cost=Decimal("500.00"), splitting_allowed=True,
                                                phase="Implementation", categories=["StaffCosts"])
    ready.call.lump_sums.add(programme)
    partner = ProjectPartner.objects.get(project=ready)
    budget_services.update_options(actor=applicant, partner_id=partner.pk, data={"staffCostsFlatRate": 15})
    share = lump_sum_services.ShareData(partner_id=partner.pk, amount="500.00")
    lump_sum_services.update_lump_sums(actor=applicant, project_id=ready.pk, rows=[
        lump_sum_services.LumpSumData(programme_lump_sum_id=programme.pk, period=1, shares=(share,))])
    PartnerContribution.objects.filter(project_partner=partner).update(amount=Decimal("330.00"))
    assert check(ready).submission_allowed

    CallFlatRate.objects.filter(call=ready.call).update(rate=10)
    ready.call.lump_sums.remove(programme)
    found = leaves(check(ready).messages)
    assert found["b.budget.flat.rate.above.maximum"][1] == {"name": STAFF_RATE, "rate": "15", "max": "10"}
    assert found["e.lump.sum.not.offered"][1] == {"number": "1"}
    assert "e.lump.sum.not.fully.split" not in found
    assert PartnerBudgetOptions.objects.get(partner=partner).staff_costs_flat_rate == 15
    assert list(ProjectPartnerLumpSum.objects.filter(partner=partner).values_list("amount", flat=True)) == [
        Decimal("500.00")]
    assert BudgetCostRow.objects.filter(partner=partner).count() == 1


def test_every_budget_message_has_a_text():
    keys = {f"standard.check.{key}" for key in
            ("section.e", "b.budget.total.not.positive", "b.budget.periods.not.split", "b.budget.flat.rate.not.offered",
             "b.budget.flat.rate.above.maximum", "b.budget.flat.rate.not.fixed.rate", "b.budget.unit.cost.not.offered",
             "b.budget.real.costs.not.allowed", "b.budget.spf.management.share", "e.lump.sum.not.offered",
             "e.lump.sum.not.fully.split", "e.lump.sum.period.missing")}
    for prefix in ("b.cofinancing", "b.spf.cofinancing"):
        keys |= {f"standard.check.{prefix}.{code}" for code in (
            "missing", "fund.missing", "partner.line.missing", "percentage.not.positive",
            "contribution.status.missing", "contribution.amount.not.positive", "contributions.do.not.match",
            "fund.not.offered", "fund.rate.above.maximum", "fund.rate.not.fixed.rate")}
    assert keys <= set(TEXTS), sorted(keys - set(TEXTS))
