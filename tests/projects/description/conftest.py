"""Fixtures of the section C tests: collaborators at each level and a stranger applicant."""

import pytest

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.projects.models import CollaboratorLevel, ProjectCollaborator
from tests.conftest import make_user


@pytest.fixture
def stranger(db):
    return make_user("stranger@example.org", APPLICANT_USER_ROLE_ID)


@pytest.fixture
def viewer(project):
    user = make_user("viewer@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=user, level=CollaboratorLevel.VIEW)
    return user


@pytest.fixture
def editor(project):
    user = make_user("editor@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=user, level=CollaboratorLevel.EDIT)
    return user


SECTION_C_FIELDS = (
    "PROJECT_OVERALL_OBJECTIVE", "PROJECT_TERRITORIAL_CHALLENGES", "PROJECT_HOW_ARE_CHALLENGES_AND_OPPORTUNITIES_TACKLED",
    "PROJECT_WHY_IS_COOPERATION_NEEDED", "PROJECT_TARGET_GROUP", "PROJECT_STRATEGY_CONTRIBUTION", "PROJECT_SYNERGIES",
    "PROJECT_HOW_BUILDS_PROJECT_ON_AVAILABLE_KNOWLEDGE", "PROJECT_PARTNERSHIP", "PROJECT_COORDINATION",
    "PROJECT_QUALITY_MEASURES", "PROJECT_COMMUNICATION_APPROACH", "PROJECT_FINANCIAL_MANAGEMENT_AND_REPORTING",
    "PROJECT_COOPERATION_CRITERIA", "PROJECT_HORIZONTAL_PRINCIPLES", "PROJECT_OWNERSHIP", "PROJECT_DURABILITY",
    "PROJECT_TRANSFERABILITY")


@pytest.fixture(autouse=True)
def section_c_visible(open_call):
    """The call shows every section C field of a standard call (most are hidden by default)."""
    from jems.calls.form_config.models import FieldConfiguration
    from jems.projects.description.queries import FIELD_IDS

    for name in SECTION_C_FIELDS:
        FieldConfiguration.objects.update_or_create(call=open_call, field_id=FIELD_IDS[name],
                                                    defaults={"visibility": "STEP_ONE_AND_TWO"})
