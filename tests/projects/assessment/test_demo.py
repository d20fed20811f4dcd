"""The assessment demo loads idempotently: the step-1 concept note is assessed and eligible."""

import io

import pytest

from jems.projects.assessment.models import EligibilityAssessment, QualityAssessment
from jems.projects.models import Project

pytestmark = pytest.mark.django_db


def test_demo_assessment(admin_user):
    from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
    from jems.calls import demo as call_demo
    from jems.programme.models import ProgrammeLanguage
    from jems.projects import demo as project_demo
    from jems.projects.assessment import demo
    from jems.projects.submission import demo as submission_demo
    from tests.conftest import make_user

    make_user("applicant@jems.eu", APPLICANT_USER_ROLE_ID)
    ProgrammeLanguage.objects.update_or_create(code="EN", defaults={"input": True, "fallback": True})
    call_demo.load(io.StringIO())
    project_demo.load(io.StringIO())
    submission_demo.load(io.StringIO())
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    concept = Project.objects.get(acronym="ALPS-MOVE")
    assert concept.status == "STEP1_ELIGIBLE"
    assert EligibilityAssessment.objects.get(project=concept).result == "PASSED"
    assert QualityAssessment.objects.get(project=concept).step == 1
    assert concept.decisions.eligibility_step1.status == "STEP1_ELIGIBLE"
