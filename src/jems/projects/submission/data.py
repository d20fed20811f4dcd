"""The read access a pre-submission check plugin gets (the "data provider" of features §11): the live
application form of one project, loaded on first use in a fixed number of queries whatever the number of
partners, work packages, activities or results."""

from dataclasses import dataclass
from functools import cached_property

from django.db.models import Prefetch

from jems.programme.languages import input_languages
from jems.projects.description.models import ProjectDescription
from jems.projects.models import Project, is_in_step1
from jems.projects.partners.models import PartnerAddress, PartnerContact, ProjectPartner
from jems.projects.results.models import ProjectResult
from jems.projects.schemas import periods
from jems.projects.visibility import visible_fields
from jems.projects.workpackages.models import Activity, Deliverable, Investment, Output, WorkPackage


@dataclass
class ApplicationForm:
    """The current application form as the checks see it: model rows with their children prefetched
    (deactivated rows left out)."""

    project: Project
    step1: bool
    visible: frozenset[str]
    languages: list[str]
    period_numbers: set[int]
    partners: list[ProjectPartner]
    description: ProjectDescription
    work_packages: list[WorkPackage]
    results: list[ProjectResult]


def _partners(project_id: int) -> list[ProjectPartner]:
    return list(ProjectPartner.objects.filter(project_id=project_id, active=True)
                .select_related("state_aid")
                .prefetch_related(Prefetch("addresses", PartnerAddress.objects.order_by("type")),
                                  Prefetch("contacts", PartnerContact.objects.order_by("type")))
                .order_by("sort_number", "id"))


def _work_packages(project_id: int) -> list[WorkPackage]:
    activities = Activity.objects.filter(deactivated=False).prefetch_related(
        Prefetch("deliverables", Deliverable.objects.filter(deactivated=False)))
    return list(WorkPackage.objects.filter(project_id=project_id, deactivated=False).prefetch_related(
        Prefetch("activities", activities),
        Prefetch("outputs", Output.objects.filter(deactivated=False)),
        Prefetch("investments", Investment.objects.filter(deactivated=False))))


class ApplicationData:
    """Given to the plugin hook: `form` loads the project's live application form once, on first access (the
    built-in "no check" and "blocked" plugins never touch it, so they cost no queries)."""

    def __init__(self, project: Project):
        self.project = project

    @cached_property
    def form(self) -> ApplicationForm:
        project = self.project
        return ApplicationForm(
            project=project, step1=is_in_step1(project.status), visible=visible_fields(project),
            languages=input_languages(),
            period_numbers={p["number"] for p in periods(project.call, project.duration)},
            partners=_partners(project.pk),
            description=ProjectDescription.objects.filter(project_id=project.pk).first() or ProjectDescription(),
            work_packages=_work_packages(project.pk),
            results=list(ProjectResult.objects.filter(project_id=project.pk, deactivated=False)),
        )
