"""Browser: the applicant submits through check & submit; the call notifies submissions to the project's users
and the assigned programme user: both get the e-mail over SMTP with the placeholders filled (MAIL_SENT), the
programme user finds it under "My notifications" on the dashboard and marks it as read. axe on the block."""

import re

import pytest

from jems.audit.models import AuditEvent
from tests.browser_support import log_in, log_out
from tests.conftest import PASSWORD

from .conftest import configure

pytestmark = pytest.mark.browser


def test_submission_notification_by_mail_and_on_the_dashboard(page, axe, smtp_sink, readers, project, people):
    configure(project.call, "ProjectSubmitted", "send_to_manager", "send_to_project_assigned",
              body="[projectAcronym] was submitted to [callName] by [userName].")
    log_in(page, people["applicant"].email, PASSWORD)
    page.goto(f"/app/project/detail/{project.pk}/checkAndSubmit")
    page.get_by_role("button", name="Check").click()
    page.locator("#check-result").wait_for()
    page.get_by_role("button", name="Submit").click()
    page.get_by_role("button", name="Yes, submit the application").click()
    page.get_by_text("The application was submitted").wait_for()

    subject = f"{project.custom_identifier} GREEN submitted"
    message = smtp_sink.wait_for("programme@example.org", subject)
    assert "GREEN was submitted to Open call by applicant@example.org." in smtp_sink.text(message)
    assert f"/app/project/detail/{project.pk}" in smtp_sink.text(message)
    smtp_sink.wait_for("applicant@example.org", subject)
    assert not [m for m in smtp_sink.messages if "viewer@example.org" in m["To"]]  # e-mails off in the profile
    assert AuditEvent.objects.filter(action="MAIL_SENT").count() == 2

    log_out(page)
    log_in(page, people["assigned"].email, PASSWORD)
    block = page.locator("#my-notifications")
    assert "1 unread" in block.inner_text() and subject in block.inner_text()
    axe(page, "dashboard with an unread notification")
    block.get_by_text("Message").click()
    block.get_by_text("GREEN was submitted to Open call").wait_for()
    block.get_by_role("button", name=re.compile(f"^Mark as read.*{subject}$")).click()
    page.wait_for_url("**/app/dashboard#my-notifications")
    assert "unread" not in page.locator("#my-notifications").inner_text()
    assert page.locator("#my-notifications td .badge").inner_text() == "Read"
    axe(page, "dashboard with a read notification")
