"""The modification demo loads idempotently: a contracted project with a pending request and its attachment."""

import io

import pytest

from jems.projects.models import Project
from jems.projects.modifications.models import ModificationRequest

pytestmark = pytest.mark.django_db


def test_demo_modification_request(admin_user):
    from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
    from jems.calls import demo as call_demo
    from jems.programme.models import ProgrammeLanguage
    from jems.projects import demo as project_demo
    from jems.projects.modifications import demo
    from tests.conftest import make_user

    make_user("applicant@jems.eu", APPLICANT_USER_ROLE_ID)
    ProgrammeLanguage.objects.update_or_create(code="EN", defaults={"input": True, "fallback": True})
    call_demo.load(io.StringIO())
    project_demo.load(io.StringIO())
    out = io.StringIO()
    demo.load(out)
    demo.load(io.StringIO())
    assert "pending modification request" in out.getvalue(), out.getvalue()
    project = Project.objects.get(acronym="RIVER-LINK")
    assert project.status == "CONTRACTED"
    item = ModificationRequest.objects.get(project=project)
    assert item.status == "PENDING" and item.attachments.get().name == "letter-of-intent.txt"
