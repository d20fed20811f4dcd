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
