"""The read layer of checklist templates, with privilege checks and a fixed number of SQL queries."""

from jems.accounts.privileges import Privilege
from jems.core.errors import Forbidden, NotFound

from .models import ChecklistType, ProgrammeChecklist

# API sort properties (ProgrammeChecklistDTO names) → ORM fields.
SORT_FIELDS = {"id": "id", "name": "name", "type": "type", "minScore": "min_score", "maxScore": "max_score",
               "allowsDecimalScore": "allows_decimal_score", "locked": "locked",
               "lastModificationDate": "last_modification_date"}

READ_PRIVILEGES = (Privilege.ProgrammeSetupRetrieve, Privilege.ProgrammeSetupUpdate)

# Who may list the templates of one type (id and name only), GET /api/programme/checklist/byType: the
# programme setup, the call editors (who select checklists for a call), and the programme users who
# instantiate checklists in projects (assessment, contracting, control, verification, closure).
BY_TYPE_PRIVILEGES = (
    *READ_PRIVILEGES,
    Privilege.CallRetrieve,
    Privilege.CallUpdate,
    Privilege.ProjectAssessmentView,
    Privilege.ProjectAssessmentChecklistUpdate,
    Privilege.ProjectContractingView,
    Privilege.ProjectSetToContracted,
    Privilege.ProjectReportingView,
    Privilege.ProjectReportingEdit,
    Privilege.ProjectReportingChecklistAfterControl,
    Privilege.ProjectReportingProjectView,
    Privilege.ProjectReportingProjectEdit,
    Privilege.ProjectReportingVerificationProjectView,
    Privilege.ProjectReportingVerificationProjectEdit,
)


def require_any(actor, privileges) -> None:
    """Refuse with 403 unless the actor's role holds at least one of the privileges."""
    if actor is None or not actor.is_authenticated or not any(actor.has_privilege(p) for p in privileges):
        raise Forbidden()


def can_read(actor) -> bool:
    return bool(actor and actor.is_authenticated and any(actor.has_privilege(p) for p in READ_PRIVILEGES))


def can_edit(actor) -> bool:
    return bool(actor and actor.is_authenticated and actor.has_privilege(Privilege.ProgrammeSetupUpdate))


def list_checklists(*, actor, ordering: tuple[str, ...] = ("id",)) -> list[ProgrammeChecklist]:
    """All templates (at most 100) without their components: one query."""
    require_any(actor, READ_PRIVILEGES)
    return list(ProgrammeChecklist.objects.order_by(*ordering, "id"))


def get_checklist(*, actor, checklist_id: int) -> ProgrammeChecklist:
    """One template with its components in position order: two queries."""
    require_any(actor, READ_PRIVILEGES)
    checklist = ProgrammeChecklist.objects.prefetch_related("components").filter(pk=checklist_id).first()
    if checklist is None:
        raise NotFound(key="programme.checklist.not.found", args={"id": checklist_id})
    return checklist


def checklists_by_type(*, actor, checklist_type: str, project_id: int | None = None) -> list[tuple[int, str]]:
    """(id, name) of the templates of one type, by id; with `project_id` only those selected in the project's
    call (an unknown project: none)."""
    require_any(actor, BY_TYPE_PRIVILEGES)
    if project_id is None:
        return checklists_of_type(checklist_type)
    from jems.calls.models import Call

    selected = Call.checklists.through.objects.filter(call__projects__pk=project_id).values_list(
        "programmechecklist_id", flat=True)
    return checklists_of_type(checklist_type, ids=selected)


def checklists_of_type(checklist_type: str, ids=None) -> list[tuple[int, str]]:
    """(id, name) of the templates of one type (optionally among `ids`), for features that do their own
    access checks (call checklist selection, checklist instances)."""
    checklist_type = str(getattr(checklist_type, "value", checklist_type))
    if checklist_type not in ChecklistType.values:
        return []
    rows = ProgrammeChecklist.objects.filter(type=checklist_type)
    if ids is not None:
        rows = rows.filter(pk__in=list(ids))
    return list(rows.order_by("id").values_list("id", "name"))
