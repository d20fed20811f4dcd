"""The demo partners load idempotently on top of the demo application."""

import io

import pytest

from jems.projects.models import Project
from jems.projects.partners.models import ProjectPartner

pytestmark = pytest.mark.django_db


def test_demo_partners():
    from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
    from jems.calls import demo as call_demo
    from jems.programme.models import ProgrammeLanguage
    from jems.projects import demo
    from jems.projects.partners import demo as partner_demo
    from tests.conftest import make_user

    make_user("applicant@jems.eu", APPLICANT_USER_ROLE_ID)
    ProgrammeLanguage.objects.update_or_create(code="DE", defaults={"input": True})
    ProgrammeLanguage.objects.update_or_create(code="EN", defaults={"input": True, "fallback": True})
    call_demo.load(io.StringIO())
    demo.load(io.StringIO())
    partner_demo.load(io.StringIO())
    partner_demo.load(io.StringIO())
    project = Project.objects.get(acronym="DANUBE-ADAPT")
    partners = list(ProjectPartner.objects.filter(project=project))
    assert [(p.abbreviation, p.sort_number, p.role) for p in partners] == [
        ("ULM", 1, "LEAD_PARTNER"), ("BOKU", 2, "PARTNER"), ("RDA-NV", 3, "PARTNER")]
    assert partners[0].addresses.get().city == "Ulm" and partners[2].contacts.get().last_name == "Petrović"
