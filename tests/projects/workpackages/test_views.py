"""C.4 pages: list, objectives, investments, activities and outputs — render, save, rows without JavaScript,
inline errors keeping the input, read-only cases, hidden fields, versions and query counts."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from jems.calls.form_config.models import FieldConfiguration
from jems.projects import services as project_services
from jems.projects.models import ApplicationStatus, Project
from jems.projects.visibility import FIELD_IDS
from jems.projects.workpackages import queries, services
from jems.projects.workpackages.models import Activity, Deliverable, Investment, Output, WorkPackage
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def login(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def base(project):
    return f"/app/project/detail/{project.pk}/applicationFormWorkPackage"


def plan(user, project):
    return queries.work_packages(actor=user, project_id=project.pk)[2]


@pytest.fixture
def wp(applicant, plan_project):
    return services.create_work_package(actor=applicant, project_id=plan_project.pk, data={"name": {"EN": "Pilots"}})


def test_list_add_delete(applicant, plan_project):
    client = login(applicant)
    response = client.get(base(plan_project))
    assert response.status_code == 200 and b"Add new work package" in response.content
    created = client.post(f"{base(plan_project)}/create")
    row = WorkPackage.objects.get(project=plan_project)
    assert created.status_code == 302 and created["Location"].endswith(f"/{row.pk}/objectives")
    assert b"WP1" in client.get(base(plan_project)).content
    assert client.post(f"{base(plan_project)}/{row.pk}/delete").status_code == 302
    assert not WorkPackage.objects.filter(project=plan_project).exists()


def test_contracted_project_deactivates(applicant, wp, plan_project):
    Project.objects.filter(pk=plan_project.pk).update(status=ApplicationStatus.IN_MODIFICATION)
    client = login(applicant)
    page = client.get(base(plan_project)).content
    assert b"Deactivate" in page and b">Delete<" not in page
    client.post(f"{base(plan_project)}/{wp.pk}/deactivate")
    assert WorkPackage.objects.get(pk=wp.pk).deactivated is True


def test_objectives_save_and_errors(applicant, wp, plan_project):
    client = login(applicant)
    url = f"{base(plan_project)}/{wp.pk}/objectives"
    assert client.get(url).status_code == 200
    response = client.post(url, {"name_1": "Pilot meadows", "specificObjective_1": "Test", "objectiveAndAudience_0": "Ziel"})
    assert response.status_code == 302
    saved = plan(applicant, plan_project)[0]
    assert saved["name"] == {"EN": "Pilot meadows"} and saved["objectiveAndAudience"] == {"DE": "Ziel"}
    bad = client.post(url, {"name_1": "x" * 101})
    assert bad.status_code == 422 and b'aria-invalid="true"' in bad.content and ("x" * 101).encode() in bad.content


def test_hidden_fields_are_kept(applicant, wp, plan_project, open_call):
    FieldConfiguration.objects.filter(call=open_call, field_id=FIELD_IDS["PROJECT_WORK_PACKAGE_TITLE"]).update(
        visibility="NONE")
    client = login(applicant)
    url = f"{base(plan_project)}/{wp.pk}/objectives"
    assert b"name_1" not in client.get(url).content
    assert client.post(url, {"specificObjective_1": "Objective"}).status_code == 302
    saved = plan(applicant, plan_project)[0]
    assert saved["name"] == {"EN": "Pilots"} and saved["specificObjective"] == {"EN": "Objective"}


def activity_post(partners, **extra):
    return {"activities-count": "1", "a0-id": "", "a0-title_1": "Map the meadows", "a0-startPeriod": "1",
            "a0-endPeriod": "2", "a0-partnerIds": [str(partners[1].pk)], "a0-deliverables-count": "1",
            "a0-d0-deliverableId": "", "a0-d0-title_1": "Flood map", "a0-d0-period": "2", **extra}


def test_activities_rows_without_javascript(applicant, wp, plan_project, partners):
    client = login(applicant)
    url = f"{base(plan_project)}/{wp.pk}/activities"
    assert b"Add activity" in client.get(url).content
    added = client.post(url, {"activities-count": "0", "action": "add"})
    assert added.status_code == 200 and b'name="a0-title_1"' in added.content
    with_deliverable = client.post(url, {**activity_post(partners), "a0-deliverables-count": "0",
                                         "action": "add-deliverable:0"})
    assert b'name="a0-d0-title_1"' in with_deliverable.content and b"Map the meadows" in with_deliverable.content
    saved = client.post(url, {**activity_post(partners), "action": "save"})
    assert saved.status_code == 302
    activities = plan(applicant, plan_project)[0]["activities"]
    assert activities[0]["title"] == {"EN": "Map the meadows"} and activities[0]["partnerIds"] == [partners[1].pk]
    assert activities[0]["deliverables"][0]["title"] == {"EN": "Flood map"}
    page = client.get(url).content.decode()
    assert f'value="{activities[0]["id"]}"' in page and "checked" in page
    # resending with the ids keeps the rows
    again = client.post(url, {**activity_post(partners), "a0-id": str(activities[0]["id"]),
                              "a0-d0-deliverableId": str(activities[0]["deliverables"][0]["deliverableId"])})
    assert again.status_code == 302
    assert Activity.objects.get().pk == activities[0]["id"] and Deliverable.objects.count() == 1
    removed = client.post(url, {**activity_post(partners), "action": "remove:0"})
    assert b'name="a0-title_1"' not in removed.content


def test_activities_errors_inline(applicant, wp, plan_project, partners):
    client = login(applicant)
    url = f"{base(plan_project)}/{wp.pk}/activities"
    bad = client.post(url, activity_post(partners, **{"a0-startPeriod": "3", "a0-endPeriod": "2"}))
    assert bad.status_code == 422 and b"The end period cannot be before the start period." in bad.content
    assert b'aria-invalid="true"' in bad.content and b"Map the meadows" in bad.content
    assert not Activity.objects.exists()


def test_outputs_page(applicant, wp, plan_project, indicator):
    client = login(applicant)
    url = f"{base(plan_project)}/{wp.pk}/outputs"
    added = client.post(url, {"outputs-count": "0", "action": "add"})
    assert b"pilot actions" in added.content  # the measurement unit in the indicator select
    row = {"outputs-count": "1", "o0-title_1": "Meadows", "o0-programmeOutputIndicatorId": str(indicator.pk),
           "o0-targetValue": "6.5", "o0-periodNumber": "4"}
    assert client.post(url, row).status_code == 302
    assert plan(applicant, plan_project)[0]["outputs"][0]["targetValue"] == "6.50"
    bad = client.post(url, {**row, "o0-targetValue": "1.234"})
    assert bad.status_code == 422 and b"1.234" in bad.content and b'aria-invalid="true"' in bad.content


def test_investment_pages(applicant, wp, plan_project):
    client = login(applicant)
    url = f"{base(plan_project)}/{wp.pk}/investments"
    assert b"Add investment" in client.get(url).content
    form = client.get(f"{url}/create")
    assert form.status_code == 200 and b"NUTS 2 region" in form.content
    created = client.post(f"{url}/create", {"title_1": "Flood meadow", "expectedDeliveryPeriod": "3",
                                            "city": "Wien", "countryCode": "AT", "risk_1": "Low"})
    assert created.status_code == 302, created.content.decode()[-2000:]
    saved = plan(applicant, plan_project)[0]["investments"][0]
    assert saved["address"]["city"] == "Wien" and saved["address"]["countryCode"] == "AT"
    assert saved["address"]["country"].startswith("Österreich") and saved["expectedDeliveryPeriod"] == 3
    bad = client.post(f"{url}/{saved['id']}", {"title_1": "x" * 51, "city": "Graz"})
    assert bad.status_code == 422 and b'aria-invalid="true"' in bad.content and b"Graz" in bad.content
    assert b"I1.1" in client.get(url).content
    assert client.post(f"{url}/{saved['id']}/delete").status_code == 302
    assert plan(applicant, plan_project)[0]["investments"] == []


def test_read_only_cases(applicant, viewer, stranger, wp, plan_project):
    url = f"{base(plan_project)}/{wp.pk}/activities"
    assert login(stranger).get(url).status_code == 404
    viewer_client = login(viewer)
    page = viewer_client.get(url)
    assert page.status_code == 200 and b"Save changes" not in page.content
    assert viewer_client.post(url, {"activities-count": "0"}).status_code == 403
    assert login(applicant).get(f"{base(plan_project)}/999999/objectives").status_code == 404
    Project.objects.filter(pk=plan_project.pk).update(status=ApplicationStatus.SUBMITTED)
    assert b"Add new work package" not in login(applicant).get(base(plan_project)).content


def test_version_read_only(applicant, wp, plan_project):
    project_services.create_version(actor=applicant, project=plan_project)
    services.update_work_package(actor=applicant, project_id=plan_project.pk, work_package_id=wp.pk,
                                 data={"name": {"EN": "Live name"}})
    client = login(applicant)
    old = client.get(f"{base(plan_project)}/{wp.pk}/objectives?version=1.0")
    assert old.status_code == 200 and b"Pilots" in old.content and b"Save changes" not in old.content
    assert b"?version=1.0" in old.content
    assert client.post(f"{base(plan_project)}/{wp.pk}/objectives?version=1.0", {}).status_code == 403
    assert client.get(f"{base(plan_project)}?version=9.0").status_code == 404


def _fill(project, size):
    WorkPackage.objects.filter(project=project).delete()
    wps = WorkPackage.objects.bulk_create([WorkPackage(project=project, number=n + 1, name={"EN": f"WP {n}"})
                                           for n in range(size)])
    activities = Activity.objects.bulk_create([Activity(work_package=wps[0], number=n + 1, title={"EN": f"A{n}"})
                                               for n in range(size)])
    Deliverable.objects.bulk_create([Deliverable(activity=a, number=1, title={"EN": "D"}) for a in activities])
    Output.objects.bulk_create([Output(work_package=wp, number=1, title={"EN": "O"}) for wp in wps])
    Investment.objects.bulk_create([Investment(work_package=wps[0], number=n + 1, title={"EN": f"I{n}"})
                                    for n in range(size)])
    for a in activities:
        a.partners.set([])
    return wps[0]


@pytest.mark.parametrize("page", ["", "/{wp}/activities", "/{wp}/objectives", "/{wp}/investments",
                                  "/{wp}/investments/{investment}", "/{wp}/outputs"])
def test_query_counts_do_not_grow(applicant, plan_project, partners, page):
    client = login(applicant)
    counts = []
    for size in (10, 200):
        first = _fill(plan_project, size)
        Activity.partners.through.objects.bulk_create([
            Activity.partners.through(activity_id=a.pk, projectpartner_id=partners[0].pk)
            for a in Activity.objects.filter(work_package=first)])
        url = base(plan_project) + page.format(wp=first.pk, investment=first.investments.first().pk)
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts
