"""Assessment & Decision page and the decision panels of the project overview: buttons only for allowed
actions, inline errors, 403 / 404, constant query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jems.projects.models import ApplicationStatus as S
from tests.conftest import PASSWORD

from .conftest import assess, eligibility_decided, set_status

pytestmark = pytest.mark.django_db


def url(project):
    return reverse("project_assessment:assessment", args=[project.pk])


def logged_in(client, user):
    assert client.login(email=user.email, password=PASSWORD)
    return client


def test_page_lists_only_allowed_actions(client, project, admin_user):
    set_status(project, S.SUBMITTED)
    page = logged_in(client, admin_user).get(url(project)).content.decode()
    assert "Enter the eligibility assessment" in page and "Enter the quality assessment" in page
    assert 'value="return_to_applicant"' in page and 'value="set_as_eligible"' not in page  # no assessment yet
    assess(project, 2, admin_user)
    page = client.get(url(project)).content.decode()
    assert 'value="set_as_eligible"' in page and 'value="approve"' not in page
    assert "Enter the eligibility assessment" not in page


def test_assessment_and_decision_through_the_page(client, project, admin_user):
    set_status(project, S.SUBMITTED)
    client = logged_in(client, admin_user)
    response = client.post(url(project), {"kind": "eligibility", "eligibility-note": "x"})
    assert response.status_code == 422 and 'aria-invalid="true"' in response.content.decode()
    assert client.post(url(project), {"kind": "eligibility", "eligibility-result": "PASSED"}).status_code == 302
    response = client.post(url(project), {"kind": "action", "action": "set_as_eligible"})
    assert response.status_code == 422 and "set_as_eligible-date_error" in response.content.decode()
    response = client.post(url(project), {"kind": "action", "action": "set_as_eligible",
                                          "set_as_eligible-date": "2026-01-15", "set_as_eligible-note": "ok"})
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.status == S.ELIGIBLE
    page = client.get(url(project)).content.decode()
    assert "Revert decision" in page and "decided on" in page
    assert client.post(url(project), {"kind": "revert"}).status_code == 302
    project.refresh_from_db()
    assert project.status == S.SUBMITTED


def test_action_not_allowed_now_is_refused(client, project, admin_user):
    response = logged_in(client, admin_user).post(url(project), {"kind": "action", "action": "approve"})
    assert response.status_code == 403


def test_refusals(client, project, applicant, monitor):
    assert logged_in(client, applicant).get(url(project)).status_code == 403
    assert logged_in(client, monitor).get(url(project)).status_code == 404


def test_overview_shows_decision_panels(client, project, admin_user, applicant):
    eligibility = set_status(project, S.SUBMITTED)
    assess(project, 2, admin_user)
    eligibility_decided(project, 2, eligibility)
    page = logged_in(client, admin_user).get(reverse("projects:detail", args=[project.pk])).content.decode()
    assert "Key dates" in page and "Eligibility check" in page
    assert "Passed" in page
    page = logged_in(client, applicant).get(reverse("projects:detail", args=[project.pk])).content.decode()
    assert "Eligibility check" not in page  # assessments need ProjectAssessmentView


@pytest.mark.parametrize("target", ["assessment", "overview"])
def test_query_count_does_not_grow(client, project, admin_user, target):
    client = logged_in(client, admin_user)
    path = url(project) if target == "assessment" else reverse("projects:detail", args=[project.pk])

    def count(rows):
        for _ in range(rows):
            set_status(project, S.APPROVED, S.CONTRACTED, S.IN_MODIFICATION, S.MODIFICATION_SUBMITTED)
        set_status(project, S.CONTRACTED, decision_date=None)
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    assert count(10) == count(200)
