"""The write and read layer of priorities and indicators: rules, refusals, the setup lock, limits, audit rows."""

from decimal import Decimal

import pytest

from jems.audit.actions import AuditAction
from jems.audit.models import AuditEvent
from jems.core.errors import Forbidden, NotFound, ValidationFailed
from jems.priorities import queries, services
from jems.priorities.codes import (
    CONFIGURABLE_DIMENSIONS,
    POLICY_SETUP,
    ProgrammeObjectivePolicy,
    allowed_codes,
    official_code,
    policies_of,
)
from jems.priorities.models import (
    OutputIndicator,
    ProgrammePriority,
    ProgrammeSpecificObjective,
    ResultIndicator,
)
from jems.priorities.services import SpecificObjectiveInput as SO

from .conftest import make_output, make_priority, make_result

pytestmark = pytest.mark.django_db


def fields(error: ValidationFailed) -> dict:
    return error.field_messages()


def audit(action):
    return list(AuditEvent.objects.filter(action=action).order_by("id"))


# --- code lists ------------------------------------------------------------------------------------------


def test_code_lists_match_the_reference():
    assert len(ProgrammeObjectivePolicy.values) == 42
    assert set(POLICY_SETUP) == set(ProgrammeObjectivePolicy.values)
    assert official_code("ZeroCarbonEconomy") == "RSO2.8"
    assert official_code("ISO12MutualTrust") == "ISO6.3"
    assert len(policies_of("PO4")) == 15
    assert CONFIGURABLE_DIMENSIONS == ("TypesOfIntervention", "FormOfSupport", "TerritorialDeliveryMechanism",
                                       "EconomicActivity", "GenderEquality", "RegionalAndSeaBasinStrategy")
    assert allowed_codes("TypesOfIntervention")[-1] == "182"
    assert allowed_codes("GenderEquality") == ["001", "002", "003"]
    assert allowed_codes("Location") == []


# --- priorities ------------------------------------------------------------------------------------------


def test_create_priority_stores_objectives_and_codes_and_audits(admin_user):
    priority = make_priority(admin_user, code="P2", objective="PO2",
                             objectives=(("WaterManagement", "2.5"), ("ClimateChange", "2.4")),
                             dimension_codes={"TypesOfIntervention": [" 058", "058", "1"], "Location": ["AT130"],
                                              "FormOfSupport": []})
    stored = {so.programme_objective_policy: so for so in priority.specific_objectives.all()}
    assert set(stored) == {"ClimateChange", "WaterManagement"}
    assert stored["ClimateChange"].code == "2.4"
    assert stored["ClimateChange"].dimension_codes == {"TypesOfIntervention": ["058", "1"], "Location": ["AT130"]}
    assert [so.programme_objective_policy for so in queries.sorted_objectives(priority)] == [
        "ClimateChange", "WaterManagement"]
    (row,) = audit(AuditAction.PROGRAMME_PRIORITY_ADDED)
    assert row.user_email == admin_user.email and row.entity_related_id == priority.pk
    assert "RSO2.4 (2.4)" in row.description and "RSO2.5 (2.5)" in row.description


@pytest.mark.parametrize("user", ["programme_user", "applicant"])
def test_changing_priorities_needs_setup_update(request, admin_user, green_priority, user):
    actor = request.getfixturevalue(user)
    with pytest.raises(Forbidden):
        make_priority(actor, code="P9", objective="PO1", objectives=(("Growth", "1.3"),))
    with pytest.raises(Forbidden):
        services.update_priority(actor=actor, priority_id=green_priority.pk, code="X", title={}, objective="PO2",
                                 specific_objectives=[SO("ClimateChange", "2.1")])
    with pytest.raises(Forbidden):
        services.delete_priority(actor=actor, priority_id=green_priority.pk)


def test_reading_priorities_needs_setup_retrieve(programme_user, applicant, green_priority):
    assert [p.code for p in queries.list_priorities(actor=programme_user)] == ["P1"]
    assert queries.available_setup(actor=programme_user)["free"]["PO2"][0] == "EnergyEfficiency"
    with pytest.raises(Forbidden):
        queries.list_priorities(actor=applicant)
    with pytest.raises(Forbidden):
        queries.get_priority(actor=applicant, priority_id=green_priority.pk)
    with pytest.raises(Forbidden):
        queries.available_setup(actor=applicant)
    with pytest.raises(NotFound):
        queries.get_priority(actor=programme_user, priority_id=green_priority.pk + 99)


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({"code": "  "}, {"code": "common.error.field.required"}),
    ({"code": "C" * 51}, {"code": "common.error.field.max.length"}),
    ({"title": {"EN": "t" * 301}}, {"title.language.en": "common.error.field.max.length"}),
    ({"objectives": ()}, {"specificObjectives": "programme.priority.specificObjectives.empty"}),
    ({"objectives": (("Growth", "1.3"),)},
     {"specificObjectives.Growth": "programme.priority.specificObjective.wrong.objective"}),
    ({"objectives": (("ClimateChange", " "),)}, {"specificObjectives.ClimateChange.code": "common.error.field.required"}),
    ({"objectives": (("ClimateChange", "x" * 51),)},
     {"specificObjectives.ClimateChange.code": "common.error.field.max.length"}),
    ({"objectives": (("ClimateChange", "2.1"), ("WaterManagement", "2.1"))},
     {"specificObjectives.WaterManagement.code": "programme.priority.specificObjective.code.already.in.use"}),
    ({"objectives": (("ClimateChange", "2.1"), ("ClimateChange", "2.2"))},
     {"specificObjectives.ClimateChange": "programme.priority.specificObjective.duplicate"}),
    ({"dimension_codes": {"TypesOfIntervention": ["183"]}},
     {"specificObjectives.ClimateChange.dimensionCodes.TypesOfIntervention":
      "programme.priority.dimension.code.invalid"}),
    ({"dimension_codes": {"GenderEquality": ["0"]}},
     {"specificObjectives.ClimateChange.dimensionCodes.GenderEquality": "programme.priority.dimension.code.invalid"}),
    ({"dimension_codes": {"FormOfSupport": ["abc"]}},
     {"specificObjectives.ClimateChange.dimensionCodes.FormOfSupport": "programme.priority.dimension.code.invalid"}),
    ({"dimension_codes": {"TypesOfIntervention": [f"{i:03d}" for i in range(1, 42)]}},
     {"specificObjectives.ClimateChange.dimensionCodes.TypesOfIntervention":
      "programme.priority.dimension.codes.too.many"}),
    ({"dimension_codes": {"Unknown": ["001"]}},
     {"specificObjectives.ClimateChange.dimensionCodes": "programme.priority.dimension.invalid"}),
])
def test_priority_field_errors(admin_user, kwargs, expected):
    args = {"code": "P1", "objective": "PO2", "objectives": (("ClimateChange", "2.1"),)}
    args.update(kwargs)
    with pytest.raises(ValidationFailed) as refused:
        make_priority(admin_user, **args)
    assert fields(refused.value) == expected
    assert refused.value.status == 422
    assert not ProgrammePriority.objects.exists()


def test_forty_codes_per_dimension_are_allowed(admin_user):
    codes = [f"{i:03d}" for i in range(1, 41)]
    priority = make_priority(admin_user, dimension_codes={"TypesOfIntervention": codes})
    assert priority.specific_objectives.get().dimension_codes["TypesOfIntervention"] == codes


def test_codes_and_objectives_are_unique_in_the_programme(admin_user, green_priority):
    with pytest.raises(ValidationFailed) as refused:
        make_priority(admin_user, code="P1", objective="PO2", objectives=(("CircularEconomy", "2.6"),))
    assert fields(refused.value) == {"code": "programme.priority.code.already.in.use"}
    with pytest.raises(ValidationFailed) as refused:
        make_priority(admin_user, code="P2", objective="PO2", objectives=(("ClimateChange", "2.9"),))
    assert fields(refused.value) == {
        "specificObjectives.ClimateChange": "programme.priority.specificObjective.already.in.use"}
    assert refused.value.form_errors["specificObjectives.ClimateChange"]["i18nArguments"] == {
        "policy": "RSO2.4", "priority": "P1"}
    with pytest.raises(ValidationFailed) as refused:
        make_priority(admin_user, code="P2", objective="PO2", objectives=(("CircularEconomy", "2.1"),))
    assert fields(refused.value) == {
        "specificObjectives.CircularEconomy.code": "programme.priority.specificObjective.code.already.in.use"}


def test_update_priority_changes_adds_removes_and_swaps(admin_user, green_priority):
    services.update_priority(
        actor=admin_user, priority_id=green_priority.pk, code="P1-green", title={"EN": "Green", "DE": "Grün"},
        objective="PO2", specific_objectives=[
            SO("ClimateChange", "2.2", {"GenderEquality": ["002"]}),  # takes the code of WaterManagement...
            SO("WaterManagement", "2.1"),  # ... which takes the other one
            SO("CircularEconomy", "2.6"),
        ])
    priority = queries.get_priority(actor=admin_user, priority_id=green_priority.pk)
    assert priority.code == "P1-green" and priority.title == {"EN": "Green", "DE": "Grün"}
    assert [(so.programme_objective_policy, so.code, so.dimension_codes) for so in queries.sorted_objectives(priority)] == [
        ("ClimateChange", "2.2", {"GenderEquality": ["002"]}), ("WaterManagement", "2.1", {}),
        ("CircularEconomy", "2.6", {})]
    services.update_priority(actor=admin_user, priority_id=green_priority.pk, code="P1-green", title={},
                             objective="PO1", specific_objectives=[SO("Growth", "1.3")])
    assert list(ProgrammeSpecificObjective.objects.values_list("programme_objective_policy", flat=True)) == ["Growth"]
    rows = audit(AuditAction.PROGRAMME_PRIORITY_UPDATED)
    assert len(rows) == 2
    assert "code: P1 -> P1-green" in rows[0].description
    assert "objective: PO2 -> PO1" in rows[1].description


def test_update_of_a_missing_priority_is_not_found(admin_user):
    with pytest.raises(NotFound):
        services.update_priority(actor=admin_user, priority_id=404, code="P", title={}, objective="PO1",
                                 specific_objectives=[SO("Growth", "1.3")])
    with pytest.raises(NotFound):
        services.delete_priority(actor=admin_user, priority_id=404)


def test_delete_priority_audits(admin_user, green_priority):
    services.delete_priority(actor=admin_user, priority_id=green_priority.pk)
    assert not ProgrammePriority.objects.exists() and not ProgrammeSpecificObjective.objects.exists()
    (row,) = audit(AuditAction.PROGRAMME_PRIORITY_DELETED)
    assert "'P1'" in row.description


def test_lock_refuses_deleting_removing_and_changing_the_objective(admin_user, green_priority, locked):
    with pytest.raises(ValidationFailed) as refused:
        services.delete_priority(actor=admin_user, priority_id=green_priority.pk)
    assert refused.value.key == "programme.setup.locked"
    with pytest.raises(ValidationFailed) as refused:
        services.update_priority(actor=admin_user, priority_id=green_priority.pk, code="P1", title={},
                                 objective="PO2", specific_objectives=[SO("ClimateChange", "2.1")])
    assert refused.value.key == "programme.setup.locked"
    assert fields(refused.value) == {"specificObjectives": "programme.setup.locked"}
    with pytest.raises(ValidationFailed) as refused:
        services.update_priority(actor=admin_user, priority_id=green_priority.pk, code="P1", title={},
                                 objective="PO1", specific_objectives=[SO("Growth", "1.3")])
    assert fields(refused.value) == {"objective": "programme.setup.locked"}
    # Adding and editing stays possible.
    services.update_priority(actor=admin_user, priority_id=green_priority.pk, code="P1 new", title={"EN": "x"},
                             objective="PO2", specific_objectives=[
                                 SO("ClimateChange", "2.4"), SO("WaterManagement", "2.5"), SO("SmartEnergy", "2.3")])
    assert ProgrammeSpecificObjective.objects.count() == 3
    make_priority(admin_user, code="P2", objective="PO1", objectives=(("Growth", "1.3"),))
    assert ProgrammePriority.objects.count() == 2


def test_objectives_with_indicators_stay(admin_user, green_priority):
    make_output(admin_user, policy="WaterManagement")
    with pytest.raises(ValidationFailed) as refused:
        services.update_priority(actor=admin_user, priority_id=green_priority.pk, code="P1", title={},
                                 objective="PO2", specific_objectives=[SO("ClimateChange", "2.1")])
    assert refused.value.key == "programme.priority.specificObjective.used.by.indicator"
    assert refused.value.args_ == {"policies": "RSO2.5"}
    with pytest.raises(ValidationFailed) as refused:
        services.delete_priority(actor=admin_user, priority_id=green_priority.pk)
    assert refused.value.key == "programme.priority.used.by.indicator"
    assert queries.available_setup(actor=admin_user)["in_use"] == ["WaterManagement"]


def test_available_setup_lists_free_objectives_per_policy_objective(admin_user, green_priority, locked):
    setup = queries.available_setup(actor=admin_user)
    assert "ClimateChange" not in setup["free"]["PO2"]
    assert setup["free"]["PO2"][0] == "EnergyEfficiency"
    assert list(setup["free"]) == ["PO1", "PO2", "PO3", "PO4", "PO5", "ISO12"]
    assert setup["in_use"] == ["ClimateChange", "WaterManagement"]  # locked: every objective set up
    make_priority(admin_user, code="P3", objective="PO3",
                  objectives=(("InterModalTenT", "3.1"), ("CrossBorderMobility", "3.2")))
    assert "PO3" not in queries.available_setup(actor=admin_user)["free"]


# --- indicators ------------------------------------------------------------------------------------------


def test_create_output_indicator_and_audit(admin_user, green_priority):
    result = make_result(admin_user)
    output = make_output(admin_user, result_indicator_id=result.pk, milestone=Decimal("2.5"))
    assert output.milestone == Decimal("2.50") and output.final_target == Decimal("10.00")
    detail = queries.get_output_indicator(actor=admin_user, indicator_id=output.pk)
    assert detail.specific_objective.code == "2.1" and detail.result_indicator == result
    added = audit(AuditAction.PROGRAMME_INDICATOR_ADDED)
    assert len(added) == 2
    assert "output indicator 'O1'" in added[1].description and "RSO2.4" in added[1].description


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({"identifier": " "}, {"identifier": "common.error.field.required"}),
    ({"identifier": "I" * 11}, {"identifier": "common.error.field.max.length"}),
    ({"code": "RCO1234"}, {"code": "common.error.field.max.length"}),
    ({"name": {"EN": "n" * 256}}, {"name.language.en": "common.error.field.max.length"}),
    ({"measurement_unit": {"DE": "u" * 256}}, {"measurementUnit.language.de": "common.error.field.max.length"}),
    ({"policy": None}, {"programmeObjectivePolicy": "common.error.field.required"}),
    ({"policy": "Growth"}, {"programmeObjectivePolicy": "programme.indicator.specificObjective.not.set.up"}),
    ({"milestone": "-1"}, {"milestone": "programme.setup.number.out.of.range"}),
    ({"final_target": "1.234"}, {"finalTarget": "programme.setup.number.decimals"}),
    ({"final_target": "100000000000"}, {"finalTarget": "programme.setup.number.out.of.range"}),
    ({"final_target": Decimal("NaN")}, {"finalTarget": "programme.setup.number.out.of.range"}),
    ({"result_indicator_id": 999}, {"resultIndicatorId": "programme.indicator.result.not.found"}),
])
def test_output_indicator_field_errors(admin_user, green_priority, kwargs, expected):
    with pytest.raises(ValidationFailed) as refused:
        make_output(admin_user, **kwargs)
    assert fields(refused.value) == expected
    assert not OutputIndicator.objects.exists()


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({"reference_year": "2021-2022-X"}, {"referenceYear": "common.error.field.max.length"}),
    ({"baseline": "0.001"}, {"baseline": "programme.setup.number.decimals"}),
    ({"source_of_data": {"EN": "s" * 1001}}, {"sourceOfData.language.en": "common.error.field.max.length"}),
    ({"comment": {"FR": "c" * 1001}}, {"comment.language.fr": "common.error.field.max.length"}),
    ({"policy": "Growth"}, {"programmeObjectivePolicy": "programme.indicator.specificObjective.not.set.up"}),
])
def test_result_indicator_field_errors(admin_user, green_priority, kwargs, expected):
    with pytest.raises(ValidationFailed) as refused:
        make_result(admin_user, **kwargs)
    assert fields(refused.value) == expected


def test_identifiers_are_unique_per_kind(admin_user, green_priority):
    make_output(admin_user, identifier="X1")
    make_result(admin_user, identifier="X1")  # another kind: allowed
    with pytest.raises(ValidationFailed) as refused:
        make_output(admin_user, identifier="X1")
    assert fields(refused.value) == {"identifier": "programme.indicator.identifier.already.in.use"}
    with pytest.raises(ValidationFailed):
        make_result(admin_user, identifier="X1")


def test_indicator_limits(admin_user, green_priority):
    so = ProgrammeSpecificObjective.objects.first()
    OutputIndicator.objects.bulk_create([OutputIndicator(identifier=f"O{i}", specific_objective=so)
                                         for i in range(services.MAX_OUTPUT_INDICATORS)])
    ResultIndicator.objects.bulk_create([ResultIndicator(identifier=f"R{i}", specific_objective=so)
                                         for i in range(services.MAX_RESULT_INDICATORS)])
    with pytest.raises(ValidationFailed) as refused:
        make_output(admin_user, identifier="ONE-MORE")
    assert refused.value.key == "programme.indicator.output.max.reached" and refused.value.args_ == {"max": "250"}
    with pytest.raises(ValidationFailed) as refused:
        make_result(admin_user, identifier="ONE-MORE")
    assert refused.value.key == "programme.indicator.result.max.reached" and refused.value.args_ == {"max": "50"}


def test_update_indicators_and_audit(admin_user, green_priority):
    result = make_result(admin_user)
    output = make_output(admin_user)
    services.update_output_indicator(actor=admin_user, indicator_id=output.pk, identifier="O1", code=None,
                                     name={"EN": "Own"}, measurement_unit={}, programme_objective_policy="WaterManagement",
                                     milestone=None, final_target="3", result_indicator_id=result.pk)
    output.refresh_from_db()
    assert output.code is None and output.specific_objective.programme_objective_policy == "WaterManagement"
    assert output.result_indicator_id == result.pk and output.final_target == Decimal("3.00")
    services.update_result_indicator(actor=admin_user, indicator_id=result.pk, identifier="R1b", code="RCR79",
                                     name={"EN": "x"}, measurement_unit={}, programme_objective_policy="ClimateChange",
                                     baseline="1.5", reference_year="2020", final_target=None, source_of_data={},
                                     comment={"EN": "c"})
    result.refresh_from_db()
    assert result.identifier == "R1b" and result.baseline == Decimal("1.50") and result.comment == {"EN": "c"}
    rows = audit(AuditAction.PROGRAMME_INDICATOR_EDITED)
    assert len(rows) == 2
    assert "specific objective: RSO2.4 -> RSO2.5" in rows[0].description
    assert "identifier: R1 -> R1b" in rows[1].description
    with pytest.raises(NotFound):
        services.update_result_indicator(actor=admin_user, indicator_id=999, identifier="R", code=None, name={},
                                         measurement_unit={}, programme_objective_policy="ClimateChange")


def test_delete_indicators_audit_and_unlink(admin_user, green_priority):
    result = make_result(admin_user)
    output = make_output(admin_user, result_indicator_id=result.pk)
    services.delete_result_indicator(actor=admin_user, indicator_id=result.pk)
    output.refresh_from_db()
    assert output.result_indicator is None
    services.delete_output_indicator(actor=admin_user, indicator_id=output.pk)
    assert not OutputIndicator.objects.exists()
    assert len(audit(AuditAction.PROGRAMME_INDICATOR_DELETED)) == 2
    with pytest.raises(NotFound):
        services.delete_output_indicator(actor=admin_user, indicator_id=output.pk)


def test_lock_refuses_deleting_indicators(admin_user, green_priority, locked):
    output, result = make_output(admin_user), make_result(admin_user)  # adding stays possible
    for delete, pk in ((services.delete_output_indicator, output.pk), (services.delete_result_indicator, result.pk)):
        with pytest.raises(ValidationFailed) as refused:
            delete(actor=admin_user, indicator_id=pk)
        assert refused.value.key == "programme.setup.locked"
    assert OutputIndicator.objects.count() == 1 and ResultIndicator.objects.count() == 1


@pytest.mark.parametrize("user", ["programme_user", "applicant"])
def test_changing_indicators_needs_setup_update(request, admin_user, green_priority, user):
    actor = request.getfixturevalue(user)
    output, result = make_output(admin_user), make_result(admin_user)
    with pytest.raises(Forbidden):
        make_output(actor, identifier="O2")
    with pytest.raises(Forbidden):
        make_result(actor, identifier="R2")
    with pytest.raises(Forbidden):
        services.update_output_indicator(actor=actor, indicator_id=output.pk, identifier="O1", code=None, name={},
                                         measurement_unit={}, programme_objective_policy="ClimateChange")
    with pytest.raises(Forbidden):
        services.delete_output_indicator(actor=actor, indicator_id=output.pk)
    with pytest.raises(Forbidden):
        services.delete_result_indicator(actor=actor, indicator_id=result.pk)


def test_summaries_are_open_to_logged_in_users_details_need_retrieve(admin_user, applicant, green_priority):
    make_output(admin_user, identifier="O1", policy="ClimateChange")
    make_output(admin_user, identifier="O2", policy="WaterManagement")
    make_result(admin_user)
    assert [i.identifier for i in queries.output_indicator_summaries(actor=applicant)] == ["O1", "O2"]
    assert [i.identifier for i in queries.output_indicator_summaries(actor=applicant, policy="WaterManagement")] == [
        "O2"]
    assert [i.identifier for i in queries.result_indicator_summaries(actor=applicant, policy="Growth")] == []
    with pytest.raises(Forbidden):
        queries.list_output_indicators(actor=applicant)
    with pytest.raises(Forbidden):
        queries.get_result_indicator(actor=applicant, indicator_id=1)
