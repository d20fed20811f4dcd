"""C.5 results, C.6 time plan and A.4 overview pages: render, save, add/remove rows without JavaScript, inline
errors that keep the input, read-only cases, hidden fields, versions and fixed query counts."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from jems.calls.form_config.models import FieldConfiguration
from jems.projects.description.queries import FIELD_IDS
from jems.projects.models import ApplicationStatus, Project
from jems.projects.results import queries, services
from jems.projects.results.models import ProjectResult
from jems.projects.services import create_version
from jems.projects.workpackages.models import Activity, Deliverable, Output, WorkPackage
from tests.conftest import PASSWORD

from .conftest import result

pytestmark = pytest.mark.django_db


def login(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def url(project, page="applicationFormResults"):
    return f"/app/project/detail/{project.pk}/{page}"


def stored(applicant, project):
    return queries.get_results(actor=applicant, project_id=project.pk)[1]


def row(index, **values):
    return {f"result-{index}-{key}": value for key, value in values.items()}


def test_results_page_renders_with_nav(applicant, project, indicators):
    services.update_results(actor=applicant, project_id=project.pk, results=[result(indicators[0], target="4")])
    response = login(applicant).get(url(project))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Save changes" in content and "Add result" in content and "Remove result 1" in content
    assert "R1 – Solutions taken up (solutions)" in content and "R9 – Elsewhere" not in content
    assert "Period 4 (months 19–24)" in content
    assert url(project, "applicationTimePlan") in content and 'aria-current="page"' in content


def test_add_remove_and_save(applicant, project, indicators):
    client = login(applicant)
    page = url(project)
    added = client.post(page, {"action": "add", "result-count": "0"})
    assert added.status_code == 200 and 'name="result-0-baseline"' in added.content.decode()
    typed = {"result-count": "2", **row(0, resultNumber="", programmeResultIndicatorId=indicators[0].pk,
                                        baseline="1.5", targetValue="10", periodNumber="2", description_1="More"),
             **row(1, resultNumber="", baseline="0", targetValue="", periodNumber="")}
    removed = client.post(page, {**typed, "action": "remove:1"})
    assert removed.status_code == 200 and 'name="result-1-baseline"' not in removed.content.decode()
    assert 'value="1.5"' in removed.content.decode()  # typed values kept
    saved = client.post(page, {**typed, "action": "save"})
    assert saved.status_code == 302
    results = stored(applicant, project)
    assert len(results) == 2 and results[0]["baseline"] == Decimal("1.50") and results[0]["periodNumber"] == 2
    assert results[0]["description"] == {"EN": "More"} and results[1]["targetValue"] is None
    assert client.post(page, {"result-count": "0", "action": "save"}).status_code == 302
    assert stored(applicant, project) == []


def test_inline_errors_keep_input(applicant, project):
    client = login(applicant)
    response = client.post(url(project), {"result-count": "2", "action": "save",
                                          **row(0, baseline="-3", targetValue="1.234", description_1="x" * 1001),
                                          **row(1, baseline="abc")})
    assert response.status_code == 422
    content = response.content.decode()
    assert content.count('aria-invalid="true"') >= 2 and "x" * 1001 in content and 'value="abc"' in content
    assert 'aria-describedby="id_result-1-baseline_error"' in content and "id_result-0-description_error" in content
    response = client.post(url(project), {"result-count": "2", "action": "save",
                                          **row(0, baseline="-3", targetValue="1.234"), **row(1, baseline="")})
    content = response.content.decode()
    assert response.status_code == 422 and "id_result-0-targetValue_error" in content
    assert "id_result-1-baseline_error" in content and 'value="-3"' in content
    assert not ProjectResult.objects.exists()


def test_limit_of_twenty(applicant, project):
    client = login(applicant)
    twenty = {"result-count": "20", **{k: v for i in range(20) for k, v in row(i, baseline="0").items()}}
    response = client.post(url(project), {**twenty, "action": "add"})
    assert 'name="result-20-baseline"' not in response.content.decode()
    assert "Add result" not in response.content.decode()
    assert client.post(url(project), {**twenty, "action": "save"}).status_code == 302
    many = {**twenty, "result-count": "21", **row(20, baseline="0"), "action": "save"}
    response = client.post(url(project), many)
    assert response.status_code == 422 and "at most 20 results" in response.content.decode()


def test_read_only_cases(applicant, project, viewer, stranger, indicators):
    services.update_results(actor=applicant, project_id=project.pk, results=[result(indicators[0], target="4")])
    response = login(viewer).get(url(project))
    assert response.status_code == 200 and b"Save changes" not in response.content and b"disabled" in response.content
    assert login(viewer).post(url(project), {"result-count": "0"}).status_code == 403
    for page in ("applicationFormResults", "applicationTimePlan", "applicationFormOverviewTables"):
        assert login(stranger).get(url(project, page)).status_code == 404
    Project.objects.filter(pk=project.pk).update(status=ApplicationStatus.SUBMITTED)
    response = login(applicant).get(url(project))
    assert b"Save changes" not in response.content and b"read-only" in response.content


def test_contracted_rows_are_deactivated(applicant, project):
    services.update_results(actor=applicant, project_id=project.pk, results=[result(target="1")])
    Project.objects.filter(pk=project.pk).update(status=ApplicationStatus.IN_MODIFICATION)
    client = login(applicant)
    content = client.get(url(project)).content.decode()
    assert "Remove result 1" not in content and 'name="result-0-deactivated"' in content
    response = client.post(url(project), {"result-count": "1", "action": "save",
                                          **row(0, resultNumber="1", baseline="0", targetValue="1",
                                                deactivated="on")})
    assert response.status_code == 302 and stored(applicant, project)[0]["deactivated"] is True
    response = client.post(url(project), {"result-count": "0", "action": "save"})
    assert response.status_code == 422 and "deactivate them instead" in response.content.decode()


def test_hidden_fields_keep_their_values(applicant, project, open_call, indicators):
    services.update_results(actor=applicant, project_id=project.pk,
                            results=[result(indicators[0], target="4", period=3, description={"EN": "Kept"})])
    FieldConfiguration.objects.update_or_create(call=open_call, field_id=FIELD_IDS["PROJECT_RESULTS_DELIVERY_PERIOD"],
                                                defaults={"visibility": "NONE"})  # the only one that may be hidden
    client = login(applicant)
    content = client.get(url(project)).content.decode()
    assert "periodNumber" not in content and "Delivery period" not in content
    response = client.post(url(project), {"result-count": "1", "action": "save",
                                          **row(0, resultNumber="1", programmeResultIndicatorId=indicators[1].pk,
                                                baseline="2", targetValue="5", description_1="Kept")})
    assert response.status_code == 302
    saved = stored(applicant, project)[0]
    assert saved["periodNumber"] == 3 and saved["description"] == {"EN": "Kept"}
    assert saved["programmeResultIndicatorId"] == indicators[1].pk


def work_plan(project, output_indicators=None, n=1):
    """n work packages, each with an activity over periods 2–3 with a deliverable in 3 and an output in 4."""
    packages = WorkPackage.objects.bulk_create([WorkPackage(project=project, number=i + 1, name={"EN": f"Pack {i}"})
                                                for i in range(n)])
    activities = Activity.objects.bulk_create([Activity(work_package=wp, number=2, title={"EN": "Pilots"},
                                                        start_period=2, end_period=3) for wp in packages])
    Deliverable.objects.bulk_create([Deliverable(activity=a, number=1, title={"EN": "Report"}, period=3)
                                     for a in activities])
    Output.objects.bulk_create([Output(work_package=wp, number=1, title={"EN": "Pilot towns"}, period_number=4,
                                       target_value=2, programme_output_indicator=output_indicators[0]
                                       if output_indicators else None) for wp in packages])


def test_time_plan(applicant, project, indicators):
    work_plan(project)
    services.update_results(actor=applicant, project_id=project.pk, results=[result(indicators[0], period=4)])
    response = login(applicant).get(url(project, "applicationTimePlan"))
    assert response.status_code == 200
    content = response.content.decode()
    assert 'scope="col"' in content and 'scope="row"' in content and 'tabindex="0"' in content
    assert "Activity 1.2: periods 2–3" in content and 'colspan="2"' in content
    assert "Work package 1: periods 2–3" in content and "Deliverable 1.2.1: period 3" in content
    assert "Output 1.1: period 4" in content and "Result 1: period 4" in content
    assert "Period 4" in content and "months 19–24" in content


def test_time_plan_notes_and_empty_states(applicant, project):
    client = login(applicant)
    assert "no work packages or results" in client.get(url(project, "applicationTimePlan")).content.decode()
    wp = WorkPackage.objects.create(project=project, number=1)
    Activity.objects.create(work_package=wp, number=1, start_period=None)
    Activity.objects.create(work_package=wp, number=2, start_period=6, end_period=7)
    content = client.get(url(project, "applicationTimePlan")).content.decode()
    assert "No period set." in content and "Outside the periods of the project (periods 6–7)." in content
    Project.objects.filter(pk=project.pk).update(duration=None)
    assert "needs the project duration" in client.get(url(project, "applicationTimePlan")).content.decode()


def test_versions(applicant, project, indicators, output_indicators):
    work_plan(project, output_indicators)
    services.update_results(actor=applicant, project_id=project.pk,
                            results=[result(indicators[0], target="4", period=4)])
    create_version(actor=applicant, project=project)
    services.update_results(actor=applicant, project_id=project.pk, results=[])
    Activity.objects.update(start_period=1, end_period=4)
    client = login(applicant)
    old = client.get(url(project) + "?version=1.0")
    assert old.status_code == 200 and b"You are viewing version 1.0" in old.content
    assert b"Save changes" not in old.content and b'value="4.00"' in old.content
    assert client.post(url(project) + "?version=1.0", {"result-count": "0"}).status_code == 403
    plan = client.get(url(project, "applicationTimePlan") + "?version=1.0").content.decode()
    assert "Activity 1.2: periods 2–3" in plan and "Result 1: period 4" in plan
    assert "Activity 1.2: periods 1–4" in client.get(url(project, "applicationTimePlan")).content.decode()
    overview = client.get(url(project, "applicationFormOverviewTables") + "?version=1.0").content.decode()
    assert "O1 (RCO84) – Pilot actions" in overview and "R1 (RCR104) – Solutions taken up" in overview
    assert url(project) + "?version=1.0" in overview  # the side navigation keeps the version
    assert client.get(url(project) + "?version=9.0").status_code == 404


def test_overview_page(applicant, project, indicators, output_indicators):
    client = login(applicant)
    assert b"no project outputs or results" in client.get(url(project, "applicationFormOverviewTables")).content
    work_plan(project, output_indicators)
    services.update_results(actor=applicant, project_id=project.pk,
                            results=[result(indicators[0], "1", "4"), result(indicators[1], target="9")])
    content = client.get(url(project, "applicationFormOverviewTables")).content.decode()
    assert "1.1 Pilot towns" in content and "O1 (RCO84) – Pilot actions" in content
    assert "R2 – Organisations cooperating" in content and "No project output leads" in content
    assert "4.00" in content and "9.00" in content


@pytest.mark.parametrize("page", ["applicationFormResults", "applicationTimePlan", "applicationFormOverviewTables"])
def test_query_counts(applicant, project, indicators, output_indicators, page):
    client = login(applicant)
    counts = []
    for n in (10, 200):
        ProjectResult.objects.all().delete()
        WorkPackage.objects.all().delete()
        ProjectResult.objects.bulk_create([ProjectResult(project=project, number=i + 1, period_number=1 + i % 4,
                                                         programme_result_indicator=indicators[i % 3])
                                           for i in range(n)])
        work_plan(project, output_indicators, n)
        client.get(url(project, page))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(project, page)).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
