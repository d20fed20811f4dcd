"""ProgrammePriorityApi, OutputIndicatorApi and ResultIndicatorApi: every operation, its JSON shape and refusals."""

import json
from decimal import Decimal

import pytest

from jems.audit.actions import AuditAction
from jems.audit.models import AuditEvent
from jems.priorities.models import OutputIndicator, ProgrammePriority, ResultIndicator
from tests.api.conftest import error_key, form_keys

from .conftest import make_output, make_priority, make_result

pytestmark = pytest.mark.django_db

PRIORITY = {
    "code": "P1",
    "title": [{"language": "EN", "translation": "Green and resilient"}, {"language": "DE", "translation": None}],
    "objective": "PO2",
    "specificObjectives": [
        {"programmeObjectivePolicy": "ClimateChange", "code": "2.1",
         "dimensionCodes": {"TypesOfIntervention": ["058", "059"], "GenderEquality": ["002"]}},
        {"programmeObjectivePolicy": "WaterManagement", "code": "2.2"},
    ],
}


def decimals(response):
    return json.loads(response.content, parse_float=Decimal)


# --- ProgrammePriorityApi --------------------------------------------------------------------------------


def test_create_get_update_delete_priority(api_as, admin_user):
    api = api_as(admin_user)
    response = api.post("/api/programmePriority", PRIORITY)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body == {
        "id": body["id"], "code": "P1", "title": [{"language": "EN", "translation": "Green and resilient"}],
        "objective": "PO2",
        "specificObjectives": [
            {"programmeObjectivePolicy": "ClimateChange", "code": "2.1", "officialCode": "RSO2.4",
             "dimensionCodes": {"TypesOfIntervention": ["058", "059"], "GenderEquality": ["002"]}},
            {"programmeObjectivePolicy": "WaterManagement", "code": "2.2", "officialCode": "RSO2.5",
             "dimensionCodes": {}},
        ],
    }
    priority_id = body["id"]
    assert api.get(f"/api/programmePriority/{priority_id}").json() == body
    assert api.get("/api/programmePriority").json() == [body]

    changed = dict(PRIORITY, code="P1-b", specificObjectives=[
        {"programmeObjectivePolicy": "ClimateChange", "code": "2.4", "dimensionCodes": {"FormOfSupport": ["001"]}},
        {"programmeObjectivePolicy": "CircularEconomy", "code": "2.6", "officialCode": "ignored"}])
    response = api.put(f"/api/programmePriority/{priority_id}", changed)
    assert response.status_code == 200, response.content
    assert [(so["programmeObjectivePolicy"], so["code"], so["officialCode"]) for so in
            response.json()["specificObjectives"]] == [("ClimateChange", "2.4", "RSO2.4"),
                                                       ("CircularEconomy", "2.6", "RSO2.6")]
    assert response.json()["code"] == "P1-b"

    response = api.delete(f"/api/programmePriority/{priority_id}")
    assert response.status_code == 200 and response.content == b""
    assert not ProgrammePriority.objects.exists()
    assert [e.action for e in AuditEvent.objects.filter(action__startswith="PROGRAMME_PRIORITY").order_by("id")] == [
        AuditAction.PROGRAMME_PRIORITY_ADDED, AuditAction.PROGRAMME_PRIORITY_UPDATED,
        AuditAction.PROGRAMME_PRIORITY_DELETED]


def test_priority_validation_answers_422_with_field_errors(api_as, admin_user):
    api = api_as(admin_user)
    body = dict(PRIORITY, code="", title=[{"language": "EN", "translation": "t" * 301}], specificObjectives=[
        {"programmeObjectivePolicy": "Growth", "code": "1.3"},
        {"programmeObjectivePolicy": "ClimateChange", "code": "", "dimensionCodes": {"FormOfSupport": ["007"]}}])
    response = api.post("/api/programmePriority", body)
    assert response.status_code == 422
    assert error_key(response) == "common.error.input.invalid"
    assert form_keys(response) == {
        "code": "common.error.field.required",
        "title.language.en": "common.error.field.max.length",
        "specificObjectives.Growth": "programme.priority.specificObjective.wrong.objective",
        "specificObjectives.ClimateChange.code": "common.error.field.required",
        "specificObjectives.ClimateChange.dimensionCodes.FormOfSupport": "programme.priority.dimension.code.invalid",
    }


@pytest.mark.parametrize("body", [
    {"title": [], "objective": "PO2"},  # code missing
    {"code": "P1", "objective": "PO9"},  # unknown enum constant
    {"code": "P1", "objective": "PO2", "specificObjectives": [{"programmeObjectivePolicy": "Nope", "code": "1"}]},
    {"code": "P1", "objective": "PO2",
     "specificObjectives": [{"programmeObjectivePolicy": "ClimateChange", "code": "1", "dimensionCodes": {"X": []}}]},
])
def test_unreadable_priority_is_400_with_empty_body(api_as, admin_user, body):
    response = api_as(admin_user).post("/api/programmePriority", body)
    assert response.status_code == 400 and response.content == b""


def test_priority_refusals(api_as, admin_user, programme_user, applicant, locked):
    priority = make_priority(admin_user)
    admin, reader, outsider = api_as(admin_user), api_as(programme_user), api_as(applicant)
    assert reader.get("/api/programmePriority").status_code == 200
    assert reader.get(f"/api/programmePriority/{priority.pk}").status_code == 200
    assert reader.get("/api/programmePriority/availableSetup").status_code == 200
    for response in (reader.post("/api/programmePriority", PRIORITY),
                     reader.put(f"/api/programmePriority/{priority.pk}", PRIORITY),
                     reader.delete(f"/api/programmePriority/{priority.pk}"),
                     outsider.get("/api/programmePriority"),
                     outsider.get("/api/programmePriority/availableSetup"),
                     outsider.get(f"/api/programmePriority/{priority.pk}")):
        assert response.status_code == 403
        assert error_key(response) == "common.error.access.denied"
    assert api_as().get("/api/programmePriority").status_code == 401
    assert admin.get("/api/programmePriority/999").status_code == 404
    assert error_key(admin.put("/api/programmePriority/999", PRIORITY)) == "programme.priority.not.found"
    assert admin.delete("/api/programmePriority/999").status_code == 404
    # Locked: no deletion, no removal of a specific objective, no change of the objective.
    response = admin.delete(f"/api/programmePriority/{priority.pk}")
    assert response.status_code == 422 and error_key(response) == "programme.setup.locked"
    assert response.json()["i18nMessage"]["i18nArguments"] == {"what": "Deleting a priority"}
    response = admin.put(f"/api/programmePriority/{priority.pk}", dict(PRIORITY, objective="PO1", specificObjectives=[
        {"programmeObjectivePolicy": "Growth", "code": "1.3"}]))
    assert response.status_code == 422 and form_keys(response) == {"objective": "programme.setup.locked"}
    response = admin.put(f"/api/programmePriority/{priority.pk}", dict(PRIORITY, specificObjectives=[
        {"programmeObjectivePolicy": "WaterManagement", "code": "2.2"}]))
    assert response.status_code == 422 and form_keys(response) == {"specificObjectives": "programme.setup.locked"}
    response = admin.put(f"/api/programmePriority/{priority.pk}", PRIORITY)  # adds WaterManagement: allowed
    assert response.status_code == 200, response.content


def test_available_setup(api_as, admin_user):
    make_priority(admin_user, code="P1", objective="PO5", objectives=(("EnvDevelopment", "5.1"),))
    make_output(admin_user, policy="EnvDevelopment")
    body = api_as(admin_user).get("/api/programmePriority/availableSetup").json()
    assert list(body["freePrioritiesWithPolicies"]) == ["PO1", "PO2", "PO3", "PO4", "PO5", "ISO12"]
    assert body["freePrioritiesWithPolicies"]["PO5"] == [
        {"programmeObjectivePolicy": "LocalEnvDevelopment", "code": "", "officialCode": "RSO5.2", "dimensionCodes": {}}]
    assert len(body["freePrioritiesWithPolicies"]["ISO12"]) == 10
    assert body["objectivePoliciesAlreadyInUse"] == ["EnvDevelopment"]


def test_specific_objectives_of_a_call_are_in_use(api_as, admin_user):
    from jems.calls.models import Call
    from jems.priorities.models import ProgrammeSpecificObjective

    make_priority(admin_user, code="P1", objective="PO5", objectives=(("EnvDevelopment", "5.1"),
                                                                      ("LocalEnvDevelopment", "5.2")))
    call = Call.objects.create(name="Draft call", start_date="2026-01-01T00:00Z", end_date="2026-12-31T00:00Z")
    call.specific_objectives.add(ProgrammeSpecificObjective.objects.get(programme_objective_policy="LocalEnvDevelopment"))
    body = api_as(admin_user).get("/api/programmePriority/availableSetup").json()
    assert body["objectivePoliciesAlreadyInUse"] == ["LocalEnvDevelopment"]


# --- OutputIndicatorApi and ResultIndicatorApi ------------------------------------------------------------

OUTPUT = {"identifier": "O1", "code": "RCO84", "name": [{"language": "EN", "translation": "Pilot actions"}],
          "programmeObjectivePolicy": "ClimateChange",
          "measurementUnit": [{"language": "EN", "translation": "pilot actions"}],
          "milestone": 1.5, "finalTarget": 12}
RESULT = {"identifier": "R1", "code": "RCR79", "name": [{"language": "EN", "translation": "Strategies taken up"}],
          "programmeObjectivePolicy": "ClimateChange", "measurementUnit": [], "baseline": 0,
          "referenceYear": "2021", "finalTarget": 4.25,
          "sourceOfData": [{"language": "EN", "translation": "Reports"}], "comment": []}


def test_output_indicator_operations(api_as, admin_user, green_priority):
    api = api_as(admin_user)
    result = make_result(admin_user)
    response = api.post("/api/programmeindicator/output", dict(OUTPUT, resultIndicatorId=result.pk))
    assert response.status_code == 200, response.content
    body = decimals(response)
    assert body == {
        "id": body["id"], "identifier": "O1", "code": "RCO84",
        "name": [{"language": "EN", "translation": "Pilot actions"}],
        "programmePriorityPolicySpecificObjective": "ClimateChange", "programmePriorityPolicyCode": "2.1",
        "programmePriorityCode": "P1", "measurementUnit": [{"language": "EN", "translation": "pilot actions"}],
        "milestone": Decimal("1.50"), "finalTarget": Decimal("12.00"), "resultIndicatorId": result.pk,
        "resultIndicatorIdentifier": "R1",
    }
    assert b'"milestone": 1.50' in response.content or b'"milestone":1.50' in response.content
    indicator_id = body["id"]
    assert api.get(f"/api/programmeindicator/output/{indicator_id}").json() == response.json()

    response = api.put("/api/programmeindicator/output", dict(OUTPUT, id=indicator_id, code=None, milestone=None,
                                                                programmeObjectivePolicy="WaterManagement"))
    assert response.status_code == 200, response.content
    assert response.json()["code"] is None and response.json()["milestone"] is None
    assert response.json()["resultIndicatorId"] is None and response.json()["programmePriorityPolicyCode"] == "2.2"

    page = api.get("/api/programmeindicator/output", page=0, size=1, sort="identifier,desc").json()
    assert page["totalElements"] == 1 and page["content"][0]["id"] == indicator_id
    assert page["pageable"]["pageSize"] == 1 and page["sort"]["sorted"] is True

    summary = api.get("/api/programmeindicator/output/summary").json()
    assert summary == [{"id": indicator_id, "identifier": "O1", "code": None,
                        "name": [{"language": "EN", "translation": "Pilot actions"}], "programmePriorityCode": "P1",
                        "measurementUnit": [{"language": "EN", "translation": "pilot actions"}]}]
    assert api.get("/api/programmeindicator/output/summary/WaterManagement").json() == summary
    assert api.get("/api/programmeindicator/output/summary/ClimateChange").json() == []

    response = api.delete(f"/api/programmeindicator/output/{indicator_id}")
    assert response.status_code == 200 and response.content == b""
    assert not OutputIndicator.objects.exists()


def test_result_indicator_operations(api_as, admin_user, green_priority):
    api = api_as(admin_user)
    response = api.post("/api/programmeindicator/result", RESULT)
    assert response.status_code == 200, response.content
    body = decimals(response)
    assert body == {
        "id": body["id"], "identifier": "R1", "code": "RCR79",
        "name": [{"language": "EN", "translation": "Strategies taken up"}],
        "programmePriorityPolicySpecificObjective": "ClimateChange", "programmePriorityPolicyCode": "2.1",
        "programmePriorityCode": "P1", "measurementUnit": [], "baseline": Decimal("0.00"),
        "referenceYear": "2021", "finalTarget": Decimal("4.25"),
        "sourceOfData": [{"language": "EN", "translation": "Reports"}], "comment": [],
    }
    indicator_id = body["id"]
    assert api.get(f"/api/programmeindicator/result/{indicator_id}").json() == response.json()
    response = api.put("/api/programmeindicator/result", dict(RESULT, id=indicator_id, baseline=2.5,
                                                                comment=[{"language": "EN", "translation": "c"}]))
    assert response.status_code == 200
    assert decimals(response)["baseline"] == Decimal("2.50")
    assert response.json()["comment"] == [{"language": "EN", "translation": "c"}]
    page = api.get("/api/programmeindicator/result").json()
    assert page["totalElements"] == 1 and page["number"] == 0 and page["size"] == 20
    summary = decimals(api.get("/api/programmeindicator/result/summary"))
    assert summary == [{"id": indicator_id, "identifier": "R1", "code": "RCR79",
                        "name": [{"language": "EN", "translation": "Strategies taken up"}],
                        "programmePriorityCode": "P1", "measurementUnit": [], "baseline": Decimal("2.50")}]
    assert len(api.get("/api/programmeindicator/result/summary/ClimateChange").json()) == 1
    assert api.get("/api/programmeindicator/result/summary/Growth").json() == []
    response = api.delete(f"/api/programmeindicator/result/{indicator_id}")
    assert response.status_code == 200 and response.content == b""
    assert not ResultIndicator.objects.exists()


def test_indicator_refusals(api_as, admin_user, programme_user, applicant, green_priority, locked):
    admin, reader, outsider = api_as(admin_user), api_as(programme_user), api_as(applicant)
    output, result = make_output(admin_user), make_result(admin_user)

    response = admin.post("/api/programmeindicator/output", dict(OUTPUT, identifier="O1", finalTarget=-1,
                                                                  programmeObjectivePolicy="Growth"))
    assert response.status_code == 422
    assert form_keys(response) == {"identifier": "programme.indicator.identifier.already.in.use",
                                   "finalTarget": "programme.setup.number.out.of.range",
                                   "programmeObjectivePolicy": "programme.indicator.specificObjective.not.set.up"}
    response = admin.post("/api/programmeindicator/result", dict(RESULT, identifier=None, baseline=1.001))
    assert form_keys(response) == {"identifier": "common.error.field.required",
                                   "baseline": "programme.setup.number.decimals"}
    assert admin.put("/api/programmeindicator/output", dict(OUTPUT)).status_code == 400  # id missing
    assert admin.put("/api/programmeindicator/output", dict(OUTPUT, id=999)).status_code == 404
    assert admin.put("/api/programmeindicator/result", dict(RESULT, id=999)).status_code == 404
    assert admin.post("/api/programmeindicator/output", dict(OUTPUT, milestone="x")).status_code == 400
    assert admin.get("/api/programmeindicator/output/999").status_code == 404
    assert admin.get("/api/programmeindicator/result/999").status_code == 404
    assert admin.get("/api/programmeindicator/output/summary/Nope").status_code == 400
    response = admin.get("/api/programmeindicator/output", sort="nope")
    assert response.status_code == 422 and form_keys(response) == {"sort": "common.error.sort.property.unknown"}

    for path in ("/api/programmeindicator/output", "/api/programmeindicator/result"):
        assert reader.get(path).status_code == 200
        assert outsider.get(path).status_code == 403
        assert outsider.get(f"{path}/summary").status_code == 200  # the application form offers them
        assert outsider.get(f"{path}/summary/ClimateChange").status_code == 200
        assert api_as().get(f"{path}/summary").status_code == 401
    assert outsider.get(f"/api/programmeindicator/output/{output.pk}").status_code == 403
    assert reader.post("/api/programmeindicator/output", dict(OUTPUT, identifier="O2")).status_code == 403
    assert reader.put("/api/programmeindicator/result", dict(RESULT, id=result.pk)).status_code == 403
    assert reader.delete(f"/api/programmeindicator/result/{result.pk}").status_code == 403

    for path in (f"/api/programmeindicator/output/{output.pk}", f"/api/programmeindicator/result/{result.pk}"):
        response = admin.delete(path)
        assert response.status_code == 422 and error_key(response) == "programme.setup.locked"
    assert admin.delete("/api/programmeindicator/output/999").status_code == 404
