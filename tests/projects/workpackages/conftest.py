"""Fixtures of the C.4 tests: a project of 24 months in a call of 6-month periods (4 periods), two partners,
output indicators, collaborators at each level, a stranger, and all C.4 fields visible."""

import pytest

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.calls.form_config.models import FieldConfiguration
from jems.priorities.models import OutputIndicator
from jems.projects.models import CollaboratorLevel, Project, ProjectCollaborator
from jems.projects.partners.models import PartnerRole, ProjectPartner
from jems.projects.visibility import FIELD_IDS
from tests.conftest import make_user

C4_FIELDS = [name for name in FIELD_IDS if name.startswith(("PROJECT_WORK_PACKAGE", "PROJECT_SPECIFIC_OBJECTIVE",
                                                            "PROJECT_COMMUNICATION_OBJECTIVES", "PROJECT_INVESTMENT",
                                                            "PROJECT_ACTIVITIES", "PROJECT_OUTPUT"))]


@pytest.fixture(autouse=True)
def c4_visible(open_call):
    """The call shows every C.4 field (several are hidden by default) and has 6-month periods."""
    open_call.length_of_period = 6
    open_call.save(update_fields=["length_of_period"])
    for name in C4_FIELDS:
        FieldConfiguration.objects.update_or_create(call=open_call, field_id=FIELD_IDS[name],
                                                    defaults={"visibility": "STEP_ONE_AND_TWO"})


@pytest.fixture
def plan_project(project):
    Project.objects.filter(pk=project.pk).update(duration=24)
    project.refresh_from_db()
    return project


@pytest.fixture
def partners(plan_project):
    return [ProjectPartner.objects.create(project=plan_project, role=role, abbreviation=abbr, sort_number=n,
                                          name_in_original_language=abbr)
            for n, (role, abbr) in enumerate(((PartnerRole.LEAD_PARTNER, "ULM"), (PartnerRole.PARTNER, "BOKU")), 1)]


@pytest.fixture
def indicator(db):
    return OutputIndicator.objects.create(identifier="OI1", code="RCO01", name={"EN": "Pilot actions"},
                                          measurement_unit={"EN": "pilot actions"})


@pytest.fixture
def stranger(db):
    return make_user("stranger@example.org", APPLICANT_USER_ROLE_ID)


@pytest.fixture
def viewer(project):
    user = make_user("viewer@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=user, level=CollaboratorLevel.VIEW)
    return user
