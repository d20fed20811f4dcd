"""Browser: run the check on an incomplete application (errors shown per section), fix one rule through the
ORM, check again (fewer errors), complete it, submit through the confirmation step; the form is read-only
afterwards. axe on each state of the page."""

import pytest

from jems.projects.models import Project
from tests.browser_support import log_in
from tests.conftest import PASSWORD

from .conftest import complete, use_plugin

pytestmark = pytest.mark.browser


def test_check_and_submit(page, axe, applicant, project):
    use_plugin(project.call)
    log_in(page, applicant.email, PASSWORD)
    page.goto(f"/app/project/detail/{project.pk}/checkAndSubmit")
    assert page.get_by_role("button", name="Submit").is_disabled()
    axe(page, "check & submit before the check")

    page.get_by_role("button", name="Check").click()
    result = page.locator("#check-result")
    result.wait_for()
    assert "The project duration is missing." in result.inner_text()
    assert "Submission is not allowed" in result.inner_text()
    first = int(result.locator(".notice").inner_text().split()[0])  # "<n> errors, …"
    assert page.get_by_role("button", name="Submit").is_disabled()
    axe(page, "check result with errors")

    Project.objects.filter(pk=project.pk).update(duration=12)
    page.get_by_role("button", name="Check").click()
    page.locator("#check-result").wait_for()
    assert "The project duration is missing." not in page.locator("#check-result").inner_text()
    assert int(page.locator("#check-result .notice").inner_text().split()[0]) < first

    complete(project)
    page.get_by_role("button", name="Check").click()
    page.locator("#check-result").wait_for()
    assert "Submission is allowed." in page.locator("#check-result").inner_text()
    page.get_by_role("button", name="Submit").click()
    page.get_by_text("Do you really want to submit the application?").wait_for()
    axe(page, "confirmation")
    page.get_by_role("button", name="Yes, submit the application").click()
    page.get_by_text("The application was submitted").wait_for()
    assert Project.objects.get(pk=project.pk).status == "SUBMITTED"
    assert page.get_by_role("button", name="Submit").is_disabled()
    axe(page, "after submission")

    page.get_by_role("link", name="A – Project identification").click()
    page.get_by_text("read-only").first.wait_for()
    assert page.get_by_role("button", name="Save changes").count() == 0
