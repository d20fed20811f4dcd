"""D partner budget services: every save-time rule of finance-rules §1.1 / §1.2, refusals leave the stored
budget unchanged."""

from decimal import Decimal

import pytest

from jems.calls.models import CallType
from jems.core.errors import Forbidden, NotFound, ValidationFailed
from jems.projects.budget import services
from jems.projects.budget.models import BudgetCostRow, CostCategory, PartnerBudgetOptions
from jems.projects.budget.parts import live_budgets
from jems.projects.models import ApplicationStatus, Project

from .conftest import hide, staff_row

pytestmark = pytest.mark.django_db
C = CostCategory


def save(actor, partner, category, rows):
    return services.update_costs(actor=actor, partner_id=partner.pk, category=category, rows=rows)


def refused(actor, partner, category, rows) -> dict:
    before = live_budgets([partner.pk])
    with pytest.raises(ValidationFailed) as caught:
        save(actor, partner, category, rows)
    assert live_budgets([partner.pk]) == before  # nothing stored
    return caught.value.form_errors


def test_rows_saved_with_recomputed_sum_and_periods(applicant, partner):
    rows = save(applicant, partner, C.STAFF, [staff_row(units="3.5", price="33.33", rowSum="1",
                                                        periods=[{"number": 2, "amount": "50"},
                                                                 {"number": 1, "amount": "10.5"}])])
    assert rows[0]["rowSum"] == Decimal("116.65")  # fl2(116.655)
    assert rows[0]["budgetPeriods"] == [{"number": 1, "amount": Decimal("10.50")},
                                        {"number": 2, "amount": Decimal("50.00")}]
    assert rows[0]["description"] == {"EN": "Project manager"}


def test_ids_kept_new_rows_added_missing_rows_deleted(applicant, partner):
    first = save(applicant, partner, C.STAFF, [staff_row(price="1"), staff_row(price="2")])
    again = save(applicant, partner, C.STAFF, [{**staff_row(price="5"), "id": first[1]["id"]}, staff_row(price="3")])
    assert again[0]["id"] == first[1]["id"] and again[0]["pricePerUnit"] == Decimal("5.00")
    assert again[1]["id"] not in (first[0]["id"], first[1]["id"])
    assert BudgetCostRow.objects.filter(partner=partner).count() == 2


@pytest.mark.parametrize("value,key", [("1.001", "project.partner.budget.number.scale"),
                                       ("-1", "project.partner.budget.number.negative"),
                                       ("1000000000", "project.partner.budget.number.max"),
                                       ("abc", "project.partner.budget.number.invalid")])
def test_bad_numbers_refused(applicant, partner, value, key):
    save(applicant, partner, C.STAFF, [staff_row()])
    errors = refused(applicant, partner, C.STAFF, [staff_row(price=value), staff_row(units=value)])
    assert errors["staffCosts[0].pricePerUnit"]["i18nKey"] == key
    assert errors["staffCosts[1].numberOfUnits"]["i18nKey"] == key


def test_period_rules(applicant, partner, open_call):
    errors = refused(applicant, partner, C.STAFF, [staff_row(periods=[{"number": 5, "amount": "1"}]),
                                                   staff_row(periods=[{"number": 1, "amount": "0.001"}])])
    assert errors["staffCosts[0].budgetPeriods"]["i18nKey"] == "project.partner.budget.period.not.exists"
    assert errors["staffCosts[1].budgetPeriods.1"]["i18nKey"] == "project.partner.budget.number.scale"
    hide(open_call, "PARTNER_BUDGET_PERIODS")
    errors = refused(applicant, partner, C.STAFF, [staff_row(periods=[{"number": 1, "amount": "1"}])])
    assert errors["staffCosts[0].budgetPeriods"]["i18nKey"] == "project.partner.budget.periods.hidden"


def test_hidden_units_require_one_unit_and_no_unit_type(applicant, partner, open_call):
    hide(open_call, "PARTNER_BUDGET_STAFF_COST_UNIT_TYPE_AND_NUMBER_OF_UNITS")
    errors = refused(applicant, partner, C.STAFF, [staff_row(units="2")])
    assert errors["staffCosts[0].numberOfUnits"]["i18nKey"] == "project.partner.budget.units.hidden"
    assert errors["staffCosts[0].unitType"]["i18nKey"] == "project.partner.budget.units.hidden"
    assert save(applicant, partner, C.STAFF, [staff_row(units="1", unitType={})])[0]["rowSum"] == Decimal("100.00")


def test_at_most_300_rows(applicant, partner):
    errors = refused(applicant, partner, C.TRAVEL, [staff_row() for _ in range(301)])
    assert errors["travelCosts"]["i18nKey"] == "project.partner.budget.max.allowed"
    assert len(save(applicant, partner, C.TRAVEL, [staff_row() for _ in range(300)])) == 300


def test_duplicate_ids_refused(applicant, partner):
    row = save(applicant, partner, C.STAFF, [staff_row()])[0]
    errors = refused(applicant, partner, C.STAFF, [{**staff_row(), "id": row["id"]}, {**staff_row(), "id": row["id"]}])
    assert errors["staffCosts"]["i18nKey"] == "project.partner.budget.id.not.unique"


def test_single_category_unit_cost_price_must_match(applicant, partner, unit_costs):
    staff_uc, multi = unit_costs
    errors = refused(applicant, partner, C.STAFF, [staff_row(price="149.99", unitCostId=staff_uc.pk)])
    assert errors["staffCosts[0].pricePerUnit"]["i18nKey"] == "project.partner.budget.unit.cost.price.differs"
    errors = refused(applicant, partner, C.TRAVEL, [staff_row(price="150", unitCostId=staff_uc.pk)])
    assert errors["travelCosts[0].unitCostId"]["i18nKey"] == "project.partner.budget.unit.cost.not.available"
    errors = refused(applicant, partner, C.STAFF, [staff_row(price="1000.50", unitCostId=multi.pk)])
    assert "staffCosts[0].unitCostId" in errors
    row = save(applicant, partner, C.STAFF, [staff_row(units="2", price="150.0", unitCostId=staff_uc.pk)])[0]
    assert row["unitCostId"] == staff_uc.pk and row["rowSum"] == Decimal("300.00")


def test_real_costs_not_allowed(applicant, partner, open_call, unit_costs):
    open_call.allow_real_staff_costs = False
    open_call.save()
    errors = refused(applicant, partner, C.STAFF, [staff_row()])
    assert errors["staffCosts[0].unitCostId"]["i18nKey"] == "project.partner.budget.real.costs.not.allowed"
    save(applicant, partner, C.STAFF, [staff_row(price="150", unitCostId=unit_costs[0].pk)])


def test_multi_category_unit_cost_rows(applicant, partner, unit_costs):
    staff_uc, multi = unit_costs
    rows = save(applicant, partner, C.UNIT_COST, [{"unitCostId": multi.pk, "numberOfUnits": "2.5",
                                                   "budgetPeriods": [{"number": 4, "amount": "10"}]}])
    assert rows[0]["rowSum"] == Decimal("2501.25") and "pricePerUnit" not in rows[0]
    errors = refused(applicant, partner, C.UNIT_COST, [{"unitCostId": staff_uc.pk, "numberOfUnits": "1"}])
    assert errors["unitCosts[0].unitCostId"]["i18nKey"] == "project.partner.budget.unit.cost.not.multi"


def test_multi_category_rows_only_when_call_offers_them(applicant, partner, unit_costs, open_call):
    open_call.unit_costs.remove(unit_costs[1])
    errors = refused(applicant, partner, C.UNIT_COST, [{"unitCostId": unit_costs[1].pk, "numberOfUnits": "1"}])
    assert errors["unitCosts"]["i18nKey"] == "project.partner.budget.unit.costs.not.allowed"


def test_investment_must_belong_to_project(applicant, partner, investment):
    rows = save(applicant, partner, C.EXTERNAL, [staff_row(investmentId=investment.pk,
                                                           awardProcedures={"EN": "Open tender"})])
    assert rows[0]["investmentId"] == investment.pk and rows[0]["awardProcedures"] == {"EN": "Open tender"}
    errors = refused(applicant, partner, C.EQUIPMENT, [staff_row(investmentId=investment.pk + 99)])
    assert errors["equipmentCosts[0].investmentId"]["i18nKey"] == "project.partner.budget.investment.not.found"


def test_texts_languages_and_length(applicant, partner):
    errors = refused(applicant, partner, C.STAFF, [staff_row(description={"EN": "x" * 256}, comments={"FR": "y"})])
    assert errors["staffCosts[0].description.language.en"]["i18nKey"] == "common.error.field.max.length"
    assert errors["staffCosts[0].comments.language.fr"]["i18nKey"] == "project.language.not.input.language"


def test_spf_rows_only_in_spf_calls(applicant, partner, open_call):
    errors = refused(applicant, partner, C.SPF, [staff_row()])
    assert errors["spfCosts"]["i18nKey"] == "project.partner.budget.spf.not.spf.call"
    open_call.type = CallType.SPF
    open_call.save()
    assert save(applicant, partner, C.SPF, [staff_row()])[0]["rowSum"] == Decimal("1000.00")


# --- options ---------------------------------------------------------------------------------------------------


def options(**values):
    return {key: values.get(key) for key in ("staffCostsFlatRate", "officeAndAdministrationOnStaffCostsFlatRate",
                                             "officeAndAdministrationOnDirectCostsFlatRate",
                                             "travelAndAccommodationOnStaffCostsFlatRate",
                                             "otherCostsOnStaffCostsFlatRate")}


def options_refused(actor, partner, data) -> dict:
    before = live_budgets([partner.pk])
    with pytest.raises(ValidationFailed) as caught:
        services.update_options(actor=actor, partner_id=partner.pk, data=data)
    assert live_budgets([partner.pk]) == before
    return caught.value.form_errors


def test_options_up_to_call_rate_and_fixed_rates(applicant, partner, flat_rates):
    saved = services.update_options(actor=applicant, partner_id=partner.pk, data=options(
        staffCostsFlatRate=12, officeAndAdministrationOnStaffCostsFlatRate=15))
    assert saved["staffCostsFlatRate"] == 12
    errors = options_refused(applicant, partner, options(staffCostsFlatRate=21,
                                                         officeAndAdministrationOnStaffCostsFlatRate=10))
    assert errors["staffCostsFlatRate"]["i18nKey"] == "project.partner.budget.options.flat.rate.range"
    assert errors["officeAndAdministrationOnStaffCostsFlatRate"]["i18nKey"] == (
        "project.partner.budget.options.flat.rate.fixed")
    assert options_refused(applicant, partner, options(staffCostsFlatRate=0))


def test_option_not_offered(applicant, partner):
    errors = options_refused(applicant, partner, options(staffCostsFlatRate=10))
    assert errors["staffCostsFlatRate"]["i18nKey"] == "project.partner.budget.options.flat.rate.not.in.call"


def test_option_combinations(applicant, partner, flat_rates):
    errors = options_refused(applicant, partner, options(officeAndAdministrationOnStaffCostsFlatRate=15,
                                                         officeAndAdministrationOnDirectCostsFlatRate=7))
    assert "officeAndAdministrationOnDirectCostsFlatRate" in errors
    errors = options_refused(applicant, partner, options(otherCostsOnStaffCostsFlatRate=40,
                                                         travelAndAccommodationOnStaffCostsFlatRate=15))
    assert errors["otherCostsOnStaffCostsFlatRate"]["i18nKey"] == "project.partner.budget.options.other.combination"
    services.update_options(actor=applicant, partner_id=partner.pk, data=options(
        staffCostsFlatRate=20, travelAndAccommodationOnStaffCostsFlatRate=15,
        officeAndAdministrationOnDirectCostsFlatRate=7))


def test_flat_rates_delete_and_reject_rows(applicant, partner, flat_rates, unit_costs):
    save(applicant, partner, C.STAFF, [staff_row()])
    save(applicant, partner, C.TRAVEL, [staff_row()])
    save(applicant, partner, C.EXTERNAL, [staff_row()])
    save(applicant, partner, C.UNIT_COST, [{"unitCostId": unit_costs[1].pk, "numberOfUnits": "1"}])
    services.update_options(actor=applicant, partner_id=partner.pk, data=options(otherCostsOnStaffCostsFlatRate=40))
    assert set(BudgetCostRow.objects.filter(partner=partner).values_list("category", flat=True)) == {C.STAFF}
    errors = refused(applicant, partner, C.EXTERNAL, [staff_row()])
    assert errors["externalCosts"]["i18nKey"] == "project.partner.budget.flat.rate.replaces.category"
    services.update_options(actor=applicant, partner_id=partner.pk, data=options(staffCostsFlatRate=20))
    assert not BudgetCostRow.objects.filter(partner=partner).exists()
    assert refused(applicant, partner, C.STAFF, [staff_row()])["staffCosts"]


def test_contracted_project_may_change_but_not_switch_flat_rates(applicant, partner, flat_rates):
    from jems.projects.models import ProjectVersion

    services.update_options(actor=applicant, partner_id=partner.pk, data=options(staffCostsFlatRate=10))
    ProjectVersion.objects.create(project=partner.project, version="0.5", user=applicant, status="CONTRACTED",
                                  snapshot={})
    Project.objects.filter(pk=partner.project_id).update(status=ApplicationStatus.IN_MODIFICATION)
    services.update_options(actor=applicant, partner_id=partner.pk, data=options(staffCostsFlatRate=15))
    errors = options_refused(applicant, partner, options(staffCostsFlatRate=15,
                                                         travelAndAccommodationOnStaffCostsFlatRate=10))
    assert errors["travelAndAccommodationOnStaffCostsFlatRate"]["i18nKey"] == (
        "project.partner.budget.options.contracted.switch")
    assert PartnerBudgetOptions.objects.get(partner=partner).staff_costs_flat_rate == 15


# --- editability ------------------------------------------------------------------------------------------------


def test_refusals_by_role_project_and_status(applicant, partner, viewer, stranger):
    with pytest.raises(NotFound):
        save(stranger, partner, C.STAFF, [staff_row()])
    with pytest.raises(Forbidden):
        save(viewer, partner, C.STAFF, [staff_row()])
    Project.objects.filter(pk=partner.project_id).update(status=ApplicationStatus.SUBMITTED)
    with pytest.raises(ValidationFailed) as caught:
        save(applicant, partner, C.STAFF, [staff_row()])
    assert caught.value.key == "project.status.not.modifiable"
    with pytest.raises(ValidationFailed):
        services.update_options(actor=applicant, partner_id=partner.pk, data=options())
    assert not BudgetCostRow.objects.exists()
