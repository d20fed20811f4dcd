"""Write layer of modification requests (our addition, docs/deviations.md).

Rights: a request is filed by the project's form editors (EDIT/MANAGE collaborators of the lead partner's
project) while the project is APPROVED or CONTRACTED (where the status machine can open a modification) and
no other request waits; the programme answers with Perm(ProjectOpenModification): accept runs the status
machine's start-modification (jems.projects.assessment), decline needs a note; anyone who sees the thread
(project viewers, Perm(ProjectModificationView)) comments. Refusals: 404 project not visible, 403 wrong role,
422 with field errors (status, pending request, empty or too long texts, unknown sections or files).
Audit: no Jems action fits a request, so every step is recorded as APPLICATION_STATUS_CHANGED with a
"Modification request" description (the closest generic project action); the accepted request's status change
itself is audited by the status machine.
"""

from django.db import transaction
from django.utils import timezone

from jems.accounts.privileges import Privilege
from jems.audit.actions import AuditAction
from jems.audit.services import record
from jems.core.errors import Forbidden, NotFound, ValidationFailed
from jems.projects import access
from jems.projects.assessment import services as status_machine
from jems.projects.assessment.transitions import Action
from jems.projects.files import services as file_services
from jems.projects.files.models import FileCategory, ProjectFile
from jems.projects.models import ApplicationStatus as S
from jems.projects.models import Project
from jems.projects.services import audit_project

from .models import (
    MAX_COMMENT,
    MAX_NOTE,
    MAX_REASON,
    FormSection,
    ModificationComment,
    ModificationRequest,
    RequestStatus,
)

# The statuses in which the status machine can open a modification (workflows §1.3 start-modification).
REQUEST_STATUSES = frozenset({S.APPROVED, S.CONTRACTED})


def can_view(acc: access.ProjectAccess) -> bool:
    """The thread is seen by project viewers and by Perm(ProjectModificationView)."""
    return acc.is_viewer or acc.perm(Privilege.ProjectModificationView)


def may_request(acc: access.ProjectAccess) -> bool:
    """Form editors (EDIT/MANAGE collaborators) file requests."""
    return acc.is_editor


def may_decide(acc: access.ProjectAccess) -> bool:
    """The programme answers with the privilege that opens a modification."""
    return acc.perm(Privilege.ProjectOpenModification)


def load(actor, project_id) -> access.ProjectAccess:
    """The access to a project whose thread the actor sees (404 project not visible, 403 otherwise)."""
    acc = access.load(actor, project_id)
    if not can_view(acc):
        raise Forbidden()
    return acc


def can_file_now(project: Project) -> str | None:
    """None when a request can be filed now, else the refusal's i18n key."""
    if project.status not in REQUEST_STATUSES:
        return "project.modification.request.status.not.allowed"
    if ModificationRequest.objects.filter(project=project, status=RequestStatus.PENDING).exists():
        return "project.modification.request.pending"
    return None


def _text(errors: dict, field: str, value: str | None, limit: int, empty_key: str) -> str:
    value = (value or "").strip()
    if not value:
        errors[field] = empty_key
    elif len(value) > limit:
        errors[field] = "common.error.field.max.length"
    return value


def _audit(actor, project: Project, item: ModificationRequest, what: str) -> None:
    record(AuditAction.APPLICATION_STATUS_CHANGED, actor=actor, project=audit_project(project),
           entity_related_id=item.pk, description=f"Modification request {item.pk}: {what}")


def file_request(*, actor, project_id, reason: str, sections: list[str], uploads=(), file_ids=()) -> ModificationRequest:
    """File a request (reason, affected sections A–E, attachments: new uploads and/or MODIFICATION files the
    actor uploaded before and that belong to no request)."""
    acc = load(actor, project_id)
    if not may_request(acc):
        raise Forbidden()
    errors = {}
    reason = _text(errors, "reason", reason, MAX_REASON, "project.modification.request.reason.empty")
    sections = list(dict.fromkeys(sections or []))
    if not sections:
        errors["sections"] = "project.modification.request.sections.empty"
    elif any(section not in FormSection.values for section in sections):
        errors["sections"] = "project.modification.request.sections.invalid"
    ids = [int(i) for i in file_ids if str(i).isdigit() and 0 < int(i) < 2**63]
    files = list(ProjectFile.objects.filter(project=acc.project, category=FileCategory.MODIFICATION, pk__in=ids,
                                            uploaded_by=actor, modification_requests__isnull=True))
    if len(files) != len(set(file_ids)):
        errors["fileIds"] = "project.modification.request.file.invalid"
    with transaction.atomic():
        project = Project.objects.select_for_update().get(pk=acc.project.pk)
        refusal = can_file_now(project)
        if refusal:
            raise ValidationFailed(key=refusal, args={"status": project.status})
        if errors:
            raise ValidationFailed(fields=errors)
        item = ModificationRequest.objects.create(
            project=project, reason=reason, sections=sorted(sections), project_status=project.status,
            requested_by=actor, requested_at=timezone.now())
        for upload in uploads:
            files.append(file_services.upload(actor=actor, project_id=project.pk,
                                              category=FileCategory.MODIFICATION, upload=upload))
        item.attachments.set(files)
        _audit(actor, project, item, f"filed for sections {', '.join(item.sections)} with {len(files)} attachment(s)")
    return item


def _pending(acc: access.ProjectAccess, request_id) -> ModificationRequest:
    item = get_request(acc, request_id, lock=True)
    if item.status != RequestStatus.PENDING:
        raise ValidationFailed(key="project.modification.request.answered")
    return item


def get_request(acc: access.ProjectAccess, request_id, lock: bool = False) -> ModificationRequest:
    """One request of the project (404 otherwise)."""
    qs = ModificationRequest.objects.select_for_update() if lock else ModificationRequest.objects
    item = (qs.filter(project=acc.project, pk=request_id).first()
            if str(request_id).isdigit() and 0 < int(request_id) < 2**63 else None)
    if item is None:
        raise NotFound(key="project.modification.request.not.found")
    return item


def _answer(item: ModificationRequest, actor, status: str, note: str) -> None:
    item.status, item.answered_by, item.answered_at, item.answer_note = status, actor, timezone.now(), note
    item.save(update_fields=["status", "answered_by", "answered_at", "answer_note"])


def accept(*, actor, project_id, request_id, note: str = "") -> ModificationRequest:
    """Accept a pending request: the status machine opens the modification (APPROVED →
    MODIFICATION_PRECONTRACTING, CONTRACTED → IN_MODIFICATION, with its version, history row, audit and
    notification); its refusals (403, 422) pass through unchanged."""
    acc = load(actor, project_id)
    if not may_decide(acc):
        raise Forbidden()
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise ValidationFailed(fields={"note": "common.error.field.max.length"})
    with transaction.atomic():
        item = _pending(acc, request_id)
        new_status = status_machine.transition(actor=actor, project_id=acc.project.pk,
                                               action=Action.START_MODIFICATION)
        _answer(item, actor, RequestStatus.ACCEPTED, note)
        _audit(actor, acc.project, item, f"accepted, the project is now {new_status}")
    return item


def decline(*, actor, project_id, request_id, note: str) -> ModificationRequest:
    """Decline a pending request with a note (mandatory)."""
    acc = load(actor, project_id)
    if not may_decide(acc):
        raise Forbidden()
    errors = {}
    note = _text(errors, "note", note, MAX_NOTE, "project.modification.request.note.empty")
    if errors:
        raise ValidationFailed(fields=errors)
    with transaction.atomic():
        item = _pending(acc, request_id)
        _answer(item, actor, RequestStatus.DECLINED, note)
        _audit(actor, acc.project, item, "declined")
    return item


def comment(*, actor, project_id, request_id, text: str) -> ModificationComment:
    """Add a comment to a request's thread (anyone who sees the thread)."""
    acc = load(actor, project_id)
    errors = {}
    text = _text(errors, "text", text, MAX_COMMENT, "project.modification.comment.empty")
    item = get_request(acc, request_id)
    if errors:
        raise ValidationFailed(fields=errors)
    with transaction.atomic():
        made = ModificationComment.objects.create(request=item, author=actor, text=text, created_at=timezone.now())
        _audit(actor, acc.project, item, f"comment {made.pk} added")
    return made
