"""The work-plan APIs over HTTP: every operation, shapes, 422 field errors, refusals, versions and query counts."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jems.api.json import dumps
from jems.projects.models import ApplicationStatus, Project
from jems.projects.services import create_version
from jems.projects.workpackages.models import Activity, Deliverable, Investment, Output, WorkPackage
from jems.projects.workpackages.schemas import ProjectWorkPackageDTO

pytestmark = pytest.mark.django_db


def tr(text, language="EN"):
    return [{"language": language, "translation": text}]


def wp_url(project, *rest):
    return "/".join([f"/api/project/{project.pk}/workPackage", *map(str, rest)])


@pytest.fixture
def client(api_as, applicant):
    return api_as(applicant)


@pytest.fixture
def wp(client, plan_project):
    response = client.post(wp_url(plan_project), {"name": tr("Pilots"), "specificObjective": tr("Test")})
    assert response.status_code == 200, response.content
    return response.json()


def test_work_package_operations(client, plan_project, wp):
    assert wp["number"] == 1 and wp["name"] == tr("Pilots") and wp["deactivated"] is False
    assert wp["specificObjective"] == tr("Test") and wp["objectiveAndAudience"] == []
    second = client.post(wp_url(plan_project), {"name": tr("Transfer")}).json()
    updated = client.put(wp_url(plan_project), {"id": wp["id"], "name": tr("Pilot actions"), "deactivated": False})
    assert updated.status_code == 200 and updated.json()["name"] == tr("Pilot actions")
    listed = client.get(wp_url(plan_project)).json()
    assert [(w["number"], w["name"]) for w in listed] == [(1, tr("Pilot actions")), (2, tr("Transfer"))]
    assert set(listed[0]) == {"id", "number", "name", "deactivated"}
    assert client.get(wp_url(plan_project, second["id"])).json()["name"] == tr("Transfer")
    assert client.delete(wp_url(plan_project, wp["id"])).status_code == 200
    assert [(w["id"], w["number"]) for w in client.get(wp_url(plan_project)).json()] == [(second["id"], 1)]
    refused = client.put(wp_url(plan_project, second["id"]))
    assert refused.status_code == 422 and refused.json()["i18nMessage"]["i18nKey"] == \
        "project.workPackage.deactivate.not.contracted"
    Project.objects.filter(pk=plan_project.pk).update(status=ApplicationStatus.IN_MODIFICATION)
    deactivated = client.put(wp_url(plan_project, second["id"]))
    assert deactivated.status_code == 200 and deactivated.json()["deactivated"] is True
    assert client.delete(wp_url(plan_project, second["id"])).status_code == 422


def test_activities(client, plan_project, wp, partners):
    body = [{"id": 0, "workPackageId": wp["id"], "title": tr("Map"), "startPeriod": 1, "endPeriod": 2,
             "partnerIds": [partners[0].pk], "deactivated": False,
             "deliverables": [{"deliverableId": 0, "activityId": 0, "title": tr("Flood map"), "period": 2,
                               "deactivated": False}]}]
    response = client.put(wp_url(plan_project, wp["id"], "activity"), body)
    assert response.status_code == 200, response.content
    saved = response.json()[0]
    assert saved["activityNumber"] == 1 and saved["workPackageId"] == wp["id"]
    assert saved["partnerIds"] == [partners[0].pk] and saved["deliverables"][0]["deliverableNumber"] == 1
    assert saved["deliverables"][0]["activityId"] == saved["id"] and saved["description"] == []
    assert client.get(wp_url(plan_project, wp["id"], "activity")).json() == response.json()
    summaries = client.get(f"/api/project/{plan_project.pk}/activities").json()
    assert summaries == [{"activityId": saved["id"], "workPackageNumber": 1, "activityNumber": 1}]
    timeplan = client.get(wp_url(plan_project, "withOutputsAndActivities")).json()
    assert timeplan[0]["workPackageNumber"] == 1 and timeplan[0]["activities"][0]["id"] == saved["id"]
    bad = client.put(wp_url(plan_project, wp["id"], "activity"), [{**body[0], "endPeriod": 9,
                                                                   "title": tr("x" * 201)}])
    assert bad.status_code == 422
    assert set(bad.json()["formErrors"]) == {"activities[0].endPeriod", "activities[0].title.language.en"}


def test_outputs(client, plan_project, wp, indicator):
    body = [{"workPackageId": wp["id"], "programmeOutputIndicatorId": indicator.pk, "targetValue": 12.5,
             "periodNumber": 4, "title": tr("Meadows")}]
    response = client.put(wp_url(plan_project, wp["id"], "output"), body)
    assert response.status_code == 200, response.content
    saved = response.json()[0]
    assert saved["targetValue"] == 12.5 and saved["outputNumber"] == 1
    assert saved["programmeOutputIndicatorIdentifier"] == "OI1" and saved["deactivated"] is False
    assert client.get(wp_url(plan_project, wp["id"], "output")).json() == response.json()
    bad = client.put(wp_url(plan_project, wp["id"], "output"), [{**body[0], "targetValue": 1.234},
                                                                {**body[0], "programmeOutputIndicatorId": 999}])
    assert bad.status_code == 422
    assert set(bad.json()["formErrors"]) == {"outputs[0].targetValue", "outputs[1].programmeOutputIndicatorId"}


def test_investments(client, plan_project, wp):
    url = wp_url(plan_project, wp["id"], "investment")
    body = {"investmentNumber": 0, "title": tr("Meadow"), "expectedDeliveryPeriod": 2,
            "address": {"countryCode": "AT", "city": "Wien"}, "risk": tr("Low")}
    created = client.post(url, body)
    assert created.status_code == 200 and isinstance(created.json(), int)
    investment_id = created.json()
    got = client.get(f"{url}/{investment_id}").json()
    assert got["investmentNumber"] == 1 and got["address"]["city"] == "Wien" and got["risk"] == tr("Low")
    updated = client.put(url, {**body, "id": investment_id, "title": tr("Green meadow")})
    assert updated.status_code == 200 and updated.content == b""
    assert client.get(url).json()[0]["title"] == tr("Green meadow")
    summaries = client.get(f"/api/project/{plan_project.pk}/summaries").json()
    assert summaries == [{"id": investment_id, "investmentNumber": 1, "workPackageNumber": 1, "deactivated": False}]
    bad = client.post(url, {**body, "expectedDeliveryPeriod": 7, "address": {"countryCode": "ZZ"}})
    assert bad.status_code == 422 and set(bad.json()["formErrors"]) == {"expectedDeliveryPeriod",
                                                                       "address.countryCode"}
    assert client.put(url, {**body, "id": 999999}).status_code == 404
    assert client.delete(f"{url}/{investment_id}").status_code == 200
    assert client.get(f"{url}/{investment_id}").status_code == 404


def test_refusals(api_as, plan_project, wp, viewer, stranger):
    assert api_as(stranger).get(wp_url(plan_project)).status_code == 404
    assert api_as(stranger).post(wp_url(plan_project), {"name": tr("x")}).status_code == 404
    assert api_as(viewer).get(wp_url(plan_project)).status_code == 200
    assert api_as(viewer).post(wp_url(plan_project), {"name": tr("x")}).status_code == 403
    assert api_as(viewer).get(wp_url(plan_project, 999999)).status_code == 404


def test_versions(client, applicant, plan_project, wp):
    create_version(actor=applicant, project=plan_project)
    client.put(wp_url(plan_project), {"id": wp["id"], "name": tr("Live"), "deactivated": False})
    assert client.get(wp_url(plan_project), version="1.0").json()[0]["name"] == tr("Pilots")
    assert client.get(wp_url(plan_project, wp["id"]), version="1.0").json()["name"] == tr("Pilots")
    assert client.get(wp_url(plan_project, wp["id"], "activity"), version="1.0").json() == []
    assert client.get(wp_url(plan_project), version="7.0").status_code == 404
    assert client.get(wp_url(plan_project)).json()[0]["name"] == tr("Live")


@pytest.mark.parametrize("tail", ["withOutputsAndActivities", "", "{wp}", "{wp}/activity", "{wp}/output",
                                  "{wp}/investment", "{wp}/investment/{investment}", "/activities", "/summaries"])
def test_query_count_is_fixed(client, plan_project, tail):
    counts = []
    for size in (10, 200):
        WorkPackage.objects.filter(project=plan_project).delete()
        wps = WorkPackage.objects.bulk_create([WorkPackage(project=plan_project, number=n + 1) for n in range(size)])
        acts = Activity.objects.bulk_create([Activity(work_package=w, number=1) for w in wps])
        acts += Activity.objects.bulk_create([Activity(work_package=wps[0], number=n + 2) for n in range(size)])
        Deliverable.objects.bulk_create([Deliverable(activity=a, number=1) for a in acts])
        Output.objects.bulk_create([Output(work_package=w, number=1) for w in wps])
        investments = Investment.objects.bulk_create([Investment(work_package=wps[0], number=n + 1)
                                                      for n in range(size)])
        path = tail.format(wp=wps[0].pk, investment=investments[0].pk)
        if path.startswith("/"):  # the ProjectApi reads of the work plan
            url = f"/api/project/{plan_project.pk}{path}"
        else:
            url = wp_url(plan_project, path) if path else wp_url(plan_project)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts


def test_time_plan_json_is_the_schema_serialisation(client, applicant, plan_project, wp, partners, indicator):
    """withOutputsAndActivities writes its JSON directly: it must be what ProjectWorkPackageDTO gives (nothing
    more, nothing missing, same types), live and from a version."""
    activity = {"title": [*tr("Map"), *tr("Karte", "DE")], "description": tr("<b>&"), "startPeriod": 1,
                "partnerIds": [p.pk for p in partners],
                "deliverables": [{"title": tr("Flood map"), "period": 2}, {"description": tr("x", "DE")}]}
    assert client.put(wp_url(plan_project, wp["id"], "activity"), [activity, {}]).status_code == 200
    assert client.put(wp_url(plan_project, wp["id"], "output"), [
        {"programmeOutputIndicatorId": indicator.pk, "targetValue": 12.5, "periodNumber": 4, "title": tr("M")},
        {"targetValue": None}]).status_code == 200
    client.post(wp_url(plan_project), {"name": tr("Empty")})
    create_version(actor=applicant, project=plan_project)
    for query in ({}, {"version": "1.0"}):
        response = client.get(wp_url(plan_project, "withOutputsAndActivities"), **query)
        assert response.status_code == 200 and response["Content-Type"] == "application/json; charset=utf-8"
        listed = response.json()
        assert listed[0]["outputs"][0]["targetValue"] == 12.5 and len(listed[0]["activities"][0]["deliverables"]) == 2
        expected = [ProjectWorkPackageDTO.model_validate(item).model_dump(by_alias=True) for item in listed]
        assert listed == json.loads(dumps(expected))
