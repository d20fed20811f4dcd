"""Fixtures of the partner tests: partners, work-plan activities created through the ORM, programme schemes, and
a call that shows the three state-aid fields (hidden by default)."""

import pytest

from jems.programme.models import StateAid
from jems.projects.partners.models import PartnerRole, ProjectPartner
from jems.projects.workpackages.models import Activity, WorkPackage

STATE_AID_FIELDS = ("PARTNER_STATE_AID_CRITERIA_SELF_CHECK", "PARTNER_STATE_AID_RELEVANT_ACTIVITIES",
                    "PARTNER_STATE_AID_SCHEME")


def show_state_aid(call, names=STATE_AID_FIELDS):
    from jems.calls.form_config.models import FieldConfiguration
    from jems.projects.visibility import FIELD_IDS

    for name in names:
        FieldConfiguration.objects.update_or_create(call=call, field_id=FIELD_IDS[name],
                                                    defaults={"visibility": "STEP_ONE_AND_TWO"})


@pytest.fixture
def partners(project):
    """The lead partner CITY and the partner UNI of the project."""
    lead = ProjectPartner.objects.create(project=project, abbreviation="CITY", role=PartnerRole.LEAD_PARTNER,
                                         sort_number=1)
    uni = ProjectPartner.objects.create(project=project, abbreviation="UNI", role=PartnerRole.PARTNER,
                                        sort_number=2)
    return lead, uni


def make_activities(project, partner, count, wp_number=1):
    """`count` activities of a new work package, all involving `partner`."""
    wp = WorkPackage.objects.create(project=project, number=wp_number, name={"EN": f"WP {wp_number}"})
    rows = Activity.objects.bulk_create([Activity(work_package=wp, number=n, title={"EN": f"Activity {n}"})
                                         for n in range(1, count + 1)])
    Activity.partners.through.objects.bulk_create([
        Activity.partners.through(activity_id=a.pk, projectpartner_id=partner.pk) for a in rows])
    return rows


@pytest.fixture
def scheme(db):
    return StateAid.objects.create(measure="GBER_ARTICLE_20", name={"EN": "Cooperation costs of ETC projects"},
                                   abbreviated_name={"EN": "GBER 20"}, scheme_number="SA.1234")


OPTIONAL_PARTNER_FIELDS = ("PARTNER_SUB_TYPE", "PARTNER_NACE_GROUP_LEVEL",
                           "PARTNER_OTHER_IDENTIFIER_NUMBER_AND_DESCRIPTION", "PARTNER_PIC", "PARTNER_VAT_RECOVERY",
                           "PARTNER_MOTIVATION_COMPETENCES", "PARTNER_MOTIVATION_ROLE", "PARTNER_ROLE_EXPERIENCE")


@pytest.fixture(autouse=True)
def optional_partner_fields_shown(open_call):
    """The partner tests use a call that shows the optional partner fields (hidden by default in a new call)."""
    from tests.projects.conftest import show_fields

    show_fields(open_call, *OPTIONAL_PARTNER_FIELDS)
