"""The notification demo loads idempotently: the demo roles read notifications, the step-1 submission of the demo
concept note is notified to its applicant (in-app and e-mail) when the demo transaction commits, and a second
load adds nothing."""

import io

import pytest
from django.core import mail

from jems.accounts.models import Role
from jems.accounts.privileges import APPLICANT_USER_ROLE_ID, PROGRAMME_USER_ROLE_ID
from jems.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_demo_notifications(django_capture_on_commit_callbacks):
    from jems.calls import demo as call_demo
    from jems.notifications import demo
    from jems.programme.models import ProgrammeLanguage
    from jems.projects import demo as project_demo
    from jems.projects.submission import demo as submission_demo
    from tests.conftest import make_user

    make_user("applicant@jems.eu", APPLICANT_USER_ROLE_ID)
    ProgrammeLanguage.objects.update_or_create(code="EN", defaults={"input": True, "fallback": True})
    with django_capture_on_commit_callbacks(execute=True):  # load_demo: one transaction, signals at its commit
        call_demo.load(io.StringIO())
        project_demo.load(io.StringIO())
        submission_demo.load(io.StringIO())
        demo.load(io.StringIO())
    with django_capture_on_commit_callbacks(execute=True):
        call_demo.load(io.StringIO())
        project_demo.load(io.StringIO())
        submission_demo.load(io.StringIO())
        demo.load(io.StringIO())
    row = Notification.objects.get()
    assert row.user.email == "applicant@jems.eu" and row.type == "ProjectSubmittedStep1"
    assert row.project.acronym == "ALPS-MOVE" and "ALPS-MOVE" in row.subject and "[" not in row.body
    assert [m.to for m in mail.outbox] == [["applicant@jems.eu"]]
    for role_id in (APPLICANT_USER_ROLE_ID, PROGRAMME_USER_ROLE_ID):
        assert "NotificationsRetrieve" in Role.objects.get(pk=role_id).permissions
