"""Changes of project files: upload, description, download (audited read), delete.

Rights per category (workflows §3.4 "Files", see queries.can_retrieve for reading): annexes
Perm(ProjectFileApplicationUpdate) or a form editor, uploads and deletions need an editable form
(can_be_modified); assessment files Perm(ProjectFileAssessmentUpdate), any status; modification files
Perm(ProjectModificationFileAssessmentUpdate) or a form editor for the files they upload themselves (the
attachments of their modification requests), while the project is approved, contracted or in modification
(MODIFICATION_FILE_STATUSES). Files live in `default_storage` (local folder or S3-compatible).
"""

import uuid

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from jems.accounts.privileges import Privilege
from jems.audit.actions import AuditAction
from jems.audit.services import record
from jems.core.errors import Forbidden, ValidationFailed
from jems.projects.models import ApplicationStatus as S
from jems.projects.models import Project, can_be_modified
from jems.projects.partners.models import ProjectPartner
from jems.projects.services import audit_project

from . import queries
from .models import MAX_DESCRIPTION, FileCategory, ProjectFile

# Modification files: a modification can be requested (approved, contracted), is open or submitted.
MODIFICATION_FILE_STATUSES = frozenset({
    S.APPROVED, S.MODIFICATION_PRECONTRACTING, S.MODIFICATION_PRECONTRACTING_SUBMITTED,
    S.CONTRACTED, S.IN_MODIFICATION, S.MODIFICATION_SUBMITTED})


def may_update(acc, category: str = FileCategory.APPLICATION) -> bool:
    """The update right of a category, status aside (workflows §3.4 "Files")."""
    if category == FileCategory.ASSESSMENT:
        return acc.perm(Privilege.ProjectFileAssessmentUpdate)
    if category == FileCategory.MODIFICATION:
        return acc.perm(Privilege.ProjectModificationFileAssessmentUpdate) or acc.is_editor
    return acc.perm(Privilege.ProjectFileApplicationUpdate) or acc.is_editor


def status_allows(category: str, status: str) -> bool:
    """Uploads and deletions: annexes while the form is editable, assessment files always, modification files
    in MODIFICATION_FILE_STATUSES."""
    if category == FileCategory.ASSESSMENT:
        return True
    if category == FileCategory.MODIFICATION:
        return status in MODIFICATION_FILE_STATUSES
    return can_be_modified(status)


def may_change(acc, item: ProjectFile) -> bool:
    """The update right on one file: a form editor without the privilege changes only the modification files
    they uploaded."""
    if not may_update(acc, item.category):
        return False
    return (item.category != FileCategory.MODIFICATION or item.uploaded_by_id == acc.user.pk
            or acc.perm(Privilege.ProjectModificationFileAssessmentUpdate))


def _updatable(acc, category: str, *, item: ProjectFile | None = None, need_status: bool = True):
    if not (may_change(acc, item) if item is not None else may_update(acc, category)):
        raise Forbidden()
    if need_status and not status_allows(category, acc.project.status):
        raise ValidationFailed(key="project.status.not.modifiable", code="P-ERR-STATUS",
                               args={"status": acc.project.status})


def _where(item_or_category, owner) -> str:
    if isinstance(owner, ProjectPartner):
        return f"{item_or_category} of partner {owner.abbreviation}"
    if owner is not None:
        return f"{item_or_category} of investment I{owner.work_package.number}.{owner.number}"
    return f"{item_or_category}"


def upload(*, actor, project_id, category: str, partner_id=None, upload, description: str = "") -> ProjectFile:
    """Store an uploaded file (Django UploadedFile) in a category; `partner_id` is the API's `id`: the partner
    of PARTNER, the investment of INVESTMENT. 422: oversized, duplicate name, unsupported category, unknown
    partner or investment, status not allowing the category; 403 without the update right."""
    acc = queries.load_viewable(actor, project_id, category if category in FileCategory.values else
                                FileCategory.APPLICATION)
    _updatable(acc, category)
    owner = queries.check_category(acc.project, category, partner_id)
    partner = owner if isinstance(owner, ProjectPartner) else None
    investment = None if owner is None or partner is not None else owner
    name = (getattr(upload, "name", "") or "").strip()[:255]
    if not name:
        raise ValidationFailed(fields={"file": "project.file.name.empty"})
    description = (description or "").strip()
    if len(description) > MAX_DESCRIPTION:
        raise ValidationFailed(fields={"description": "common.error.field.max.length"})
    limit = settings.MAX_UPLOAD_FILE_SIZE_MB * 1024 * 1024
    if upload.size > limit:
        with transaction.atomic():
            record(AuditAction.PROJECT_FILE_UPLOAD_FAILED, actor=actor, project=audit_project(acc.project),
                   description=f"FAILED upload of file {name} ({upload.size} bytes): size over the limit")
        raise ValidationFailed(key="project.file.size.too.big", fields={"file": "project.file.size.too.big"},
                               args={"maxSize": settings.MAX_UPLOAD_FILE_SIZE_MB})
    with transaction.atomic():
        project = Project.objects.select_for_update().get(pk=acc.project.pk)
        if queries.files_of(project, category, owner.pk if owner else None).filter(name=name).exists():
            raise ValidationFailed(key="file.upload.message.duplicate",
                                   fields={"file": "file.upload.message.duplicate"})
        path = default_storage.save(f"project/{project.pk}/annexes/{uuid.uuid4().hex}", upload)
        try:
            item = ProjectFile.objects.create(
                project=project, category=category, partner=partner, investment=investment, name=name,
                size=upload.size,
                content_type=(getattr(upload, "content_type", "") or "")[:255], storage_path=path,
                description=description, uploaded_by=actor, uploaded_at=timezone.now())
        except Exception:
            default_storage.delete(path)  # no stored content without its row
            raise
        record(AuditAction.PROJECT_FILE_UPLOADED_SUCCESSFULLY, actor=actor, project=audit_project(project),
               entity_related_id=item.pk,
               description=f"document {name} uploaded to project application {_where(category, owner)}")
    return item


def set_description(*, actor, project_id, file_id, description: str | None) -> ProjectFile:
    """Change the description (max 250 characters; 422 field `description`)."""
    acc, item = queries.get_file(actor=actor, project_id=project_id, file_id=file_id)
    _updatable(acc, item.category, item=item, need_status=False)
    description = description or ""
    if len(description) > MAX_DESCRIPTION:
        raise ValidationFailed(fields={"description": "common.error.field.max.length"})
    with transaction.atomic():
        old = item.description
        item.description = description
        item.save(update_fields=["description"])
        record(AuditAction.PROJECT_FILE_DESCRIPTION_CHANGED, actor=actor, project=audit_project(acc.project),
               entity_related_id=item.pk,
               description=f"description of document {item.name} changed from '{old}' to '{description}'")
    return item


def download(*, actor, project_id, file_id) -> tuple[ProjectFile, bytes]:
    """The file and its content; audited as PROJECT_FILE_DOWNLOADED_SUCCESSFULLY."""
    acc, item = queries.get_file(actor=actor, project_id=project_id, file_id=file_id)
    content = queries.read_content(item)
    with transaction.atomic():
        record(AuditAction.PROJECT_FILE_DOWNLOADED_SUCCESSFULLY, actor=actor, project=audit_project(acc.project),
               entity_related_id=item.pk, description=f"document {item.name} downloaded from project application")
    return item, content


def delete(*, actor, project_id, file_id) -> None:
    """Delete a file while its category's status rule allows it (403 without the update right, 422
    otherwise)."""
    acc, item = queries.get_file(actor=actor, project_id=project_id, file_id=file_id)
    _updatable(acc, item.category, item=item)
    with transaction.atomic():
        item.delete()  # the stored content goes after the commit (signals.remove_stored_content)
        record(AuditAction.PROJECT_FILE_DELETED, actor=actor, project=audit_project(acc.project),
               entity_related_id=file_id,
               description=f"document {item.name} deleted from application")
