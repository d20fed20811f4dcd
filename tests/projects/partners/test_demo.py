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


def test_demo_self_checks_and_team():
    from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
    from jems.calls import demo as call_demo
    from jems.programme import demo as programme_demo
    from jems.programme.models import ProgrammeLanguage
    from jems.projects import demo
    from jems.projects.partners import demo as partner_demo
    from jems.projects.partners.models import PartnerCollaborator, PartnerStateAid
    from tests.conftest import make_user

    applicant = make_user("applicant@jems.eu", APPLICANT_USER_ROLE_ID)
    ProgrammeLanguage.objects.update_or_create(code="EN", defaults={"input": True, "fallback": True})
    programme_demo.load(io.StringIO())
    call_demo.load(io.StringIO())
    demo.load(io.StringIO())
    partner_demo.load(io.StringIO())
    partner_demo.load(io.StringIO())
    project = Project.objects.get(acronym="DANUBE-ADAPT")
    checks = {c.partner.abbreviation: c for c in PartnerStateAid.objects.filter(partner__project=project)}
    assert set(checks) == {"ULM", "BOKU", "RDA-NV"}
    assert (checks["RDA-NV"].answer1, checks["RDA-NV"].answer2, checks["RDA-NV"].answer3) == (True, True, False)
    assert checks["RDA-NV"].state_aid_id is not None and checks["ULM"].state_aid_id is None
    assert checks["BOKU"].justification1["EN"].startswith("Research results")
    team = PartnerCollaborator.objects.get(partner__project=project)
    assert (team.partner.abbreviation, team.user, team.level, team.gdpr) == ("ULM", applicant, "EDIT", True)
