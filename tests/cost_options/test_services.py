"""The write and read layer of lump sums and unit costs: rules, refusals, the setup lock, limits, audit rows."""

from decimal import Decimal

import pytest

from jems.audit.actions import AuditAction
from jems.audit.models import AuditEvent
from jems.core.errors import Forbidden, NotFound, ValidationFailed
from jems.cost_options import queries, services
from jems.cost_options.codes import is_currency_code
from jems.cost_options.models import ProgrammeLumpSum, ProgrammeUnitCost

from .conftest import lump_sum_values, make_lump_sum, make_unit_cost, unit_cost_values

pytestmark = pytest.mark.django_db


def fields(error: ValidationFailed) -> dict:
    return error.field_messages()


def audit(action):
    return list(AuditEvent.objects.filter(action=action).order_by("id"))


# --- lump sums -----------------------------------------------------------------------------------------


def test_create_lump_sum_and_audit(admin_user):
    lump_sum = make_lump_sum(admin_user, cost=Decimal("15000.5"), fast_track=True,
                             categories=["TravelAndAccommodationCosts", "StaffCosts", "StaffCosts"])
    assert lump_sum.cost == Decimal("15000.50") and lump_sum.fast_track
    assert lump_sum.categories == ["StaffCosts", "TravelAndAccommodationCosts"]
    (row,) = audit(AuditAction.PROGRAMME_LUMP_SUM_ADDED)
    assert "'Preparation lump sum'" in row.description and "fast track: True" in row.description
    assert row.entity_related_id == lump_sum.pk


def test_lump_sum_phase_may_be_empty_on_the_api(admin_user):
    assert make_lump_sum(admin_user, phase=None).phase is None


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({"name": {}}, {"name": "common.error.field.required"}),
    ({"name": {"EN": "n" * 51}}, {"name.language.en": "common.error.field.max.length"}),
    ({"description": {"DE": "d" * 256}}, {"description.language.de": "common.error.field.max.length"}),
    ({"cost": None}, {"cost": "common.error.field.required"}),
    ({"cost": "0"}, {"cost": "programme.setup.number.out.of.range"}),
    ({"cost": "-5"}, {"cost": "programme.setup.number.out.of.range"}),
    ({"cost": "1000000000.00"}, {"cost": "programme.setup.number.out.of.range"}),
    ({"cost": "10.001"}, {"cost": "programme.setup.number.decimals"}),
    ({"categories": ["StaffCosts"]}, {"categories": "lump.sum.categories.min.2"}),
    ({"categories": []}, {"categories": "lump.sum.categories.min.2"}),
    ({"categories": ["StaffCosts", "Nope"]}, {"categories": "programme.costOption.category.invalid"}),
    ({"phase": "Later"}, {"phase": "common.error.field.required"}),
])
def test_lump_sum_field_errors(admin_user, kwargs, expected):
    with pytest.raises(ValidationFailed) as refused:
        make_lump_sum(admin_user, **kwargs)
    assert fields(refused.value) == expected
    assert refused.value.status == 422
    assert not ProgrammeLumpSum.objects.exists()


def test_lump_sum_limit(admin_user):
    ProgrammeLumpSum.objects.bulk_create([ProgrammeLumpSum(cost=1) for _ in range(services.MAX_LUMP_SUMS)])
    with pytest.raises(ValidationFailed) as refused:
        make_lump_sum(admin_user)
    assert refused.value.key == "lump.sum.max.allowed.reached" and refused.value.args_ == {"max": "100"}


def test_update_and_delete_lump_sum(admin_user):
    lump_sum = make_lump_sum(admin_user)
    services.update_lump_sum(actor=admin_user, lump_sum_id=lump_sum.pk,
                             **lump_sum_values(cost="20000", phase="Closure", name={"EN": "Closure lump sum"}))
    lump_sum.refresh_from_db()
    assert lump_sum.cost == Decimal("20000.00") and lump_sum.phase == "Closure"
    (row,) = audit(AuditAction.PROGRAMME_LUMP_SUM_CHANGED)
    assert "cost: 15000.00 -> 20000.00" in row.description and "phase: Preparation -> Closure" in row.description
    services.delete_lump_sum(actor=admin_user, lump_sum_id=lump_sum.pk)
    assert not ProgrammeLumpSum.objects.exists()
    assert len(audit(AuditAction.PROGRAMME_LUMP_SUM_DELETED)) == 1
    with pytest.raises(NotFound):
        services.delete_lump_sum(actor=admin_user, lump_sum_id=lump_sum.pk)
    with pytest.raises(NotFound):
        services.update_lump_sum(actor=admin_user, lump_sum_id=None, **lump_sum_values())


def test_lock_refuses_deleting_and_changing_lump_sum_figures(admin_user, locked):
    lump_sum = make_lump_sum(admin_user)  # adding stays possible
    with pytest.raises(ValidationFailed) as refused:
        services.delete_lump_sum(actor=admin_user, lump_sum_id=lump_sum.pk)
    assert refused.value.key == "programme.setup.locked"
    for change, field in (({"cost": "1.00"}, "cost"), ({"phase": "Closure"}, "phase"),
                          ({"categories": ["StaffCosts", "ExternalCosts"]}, "categories"),
                          ({"splitting_allowed": False}, "splittingAllowed"), ({"fast_track": True}, "fastTrack")):
        with pytest.raises(ValidationFailed) as refused:
            services.update_lump_sum(actor=admin_user, lump_sum_id=lump_sum.pk, **lump_sum_values(**change))
        assert fields(refused.value) == {field: "programme.setup.locked"}
    services.update_lump_sum(actor=admin_user, lump_sum_id=lump_sum.pk,
                             **lump_sum_values(name={"EN": "Renamed"}, payment_claim="Other"))
    lump_sum.refresh_from_db()
    assert lump_sum.name == {"EN": "Renamed"} and lump_sum.cost == Decimal("15000.00")


# --- unit costs ----------------------------------------------------------------------------------------


def test_create_unit_cost_in_foreign_currency_and_audit(admin_user):
    unit_cost = make_unit_cost(admin_user, cost_per_unit_foreign_currency="240", foreign_currency_code="chf",
                               one_cost_category=True, categories=["TravelAndAccommodationCosts"])
    assert unit_cost.foreign_currency_code == "CHF" and unit_cost.cost_per_unit_foreign_currency == Decimal("240.00")
    assert unit_cost.one_cost_category and unit_cost.categories == ["TravelAndAccommodationCosts"]
    (row,) = audit(AuditAction.PROGRAMME_UNIT_COST_ADDED)
    assert "foreign currency: CHF" in row.description


def test_currency_codes():
    assert is_currency_code("CHF") and is_currency_code("HRK") and is_currency_code("EUR")
    assert not is_currency_code("XYZ") and not is_currency_code("chf") and not is_currency_code("EURO")


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({"name": {"EN": " "}}, {"name": "common.error.field.required"}),
    ({"name": {"EN": "n" * 51}}, {"name.language.en": "common.error.field.max.length"}),
    ({"type": {"EN": "t" * 26}}, {"type.language.en": "common.error.field.max.length"}),
    ({"justification": {"EN": "j" * 5001}}, {"justification.language.en": "common.error.field.max.length"}),
    ({"cost_per_unit": None}, {"costPerUnit": "common.error.field.required"}),
    ({"cost_per_unit": "0.00"}, {"costPerUnit": "programme.setup.number.out.of.range"}),
    ({"cost_per_unit": "0.015"}, {"costPerUnit": "programme.setup.number.decimals"}),
    ({"cost_per_unit_foreign_currency": "10"}, {"foreignCurrencyCode": "unit.cost.foreign.currency.code.missing"}),
    ({"foreign_currency_code": "CHF"}, {"costPerUnitForeignCurrency": "common.error.field.required"}),
    ({"foreign_currency_code": "XYZ", "cost_per_unit_foreign_currency": "1"},
     {"foreignCurrencyCode": "unit.cost.foreign.currency.code.invalid"}),
    ({"foreign_currency_code": "CHF", "cost_per_unit_foreign_currency": "1.999"},
     {"costPerUnitForeignCurrency": "programme.setup.number.decimals"}),
    ({"one_cost_category": True}, {"categories": "unit.cost.categories.exactly.1"}),
    ({"one_cost_category": True, "categories": []}, {"categories": "unit.cost.categories.exactly.1"}),
    ({"one_cost_category": True, "categories": ["OfficeAndAdministrationCosts"]},
     {"categories": "unit.cost.categories.office.not.allowed"}),
    ({"one_cost_category": False, "categories": ["StaffCosts"]}, {"categories": "unit.cost.categories.min.2"}),
])
def test_unit_cost_field_errors(admin_user, kwargs, expected):
    with pytest.raises(ValidationFailed) as refused:
        make_unit_cost(admin_user, **kwargs)
    assert fields(refused.value) == expected
    assert not ProgrammeUnitCost.objects.exists()


def test_unit_cost_limit(admin_user):
    ProgrammeUnitCost.objects.bulk_create([ProgrammeUnitCost(cost_per_unit=1) for _ in range(services.MAX_UNIT_COSTS)])
    with pytest.raises(ValidationFailed) as refused:
        make_unit_cost(admin_user)
    assert refused.value.key == "unit.cost.max.allowed.reached" and refused.value.args_ == {"max": "200"}


def test_update_and_delete_unit_cost(admin_user):
    unit_cost = make_unit_cost(admin_user, foreign_currency_code="CHF", cost_per_unit_foreign_currency="240")
    services.update_unit_cost(actor=admin_user, unit_cost_id=unit_cost.pk,
                              **unit_cost_values(cost_per_unit="260", project_defined=True))
    unit_cost.refresh_from_db()
    assert unit_cost.cost_per_unit == Decimal("260.00") and unit_cost.foreign_currency_code is None
    assert unit_cost.cost_per_unit_foreign_currency is None and unit_cost.project_defined
    (row,) = audit(AuditAction.PROGRAMME_UNIT_COST_CHANGED)
    assert "cost per unit: 250.00 -> 260.00" in row.description
    services.delete_unit_cost(actor=admin_user, unit_cost_id=unit_cost.pk)
    assert len(audit(AuditAction.PROGRAMME_UNIT_COST_DELETED)) == 1
    with pytest.raises(NotFound):
        services.update_unit_cost(actor=admin_user, unit_cost_id=unit_cost.pk, **unit_cost_values())


def test_lock_refuses_deleting_and_changing_unit_cost_figures(admin_user, locked):
    unit_cost = make_unit_cost(admin_user)
    with pytest.raises(ValidationFailed) as refused:
        services.delete_unit_cost(actor=admin_user, unit_cost_id=unit_cost.pk)
    assert refused.value.key == "programme.setup.locked"
    for change, field in (({"cost_per_unit": "1"}, "costPerUnit"),
                          ({"one_cost_category": True, "categories": ["StaffCosts"]}, "oneCostCategory"),
                          ({"categories": ["StaffCosts", "ExternalCosts"]}, "categories"),
                          ({"foreign_currency_code": "CHF", "cost_per_unit_foreign_currency": "3"},
                           "costPerUnitForeignCurrency")):
        with pytest.raises(ValidationFailed) as refused:
            services.update_unit_cost(actor=admin_user, unit_cost_id=unit_cost.pk, **unit_cost_values(**change))
        assert fields(refused.value) == {field: "programme.setup.locked"}
    services.update_unit_cost(actor=admin_user, unit_cost_id=unit_cost.pk,
                              **unit_cost_values(name={"EN": "Renamed"}, type={"EN": "meeting"}))
    assert ProgrammeUnitCost.objects.get().name == {"EN": "Renamed"}


# --- privileges ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("user", ["programme_user", "applicant"])
def test_changing_cost_options_needs_setup_update(request, admin_user, user):
    actor = request.getfixturevalue(user)
    lump_sum, unit_cost = make_lump_sum(admin_user), make_unit_cost(admin_user)
    calls = [
        lambda: make_lump_sum(actor),
        lambda: services.update_lump_sum(actor=actor, lump_sum_id=lump_sum.pk, **lump_sum_values()),
        lambda: services.delete_lump_sum(actor=actor, lump_sum_id=lump_sum.pk),
        lambda: make_unit_cost(actor),
        lambda: services.update_unit_cost(actor=actor, unit_cost_id=unit_cost.pk, **unit_cost_values()),
        lambda: services.delete_unit_cost(actor=actor, unit_cost_id=unit_cost.pk),
    ]
    for call in calls:
        with pytest.raises(Forbidden):
            call()


def test_reading_cost_options_needs_setup_retrieve(admin_user, programme_user, applicant):
    lump_sum, unit_cost = make_lump_sum(admin_user), make_unit_cost(admin_user)
    assert queries.list_lump_sums(actor=programme_user) == [lump_sum]
    assert queries.get_unit_cost(actor=programme_user, unit_cost_id=unit_cost.pk) == unit_cost
    for call in (lambda: queries.list_lump_sums(actor=applicant), lambda: queries.list_unit_costs(actor=applicant),
                 lambda: queries.get_lump_sum(actor=applicant, lump_sum_id=lump_sum.pk),
                 lambda: queries.get_unit_cost(actor=applicant, unit_cost_id=unit_cost.pk)):
        with pytest.raises(Forbidden):
            call()
    with pytest.raises(NotFound):
        queries.get_lump_sum(actor=admin_user, lump_sum_id=999)
