"""restore_version: every section of the fully filled demo application is changed after a version and restored;
the form must then freeze into exactly the version's snapshot (snapshot → restore → snapshot round trip). Also
the rejected modification through the status machine, partners and work packages removed and added between
versions, and the rows kept (deactivated) because something outside the form points at them."""

import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jems.cost_options.models import ProgrammeUnitCost
from jems.projects.assessment import services as assessment
from jems.projects.assessment.models import ProjectDecisions
from jems.projects.assessment.services import Decision
from jems.projects.associations.models import AssociatedOrganization
from jems.projects.budget.models import BudgetCostRow, PartnerBudgetOptions
from jems.projects.cofinancing.models import PartnerCoFinancing, PartnerContribution
from jems.projects.description.models import ProjectDescription
from jems.projects.files.models import FileCategory, ProjectFile
from jems.projects.lumpsums.models import ProjectLumpSum
from jems.projects.models import ApplicationStatus as S
from jems.projects.models import Project, ProjectVersion
from jems.projects.partners.models import (
    PartnerAddress,
    PartnerCollaborator,
    PartnerRole,
    PartnerStateAid,
    ProjectPartner,
)
from jems.projects.results.models import ProjectResult
from jems.projects.services import create_version, form_snapshot, restore_version
from jems.projects.workpackages.models import Activity, Deliverable, Investment, Output, WorkPackage

from .assessment.conftest import DECIDED, set_status

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(admin_user):
    """The demo application DANUBE-ADAPT: every section of the form filled."""
    call_command("load_demo", "--force", stdout=io.StringIO())
    project = Project.objects.get(acronym="DANUBE-ADAPT")
    assert ProjectPartner.objects.filter(project=project).count() >= 3
    assert WorkPackage.objects.filter(project=project).count() >= 2
    return project


def freeze(project, actor) -> ProjectVersion:
    """Open a new version: the current one is frozen and returned."""
    current = ProjectVersion.objects.filter(project=project, snapshot__isnull=True).get()
    create_version(actor=actor, project=project)
    return ProjectVersion.objects.get(pk=current.pk)


def live(project) -> dict:
    """The form as a version would freeze it, through JSON like the stored snapshot."""
    return json.loads(json.dumps(form_snapshot(Project.objects.get(pk=project.pk))))


def change_everything(project, actor) -> None:
    """Change every section: texts, rows removed, rows added."""
    Project.objects.filter(pk=project.pk).update(acronym="CHANGED", title={"EN": "Other"}, duration=12, intro={})
    lead, *others = ProjectPartner.objects.filter(project=project).order_by("sort_number")
    others[-1].delete()  # its budget, co-financing, shares and associations go with it
    ProjectPartner.objects.filter(pk=lead.pk).update(name_in_english="Renamed", department={"EN": "New dept"},
                                                     organization_role={})
    PartnerAddress.objects.filter(partner=lead).delete()
    ProjectPartner.objects.create(project=project, abbreviation="NEWBIE", role=PartnerRole.PARTNER, sort_number=9)
    PartnerStateAid.objects.filter(partner__project=project).update(answer1=None, justification1={})
    ProjectDescription.objects.filter(project=project).update(overall_objective={"EN": "changed"}, benefits=[],
                                                              joint_staffing=True)
    AssociatedOrganization.objects.filter(project=project).first().delete()
    first, second = WorkPackage.objects.filter(project=project).order_by("number")[:2]
    first.delete()
    WorkPackage.objects.filter(pk=second.pk).update(number=1, name={"EN": "moved"})
    activity = Activity.objects.create(work_package=second, number=9, title={"EN": "new activity"})
    activity.partners.set([lead])
    Deliverable.objects.filter(activity__work_package=second).update(title={"EN": "changed"})
    Output.objects.filter(work_package=second).delete()
    Investment.objects.create(work_package=second, number=7, title={"EN": "new investment"})
    ProjectResult.objects.filter(project=project).delete()
    ProjectResult.objects.create(project=project, number=1, baseline=Decimal("3"), description={"EN": "new"})
    BudgetCostRow.objects.filter(partner__project=project).update(description={"EN": "changed"})
    PartnerBudgetOptions.objects.filter(partner__project=project).delete()
    PartnerContribution.objects.filter(project_partner__project=project).update(amount=Decimal("1.00"))
    PartnerCoFinancing.objects.filter(project_partner__project=project).delete()
    ProjectLumpSum.objects.filter(project=project).delete()
    ProgrammeUnitCost.objects.filter(project=project).update(name={"EN": "changed"})
    ProgrammeUnitCost.objects.create(project=project, project_defined=True, cost_per_unit=Decimal("9"),
                                     name={"EN": "proposed later"})


def test_round_trip_of_every_section(demo, admin_user):
    version = freeze(demo, admin_user)
    assert version.snapshot == live(demo)
    change_everything(demo, admin_user)
    changed = live(demo)
    assert all(changed[key] != version.snapshot[key] for key in version.snapshot
               if key not in ("specificObjective", "specificObjectiveCode", "programmePriorityCode",
                              "partnerSpfCoFinancing"))
    restore_version(demo, version)
    assert live(demo) == version.snapshot


def test_restore_keeps_ids_of_rows_that_still_exist(demo, admin_user):
    partners = set(ProjectPartner.objects.filter(project=demo).values_list("pk", flat=True))
    activities = set(Activity.objects.filter(work_package__project=demo).values_list("pk", flat=True))
    version = freeze(demo, admin_user)
    ProjectPartner.objects.filter(project=demo).update(name_in_english="x")
    Activity.objects.filter(work_package__project=demo).update(title={})
    restore_version(demo, version)
    assert set(ProjectPartner.objects.filter(project=demo).values_list("pk", flat=True)) == partners
    assert set(Activity.objects.filter(work_package__project=demo).values_list("pk", flat=True)) == activities
    assert live(demo) == version.snapshot


def test_partners_and_work_packages_removed_and_added_between_versions(demo, admin_user):
    v1 = freeze(demo, admin_user)  # all partners and work packages
    removed = ProjectPartner.objects.filter(project=demo).order_by("-sort_number").first()
    removed_wp = WorkPackage.objects.filter(project=demo).order_by("-number").first()
    removed_id, removed_wp_id = removed.pk, removed_wp.pk
    removed.delete()
    removed_wp.delete()
    v2 = freeze(demo, admin_user)  # without them
    added = ProjectPartner.objects.create(project=demo, abbreviation="LATE", role=PartnerRole.PARTNER, sort_number=8)
    added_wp = WorkPackage.objects.create(project=demo, number=5, name={"EN": "late"})
    restore_version(demo, v2)
    assert live(demo) == v2.snapshot
    assert not ProjectPartner.objects.filter(pk=added.pk).exists()
    assert not WorkPackage.objects.filter(pk=added_wp.pk).exists()
    restore_version(demo, v1)
    assert live(demo) == v1.snapshot
    assert ProjectPartner.objects.filter(pk=removed_id).exists()  # recreated under its old id
    assert WorkPackage.objects.filter(pk=removed_wp_id).exists()
    assert BudgetCostRow.objects.filter(partner_id=removed_id).count() == sum(
        len(rows) for rows in v1.snapshot["partnerBudgets"][str(removed_id)]["costs"].values()) > 0


def test_rows_pointed_at_from_outside_the_form_are_kept_deactivated(demo, admin_user, applicant):
    version = freeze(demo, admin_user)
    team = ProjectPartner.objects.create(project=demo, abbreviation="TEAM", role=PartnerRole.PARTNER, sort_number=7)
    PartnerCollaborator.objects.create(partner=team, user=applicant, level="EDIT")
    package = WorkPackage.objects.filter(project=demo).order_by("number").first()
    investment = Investment.objects.create(work_package=package, number=9, title={"EN": "with annex"})
    ProjectFile.objects.create(project=demo, category=FileCategory.INVESTMENT, investment=investment, name="a.pdf",
                               size=1, storage_path="x/a.pdf", uploaded_by=applicant, uploaded_at=timezone.now())
    restore_version(demo, version)
    team.refresh_from_db()
    investment.refresh_from_db()
    assert not team.active and team.role == PartnerRole.PARTNER
    assert PartnerCollaborator.objects.filter(partner=team).exists()
    assert investment.deactivated and ProjectFile.objects.filter(investment=investment).exists()
    restored = live(demo)
    restored["partners"] = [p for p in restored["partners"] if p["id"] != team.pk]
    del restored["partnerBudgets"][str(team.pk)]
    for wp in restored["workPackages"]:
        wp["investments"] = [i for i in wp["investments"] if i["id"] != investment.pk]
    assert restored == version.snapshot


def test_rejected_modification_brings_back_the_approved_data(demo, admin_user):
    set_status(demo, S.APPROVED, user=admin_user)
    ProjectDecisions.objects.update_or_create(project=demo, defaults={"approved_version_at": timezone.now()})
    approved = ProjectVersion.objects.filter(project=demo, snapshot__isnull=True).get()
    assessment.transition(actor=admin_user, project_id=demo.pk, action="start_modification")
    approved.refresh_from_db()
    assert approved.snapshot is not None
    change_everything(demo, admin_user)
    set_status(demo, S.MODIFICATION_PRECONTRACTING_SUBMITTED, user=admin_user)
    answer = assessment.transition(actor=admin_user, project_id=demo.pk, action="reject_modification",
                                   data=Decision(date=DECIDED, note="no"))
    demo.refresh_from_db()
    assert answer == S.MODIFICATION_REJECTED and demo.status == S.APPROVED
    assert live(demo) == approved.snapshot
    assert demo.acronym == "DANUBE-ADAPT"


def test_approved_modification_keeps_the_modified_data(demo, admin_user):
    set_status(demo, S.APPROVED, user=admin_user)
    assessment.transition(actor=admin_user, project_id=demo.pk, action="start_modification")
    Project.objects.filter(pk=demo.pk).update(acronym="MODIFIED")
    set_status(demo, S.MODIFICATION_PRECONTRACTING_SUBMITTED, user=admin_user)
    assessment.transition(actor=admin_user, project_id=demo.pk, action="approve_modification",
                          data=Decision(date=DECIDED, note="ok", entry_into_force_date=DECIDED))
    demo.refresh_from_db()
    assert demo.acronym == "MODIFIED" and demo.status == S.APPROVED


def test_a_removed_partner_whose_id_is_taken_comes_back_under_a_new_id(demo, admin_user):
    version = freeze(demo, admin_user)
    removed = ProjectPartner.objects.filter(project=demo).order_by("-sort_number").first()
    removed_id, abbreviation = removed.pk, removed.abbreviation
    removed.delete()
    other = Project.objects.create(call=demo.call, acronym="OTHER", status=S.DRAFT, applicant=demo.applicant)
    ProjectPartner.objects.create(pk=removed_id, project=other, abbreviation="THEIRS", role=PartnerRole.LEAD_PARTNER)
    restore_version(demo, version)
    back = ProjectPartner.objects.get(project=demo, abbreviation=abbreviation)
    assert back.pk != removed_id
    assert ProjectPartner.objects.get(pk=removed_id).project == other
    restored, frozen = live(demo), version.snapshot
    budgets = frozen["partnerBudgets"][str(removed_id)]
    # compared per key: a PostgreSQL jsonb snapshot does not keep the key order
    assert {key: len(rows) for key, rows in restored["partnerBudgets"][str(back.pk)]["costs"].items()} == {
        key: len(rows) for key, rows in budgets["costs"].items()}
    assert str(back.pk) in restored["partnerCoFinancing"]
    involved = [a for wp in frozen["workPackages"] for a in wp["activities"] if removed_id in a["partnerIds"]]
    assert involved and all(back.pk in Activity.objects.get(pk=a["id"]).partners.values_list("pk", flat=True)
                            for a in involved)


def test_restore_runs_a_fixed_number_of_queries(demo, admin_user):
    def queries_of_restore():
        version = freeze(demo, admin_user)
        with CaptureQueriesContext(connection) as captured:
            restore_version(demo, version)
        assert live(demo) == version.snapshot
        return len(captured)

    queries_of_restore()  # warm up (content types, …)
    small = queries_of_restore()
    lead = ProjectPartner.objects.get(project=demo, role=PartnerRole.LEAD_PARTNER)
    for number in range(10, 20):
        partner = ProjectPartner.objects.create(project=demo, abbreviation=f"P{number}", role=PartnerRole.PARTNER,
                                                sort_number=number)
        PartnerAddress.objects.create(partner=partner, type="Organization", city=f"City {number}")
    package = WorkPackage.objects.filter(project=demo).first()
    for number in range(10, 30):
        activity = Activity.objects.create(work_package=package, number=number, title={"EN": f"A{number}"})
        activity.partners.set([lead])
        Deliverable.objects.create(activity=activity, number=1, title={"EN": "D"})
        Investment.objects.create(work_package=package, number=number, title={"EN": f"I{number}"})
        BudgetCostRow.objects.create(partner=lead, category="TRAVEL", sort_number=number, number_of_units=1,
                                     price_per_unit=Decimal("5"), row_sum=Decimal("5"), description={"EN": "t"})
    assert queries_of_restore() == small
