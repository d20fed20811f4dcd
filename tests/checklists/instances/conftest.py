"""Fixtures of the checklist-instance tests: a project whose call selects an assessment template with every
component kind, an assessor (the default programme user), a consolidator and a selector."""

import pytest

from jems.accounts.models import Role
from jems.accounts.privileges import PROGRAMME_USER_DEFAULT
from jems.checklists.instances import services
from tests.checklists.conftest import ALL_KINDS, make_checklist
from tests.conftest import make_user
from tests.projects import conftest as project_fixtures

# The project fixtures (tests/projects/conftest.py) are used here too.
languages, open_call, project = project_fixtures.languages, project_fixtures.open_call, project_fixtures.project


@pytest.fixture
def template(open_call):
    checklist = make_checklist(components=ALL_KINDS)
    open_call.checklists.add(checklist)
    return checklist


@pytest.fixture
def assessor(programme_user):
    return programme_user


@pytest.fixture
def consolidator(db):
    role = Role.objects.create(name="Consolidator", permissions=sorted(
        {*PROGRAMME_USER_DEFAULT, "ProjectAssessmentChecklistConsolidate", "ProjectAssessmentChecklistSelectedUpdate"}))
    return make_user("consolidator@example.org", role.pk)


@pytest.fixture
def instance(assessor, project, template):
    return services.create_instance(actor=assessor, project_id=project.pk, template_id=template.pk)


def components(instance) -> dict:
    """{kind: component} of the ALL_KINDS template."""
    return {c.type: c for c in instance.template.components.all()}
