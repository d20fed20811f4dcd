"""Reads of application annexes: the list per category and one file with its content."""

from django.core.files.storage import default_storage

from jems.core.errors import NotFound, ValidationFailed
from jems.core.pagination import PageRequest, paginate
from jems.projects import access
from jems.projects.partners.models import ProjectPartner
from jems.projects.workpackages.models import Investment

from .models import SUPPORTED_CATEGORIES, FileCategory, ProjectFile


def file_not_found() -> NotFound:
    return NotFound(key="project.file.not.found", code="P-FIL-ERR")


def can_retrieve(acc: access.ProjectAccess) -> bool:
    """Workflows §3.4 Files: Perm(ProjectFileApplicationRetrieve) or a project viewer."""
    from jems.accounts.privileges import Privilege

    return acc.perm(Privilege.ProjectFileApplicationRetrieve) or acc.is_viewer


def load_viewable(actor, project_id) -> access.ProjectAccess:
    """The project access, or 404 when the actor may not see the project's annexes."""
    acc = access.load(actor, project_id)
    if not can_retrieve(acc):
        raise access.not_found()
    return acc


def check_category(project, category: str, partner_id):
    """Validate a category of the project; returns the partner of a PARTNER category or the investment of an
    INVESTMENT category (`partner_id` is then the investment id, the API's `id`), else None. 422 otherwise."""
    if category not in SUPPORTED_CATEGORIES:
        raise ValidationFailed(key="project.file.category.not.supported", fields={"type": "project.file.category.not.supported"})
    if category == FileCategory.PARTNER:
        partner = ProjectPartner.objects.filter(project=project, pk=partner_id).first() if partner_id else None
        if partner is None:
            raise ValidationFailed(key="project.file.partner.not.found", fields={"id": "project.file.partner.not.found"})
        return partner
    if category == FileCategory.INVESTMENT:
        investment = (Investment.objects.filter(work_package__project=project, pk=partner_id).first()
                      if partner_id and 0 < int(partner_id) < 2**63 else None)
        if investment is None:
            raise ValidationFailed(key="project.file.investment.not.found",
                                   fields={"id": "project.file.investment.not.found"})
        return investment
    return None


def files_of(project, category: str | None = None, partner_id=None):
    qs = ProjectFile.objects.filter(project=project).select_related("uploaded_by", "partner",
                                                                    "investment__work_package")
    if category == FileCategory.PARTNER:
        qs = qs.filter(category=category, partner_id=partner_id)
    elif category == FileCategory.INVESTMENT:
        qs = qs.filter(category=category, investment_id=partner_id)
    elif category:
        qs = qs.filter(category=category)
    return qs


def list_files(*, actor, project_id, category: str, partner_id=None, page: PageRequest):
    """One page of the annexes of a category; (project, items, total)."""
    acc = load_viewable(actor, project_id)
    check_category(acc.project, category, partner_id)
    items, total = paginate(files_of(acc.project, category, partner_id), page)
    return acc.project, items, total


def get_file(*, actor, project_id, file_id) -> tuple[access.ProjectAccess, ProjectFile]:
    acc = load_viewable(actor, project_id)
    try:
        file_id = int(file_id)
    except (TypeError, ValueError):
        raise file_not_found() from None
    item = files_of(acc.project).filter(pk=file_id).first() if 0 < file_id < 2**63 else None
    if item is None:
        raise file_not_found()
    return acc, item


def read_content(item: ProjectFile) -> bytes:
    with default_storage.open(item.storage_path, "rb") as handle:
        return handle.read()


def size_string(size: int) -> str:
    """A human-readable size (binary units, one decimal)."""
    value = float(size)
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"
