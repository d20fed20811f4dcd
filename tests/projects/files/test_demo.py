"""The demo annexes load idempotently on top of the demo application and partners."""

import io

import pytest

from jems.projects.files.models import ProjectFile

pytestmark = pytest.mark.django_db


def test_demo_annexes():
    from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
    from jems.calls import demo as call_demo
    from jems.programme.models import ProgrammeLanguage
    from jems.projects import demo
    from jems.projects.files import demo as files_demo
    from jems.projects.partners import demo as partner_demo
    from tests.conftest import make_user

    make_user("applicant@jems.eu", APPLICANT_USER_ROLE_ID)
    ProgrammeLanguage.objects.update_or_create(code="DE", defaults={"input": True})
    ProgrammeLanguage.objects.update_or_create(code="EN", defaults={"input": True, "fallback": True})
    call_demo.load(io.StringIO())
    demo.load(io.StringIO())
    partner_demo.load(io.StringIO())
    files_demo.load(io.StringIO())
    files_demo.load(io.StringIO())
    files = ProjectFile.objects.filter(project__acronym="DANUBE-ADAPT").order_by("id")
    assert [(f.name, f.category) for f in files] == [("letter-of-support.txt", "APPLICATION"),
                                                    ("statute.txt", "PARTNER")]
