"""Fixtures of the controller-institution tests: a programme area, controllers and an institution manager."""

import pytest

from jems.accounts.models import Role
from jems.accounts.privileges import PROGRAMME_USER_ROLE_ID
from jems.nuts.models import ProgrammeNuts
from tests.conftest import make_user

AREA = ("AT211", "AT212", "AT213", "ITH41", "ITH42", "SI041")


@pytest.fixture
def area(db):
    ProgrammeNuts.objects.bulk_create([ProgrammeNuts(region_id=c) for c in AREA])
    return set(AREA)


@pytest.fixture
def controller(db):
    """A programme user (project-monitor privileges, InstitutionsRetrieve)."""
    return make_user("controller@example.org", PROGRAMME_USER_ROLE_ID)


@pytest.fixture
def manager(db):
    """A controller who may update the institutions he belongs to (InstitutionsUpdate, not Unlimited)."""
    role = Role.objects.create(name="institution manager", permissions=[
        "InstitutionsRetrieve", "InstitutionsUpdate", "ProjectReportingView"])
    return make_user("manager@example.org", role.pk)
