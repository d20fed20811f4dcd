"""Fixtures of the section E tests: a call offering two lump sums and a unit cost, a project of 12 months
(two periods of 6) with two partners, collaborators and a stranger."""

from decimal import Decimal

import pytest

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.cost_options.models import ProgrammeLumpSum, ProgrammeUnitCost
from jems.projects.models import CollaboratorLevel, Project, ProjectCollaborator
from jems.projects.partners.models import ProjectPartner
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
def split_lump_sum(open_call):
    """A splittable implementation lump sum of 5555.56 offered by the call."""
    item = ProgrammeLumpSum.objects.create(name={"EN": "Pilot"}, cost=Decimal("5555.56"), splitting_allowed=True,
                                           phase="Implementation", categories=["StaffCosts", "TravelAndAccommodationCosts"])
    open_call.lump_sums.add(item)
    return item


@pytest.fixture
def single_lump_sum(open_call):
    """A preparation lump sum of 1999.99 that may not be split, offered by the call."""
    item = ProgrammeLumpSum.objects.create(name={"EN": "Preparation"}, cost=Decimal("1999.99"),
                                           splitting_allowed=False, phase="Preparation", fast_track=True,
                                           categories=["StaffCosts", "TravelAndAccommodationCosts"])
    open_call.lump_sums.add(item)
    return item


@pytest.fixture
def call_unit_cost(open_call):
    item = ProgrammeUnitCost.objects.create(name={"EN": "Meeting day"}, type={"EN": "day"},
                                            cost_per_unit=Decimal("120.00"), one_cost_category=False,
                                            categories=["StaffCosts", "TravelAndAccommodationCosts"])
    open_call.unit_costs.add(item)
    return item


@pytest.fixture
def partners(project):
    """Lead partner and one partner; the project lasts 12 months (periods 1 and 2 of 6 months)."""
    Project.objects.filter(pk=project.pk).update(duration=12)
    project.refresh_from_db()
    lead = ProjectPartner.objects.create(project=project, sort_number=1, role="LEAD_PARTNER", abbreviation="LP")
    other = ProjectPartner.objects.create(project=project, sort_number=2, role="PARTNER", abbreviation="PP")
    return lead, other


@pytest.fixture
def proposals_allowed(open_call):
    open_call.project_defined_unit_cost_allowed = True
    open_call.save(update_fields=["project_defined_unit_cost_allowed"])
    return open_call
