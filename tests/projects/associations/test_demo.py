"""The demo associated organisations load idempotently on top of the demo partners."""

import io

import pytest

from jems.projects.associations.models import AssociatedOrganization
from jems.projects.models import Project

pytestmark = pytest.mark.django_db


def test_demo_associated_organisations():
    from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
    from jems.calls import demo as call_demo
    from jems.programme.models import ProgrammeLanguage
    from jems.projects import demo
    from jems.projects.associations import demo as association_demo
    from jems.projects.partners import demo as partner_demo
    from tests.conftest import make_user

    make_user("applicant@jems.eu", APPLICANT_USER_ROLE_ID)
    ProgrammeLanguage.objects.update_or_create(code="DE", defaults={"input": True})
    ProgrammeLanguage.objects.update_or_create(code="EN", defaults={"input": True, "fallback": True})
    call_demo.load(io.StringIO())
    demo.load(io.StringIO())
    partner_demo.load(io.StringIO())
    association_demo.load(io.StringIO())
    association_demo.load(io.StringIO())
    project = Project.objects.get(acronym="DANUBE-ADAPT")
    organizations = list(AssociatedOrganization.objects.filter(project=project).select_related("partner"))
    assert [(o.sort_number, o.partner.abbreviation) for o in organizations] == [(1, "ULM"), (2, "BOKU")]
    assert organizations[0].contacts.get().last_name == "Brandt"
