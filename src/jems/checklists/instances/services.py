"""The write layer of assessment checklist instances (workflows §2.6): start one from a template selected
on the project's call (locking the template), fill it, finish it, return it to draft, consolidate it,
choose the visible ones, clone and delete it. Every function checks the project access (404), the
privilege (403) and the status rules (422), works in one transaction and audits the ASSESSMENT_CHECKLIST_*
actions."""

from django.db import transaction
from django.utils import timezone

from jems.audit.actions import AuditAction
from jems.audit.services import record
from jems.checklists.models import ProgrammeChecklist
from jems.checklists.services import lock_template
from jems.core.errors import Forbidden, ValidationFailed
from jems.projects.services import audit_project

from .answers import AnswerInput, clean_answers, missing_answers
from .models import DESCRIPTION_MAX, ChecklistInstance, ChecklistInstanceStatus
from .queries import ASSESSMENT, Rights, instance_not_found, project_rights, startable_templates

DRAFT, FINISHED = ChecklistInstanceStatus.DRAFT, ChecklistInstanceStatus.FINISHED


def _load(actor, instance_id, project_id=None):
    """The instance locked for update, its project access and the actor's rights. A checklist of a project
    the actor cannot see (or of another project than `project_id`) is not found."""
    instance = None
    if isinstance(instance_id, int) and 0 < instance_id < 2**63:
        instance = (ChecklistInstance.objects.select_for_update().select_related("template", "creator")
                    .filter(pk=instance_id, type=ASSESSMENT).first())
    if instance is None or (project_id is not None and instance.related_to_id != project_id):
        raise instance_not_found(instance_id)
    acc, rights = project_rights(actor, instance.related_to_id)
    return instance, acc, rights


def _require(allowed: bool) -> None:
    if not allowed:
        raise Forbidden()


def _refuse(key: str, instance: ChecklistInstance) -> None:
    raise ValidationFailed(key=key, args={"id": instance.pk, "status": instance.status})


def _audit(action: AuditAction, actor, acc, instance: ChecklistInstance, what: str) -> None:
    record(action, actor=actor, project=audit_project(acc.project), entity_related_id=instance.pk,
           description=f"[{instance.pk}] [{instance.type}] [{instance.template.name}] {what}")


def create_instance(*, actor, project_id: int, template_id: int) -> ChecklistInstance:
    """A new DRAFT checklist of the actor from an assessment template selected on the project's call;
    the template becomes locked."""
    acc, rights = project_rights(actor, project_id)
    _require(rights.fill)
    with transaction.atomic():
        if template_id not in {t.pk for t in startable_templates(acc.project)}:
            raise ValidationFailed(fields={"programmeChecklistId": "checklist.instance.template.not.selected"})
        template = ProgrammeChecklist.objects.get(pk=template_id)
        lock_template(template.pk)
        return ChecklistInstance.objects.create(template=template, type=template.type,
                                                related_to_id=acc.project.pk, creator=actor,
                                                created_at=timezone.now())


def update_answers(*, actor, instance_id: int, answers: list[AnswerInput]) -> ChecklistInstance:
    """Save the answers sent (the others keep theirs) of a DRAFT checklist; the status does not change."""
    with transaction.atomic():
        instance, _acc, rights = _load(actor, instance_id)
        _require(rights.fill)
        if instance.status != DRAFT:
            _refuse("checklist.instance.not.draft", instance)
        components = list(instance.template.components.all())
        errors, cleaned = clean_answers(instance.template, components, answers)
        if errors:
            raise ValidationFailed(form_errors=dict(errors))
        instance.answers = {**instance.answers, **cleaned}
        instance.save(update_fields=["answers"])
        return instance


def update_description(*, actor, instance_id: int, description: str | None) -> ChecklistInstance:
    """Change the description (any status): at most 150 characters."""
    description = (description or "").strip()
    if len(description) > DESCRIPTION_MAX:
        raise ValidationFailed(form_errors={"description": {
            "i18nKey": "common.error.field.max.length",
            "i18nArguments": {"actualLength": str(len(description)), "requiredLength": str(DESCRIPTION_MAX)}}})
    with transaction.atomic():
        instance, _acc, rights = _load(actor, instance_id)
        _require(rights.fill)
        instance.description = description
        instance.save(update_fields=["description"])
        return instance


def _may_finish(actor, instance: ChecklistInstance, rights: Rights) -> bool:
    return rights.fill and instance.creator_id == actor.pk


def _may_return(instance: ChecklistInstance, rights: Rights) -> bool:
    return rights.consolidate and not instance.consolidated


def allowed_actions(actor, instance: ChecklistInstance, rights: Rights) -> dict[str, bool]:
    """What the actor may do with the checklist now (the buttons of the page)."""
    draft = instance.status == DRAFT
    return {"fill": rights.fill and draft, "finish": draft and _may_finish(actor, instance, rights),
            "return_to_draft": not draft and _may_return(instance, rights),
            "consolidate": not draft and rights.consolidate,
            "clone": rights.fill, "delete": rights.fill and draft}


def change_status(*, actor, instance_id: int, status: str) -> ChecklistInstance:
    """DRAFT → FINISHED by its creator once every mandatory answer is there; FINISHED → DRAFT by a
    consolidator while not consolidated. Audited ASSESSMENT_CHECKLIST_STATUS_CHANGE."""
    status = str(getattr(status, "value", status))
    with transaction.atomic():
        instance, acc, rights = _load(actor, instance_id)
        if status == instance.status or status not in ChecklistInstanceStatus.values:
            _refuse("checklist.instance.status.unchanged", instance)
        if status == FINISHED:
            _require(_may_finish(actor, instance, rights))
            errors = missing_answers(list(instance.template.components.all()), instance.answers)
            if errors:
                raise ValidationFailed(key="checklist.instance.answers.missing", form_errors=dict(errors))
            instance.finished_date = timezone.localdate()
        else:
            _require(rights.consolidate)
            if instance.consolidated:
                _refuse("checklist.instance.consolidated", instance)
            instance.finished_date = None
            instance.visible = False
        old, instance.status = instance.status, status
        instance.save(update_fields=["status", "finished_date", "visible"])
        _audit(AuditAction.ASSESSMENT_CHECKLIST_STATUS_CHANGE, actor, acc, instance,
               f"changed status from {old} to {status}")
        return instance


def set_consolidated(*, actor, instance_id: int, consolidated: bool) -> bool:
    """Set or clear the consolidated flag of a FINISHED checklist (consolidators). Audited
    ASSESSMENT_CHECKLIST_CONSOLIDATION_CHANGE when it changes."""
    with transaction.atomic():
        instance, acc, rights = _load(actor, instance_id)
        _require(rights.consolidate)
        if instance.status != FINISHED:
            _refuse("checklist.instance.not.finished", instance)
        if instance.consolidated != bool(consolidated):
            instance.consolidated = bool(consolidated)
            instance.save(update_fields=["consolidated"])
            _audit(AuditAction.ASSESSMENT_CHECKLIST_CONSOLIDATION_CHANGE, actor, acc, instance,
                   f"consolidated set to {instance.consolidated}")
        return instance.consolidated


def update_selection(*, actor, selection: dict[int, bool]) -> None:
    """Make FINISHED assessment checklists visible or not (global ProjectAssessmentChecklistSelectedUpdate).
    Every id must be a checklist of a project the actor sees; only finished ones can become visible.
    Audited ASSESSMENT_CHECKLIST_VISIBILITY_CHANGE per checklist that changes."""
    with transaction.atomic():
        rows = {i.pk: i for i in ChecklistInstance.objects.select_for_update().select_related("template")
                .filter(pk__in=list(selection), type=ASSESSMENT)}
        projects = {}
        for instance_id in selection:
            instance = rows.get(instance_id)
            if instance is None:
                raise instance_not_found(instance_id)
            if instance.related_to_id not in projects:
                projects[instance.related_to_id] = project_rights(actor, instance.related_to_id)
            _require(projects[instance.related_to_id][1].select)
        errors = {f"{pk}": {"i18nKey": "checklist.instance.not.finished", "i18nArguments": {"id": str(pk)}}
                  for pk, visible in selection.items() if visible and rows[pk].status != FINISHED}
        if errors:
            raise ValidationFailed(key="checklist.instance.not.finished", form_errors=errors)
        for pk, visible in selection.items():
            instance = rows[pk]
            if instance.visible != bool(visible):
                instance.visible = bool(visible)
                instance.save(update_fields=["visible"])
                _audit(AuditAction.ASSESSMENT_CHECKLIST_VISIBILITY_CHANGE, actor, projects[instance.related_to_id][0],
                       instance, f"visible set to {instance.visible}")


def clone_instance(*, actor, instance_id: int) -> ChecklistInstance:
    """A new DRAFT checklist of the actor with the same template, answers and description."""
    with transaction.atomic():
        source, _acc, rights = _load(actor, instance_id)
        _require(rights.fill)
        return ChecklistInstance.objects.create(template=source.template, type=source.type,
                                                related_to_id=source.related_to_id, creator=actor,
                                                created_at=timezone.now(), description=source.description,
                                                answers=source.answers)


def delete_instance(*, actor, project_id: int, instance_id: int) -> None:
    """Delete a DRAFT checklist of the project (any assessor). Audited ASSESSMENT_CHECKLIST_DELETED."""
    with transaction.atomic():
        instance, acc, rights = _load(actor, instance_id, project_id=project_id)
        _require(rights.fill)
        if instance.status != DRAFT:
            _refuse("checklist.instance.not.draft", instance)
        _audit(AuditAction.ASSESSMENT_CHECKLIST_DELETED, actor, acc, instance, "deleted")
        instance.delete()
