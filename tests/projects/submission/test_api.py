"""ProjectStatusApi preCheck and submit: shapes as in the contract, the bare status, refusal bodies."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jems.calls import plugins
from jems.projects.models import Project
from jems.projects.partners.models import ProjectPartner

from .conftest import use_plugin

pytestmark = pytest.mark.django_db


def test_pre_check_shape(api_as, applicant, project):
    use_plugin(project.call)
    response = api_as(applicant).get(f"/api/project/{project.pk}/preCheck")
    assert response.status_code == 200
    body = response.json()
    assert body["submissionAllowed"] is False
    section_a = body["messages"][0]
    assert set(section_a) == {"issueCount", "message", "messageType", "subSectionMessages"}
    assert section_a["message"] == {"i18nKey": "standard.check.section.a", "i18nArguments": {}}
    assert section_a["messageType"] == "ERROR" and section_a["issueCount"] >= 2
    leaf = section_a["subSectionMessages"][0]
    assert leaf["subSectionMessages"] == [] and leaf["issueCount"] == 0 and leaf["messageType"] == "ERROR"
    partner = body["messages"][1]["subSectionMessages"][0]
    assert partner["message"]["i18nKey"] == "standard.check.b.partner.none"


def test_pre_check_allowed_and_blocked(api_as, applicant, ready):
    assert api_as(applicant).get(f"/api/project/{ready.pk}/preCheck").json()["submissionAllowed"] is True
    use_plugin(ready.call, plugins.BLOCKED)
    body = api_as(applicant).get(f"/api/project/{ready.pk}/preCheck").json()
    assert body == {"messages": [{"issueCount": 0, "message": {"i18nKey": "project.check.blocked",
                                                               "i18nArguments": {}},
                                  "messageType": "ERROR", "subSectionMessages": []}], "submissionAllowed": False}


def test_submit_answers_the_bare_status(api_as, applicant, ready):
    response = api_as(applicant).put(f"/api/project/{ready.pk}/submit")
    assert response.status_code == 200 and response.json() == "SUBMITTED"
    assert Project.objects.get(pk=ready.pk).status == "SUBMITTED"
    again = api_as(applicant).put(f"/api/project/{ready.pk}/submit")
    assert again.status_code == 422
    assert again.json()["i18nMessage"] == {"i18nKey": "project.submit.status.not.allowed",
                                           "i18nArguments": {"status": "SUBMITTED"}}
    assert again.json()["code"] == "S-SA-STATUS"


def test_submit_refused_by_the_check(api_as, applicant, project):
    use_plugin(project.call)
    response = api_as(applicant).put(f"/api/project/{project.pk}/submit")
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "S-SA-CHECK" and body["i18nMessage"]["i18nKey"] == "project.submission.check.failed"
    assert {"code": "S-SA-CHECK", "i18nMessage": {"i18nKey": "standard.check.b.partner.none", "i18nArguments": {}}} \
        in body["details"]
    assert set(body) == {"id", "code", "i18nMessage", "details", "formErrors", "message"}


def test_refusals(api_as, applicant, ready, viewer, stranger):
    assert api_as(stranger).get(f"/api/project/{ready.pk}/preCheck").status_code == 404
    assert api_as(stranger).put(f"/api/project/{ready.pk}/submit").status_code == 404
    assert api_as(applicant).put("/api/project/99999999/submit").status_code == 404
    assert api_as(applicant).get("/api/project/abc/preCheck").status_code == 400
    assert api_as(viewer).get(f"/api/project/{ready.pk}/preCheck").status_code == 200
    forbidden = api_as(viewer).put(f"/api/project/{ready.pk}/submit")
    assert forbidden.status_code == 403 and forbidden.json()["i18nMessage"]["i18nKey"] == "common.error.access.denied"
    assert api_as().put(f"/api/project/{ready.pk}/submit").status_code == 401
    use_plugin(ready.call, "uninstalled-plugin")
    assert api_as(applicant).get(f"/api/project/{ready.pk}/preCheck").status_code == 424


def test_pre_check_query_count_is_fixed(api_as, applicant, ready):
    from jems.priorities.models import OutputIndicator

    from .conftest import add_partner, add_work_package, grow_budget

    client = api_as(applicant)
    indicator = OutputIndicator.objects.get()
    counts = []
    for partners, packages in ((10, 10), (50, 50)):
        while ProjectPartner.objects.filter(project=ready).count() < partners:
            add_partner(ready, ProjectPartner.objects.filter(project=ready).count() + 1)
        while ready.work_packages.count() < packages:
            add_work_package(ready, ready.work_packages.count() + 1, indicator)
        grow_budget(ProjectPartner.objects.get(project=ready, sort_number=1), rows=partners * 4, lump_sums=packages)
        client.get(f"/api/project/{ready.pk}/preCheck")  # warm-up
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/api/project/{ready.pk}/preCheck").json()["submissionAllowed"] is True
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
