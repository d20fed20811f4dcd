"""CallApi: every operation with its refusals."""

from decimal import Decimal

import pytest

from jems.audit.models import AuditEvent
from jems.calls.models import Call, CallStatus
from jems.calls.plugins import BLOCKED, NO_CHECK

from .conftest import payload

pytestmark = pytest.mark.django_db

PLUGINS = {"pluginKey": NO_CHECK, "firstStepPluginKey": None,
           "reportPartnerCheckPluginKey": "jems-report-partner-check-off",
           "reportProjectCheckPluginKey": "jems-report-project-check-off",
           "controlReportPartnerCheckPluginKey": "jems-control-report-check-off",
           "controlReportSamplingCheckPluginKey": "jems-control-sampling-off"}


def create(api, setup, **overrides):
    response = api.post("/api/call", payload(setup, **overrides))
    assert response.status_code == 200, response.content
    return response.json()


def test_create_returns_the_jems_detail_shape(admin_user, api_as, setup):
    api = api_as(admin_user)
    body = create(api, setup)
    assert set(body) == {
        "id", "name", "status", "type", "startDateTime", "endDateTimeStep1", "endDateTime", "additionalFundAllowed",
        "directContributionsAllowed", "lengthOfPeriod", "description", "objectives", "strategies", "funds",
        "stateAids", "flatRates", "lumpSums", "unitCosts", "applicationFormFieldConfigurations",
        "preSubmissionCheckPluginKey", "firstStepPreSubmissionCheckPluginKey", "reportPartnerCheckPluginKey",
        "reportProjectCheckPluginKey", "controlReportPartnerCheckPluginKey", "controlReportSamplingCheckPluginKey"}
    assert body["status"] == "DRAFT"
    assert body["endDateTimeStep1"] is None
    assert body["description"] == [{"language": "EN", "translation": "The first call"}]
    assert body["objectives"][0]["code"] == "P1"
    assert [so["programmeObjectivePolicy"] for so in body["objectives"][0]["specificObjectives"]] == [
        "AdvancedTechnologies"]
    assert body["strategies"] == ["EUStrategyDanubeRegion"]
    assert body["funds"][0]["rate"] == 80
    assert body["funds"][0]["programmeFund"]["id"] == setup.funds[0].pk
    assert body["stateAids"][0]["id"] == setup.state_aids[0].pk
    assert body["flatRates"] == {
        "staffCostFlatRateSetup": None, "officeAndAdministrationOnStaffCostsFlatRateSetup": None,
        "officeAndAdministrationOnDirectCostsFlatRateSetup": None,
        "travelAndAccommodationOnStaffCostsFlatRateSetup": None, "otherCostsOnStaffCostsFlatRateSetup": None}
    assert body["preSubmissionCheckPluginKey"] is None
    assert AuditEvent.objects.filter(action="CALL_ADDED", entity_related_id=body["id"]).exists()


def test_fund_rate_is_an_exact_number(admin_user, api_as, setup):
    funds = [{"programmeFund": {"id": setup.funds[0].pk, "selected": True}, "rate": 85.55, "adjustable": False}]
    body = create(api_as(admin_user), setup, funds=funds)
    assert body["funds"][0]["rate"] == 85.55
    assert Call.objects.get().funds.get().rate == Decimal("85.55")


@pytest.mark.parametrize(("overrides", "field", "key"), [
    ({"name": " "}, "name", "common.error.field.blank"),
    ({"name": "x" * 251}, "name", "common.error.field.max.length"),
    ({"lengthOfPeriod": 0}, "lengthOfPeriod", "call.length.of.period.invalid"),
    ({"lengthOfPeriod": 100}, "lengthOfPeriod", "call.length.of.period.invalid"),
    ({"priorityPolicies": ["Growth"]}, "priorityPolicies", "call.objective.unknown"),
    ({"strategies": ["AtlanticStrategy"]}, "strategies", "call.strategy.unknown"),
    ({"stateAidIds": [99999]}, "stateAidIds", "call.state.aid.unknown"),
    ({"funds": [{"programmeFund": {"id": 99999, "selected": True}, "rate": 50, "adjustable": True}]},
     "funds", "call.fund.unknown"),
    ({"funds": [{"programmeFund": {"selected": True}, "rate": 50, "adjustable": True}]}, "funds", "call.fund.unknown"),
    ({"description": [{"language": "EN", "translation": "d" * 1001}]}, "description.language.en",
     "common.error.field.max.length"),
])
def test_create_refusals(admin_user, api_as, setup, overrides, field, key):
    response = api_as(admin_user).post("/api/call", payload(setup, **overrides))
    assert response.status_code == 422
    assert response.json()["formErrors"][field]["i18nKey"] == key
    assert not Call.objects.exists()


@pytest.mark.parametrize("rate", [101, -1, 50.123])
def test_fund_rate_out_of_range(admin_user, api_as, setup, rate):
    funds = [{"programmeFund": {"id": setup.funds[0].pk, "selected": True}, "rate": rate, "adjustable": True}]
    response = api_as(admin_user).post("/api/call", payload(setup, funds=funds))
    assert response.status_code == 422
    assert response.json()["formErrors"]["funds"]["i18nKey"] == "call.fund.rate.invalid"


def test_unselected_fund_refused(admin_user, api_as, setup):
    from jems.programme.models import ProgrammeFund
    other = ProgrammeFund.objects.filter(selected=False).first()
    funds = [{"programmeFund": {"id": other.pk, "selected": True}, "rate": 50, "adjustable": True}]
    response = api_as(admin_user).post("/api/call", payload(setup, funds=funds))
    assert response.json()["formErrors"]["funds"]["i18nKey"] == "call.fund.unknown"


def test_dates_refused(admin_user, api_as, setup):
    body = payload(setup)
    response = api_as(admin_user).post("/api/call", {**body, "endDateTime": body["startDateTime"]})
    assert response.status_code == 422
    assert response.json()["formErrors"]["endDateTime"]["i18nKey"] == "call.end.date.before.start"
    response = api_as(admin_user).post("/api/call", {**body, "endDateTimeStep1": body["endDateTime"]})
    assert response.json()["formErrors"]["endDateTimeStep1"]["i18nKey"] == "call.step1.end.date.outside"


def test_name_taken(admin_user, api_as, setup):
    api = api_as(admin_user)
    create(api, setup)
    response = api.post("/api/call", payload(setup))
    assert response.status_code == 422
    assert response.json()["formErrors"]["name"]["i18nKey"] == "call.name.already.exists"


def test_bad_body_is_400(admin_user, api_as, setup):
    body = payload(setup)
    del body["name"]
    assert api_as(admin_user).post("/api/call", body).status_code == 400
    assert api_as(admin_user).post("/api/call", {**payload(setup), "type": "BIG"}).status_code == 400


def test_privileges(programme_user, applicant, api_as, admin_user, setup):
    created = create(api_as(admin_user), setup)
    assert api_as(programme_user).post("/api/call", payload(setup, name="Other")).status_code == 403
    assert api_as(programme_user).get(f"/api/call/byId/{created['id']}").status_code == 200
    assert api_as(applicant).get(f"/api/call/byId/{created['id']}").status_code == 404  # draft
    assert api_as(applicant).get("/api/call").status_code == 200
    assert api_as(applicant).get("/api/call").json()["totalElements"] == 0
    for path in ("flatRate", "lumpSum", "unitCost", "checklists", "publish"):
        assert api_as(programme_user).put(f"/api/call/byId/{created['id']}/{path}", []).status_code in (400, 403)
    assert api_as(programme_user).put(f"/api/call/byId/{created['id']}/publish").status_code == 403
    assert api_as(None).get("/api/call").status_code == 401


def test_update_lists_changes_in_audit(admin_user, api_as, setup):
    api = api_as(admin_user)
    created = create(api, setup)
    response = api.put("/api/call", payload(setup, id=created["id"], name="Renamed", lengthOfPeriod=12))
    assert response.status_code == 200, response.content
    assert response.json()["name"] == "Renamed"
    event = AuditEvent.objects.get(action="CALL_CONFIGURATION_CHANGED")
    assert "name: Call 2026 -> Renamed" in event.description
    assert "lengthOfPeriod: 6 -> 12" in event.description


def test_update_unknown_call(admin_user, api_as, setup):
    response = api_as(admin_user).put("/api/call", payload(setup, id=99999))
    assert response.status_code == 404
    assert api_as(admin_user).get("/api/call/byId/99999").status_code == 404


def test_type_is_fixed(admin_user, api_as, setup):
    api = api_as(admin_user)
    created = create(api, setup)
    response = api.put("/api/call", payload(setup, id=created["id"], type="SPF"))
    assert response.json()["formErrors"]["type"]["i18nKey"] == "call.type.fixed"


def test_lists(admin_user, applicant, api_as, setup):
    api = api_as(admin_user)
    first = create(api, setup, name="A")
    create(api, setup, name="B")
    page = api.get("/api/call", page=0, size=1, sort="name,asc").json()
    assert page["totalElements"] == 2 and page["content"][0]["name"] == "A" and page["totalPages"] == 2
    assert set(page["content"][0]) == {"id", "name", "status", "startDateTime", "endDateTime", "endDateTimeStep1"}
    assert [p["name"] for p in api.get("/api/call/list").json()] == ["B", "A"]
    api.put(f"/api/call/byId/{first['id']}/preSubmissionCheck", PLUGINS)
    assert api.put(f"/api/call/byId/{first['id']}/publish").status_code == 200
    assert api.get("/api/call/list", status="PUBLISHED").json() == [{"id": first["id"], "name": "A"}]
    published = api_as(applicant).get("/api/call/published").json()
    assert [c["name"] for c in published["content"]] == ["A"]
    assert api.get("/api/call/list", status="OTHER").status_code == 400
    assert api.get("/api/call", sort="nope").status_code == 422


def test_flat_rates(admin_user, api_as, setup):
    api = api_as(admin_user)
    call = create(api, setup)
    url = f"/api/call/byId/{call['id']}/flatRate"
    response = api.put(url, {"staffCostFlatRateSetup": {"rate": 20, "adjustable": False},
                             "otherCostsOnStaffCostsFlatRateSetup": {"rate": 40}})
    assert response.status_code == 200, response.content
    rates = response.json()["flatRates"]
    assert rates["staffCostFlatRateSetup"] == {"rate": 20, "adjustable": False}
    assert rates["otherCostsOnStaffCostsFlatRateSetup"] == {"rate": 40, "adjustable": True}
    assert rates["officeAndAdministrationOnStaffCostsFlatRateSetup"] is None
    for bad in (0, 101):
        response = api.put(url, {"staffCostFlatRateSetup": {"rate": bad}})
        assert response.status_code == 422
        assert response.json()["formErrors"]["staffCostFlatRateSetup"]["i18nKey"] == "call.flat.rate.out.of.range"
    assert AuditEvent.objects.filter(action="CALL_CONFIGURATION_CHANGED").count() == 1


def test_lump_sums_and_unit_costs(admin_user, api_as, setup):
    api = api_as(admin_user)
    call = create(api, setup)
    response = api.put(f"/api/call/byId/{call['id']}/lumpSum", [setup.lump_sums[0].pk])
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["lumpSums"]] == [setup.lump_sums[0].pk]
    assert response.json()["lumpSums"][0]["cost"] == 1000
    response = api.put(f"/api/call/byId/{call['id']}/unitCost", [u.pk for u in setup.unit_costs])
    assert sorted(item["id"] for item in response.json()["unitCosts"]) == sorted(u.pk for u in setup.unit_costs)
    response = api.put(f"/api/call/byId/{call['id']}/lumpSum", [99999])
    assert response.status_code == 422 and "lumpSums" in response.json()["formErrors"]
    response = api.put(f"/api/call/byId/{call['id']}/unitCost", [99999])
    assert response.status_code == 422 and "unitCosts" in response.json()["formErrors"]
    from jems.projects.models import Project

    project = Project.objects.create(call_id=call["id"], acronym="OWN", applicant=admin_user)
    proposed = setup.unit_costs[0]
    proposed.pk, proposed.project = None, project
    proposed.save()
    response = api.put(f"/api/call/byId/{call['id']}/unitCost", [proposed.pk])  # proposed by a project
    assert response.status_code == 422 and "unitCosts" in response.json()["formErrors"]
    assert api.put(f"/api/call/byId/{call['id']}/unitCost", ["x"]).status_code == 400


def test_cost_options_and_real_costs(admin_user, api_as, setup, programme_user):
    api = api_as(admin_user)
    call = create(api, setup)
    url = f"/api/call/byId/{call['id']}/allowedCostOption"
    assert api.get(url).json() == {"projectDefinedUnitCostAllowed": False, "projectDefinedLumpSumAllowed": False}
    body = {"projectDefinedUnitCostAllowed": True, "projectDefinedLumpSumAllowed": False}
    assert api.put(url, body).json() == body
    assert api_as(programme_user).put(url, body).status_code == 403
    url = f"/api/call/byId/{call['id']}/allowedRealCosts"
    assert api.get(url).json() == {
        "allowRealStaffCosts": True, "allowRealTravelAndAccommodationCosts": True,
        "allowRealExternalExpertiseAndServicesCosts": True, "allowRealEquipmentCosts": True,
        "allowRealInfrastructureCosts": True}
    body = {**api.get(url).json(), "allowRealInfrastructureCosts": False}
    assert api.put(url, body).json() == body
    assert api_as(programme_user).get(url).status_code == 200


def test_plugins(admin_user, api_as, setup):
    api = api_as(admin_user)
    call = create(api, setup)
    url = f"/api/call/byId/{call['id']}/preSubmissionCheck"
    response = api.put(url, {**PLUGINS, "firstStepPluginKey": BLOCKED})
    assert response.status_code == 200
    assert response.json()["preSubmissionCheckPluginKey"] == NO_CHECK
    assert response.json()["firstStepPreSubmissionCheckPluginKey"] == BLOCKED
    response = api.put(url, {**PLUGINS, "reportProjectCheckPluginKey": "nope"})
    assert response.status_code == 422
    assert response.json()["formErrors"]["reportProjectCheckPluginKey"]["i18nKey"] == "call.plugin.key.unknown"
    body = dict(PLUGINS)
    del body["pluginKey"]
    assert api.put(url, body).status_code == 400


def test_checklists(admin_user, api_as, setup, programme_user):
    api = api_as(admin_user)
    call = create(api, setup)
    url = f"/api/call/byId/{call['id']}/checklists"
    response = api.put(url, [setup.checklists[1].pk])
    assert response.status_code == 200 and response.content == b""
    page = api.get(url, size=100).json()
    selection = {c["id"]: c["selected"] for c in page["content"]}
    assert page["totalElements"] == len(selection) >= 2
    assert selection[setup.checklists[0].pk] is False and selection[setup.checklists[1].pk] is True
    assert sum(selection.values()) == 1
    assert set(page["content"][0]) == {"id", "type", "name", "lastModificationDate", "selected"}
    assert AuditEvent.objects.filter(action="CALL_CHECKLISTS_CHANGED").count() == 1
    setup.checklists[1].refresh_from_db()
    assert not setup.checklists[1].locked  # selection does not lock the template
    assert api.put(url, [99999]).status_code == 422
    assert api_as(programme_user).put(url, []).status_code == 403
    assert api_as(programme_user).get(url).status_code == 200


def test_publish(admin_user, api_as, setup):
    api = api_as(admin_user)
    call = create(api, setup, funds=[], priorityPolicies=[])
    url = f"/api/call/byId/{call['id']}/publish"
    response = api.put(url)
    assert response.status_code == 422
    assert set(response.json()["formErrors"]) == {"funds", "priorityPolicies", "preSubmissionCheckPluginKey"}
    api.put("/api/call", payload(setup, id=call["id"]))
    api.put(f"/api/call/byId/{call['id']}/preSubmissionCheck", PLUGINS)
    response = api.put(url)
    assert response.status_code == 200
    assert response.json() == {"id": call["id"], "name": "Call 2026", "status": "PUBLISHED",
                               "startDateTime": response.json()["startDateTime"],
                               "endDateTime": response.json()["endDateTime"], "endDateTimeStep1": None}
    assert Call.objects.get().status == CallStatus.PUBLISHED
    assert AuditEvent.objects.filter(action="CALL_PUBLISHED").count() == 1
    assert api.put(url).status_code == 422  # one way, once


def published(api, setup, **overrides):
    call = create(api, setup, **overrides)
    api.put(f"/api/call/byId/{call['id']}/preSubmissionCheck", PLUGINS)
    api.put(f"/api/call/byId/{call['id']}/flatRate", {"staffCostFlatRateSetup": {"rate": 20}})
    api.put(f"/api/call/byId/{call['id']}/lumpSum", [setup.lump_sums[0].pk])
    api.put(f"/api/call/byId/{call['id']}/unitCost", [setup.unit_costs[0].pk])
    api.put(f"/api/call/byId/{call['id']}/allowedCostOption",
            {"projectDefinedUnitCostAllowed": True, "projectDefinedLumpSumAllowed": False})
    assert api.put(f"/api/call/byId/{call['id']}/publish").status_code == 200
    return call


def test_after_publication_only_extensions(admin_user, api_as, setup):
    from datetime import datetime, timedelta
    api = api_as(admin_user)
    call = published(api, setup)
    base = payload(setup, id=call["id"], startDateTime=call["startDateTime"], endDateTime=call["endDateTime"])
    end = datetime.fromisoformat(base["endDateTime"])
    start = datetime.fromisoformat(base["startDateTime"])
    refusals = [
        ({"startDateTime": (start - timedelta(hours=1)).isoformat()}, "startDateTime", "call.published.start.date.fixed"),
        ({"lengthOfPeriod": 7}, "lengthOfPeriod", "call.published.length.of.period.fixed"),
        ({"endDateTime": (end - timedelta(days=1)).isoformat()}, "endDateTime", "call.published.end.date.earlier"),
        ({"endDateTimeStep1": (end - timedelta(days=1)).isoformat()}, "endDateTimeStep1", "call.published.steps.fixed"),
        ({"priorityPolicies": ["Digitisation"]}, "priorityPolicies", "call.published.objectives.removed"),
        ({"strategies": []}, "strategies", "call.published.strategies.removed"),
        ({"funds": []}, "funds", "call.published.funds.removed"),
        ({"stateAidIds": []}, "stateAidIds", "call.published.state.aids.removed"),
        ({"type": "SPF"}, "type", "call.type.fixed"),
    ]
    for overrides, field, key in refusals:
        response = api.put("/api/call", {**base, **overrides})
        assert response.status_code == 422, overrides
        assert response.json()["formErrors"][field]["i18nKey"] == key
    extended = {**base, "endDateTime": (end + timedelta(days=10)).isoformat(),
                "priorityPolicies": ["AdvancedTechnologies", "Digitisation"],
                "strategies": ["EUStrategyDanubeRegion", "EuropeanGreenDeal"],
                "funds": base["funds"] + [{"programmeFund": {"id": setup.funds[1].pk, "selected": True}, "rate": 60,
                                           "adjustable": False}],
                "stateAidIds": [a.pk for a in setup.state_aids], "name": "Renamed"}
    response = api.put("/api/call", extended)
    assert response.status_code == 200, response.content
    assert len(response.json()["funds"]) == 2

    cid = call["id"]
    response = api.put(f"/api/call/byId/{cid}/flatRate", {})
    assert response.json()["formErrors"]["staffCostFlatRateSetup"]["i18nKey"] == "call.published.flat.rate.fixed"
    response = api.put(f"/api/call/byId/{cid}/flatRate", {"staffCostFlatRateSetup": {"rate": 25}})
    assert response.status_code == 422
    response = api.put(f"/api/call/byId/{cid}/flatRate", {"staffCostFlatRateSetup": {"rate": 20},
                                                          "otherCostsOnStaffCostsFlatRateSetup": {"rate": 40}})
    assert response.status_code == 200
    assert api.put(f"/api/call/byId/{cid}/lumpSum", []).json()["formErrors"]["lumpSums"]["i18nKey"] == (
        "call.published.lumpSums.removed")
    assert api.put(f"/api/call/byId/{cid}/lumpSum", [s.pk for s in setup.lump_sums]).status_code == 200
    assert api.put(f"/api/call/byId/{cid}/unitCost", []).status_code == 422
    response = api.put(f"/api/call/byId/{cid}/allowedCostOption",
                       {"projectDefinedUnitCostAllowed": False, "projectDefinedLumpSumAllowed": True})
    assert response.json()["formErrors"]["projectDefinedUnitCostAllowed"]["i18nKey"] == "call.published.switch.off"
    response = api.put(f"/api/call/byId/{cid}/allowedCostOption",
                       {"projectDefinedUnitCostAllowed": True, "projectDefinedLumpSumAllowed": True})
    assert response.status_code == 200
    real = api.get(f"/api/call/byId/{cid}/allowedRealCosts").json()
    response = api.put(f"/api/call/byId/{cid}/allowedRealCosts", {**real, "allowRealStaffCosts": False})
    assert response.status_code == 422


def test_publishing_locks_programme_setup(admin_user, api_as, setup):
    from jems.programme.lock import is_setup_locked
    assert not is_setup_locked()
    published(api_as(admin_user), setup)
    assert is_setup_locked()


def test_bad_input_never_500(admin_user, api_as, setup):
    api = api_as(admin_user)
    huge = 99999999999999999999
    assert api.get(f"/api/call/byId/{huge}").status_code in (400, 404)
    response = api.post("/api/call", payload(setup, name="x1", stateAidIds=[huge]))
    assert response.status_code == 422 and "stateAidIds" in response.json()["formErrors"]
    funds = [{"programmeFund": {"id": huge, "selected": True}, "rate": 50, "adjustable": True}]
    assert api.post("/api/call", payload(setup, name="x1", funds=funds)).status_code == 422
    call = create(api, setup, name="x2")
    assert api.put(f"/api/call/byId/{call['id']}/lumpSum", [huge]).status_code == 422
    assert api.put(f"/api/call/byId/{call['id']}/unitCost", [huge]).status_code == 422
    assert api.put(f"/api/call/byId/{call['id']}/checklists", [huge]).status_code == 422
    assert api.put("/api/call", {**payload(setup, name="x2"), "id": huge}).status_code == 404
    assert api.post("/api/call", payload(setup, name="x3", lengthOfPeriod=huge)).status_code in (400, 422)
    funds = [{"programmeFund": {"id": setup.funds[0].pk, "selected": True}, "rate": 1e300, "adjustable": True}]
    assert api.post("/api/call", payload(setup, name="x4", funds=funds)).status_code in (400, 422)


def test_date_without_offset_is_taken_in_server_time(admin_user, api_as, setup):
    api = api_as(admin_user)
    call = create(api, setup, startDateTime="2030-01-01T00:00:00", endDateTime="2030-03-01T00:00:00")
    response = api.put("/api/call", payload(setup, id=call["id"], startDateTime="2030-01-01T00:00:00",
                                            endDateTime="2030-03-02T00:00:00"))
    assert response.status_code == 200
