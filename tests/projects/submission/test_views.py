"""Check & Submit page: check result tree, confirmation without JavaScript, submit, read-only form afterwards,
refusals shown with their reason, query count."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from jems.calls import plugins
from jems.priorities.models import OutputIndicator
from jems.projects.models import Project
from jems.projects.partners.models import ProjectPartner
from tests.conftest import PASSWORD

from .conftest import add_partner, add_work_package, grow_budget, use_plugin

pytestmark = pytest.mark.django_db


def login(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def url(project):
    return f"/app/project/detail/{project.pk}/checkAndSubmit"


def test_page_and_navigation(applicant, project):
    response = login(applicant).get(url(project))
    assert response.status_code == 200
    content = response.content.decode()
    assert f'href="{url(project)}" aria-current="page"' in content  # side navigation links the page
    assert "Run the check first" in content and 'value="confirm" class="btn btn--primary" disabled' in content
    assert "Status history" in content and "<td>Draft</td>" in content


def test_check_shows_the_tree_with_severities_and_links(applicant, project):
    use_plugin(project.call)
    client = login(applicant)
    content = client.post(url(project), {"action": "check"}).content.decode()
    assert "Result of the check" in content and "Submission is not allowed" in content
    assert "A – Project identification" in content and "The project duration is missing." in content
    assert "check-node--error" in content and "✖</span> Error" in content  # badge text, not colour alone
    assert f'href="/app/project/detail/{project.pk}/applicationFormIdentification">A – Project identification' \
        in content
    assert 'value="confirm" class="btn btn--primary" disabled' in content


def test_check_submit_with_confirmation(applicant, ready):
    client = login(applicant)
    content = client.post(url(ready), {"action": "check"}).content.decode()
    assert "Submission is allowed." in content and "No issues found." in content
    assert 'value="confirm" class="btn btn--primary">' in content  # enabled
    confirm = client.post(url(ready), {"action": "confirm"}).content.decode()
    assert "Do you really want to submit the application?" in confirm and 'value="submit"' in confirm
    assert Project.objects.get(pk=ready.pk).status == "DRAFT"
    response = client.post(url(ready), {"action": "submit"})
    assert response.status_code == 302
    assert Project.objects.get(pk=ready.pk).status == "SUBMITTED"
    page = client.get(url(ready)).content.decode()
    assert "The application was submitted" in page and "cannot be submitted" in page
    # the form is read-only now: section pages render without their save buttons
    for section in ("applicationFormIdentification", "applicationFormManagement"):
        section_page = client.get(f"/app/project/detail/{ready.pk}/{section}").content.decode()
        assert "Save changes" not in section_page and "read-only" in section_page


def test_submit_refused_shows_the_reason(applicant, project, viewer):
    use_plugin(project.call)
    response = login(applicant).post(url(project), {"action": "submit"})
    assert response.status_code == 422
    content = response.content.decode()
    assert "The pre-submission check found errors" in content and "The project duration is missing." in content
    use_plugin(project.call, plugins.NO_CHECK)
    viewer_client = login(viewer)
    page = viewer_client.post(url(project), {"action": "check"}).content.decode()
    assert "You do not have the privilege for this action." in page
    assert 'value="confirm" class="btn btn--primary" disabled' in page
    assert viewer_client.post(url(project), {"action": "confirm"}).content.decode().count("Do you really") == 0
    assert viewer_client.post(url(project), {"action": "submit"}).status_code == 403
    assert Project.objects.get(pk=project.pk).status == "DRAFT"


def test_other_people_get_404(stranger, project):
    client = login(stranger)
    assert client.get(url(project)).status_code == 404
    assert client.post(url(project), {"action": "submit"}).status_code == 404


def test_check_page_query_count_is_fixed(applicant, ready):
    client = login(applicant)
    indicator = OutputIndicator.objects.get()
    counts = []
    for size in (10, 50):
        while ProjectPartner.objects.filter(project=ready).count() < size:
            add_partner(ready, ProjectPartner.objects.filter(project=ready).count() + 1)
        while ready.work_packages.count() < size:
            add_work_package(ready, ready.work_packages.count() + 1, indicator)
        grow_budget(ProjectPartner.objects.get(project=ready, sort_number=1), rows=size * 4, lump_sums=size)
        client.post(url(ready), {"action": "check"})  # warm-up
        with CaptureQueriesContext(connection) as queries:
            assert b"Submission is allowed." in client.post(url(ready), {"action": "check"}).content
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_budget_messages_on_the_page(applicant, ready):
    """A fund rate the call lowered after the co-financing was entered, in the partner's node of section B, and
    section E with its lump sums."""
    from decimal import Decimal

    from jems.calls.models import CallFund

    CallFund.objects.filter(call=ready.call).update(rate=Decimal("60.00"))
    content = login(applicant).post(url(ready), {"action": "check"}).content.decode()
    assert "Partner LP1 P1" in content
    assert "Co-financing: ERDF at 80.00 % is above the call&#x27;s maximum of 60.00 %." in content
    assert "E – Project lump sums" in content
    assert "Submission is not allowed" in content
