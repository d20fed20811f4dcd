"""Fixtures of the check & submit tests: a complete application (passes the standard check with the call's
default form configuration, budget and co-financing included), collaborators at each level and a stranger."""

from decimal import Decimal

import pytest

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.calls.form_config.models import FieldConfiguration
from jems.calls.models import Call, CallFund
from jems.cost_options.models import ProgrammeLumpSum
from jems.priorities.models import OutputIndicator, ResultIndicator
from jems.programme.models import LegalStatus, ProgrammeFund
from jems.projects.budget.models import BudgetCostRow
from jems.projects.cofinancing.models import PartnerCoFinancing, PartnerContribution
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


def call_fund(call: Call) -> ProgrammeFund:
    """The fund the call offers (ERDF up to 80 %, created on first use)."""
    offered = CallFund.objects.filter(call=call).select_related("fund").order_by("id").first()
    if offered is not None:
        return offered.fund
    erdf = ProgrammeFund.objects.create(type="ERDF", selected=True, abbreviation={"EN": "ERDF"})
    CallFund.objects.create(call=call, fund=erdf, rate=Decimal("80.00"), adjustable=True)
    return erdf


def give_budget(partner: ProjectPartner, amount: str = "1000.00") -> None:
    """One equipment row of `amount`, co-financed by ERDF at 80 % and the partner's own public contribution of
    the remaining 20 %."""
    total = Decimal(amount)
    BudgetCostRow.objects.create(partner=partner, category="EQUIPMENT", number_of_units=Decimal(1),
                                 price_per_unit=total, row_sum=total, description=both("Laptop"))
    PartnerCoFinancing.objects.create(project_partner=partner, fund_type="MainFund",
                                      fund=call_fund(partner.project.call), percentage=Decimal(80), order_nr=1)
    PartnerCoFinancing.objects.create(project_partner=partner, fund_type="PartnerContribution",
                                      percentage=Decimal(20), order_nr=2)
    PartnerContribution.objects.create(project_partner=partner, status="Public", amount=total / 5, partner=True,
                                       order_nr=1)


def grow_budget(partner: ProjectPartner, rows: int, lump_sums: int) -> None:
    """Add staff rows of 10.00 and fully split lump sums of 100.00 (period 1) until the partner has `rows` cost
    rows and the project `lump_sums` lump sums; the partner contribution follows the new total."""
    from jems.finance.cofinancing import derive
    from jems.projects.budget.totals import partner_budgets
    from jems.projects.lumpsums.models import ProjectLumpSum, ProjectPartnerLumpSum

    project, ten = partner.project, Decimal("10.00")
    for number in range(BudgetCostRow.objects.filter(partner=partner).count(), rows):
        BudgetCostRow.objects.create(partner=partner, category="STAFF", sort_number=number, number_of_units=1,
                                     price_per_unit=ten, row_sum=ten, description=both("Expert"))
    programme = project.call.lump_sums.first()
    if programme is None:
        programme = ProgrammeLumpSum.objects.create(name={"EN": "Event"}, cost=Decimal("100.00"),
                                                    phase="Implementation", categories=["StaffCosts"])
        project.call.lump_sums.add(programme)
    for number in range(ProjectLumpSum.objects.filter(project=project).count(), lump_sums):
        row = ProjectLumpSum.objects.create(project=project, programme_lump_sum=programme, order_nr=number + 1,
                                            period_number=1)
        ProjectPartnerLumpSum.objects.create(project_lump_sum=row, partner=partner, amount=programme.cost)
    fund_id = PartnerCoFinancing.objects.get(project_partner=partner, fund_type="MainFund").fund_id
    total = partner_budgets(project)[partner.pk].management_total
    PartnerContribution.objects.filter(project_partner=partner).update(
        amount=derive(total, {fund_id: Decimal(80)}).partner_contribution)


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
    give_budget(partner)
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
