"""Check and submit (features §4.12, workflows §1.3): run the call's pre-submission check plugin and submit the
application form.

Submit goes from the applicant's editable statuses to the matching submitted status, writes the status-history
row and the APPLICATION_STATUS_CHANGED audit row in one transaction, and creates no version (workflows §1.2: only
creation, return to applicant, start of step 2 and modifications open versions). Refusals are 404 (project not
visible), 403 (no right to submit) or 422 with the reason; a closed call and a failed check are audited even
though nothing else is written."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from jems.accounts.privileges import Privilege
from jems.audit.actions import AuditAction
from jems.audit.services import record
from jems.calls import plugins
from jems.core.errors import Forbidden, JemsError, ValidationFailed, error_body, i18n
from jems.projects import access
from jems.projects.models import ApplicationStatus as S
from jems.projects.models import Project, ProjectStatusHistory, is_in_step1
from jems.projects.services import audit_project
from jems.projects.signals import status_changed

from .data import ApplicationData

# status → status reached by submitting (RETURNED_TO_APPLICANT goes back to the status held before the return)
SUBMIT_TARGETS = {
    S.STEP1_DRAFT: S.STEP1_SUBMITTED,
    S.DRAFT: S.SUBMITTED,
    S.RETURNED_TO_APPLICANT: None,
    S.RETURNED_TO_APPLICANT_FOR_CONDITIONS: S.CONDITIONS_SUBMITTED,
    S.MODIFICATION_PRECONTRACTING: S.MODIFICATION_PRECONTRACTING_SUBMITTED,
    S.IN_MODIFICATION: S.MODIFICATION_SUBMITTED,
}
# status → the statuses the project may have held just before it (the previous history row)
ALLOWED_PREVIOUS = {
    S.RETURNED_TO_APPLICANT: {S.SUBMITTED, S.ELIGIBLE, S.APPROVED, S.APPROVED_WITH_CONDITIONS},
    S.RETURNED_TO_APPLICANT_FOR_CONDITIONS: {S.APPROVED_WITH_CONDITIONS, S.CONDITIONS_SUBMITTED},
    S.MODIFICATION_PRECONTRACTING: {S.APPROVED, S.MODIFICATION_PRECONTRACTING_SUBMITTED},
    S.IN_MODIFICATION: {S.CONTRACTED, S.MODIFICATION_SUBMITTED},
}


class CheckFailed(ValidationFailed):
    """Submission refused by the pre-submission check (422): `details` lists the check's ERROR messages."""

    def __init__(self, result: plugins.PreConditionCheckResult):
        super().__init__(key="project.submission.check.failed", code="S-SA-CHECK")
        self.details = [{"code": "S-SA-CHECK", "i18nMessage": i18n(m.key, m.args)}
                        for m in error_leaves(result.messages)]

    def body(self) -> dict:
        return error_body(code=self.code, key=self.key, args=self.args_, details=self.details)


def error_leaves(messages: list[plugins.CheckMessage]) -> list[plugins.CheckMessage]:
    """The ERROR messages at the leaves of a check tree, in tree order."""
    out = []
    for message in messages:
        if message.children:
            out.extend(error_leaves(message.children))
        elif message.type == plugins.MessageType.ERROR:
            out.append(message)
    return out


@dataclass
class Submission:
    """Where submitting would take the project now, or why it cannot be submitted (`refusal`)."""

    target: str | None
    previous: ProjectStatusHistory | None
    refusal: JemsError | None
    call_ended: bool = False


def plugin_key(project: Project) -> str | None:
    """The call's pre-submission plugin for the project's step."""
    call = project.call
    return call.first_step_pre_submission_check_plugin_key if is_in_step1(project.status) else \
        call.pre_submission_check_plugin_key


def may_submit(acc: access.ProjectAccess) -> bool:
    """Perm(ProjectSubmission) or an EDIT/MANAGE project collaborator."""
    return acc.perm(Privilege.ProjectSubmission) or acc.is_editor


def _window_refusal(project: Project, now) -> JemsError | None:
    call = project.call
    if project.status == S.STEP1_DRAFT:
        end = call.end_date_step1 or call.end_date
    elif project.status == S.DRAFT:
        end = call.end_date
    else:
        return None  # resubmissions and modifications have no call window
    if now < call.start_date:
        return ValidationFailed(key="project.submit.call.not.open", code="S-SA-WINDOW",
                                args={"start": call.start_date.isoformat()})
    if now > end:
        return ValidationFailed(key="project.submit.call.ended", code="S-SA-WINDOW",
                                args={"name": call.name, "end": end.isoformat()})
    return None


def submission(acc: access.ProjectAccess, now=None) -> Submission:
    """The submit rules except the plugin check: the right to submit, a submittable status (with an allowed
    previous status for resubmissions) and, for DRAFT / STEP1_DRAFT, the call's (step-1) window."""
    project = acc.project
    if not may_submit(acc):
        return Submission(None, None, Forbidden())
    status = project.status
    if status not in SUBMIT_TARGETS:
        return Submission(None, None, ValidationFailed(key="project.submit.status.not.allowed", code="S-SA-STATUS",
                                                       args={"status": status}))
    rows = list(ProjectStatusHistory.objects.filter(project=project).order_by("-id")[:2])
    previous = rows[1] if len(rows) > 1 else None
    target = SUBMIT_TARGETS[status]
    if status in ALLOWED_PREVIOUS:
        if previous is None or previous.status not in ALLOWED_PREVIOUS[status]:
            return Submission(None, previous, ValidationFailed(
                key="project.submit.previous.status.invalid", code="S-SA-STATUS",
                args={"status": status, "previous": previous.status if previous else ""}))
        target = target or previous.status
    window = _window_refusal(project, now or timezone.now())
    return Submission(target, previous, window, call_ended=window is not None
                      and window.key == "project.submit.call.ended")


def check(*, actor, project_id) -> plugins.PreConditionCheckResult:
    """Run the call's pre-submission plugin for the project's step (step-1 plugin in step 1) for anyone who sees
    the project (404 otherwise). A blank plugin key answers "allowed" without messages."""
    acc = access.load(actor, project_id)
    return run_check(acc.project, actor)


def run_check(project: Project, actor=None) -> plugins.PreConditionCheckResult:
    """The call's pre-submission plugin for the project's step, run (and audited) on behalf of `actor`."""
    return plugins.run_pre_submission_check(plugin_key(project), project_id=project.pk,
                                            data=ApplicationData(project), actor=actor)


def submit(*, actor, project_id) -> str:
    """Submit the application form; answers the new status. See the module docstring for the rules."""
    acc = access.load(actor, project_id)
    with transaction.atomic():
        project = Project.objects.select_for_update().select_related("call").get(pk=acc.project.pk)
        acc.project = project
        state = submission(acc)
        # The plugin runs on every submit, in step 1 too (workflows quirk Q1 → fix, see docs/deviations.md).
        result = run_check(project, actor) if state.refusal is None else None
        if result is not None and result.submission_allowed:
            old = project.status
            history = ProjectStatusHistory.objects.create(project=project, status=state.target, user=actor)
            if state.previous is not None and state.previous.status == state.target:  # resubmission: keep decision
                history.decision_date = state.previous.decision_date
                history.entry_into_force_date = state.previous.entry_into_force_date
                history.note = state.previous.note
                history.save(update_fields=["decision_date", "entry_into_force_date", "note"])
            project.status = state.target
            project.current_status = history
            project.save(update_fields=["status", "current_status"])
            record(AuditAction.APPLICATION_STATUS_CHANGED, actor=actor, project=audit_project(project),
                   description=f"Project application status changed from {old} to {state.target}")
            transaction.on_commit(lambda: status_changed.send(sender=Project, project=project, old_status=old,
                                                              new_status=state.target, actor=actor, reverted=False))
            return state.target
    _audit_refusal(actor, project, state)
    raise state.refusal or CheckFailed(result)


def _audit_refusal(actor, project: Project, state: Submission) -> None:
    """A submission after the call's end and one refused by the check are audited (their own transaction)."""
    if state.call_ended:
        record(AuditAction.CALL_ALREADY_ENDED, actor=actor, project=audit_project(project),
               entity_related_id=project.call_id,
               description=f"Attempted unsuccessfully to submit the application to call '{project.call.name}' "
                           f"(id={project.call_id}) that is already closed")
    elif state.refusal is None:
        record(AuditAction.APPLICATION_STATUS_CHANGED, actor=actor, project=audit_project(project),
               description=f"Unsuccessful attempt to submit the project application in status {project.status}: "
                           f"the pre-submission check did not allow it")
