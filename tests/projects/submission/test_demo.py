"""The Check & Submit demo loads idempotently: the standard call runs the standard check, a concept note is
submitted in step 1 of the two-step call."""

import io

import pytest

from jems.calls.models import Call
from jems.projects.models import Project
from jems.projects.submission.standard_check import KEY

pytestmark = pytest.mark.django_db


def test_demo_submission():
    from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
    from jems.calls import demo as call_demo
    from jems.programme.models import ProgrammeLanguage
    from jems.projects import demo as project_demo
    from jems.projects.submission import demo
    from tests.conftest import make_user

    make_user("applicant@jems.eu", APPLICANT_USER_ROLE_ID)
    ProgrammeLanguage.objects.update_or_create(code="EN", defaults={"input": True, "fallback": True})
    call_demo.load(io.StringIO())
    project_demo.load(io.StringIO())
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    assert Call.objects.get(name=call_demo.STANDARD_CALL).pre_submission_check_plugin_key == KEY
    concept = Project.objects.get(acronym="ALPS-MOVE")
    assert concept.status == "STEP1_SUBMITTED"
    assert list(concept.status_history.values_list("status", flat=True)) == ["STEP1_DRAFT", "STEP1_SUBMITTED"]
