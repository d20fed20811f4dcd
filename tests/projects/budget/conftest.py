"""Fixtures of the D partner-budget tests: a 24-month project in a call of 6-month periods (4 periods) offering
flat rates, a single-category staff unit cost and a multi-category unit cost, two partners, an investment, and
the budget columns (periods, units, texts, investment) shown."""

import pytest

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.calls.form_config.models import FieldConfiguration
from jems.calls.models import CallFlatRate, FlatRateType
from jems.cost_options.models import ProgrammeUnitCost
from jems.projects.models import CollaboratorLevel, Project, ProjectCollaborator
from jems.projects.partners.models import PartnerRole, ProjectPartner
from jems.projects.visibility import FIELD_IDS
from jems.projects.workpackages.models import Investment, WorkPackage
from tests.conftest import make_user

BUDGET_FIELDS = [name for name in FIELD_IDS if name.startswith("PARTNER_BUDGET")]


@pytest.fixture(autouse=True)
def budget_visible(open_call):
    """The call shows every budget column and has 6-month periods."""
    open_call.length_of_period = 6
    open_call.save(update_fields=["length_of_period"])
    for name in BUDGET_FIELDS:
        FieldConfiguration.objects.update_or_create(call=open_call, field_id=FIELD_IDS[name],
                                                    defaults={"visibility": "STEP_ONE_AND_TWO"})


def hide(call, *names):
    for name in names:
        FieldConfiguration.objects.update_or_create(call=call, field_id=FIELD_IDS[name],
                                                    defaults={"visibility": "NONE"})


@pytest.fixture
def flat_rates(open_call):
    """Staff 20 % (up to), office on staff 15 % (fixed), office on direct 7 %, travel 15 %, other 40 %."""
    for type_, rate, adjustable in ((FlatRateType.STAFF_COSTS, 20, True),
                                    (FlatRateType.OFFICE_AND_ADMINISTRATION_ON_STAFF_COSTS, 15, False),
                                    (FlatRateType.OFFICE_AND_ADMINISTRATION_ON_OTHER_COSTS, 7, True),
                                    (FlatRateType.TRAVEL_AND_ACCOMMODATION_ON_STAFF_COSTS, 15, True),
                                    (FlatRateType.OTHER_COSTS_ON_STAFF_COSTS, 40, True)):
        CallFlatRate.objects.create(call=open_call, type=type_, rate=rate, adjustable=adjustable)
    return open_call


@pytest.fixture
def unit_costs(open_call):
    """(single-category staff unit cost of 150.00, multi-category unit cost of 1000.50), both in the call."""
    staff = ProgrammeUnitCost.objects.create(name={"EN": "Staff day"}, type={"EN": "day"}, cost_per_unit="150.00",
                                             one_cost_category=True, categories=["StaffCosts"])
    multi = ProgrammeUnitCost.objects.create(name={"EN": "Study visit"}, type={"EN": "visit"},
                                             cost_per_unit="1000.50", one_cost_category=False,
                                             categories=["StaffCosts", "TravelAndAccommodationCosts"])
    open_call.unit_costs.add(staff, multi)
    return staff, multi


@pytest.fixture
def budget_project(project):
    Project.objects.filter(pk=project.pk).update(duration=24)
    project.refresh_from_db()
    return project


@pytest.fixture
def partners(budget_project):
    return [ProjectPartner.objects.create(project=budget_project, role=role, abbreviation=abbr, sort_number=n,
                                          name_in_original_language=abbr)
            for n, (role, abbr) in enumerate(((PartnerRole.LEAD_PARTNER, "ULM"), (PartnerRole.PARTNER, "BOKU")), 1)]


@pytest.fixture
def partner(partners):
    return partners[0]


@pytest.fixture
def investment(budget_project):
    wp = WorkPackage.objects.create(project=budget_project, number=1, name={"EN": "Pilots"})
    return Investment.objects.create(work_package=wp, number=1, title={"EN": "Flood meadow"})


@pytest.fixture
def stranger(db):
    return make_user("stranger@example.org", APPLICANT_USER_ROLE_ID)


@pytest.fixture
def viewer(project):
    user = make_user("viewer@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=user, level=CollaboratorLevel.VIEW)
    return user


def staff_row(units="10", price="100.00", periods=None, **extra):
    return {"numberOfUnits": units, "pricePerUnit": price, "budgetPeriods": periods or [],
            "description": {"EN": "Project manager"}, "unitType": {"EN": "day"}, **extra}
