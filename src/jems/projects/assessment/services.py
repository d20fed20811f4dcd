"""Write layer of the status machine (workflows §1.2–§1.5): status actions driven by transitions.py, the revert
of the last decision and the eligibility / quality assessments.

Every action: 404 when the actor cannot see the project, 403 without the row's privilege (Perm = project
check), 422 with the reason when the status does not allow the action or a guard refuses. It then writes (one
transaction) the status-history row with the decision data, the decision pointer, a new version where the row
says so, the APPLICATION_STATUS_CHANGED audit row, and sends `jems.projects.signals.status_changed` after commit.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from jems.accounts.privileges import Privilege
from jems.audit.actions import AuditAction
from jems.audit.services import record
from jems.core.errors import Forbidden, ValidationFailed
from jems.projects import access
from jems.projects.models import ApplicationStatus as S
from jems.projects.models import Project, ProjectStatusHistory, ProjectVersion, is_in_step1
from jems.projects.services import audit_project, create_version, restore_version
from jems.projects.signals import status_changed

from . import transitions as tt
from .models import (
    EligibilityAssessment,
    EligibilityResult,
    ProjectDecisions,
    QualityAssessment,
    QualityResult,
)

NOTE_MAX = 10_000
ASSESSMENT_NOTE_MAX = 1_000


@dataclass
class Decision:
    """The decision payload (Jems ApplicationActionInfo) and, for modification decisions, the corrections."""

    date: dt.date | None = None
    note: str | None = None
    entry_into_force_date: dt.date | None = None
    correction_ids: list[int] = field(default_factory=list)


def decisions_of(project: Project) -> ProjectDecisions:
    """The project's decision pointers (created empty on first use)."""
    decisions, _ = ProjectDecisions.objects.select_related(
        "eligibility_step1", "eligibility_step2").get_or_create(project=project)
    return decisions


def context(project: Project, decision_date: dt.date | None = None) -> tt.Context:
    """The guard context of the project now."""
    return tt.Context(
        project, decisions_of(project),
        set(EligibilityAssessment.objects.filter(project=project).values_list("step", flat=True)),
        set(QualityAssessment.objects.filter(project=project).values_list("step", flat=True)),
        decision_date)


def not_allowed(action: str, status: str) -> ValidationFailed:
    """Jems "<action> is not allowed in status X" (S-PA-PAA-0xx, 422)."""
    return ValidationFailed(key="project.status.action.not.allowed", code=tt.ERROR_CODES[action],
                            args={"action": action, "status": status})


def _validate_decision(row: tt.Transition, data: Decision, today: dt.date) -> None:
    errors = {}
    if data.date is None:
        errors["date"] = "project.decision.date.mandatory"
    elif data.date > today:
        errors["date"] = "project.decision.date.in.future"
    if row.entry_into_force and data.entry_into_force_date is None:
        errors["entryIntoForceDate"] = "project.decision.entry.into.force.date.mandatory"
    if data.note and len(data.note) > NOTE_MAX:
        errors["note"] = "project.decision.note.too.long"
    if data.correction_ids:  # no audit correction is available for a modification yet (§9.2 not built)
        errors["correctionIds"] = "project.decision.correction.not.available"
    if errors:
        raise ValidationFailed(fields=errors)


def _row_for(acc: access.ProjectAccess, action: str) -> tt.Transition:
    """The transition row, checking the privilege (403) and the status (422)."""
    row = tt.find(action, acc.project.status)
    if row is None:
        if not any(acc.perm(p) for p in tt.privileges_of(action)):
            raise Forbidden()
        raise not_allowed(action, acc.project.status)
    if not acc.perm(row.privilege):
        raise Forbidden()
    return row


def _write_row(project: Project, status: str, actor, data: Decision | None) -> ProjectStatusHistory:
    row = ProjectStatusHistory.objects.create(
        project=project, status=status, user=actor,
        decision_date=data.date if data else None, note=(data.note or None) if data else None,
        entry_into_force_date=data.entry_into_force_date if data else None)
    project.status = status
    project.current_status = row
    project.save(update_fields=["status", "current_status"])
    return row


def _announce(actor, project: Project, old: str, new: str, reverted: bool = False) -> None:
    """Audit the change and send status_changed after commit."""
    suffix = " (decision reverted)" if reverted else ""
    record(AuditAction.APPLICATION_STATUS_CHANGED, actor=actor, project=audit_project(project),
           description=f"Project application status changed from {old} to {new}{suffix}")
    transaction.on_commit(lambda: status_changed.send(sender=Project, project=project, old_status=old,
                                                      new_status=new, actor=actor, reverted=reverted))


def transition(*, actor, project_id, action: str, data: Decision | None = None) -> str:
    """Run a status action of the table (not revert, see `revert`); answers the new status (for a rejected
    modification MODIFICATION_REJECTED, quirk Q2 → copy)."""
    acc = access.load(actor, project_id)
    with transaction.atomic():
        acc.project = Project.objects.select_for_update().select_related("call").get(pk=acc.project.pk)
        project = acc.project
        row = _row_for(acc, action)
        data = data or Decision()
        if row.decision:
            _validate_decision(row, data, timezone.localdate())
        reason = tt.failing_guard(row, context(project, data.date))
        if reason is not None:
            raise ValidationFailed(key=reason[0], args=reason[1], code=tt.ERROR_CODES[action])
        old = project.status
        if row.version:
            create_version(actor=actor, project=project)
        payload = data if row.decision else None
        if row.restore:
            approved = last_approved_version(project)
            if approved is not None:  # a modification always froze one; kept safe for hand-made histories
                restore_version(project, approved)
                project.refresh_from_db(fields=["acronym", "title", "duration", "specific_objective", "intro"])
            answer = S.MODIFICATION_REJECTED
            rejected = _write_row(project, S.MODIFICATION_REJECTED, actor, payload)
            _write_row(project, row.target, actor, None)
            _set_pointer(project, row.pointer, rejected)
        else:
            answer = row.target
            new_row = _write_row(project, row.target, actor, payload)
            _set_pointer(project, row.pointer, new_row, approved=row.approved)
        _announce(actor, project, old, answer)
    return answer


def last_approved_version(project: Project) -> ProjectVersion | None:
    """The version that was current when the project was last approved (its snapshot was frozen when the
    modification opened); without an approval time the latest frozen version; None when none is frozen."""
    frozen = ProjectVersion.objects.filter(project=project, snapshot__isnull=False).order_by("-id")
    approved_at = ProjectDecisions.objects.filter(project=project).values_list("approved_version_at", flat=True).first()
    return (frozen.filter(created_at__lte=approved_at).first() if approved_at else None) or frozen.first()


def _set_pointer(project: Project, pointer: str | None, row: ProjectStatusHistory, approved: bool = False) -> None:
    updates = {pointer: row} if pointer else {}
    if approved:
        updates["approved_version_at"] = timezone.now()
    if updates:
        ProjectDecisions.objects.update_or_create(project=project, defaults=updates)


def _last_two(project: Project) -> list[ProjectStatusHistory]:
    return list(ProjectStatusHistory.objects.filter(project=project).order_by("-id")[:2])


def revert_target(project: Project) -> str | None:
    """The status a revert of the last decision would go back to (§1.4), or None."""
    rule = tt.revert_of(project.status)
    rows = _last_two(project)
    if rule is None or len(rows) < 2 or rows[1].status not in rule.clears:
        return None
    return rows[1].status


def status_to_revert_to(*, actor, project_id) -> str | None:
    """GET status-to-revert-to: Perm(ProjectStatusDecisionRevert) (403), the target or None."""
    acc = access.load(actor, project_id)
    if not acc.perm(Privilege.ProjectStatusDecisionRevert):
        raise Forbidden()
    return revert_target(acc.project)


def revert(*, actor, project_id) -> str:
    """Revert the last decision (§1.4): delete the latest status row, make the previous one current, clear the
    decision pointers of the table; from APPROVED also the approved-version time and (after commit) the
    partner collaborators. Audited; status_changed is sent with reverted=True (no submission notification,
    quirk Q3 → fix)."""
    acc = access.load(actor, project_id)
    if not acc.perm(Privilege.ProjectStatusDecisionRevert):
        raise Forbidden()
    with transaction.atomic():
        project = Project.objects.select_for_update().get(pk=acc.project.pk)
        target = revert_target(project)
        if target is None:
            raise not_allowed(tt.Action.REVERT, project.status)
        rule = tt.revert_of(project.status)
        latest, previous = _last_two(project)
        old = project.status
        updates = {name: None for name in rule.clears[target]}
        if rule.approved:
            updates["approved_version_at"] = None
        ProjectDecisions.objects.update_or_create(project=project, defaults=updates)
        project.status = previous.status
        project.current_status = previous
        project.save(update_fields=["status", "current_status"])
        latest.delete()
        if rule.approved:
            transaction.on_commit(lambda: _drop_partner_collaborators(project))
        _announce(actor, project, old, target, reverted=True)
    return target


def _drop_partner_collaborators(project: Project) -> None:
    from jems.projects.partners.models import PartnerCollaborator

    PartnerCollaborator.objects.filter(partner__project=project).delete()


# --- assessments (§1.5) -----------------------------------------------------------------------------------

ELIGIBILITY_STATUSES = {S.STEP1_SUBMITTED, S.SUBMITTED}
QUALITY_STATUSES = {S.STEP1_SUBMITTED, S.STEP1_ELIGIBLE, S.SUBMITTED, S.ELIGIBLE}


def _assess(actor, project_id, model, privilege, statuses, result, note, choices, audit_action, label):
    acc = access.load(actor, project_id)
    if not acc.perm(privilege):
        raise Forbidden()
    errors = {}
    if result not in choices.values:
        errors["result"] = "project.assessment.result.invalid"
    if note and len(note) > ASSESSMENT_NOTE_MAX:
        errors["note"] = "project.assessment.note.too.long"
    if errors:
        raise ValidationFailed(fields=errors)
    with transaction.atomic():
        project = Project.objects.select_for_update().get(pk=acc.project.pk)
        if project.status not in statuses:
            raise ValidationFailed(key="project.assessment.status.not.allowed", code="S-PA-ASS-001",
                                   args={"status": project.status})
        step = 1 if is_in_step1(project.status) else 2
        if model.objects.filter(project=project, step=step).exists():
            raise ValidationFailed(key="project.assessment.already.concluded", code="S-PA-ASS-002",
                                   args={"step": step})
        assessment = model.objects.create(project=project, step=step, result=result, note=note or None, user=actor)
        step_text = " (step 1)" if step == 1 else ""
        record(audit_action, actor=actor, project=audit_project(project),
               description=f"Project application {label}{step_text} concluded as {result}")
    return assessment


def set_eligibility_assessment(*, actor, project_id, result: str, note: str | None) -> EligibilityAssessment:
    """Record the eligibility assessment of the current step (once; SUBMITTED / STEP1_SUBMITTED),
    Perm(ProjectAssessmentEligibilityEnter); audited ELIGIBILITY_ASSESSMENT_CONCLUDED."""
    return _assess(actor, project_id, EligibilityAssessment, Privilege.ProjectAssessmentEligibilityEnter,
                   ELIGIBILITY_STATUSES, result, note, EligibilityResult, AuditAction.ELIGIBILITY_ASSESSMENT_CONCLUDED,
                   "eligibility assessment")


def set_quality_assessment(*, actor, project_id, result: str, note: str | None) -> QualityAssessment:
    """Record the quality assessment of the current step (once; (STEP1_)SUBMITTED or (STEP1_)ELIGIBLE),
    Perm(ProjectAssessmentQualityEnter) (quirk Q4 → fix); audited QUALITY_ASSESSMENT_CONCLUDED."""
    return _assess(actor, project_id, QualityAssessment, Privilege.ProjectAssessmentQualityEnter,
                   QUALITY_STATUSES, result, note, QualityResult, AuditAction.QUALITY_ASSESSMENT_CONCLUDED,
                   "quality assessment")
