"""The demo work plan loads idempotently on top of the demo partners and output indicators."""

import io

import pytest

from jems.projects.models import Project
from jems.projects.workpackages import queries

pytestmark = pytest.mark.django_db


def test_demo_work_plan():
    from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
    from jems.calls import demo as call_demo
    from jems.priorities import demo as priority_demo
    from jems.programme.models import ProgrammeLanguage
    from jems.projects import demo
    from jems.projects.partners import demo as partner_demo
    from jems.projects.workpackages import demo as work_plan_demo
    from tests.conftest import make_user

    applicant = make_user("applicant@jems.eu", APPLICANT_USER_ROLE_ID)
    ProgrammeLanguage.objects.update_or_create(code="EN", defaults={"input": True, "fallback": True})
    priority_demo.load(io.StringIO())
    call_demo.load(io.StringIO())
    demo.load(io.StringIO())
    partner_demo.load(io.StringIO())
    work_plan_demo.load(io.StringIO())
    work_plan_demo.load(io.StringIO())
    project = Project.objects.get(acronym="DANUBE-ADAPT")
    plan = queries.work_packages(actor=applicant, project_id=project.pk)[2]
    assert [wp["number"] for wp in plan] == [1, 2]
    first = plan[0]
    assert len(first["activities"]) == 2 and len(first["activities"][0]["deliverables"]) == 2
    assert len(first["activities"][0]["partnerIds"]) == 2
    assert first["outputs"][0]["programmeOutputIndicatorIdentifier"] is not None
    assert first["outputs"][0]["targetValue"] == "3.00"
    assert first["investments"][0]["address"]["city"] == "Ulm" and plan[1]["investments"] == []
