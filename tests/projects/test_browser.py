"""Browser: an applicant applies to an open call from the dashboard, fills A.1 in two languages and adds a VIEW
collaborator; axe runs on each page."""

import pytest

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.projects.models import Project, ProjectCollaborator
from tests.browser_support import log_in
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.browser


def test_apply_fill_a1_and_share(page, axe, applicant, open_call, languages):
    make_user("colleague@example.org", APPLICANT_USER_ROLE_ID)
    log_in(page, applicant.email, PASSWORD)
    page.goto("/app/dashboard")
    axe(page, "dashboard with my applications")
    page.get_by_role("link", name="Apply – Open call").click()
    page.get_by_label("Project acronym").fill("RIVER")
    axe(page, "apply")
    page.get_by_role("button", name="Create application").click()
    page.wait_for_url("**/app/project/detail/*")
    project = Project.objects.get(acronym="RIVER")
    assert page.get_by_role("heading", name=f"{project.custom_identifier} – RIVER").is_visible()
    axe(page, "project overview")
    page.get_by_role("link", name="A – Project identification").click()
    page.locator("#id_title_0").fill("Grüne Flüsse")
    page.locator("#id_title_1").fill("Green rivers")
    page.get_by_label("Duration in months").fill("24")
    page.get_by_label("Programme priority / specific objective").select_option("Digitisation")
    page.locator("#id_intro_1").fill("A summary.")
    axe(page, "A.1")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/applicationFormIdentification")
    project.refresh_from_db()
    assert project.title == {"DE": "Grüne Flüsse", "EN": "Green rivers"} and project.duration == 24
    page.get_by_role("link", name="Project privileges").click()
    page.locator("#id_collab-1-email").fill("colleague@example.org")
    page.locator("#id_collab-1-level").select_option("VIEW")
    axe(page, "privileges")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/privileges")
    assert ProjectCollaborator.objects.filter(project=project, user__email="colleague@example.org",
                                              level="VIEW").exists()
    from jems.projects import services

    services.create_version(actor=applicant, project=project)  # e.g. returned to the applicant later
    page.goto(f"/app/project/detail/{project.pk}")
    page.get_by_label("Version", exact=True).select_option("1.0")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/applicationFormIdentification?version=1.0")
    assert page.get_by_text("read-only").is_visible()
    assert page.locator("#id_title_1").input_value() == "Green rivers"
    axe(page, "A.1 version 1.0")
