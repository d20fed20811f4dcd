"""The checklist-instance demo: one finished assessment checklist on the submitted demo concept note;
idempotent; skipped without a submitted demo project."""

import io

import pytest

from jems.checklists.instances import demo
from jems.checklists.instances.models import ChecklistInstance
from jems.projects.models import Project

pytestmark = pytest.mark.django_db


def test_skipped_without_a_submitted_project():
    out = io.StringIO()
    demo.load(out)
    assert "skipped" in out.getvalue() and not ChecklistInstance.objects.exists()


def test_demo_checklist():
    from jems.accounts.privileges import APPLICANT_USER_ROLE_ID, PROGRAMME_USER_ROLE_ID
    from jems.calls import demo as call_demo
    from jems.programme.models import ProgrammeLanguage
    from jems.projects import demo as project_demo
    from jems.projects.submission import demo as submission_demo
    from tests.conftest import make_user

    make_user("applicant@jems.eu", APPLICANT_USER_ROLE_ID)
    make_user("programme@jems.eu", PROGRAMME_USER_ROLE_ID)
    ProgrammeLanguage.objects.update_or_create(code="EN", defaults={"input": True, "fallback": True})
    for app_demo in (call_demo, project_demo, submission_demo, demo, demo):
        app_demo.load(io.StringIO())
    instance = ChecklistInstance.objects.get()
    assert instance.status == "FINISHED" and instance.creator.email == "programme@jems.eu"
    assert instance.related_to_id == Project.objects.get(acronym="ALPS-MOVE").pk
    assert instance.template.locked and instance.answers
