"""Reads of projects: the Applications list, "My applications", one project, its versions and collaborators.
Lists keep a fixed number of queries whatever the number of rows."""

from dataclasses import dataclass, field

from django.db.models import Count, Max, Min, Q

from jems.accounts.access import has_global
from jems.accounts.privileges import Privilege
from jems.accounts.services import require
from jems.core.errors import NotFound
from jems.core.pagination import PageRequest, paginate

from . import access
from .models import Project, ProjectAssignment, ProjectCollaborator, ProjectVersion

LIST_SORT = {"id": "id", "customIdentifier": "custom_identifier", "acronym": "acronym", "callName": "call__name",
             "projectStatus": "status", "status": "status", "callId": "call_id"}


@dataclass
class ProjectSearch:
    """The filters of the Applications list (ProjectSearchRequestDTO)."""

    id: str | None = None
    acronym: str | None = None
    objectives: set[str] | None = None
    statuses: set[str] | None = None
    calls: set[int] | None = None
    users: set[int] | None = None
    first_submission_from: object = None
    first_submission_to: object = None
    last_submission_from: object = None
    last_submission_to: object = None
    extra: dict = field(default_factory=dict)


SUBMITTED = ("SUBMITTED",)


def _base():
    """Projects with their call and objective, and the first submission / last resubmission times (the first
    and the latest SUBMITTED row of the status history; the latter only when there was more than one)."""
    submitted = Q(status_history__status__in=SUBMITTED)
    return Project.objects.select_related("call", "specific_objective__priority").annotate(
        first_submission=Min("status_history__updated", filter=submitted),
        last_submission=Max("status_history__updated", filter=submitted),
        submission_count=Count("status_history", filter=submitted))


def _filtered(qs, search: ProjectSearch | None):
    if search is None:
        return qs
    if search.id:
        qs = qs.filter(Q(custom_identifier__icontains=search.id.strip()) |
                       (Q(pk=int(search.id)) if search.id.strip().isdigit() and int(search.id) < 2**63 else Q(pk=None)))
    if search.acronym:
        qs = qs.filter(acronym__icontains=search.acronym.strip())
    if search.objectives:
        qs = qs.filter(specific_objective__programme_objective_policy__in=list(search.objectives))
    if search.statuses:
        qs = qs.filter(status__in=list(search.statuses))
    if search.calls:
        qs = qs.filter(call_id__in=[c for c in search.calls if 0 < c < 2**63])
    if search.first_submission_from:
        qs = qs.filter(first_submission__gte=search.first_submission_from)
    if search.first_submission_to:
        qs = qs.filter(first_submission__lte=search.first_submission_to)
    if search.last_submission_from:
        qs = qs.filter(submission_count__gt=1, last_submission__gte=search.last_submission_from)
    if search.last_submission_to:
        qs = qs.filter(submission_count__gt=1, last_submission__lte=search.last_submission_to)
    if search.users:
        qs = qs.filter(pk__in=ProjectAssignment.objects.filter(user_id__in=list(search.users)).values("project_id"))
    return qs


def list_projects(*, actor, search: ProjectSearch | None, page: PageRequest) -> tuple[list[Project], int]:
    """All applications (global ProjectRetrieve), filtered, one page."""
    require(actor, Privilege.ProjectRetrieve)
    return paginate(_filtered(_base(), search), page)


def my_project_ids_query(user):
    """Projects the user collaborates on or monitors by assignment (plus extensions, see access.py)."""
    q = Q(collaborators__user=user) | Q(assignments__user=user)
    extra = set()
    for projects_of in access.EXTRA_PROJECTS_OF_USER:
        extra |= projects_of(user.pk)
    if extra:
        q |= Q(pk__in=extra)
    return Project.objects.filter(q).values("pk")


def my_projects(*, actor, page: PageRequest) -> tuple[list[Project], int]:
    """"My applications" (ProjectsWithOwnershipRetrieve)."""
    require(actor, Privilege.ProjectsWithOwnershipRetrieve)
    return paginate(_base().filter(pk__in=my_project_ids_query(actor)), page)


def get_project(*, actor, project_id) -> access.ProjectAccess:
    return access.load(actor, project_id)


def versions(project: Project) -> list[ProjectVersion]:
    return list(ProjectVersion.objects.filter(project=project).defer("snapshot").order_by("-id"))


def version_snapshot(project: Project, version: str | None) -> tuple[ProjectVersion | None, dict | None]:
    """(version row, frozen form data) of a past version; (row or None, None) for the current version, whose
    data is the live form. Unknown versions are 404."""
    if not version:
        return None, None
    row = ProjectVersion.objects.filter(project=project, version=version).first()
    if row is None:
        raise NotFound(key="project.version.not.found", code="P-ERR-VERSION")
    return row, row.snapshot


def collaborators(*, actor, project_id) -> tuple[access.ProjectAccess, list[ProjectCollaborator]]:
    acc = access.load(actor, project_id)
    if not acc.can_see_collaborators():
        raise access.not_found()
    return acc, list(ProjectCollaborator.objects.filter(project=acc.project).select_related("user").order_by("id"))


def projects_with_users(*, actor, search: ProjectSearch | None, page: PageRequest):
    """The Assignment matrix: projects with their assigned monitor users (ProjectRetrieveEditUserAssignments)."""
    require(actor, Privilege.ProjectRetrieveEditUserAssignments)
    items, total = paginate(_filtered(_base(), search), page)
    by_project: dict[int, list] = {p.pk: [] for p in items}
    for row in (ProjectAssignment.objects.filter(project_id__in=list(by_project))
                .select_related("user__role").order_by("user__email")):
        by_project[row.project_id].append(row.user)
    for p in items:
        p.assigned_users = by_project[p.pk]
    return items, total


def sees_all(user) -> bool:
    return has_global(user, Privilege.ProjectRetrieve)


def dashboard_applications(user, limit: int = 10) -> list[Project] | None:
    """"My applications" of the dashboard, newest first; None for users without ProjectsWithOwnershipRetrieve."""
    if not has_global(user, Privilege.ProjectsWithOwnershipRetrieve):
        return None
    items, _total = my_projects(actor=user, page=PageRequest(0, limit, ("-id",)))
    return items


def contracted_projects(*, actor, search_id: str, page: PageRequest) -> tuple[list[Project], int]:
    """Contracted projects whose identifier or acronym contains `search_id` (picker of the advance payments;
    AdvancePaymentsUpdate)."""
    from .models import ALREADY_CONTRACTED

    require(actor, Privilege.AdvancePaymentsUpdate)
    term = (search_id or "").strip()
    qs = _base().filter(status__in=list(ALREADY_CONTRACTED))
    if term:
        qs = qs.filter(Q(custom_identifier__icontains=term) | Q(acronym__icontains=term))
    return paginate(qs, page)
