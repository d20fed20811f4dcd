"""The demo description loads idempotently."""

import io

import pytest

from jems.projects.description.models import ProjectDescription

pytestmark = pytest.mark.django_db


def test_demo_description():
    from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
    from jems.calls import demo as call_demo
    from jems.programme.models import ProgrammeLanguage
    from jems.projects import demo as project_demo
    from jems.projects.description import demo
    from tests.conftest import make_user

    make_user("applicant@jems.eu", APPLICANT_USER_ROLE_ID)
    ProgrammeLanguage.objects.update_or_create(code="EN", defaults={"input": True, "fallback": True})
    call_demo.load(io.StringIO())
    project_demo.load(io.StringIO())
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    row = ProjectDescription.objects.get(project__acronym="DANUBE-ADAPT")
    assert row.overall_objective["EN"].startswith("Make six") and len(row.benefits) == 1
    assert row.sustainable_development_effect == "PositiveEffects"
