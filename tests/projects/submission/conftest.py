"""Fixtures of the check & submit tests: a complete application (passes the standard check with the call's
default form configuration), collaborators at each level and a stranger."""

from decimal import Decimal

import pytest

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.calls.form_config.models import FieldConfiguration
from jems.calls.models import Call
from jems.priorities.models import OutputIndicator, ResultIndicator
from jems.programme.models import LegalStatus
from jems.projects.description.models import ProjectDescription
from jems.projects.models import CollaboratorLevel, Project, ProjectCollaborator
from jems.projects.partners.models import (
    AddressType,
    ContactType,
    PartnerAddress,
    PartnerContact,
    PartnerRole,
    ProjectPartner,
)
from jems.projects.results.models import ProjectResult
from jems.projects.submission.standard_check import KEY
from jems.projects.visibility import FIELD_IDS
from jems.projects.workpackages.models import Activity, Output, WorkPackage
from tests.conftest import make_user


def both(text: str) -> dict:
    return {"DE": f"{text} (de)", "EN": text}


def use_plugin(call: Call, key: str | None = KEY, first_step: str | None = None) -> None:
    Call.objects.filter(pk=call.pk).update(pre_submission_check_plugin_key=key,
                                           first_step_pre_submission_check_plugin_key=first_step)


def set_visibility(call: Call, **fields: str) -> None:
    for name, visibility in fields.items():
        FieldConfiguration.objects.update_or_create(call=call, field_id=FIELD_IDS[name],
                                                    defaults={"visibility": visibility})


def add_partner(project, number: int, role=PartnerRole.PARTNER) -> ProjectPartner:
    partner = ProjectPartner.objects.create(
        project=project, sort_number=number, role=role, abbreviation=f"P{number}",
        name_in_original_language=f"Organisation {number}", name_in_english=f"Organisation {number}",
        partner_type="Sme", legal_status=LegalStatus.objects.order_by("id").first())
    PartnerAddress.objects.create(partner=partner, type=AddressType.Organization, country="Österreich (AT)",
                                  country_code="AT", nuts_region3="Wien (AT130)", nuts_region3_code="AT130",
                                  street="Ring", house_number="1", postal_code="1010", city="Wien")
    for contact_type in ContactType.values:
        PartnerContact.objects.create(partner=partner, type=contact_type, first_name="Ada", last_name="Lovelace",
                                      email="ada@example.org", telephone="+43 1 000")
    return partner


def add_work_package(project, number: int, indicator) -> WorkPackage:
    wp = WorkPackage.objects.create(project=project, number=number, name=both("Management"),
                                    specific_objective=both("Objective"), objective_and_audience=both("Audience"))
    Activity.objects.create(work_package=wp, number=1, title=both("Meetings"), description=both("Meet"),
                            start_period=1, end_period=2)
    Output.objects.create(work_package=wp, number=1, title=both("Pilot"), programme_output_indicator=indicator,
                          target_value=Decimal("3"), period_number=2)
    return wp


def complete(project: Project) -> Project:
    """Fill every section the default configuration of a single-step call shows, in both input languages."""
    so = project.call.specific_objectives.order_by("id").first()
    Project.objects.filter(pk=project.pk).update(title=both("Green rivers"), duration=12, specific_objective=so,
                                                 intro=both("Summary"))
    add_partner(project, 1, PartnerRole.LEAD_PARTNER)
    ProjectDescription.objects.update_or_create(project=project, defaults=dict(
        overall_objective=both("Overall"), territorial_challenge=both("Floods"), common_challenge=both("Together"),
        transnational_cooperation=both("Rivers cross borders"), available_knowledge=both("Studies"),
        benefits=[{"group": "Sme", "specification": both("Riverside SMEs")}], partnership=both("Six partners"),
        coordination=both("Steering group"), quality_assurance=both("Reviews"), communication=both("Website"),
        financial_management=both("Controllers"), joint_development=True,
        joint_development_description=both("Together"), joint_implementation=True,
        joint_implementation_description=both("Together"), joint_staffing=True,
        joint_staffing_description=both("Shared staff"), sustainable_development_effect="PositiveEffects",
        equal_opportunities_effect="Neutral", sexual_equality_effect="Neutral", ownership=both("Partners"),
        durability=both("Ten years"), transferability=both("Other rivers")))
    output_indicator = OutputIndicator.objects.create(identifier="O1", name={"EN": "Pilots"})
    add_work_package(project, 1, output_indicator)
    result_indicator = ResultIndicator.objects.create(identifier="R1", name={"EN": "Solutions taken up"})
    ProjectResult.objects.create(project=project, number=1, programme_result_indicator=result_indicator,
                                 target_value=Decimal("10"), period_number=2, description=both("Taken up"))
    project.refresh_from_db()
    return project


@pytest.fixture
def ready(project):
    """A complete application in a call that runs the standard check."""
    use_plugin(project.call)
    return complete(project)


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
