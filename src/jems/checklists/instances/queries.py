"""The read layer of assessment checklist instances: who may do what on a project (workflows §2.6, §3)
and the lists and details, each with a fixed number of SQL queries whatever the number of instances or
components."""

from dataclasses import dataclass

from jems.accounts.access import has_global
from jems.accounts.privileges import Privilege
from jems.checklists.models import ChecklistComponent, ChecklistType, ProgrammeChecklist
from jems.core.errors import Forbidden, NotFound
from jems.projects import access
from jems.projects.access import ProjectAccess

from .models import ChecklistInstance, ChecklistInstanceStatus

ASSESSMENT = ChecklistType.APPLICATION_FORM_ASSESSMENT


@dataclass
class Rights:
    """The actor's rights on the assessment checklists of one project."""

    fill: bool  # Perm(ProjectAssessmentChecklistUpdate): create, fill, clone, delete drafts, describe
    consolidate: bool  # Perm(ProjectAssessmentChecklistConsolidate): return to draft, consolidate
    select: bool  # global ProjectAssessmentChecklistSelectedUpdate: make finished checklists visible
    see_selected: bool  # Perm(ProjectAssessmentChecklistSelectedRetrieve): read the visible ones

    @property
    def see_all(self) -> bool:
        return self.fill or self.consolidate

    @classmethod
    def of(cls, acc: ProjectAccess) -> "Rights":
        select = has_global(acc.user, Privilege.ProjectAssessmentChecklistSelectedUpdate)
        return cls(fill=acc.perm(Privilege.ProjectAssessmentChecklistUpdate),
                   consolidate=acc.perm(Privilege.ProjectAssessmentChecklistConsolidate),
                   select=select,
                   see_selected=select or acc.perm(Privilege.ProjectAssessmentChecklistSelectedRetrieve))


def project_rights(actor, project_id) -> tuple[ProjectAccess, Rights]:
    """The project (404 when missing or not visible) and the actor's checklist rights on it."""
    acc = access.load(actor, project_id)
    return acc, Rights.of(acc)


def instance_not_found(instance_id) -> NotFound:
    return NotFound(key="checklist.instance.not.found", args={"id": instance_id})


def _rows():
    return ChecklistInstance.objects.select_related("template", "creator")


def list_instances(*, actor, project_id: int, mine: bool = False
                   ) -> tuple[ProjectAccess, Rights, list[ChecklistInstance]]:
    """All assessment checklists of a project (or the actor's own): assessors and consolidators only."""
    acc, rights = project_rights(actor, project_id)
    if not rights.see_all:
        raise Forbidden()
    rows = _rows().filter(type=ASSESSMENT, related_to_id=acc.project.pk)
    if mine:
        rows = rows.filter(creator=actor)
    return acc, rights, list(rows)


def selection(*, actor, project_id: int) -> list[ChecklistInstance]:
    """The finished assessment checklists to choose the visible ones from (ProjectAssessmentChecklist
    SelectedUpdate); holders of …SelectedRetrieve only get the visible ones."""
    _acc, rights = project_rights(actor, project_id)
    if not rights.see_selected:
        raise Forbidden()
    rows = _rows().filter(type=ASSESSMENT, related_to_id=int(project_id), status=ChecklistInstanceStatus.FINISHED)
    if not rights.select:
        rows = rows.filter(visible=True)
    return list(rows)


def get_instance(*, actor, project_id: int, instance_id: int
                 ) -> tuple[ProjectAccess, Rights, ChecklistInstance, list[ChecklistComponent]]:
    """One checklist of the project with its template components in order (three queries after the
    project): assessors and consolidators see every one, holders of …SelectedRetrieve the visible ones."""
    acc, rights = project_rights(actor, project_id)
    instance = _rows().filter(pk=instance_id, type=ASSESSMENT, related_to_id=acc.project.pk).first()
    if instance is None:
        raise instance_not_found(instance_id)
    if not (rights.see_all or (rights.see_selected and instance.visible)):
        raise Forbidden()
    return acc, rights, instance, list(instance.template.components.all())


def startable_templates(project) -> list[ProgrammeChecklist]:
    """The assessment checklist templates selected on the project's call (one query)."""
    return list(ProgrammeChecklist.objects.filter(calls=project.call_id, type=ASSESSMENT).order_by("id"))


def page_rows(acc: ProjectAccess, rights: Rights) -> list[ChecklistInstance]:
    """The checklists the list page shows: every one to assessors and consolidators, the visible finished
    ones to holders of …SelectedRetrieve (one query)."""
    rows = _rows().filter(type=ASSESSMENT, related_to_id=acc.project.pk)
    if rights.see_all:
        return list(rows)
    if rights.see_selected:
        return list(rows.filter(status=ChecklistInstanceStatus.FINISHED, visible=True))
    raise Forbidden()
