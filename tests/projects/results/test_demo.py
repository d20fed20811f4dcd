"""The demo results load idempotently on top of the demo programme, call and application."""

import io
from decimal import Decimal

import pytest

from jems.projects.results.models import ProjectResult

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def results_visible():
    """No test call here: the demo programme brings its own priorities."""


def test_demo_results():
    from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
    from jems.calls import demo as call_demo
    from jems.priorities import demo as priority_demo
    from jems.programme.models import ProgrammeLanguage
    from jems.projects import demo as project_demo
    from jems.projects.results import demo
    from tests.conftest import make_user

    make_user("applicant@jems.eu", APPLICANT_USER_ROLE_ID)
    ProgrammeLanguage.objects.update_or_create(code="DE", defaults={"input": True})
    ProgrammeLanguage.objects.update_or_create(code="EN", defaults={"input": True, "fallback": True})
    priority_demo.load(io.StringIO())
    call_demo.load(io.StringIO())
    project_demo.load(io.StringIO())
    out = io.StringIO()
    demo.load(out)
    demo.load(out)
    assert out.getvalue().count("Demo results filled") == 1
    results = list(ProjectResult.objects.filter(project__acronym="DANUBE-ADAPT").select_related(
        "programme_result_indicator"))
    assert [(r.number, r.programme_result_indicator.identifier, r.target_value, r.period_number)
            for r in results] == [(1, "R2.1", Decimal("3.00"), 5), (2, "R2.2", Decimal("1.00"), 5)]
    assert results[0].description["DE"].startswith("Drei")


def test_demo_skipped_without_application():
    from jems.projects.results import demo

    out = io.StringIO()
    demo.load(out)
    assert "skipped" in out.getvalue() and not ProjectResult.objects.exists()
