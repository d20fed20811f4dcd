"""Changes of application annexes: upload, description, download (audited read), delete.

Retrieve right: Perm(ProjectFileApplicationRetrieve) or a project viewer; update right:
Perm(ProjectFileApplicationUpdate) or a form editor (workflows §3.4 "Files"). Uploads and deletions need
an editable form (can_be_modified). Files live in `default_storage` (local folder or S3-compatible).
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
from jems.projects.models import Project, can_be_modified
from jems.projects.partners.models import ProjectPartner
from jems.projects.services import audit_project

from . import queries
from .models import MAX_DESCRIPTION, ProjectFile


def may_update(acc) -> bool:
    """Perm(ProjectFileApplicationUpdate) or a form editor (workflows §3.4 "Files")."""
    return acc.perm(Privilege.ProjectFileApplicationUpdate) or acc.is_editor


def _updatable(acc, *, need_editable_form: bool = True):
    if not may_update(acc):
        raise Forbidden()
    if need_editable_form and not can_be_modified(acc.project.status):
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
    partner or investment, non-editable form; 403 without the update right."""
    acc = queries.load_viewable(actor, project_id)
    _updatable(acc)
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
    _updatable(acc, need_editable_form=False)
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
    """Delete an annex while the form is editable (403 without the update right, 422 otherwise)."""
    acc, item = queries.get_file(actor=actor, project_id=project_id, file_id=file_id)
    _updatable(acc)
    with transaction.atomic():
        item.delete()  # the stored content goes after the commit (signals.remove_stored_content)
        record(AuditAction.PROJECT_FILE_DELETED, actor=actor, project=audit_project(acc.project),
               entity_related_id=file_id,
               description=f"document {item.name} deleted from application")
