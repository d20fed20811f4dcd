"""The demo application loads idempotently."""

import io

import pytest

from jems.projects.models import Project

pytestmark = pytest.mark.django_db


def test_demo_application():
    from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
    from jems.calls import demo as call_demo
    from jems.programme.models import ProgrammeLanguage
    from jems.projects import demo
    from tests.conftest import make_user

    make_user("applicant@jems.eu", APPLICANT_USER_ROLE_ID)
    ProgrammeLanguage.objects.update_or_create(code="DE", defaults={"input": True})
    ProgrammeLanguage.objects.update_or_create(code="EN", defaults={"input": True, "fallback": True})
    call_demo.load(io.StringIO())
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    project = Project.objects.get(acronym="DANUBE-ADAPT")
    assert set(project.title) == {"EN", "DE"} and project.status == "DRAFT"
