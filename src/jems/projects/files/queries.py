"""Reads of project files: the list per category (or ALL readable ones) and one file with its content."""

from django.core.files.storage import default_storage

from jems.accounts.privileges import Privilege
from jems.core.errors import Forbidden, NotFound, ValidationFailed
from jems.core.pagination import PageRequest, paginate
from jems.projects import access
from jems.projects.partners.models import ProjectPartner
from jems.projects.workpackages.models import Investment

from .models import SUPPORTED_CATEGORIES, FileCategory, ProjectFile

# The API's listing of every category the user may read.
ALL = "ALL"


def file_not_found() -> NotFound:
    return NotFound(key="project.file.not.found", code="P-FIL-ERR")


def can_retrieve(acc: access.ProjectAccess, category: str = FileCategory.APPLICATION) -> bool:
    """Workflows §3.4 Files: annexes Perm(ProjectFileApplicationRetrieve) or a project viewer; assessment files
    Perm(ProjectFileAssessmentRetrieve) only (programme side); modification files
    Perm(ProjectModificationFileAssessmentRetrieve) or a project viewer (they attach them to their modification
    requests, docs/deviations.md)."""
    if category == FileCategory.ASSESSMENT:
        return acc.perm(Privilege.ProjectFileAssessmentRetrieve)
    if category == FileCategory.MODIFICATION:
        return acc.perm(Privilege.ProjectModificationFileAssessmentRetrieve) or acc.is_viewer
    return acc.perm(Privilege.ProjectFileApplicationRetrieve) or acc.is_viewer


def readable_categories(acc: access.ProjectAccess) -> list[str]:
    """The categories whose files the user may see (the API's ALL)."""
    return [category for category in SUPPORTED_CATEGORIES if can_retrieve(acc, category)]


def load_viewable(actor, project_id, category: str = FileCategory.APPLICATION) -> access.ProjectAccess:
    """The project access; 404 when the actor may not see the project or its annexes, 403 when they see the
    project but not the assessment / modification files asked for."""
    acc = access.load(actor, project_id)
    if category == ALL:
        if not readable_categories(acc):
            raise access.not_found()
    elif not can_retrieve(acc, category):
        if category in (FileCategory.ASSESSMENT, FileCategory.MODIFICATION):
            raise Forbidden()
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
    """One page of the files of a category (ALL: of every category the user may read); (project, items,
    total)."""
    acc = load_viewable(actor, project_id, category)
    if category == ALL:
        qs = files_of(acc.project).filter(category__in=readable_categories(acc))
    else:
        check_category(acc.project, category, partner_id)
        qs = files_of(acc.project, category, partner_id)
    items, total = paginate(qs, page)
    return acc.project, items, total


def get_file(*, actor, project_id, file_id) -> tuple[access.ProjectAccess, ProjectFile]:
    """The access and one file; 404 when missing or when the user may not read its category."""
    acc = access.load(actor, project_id)
    try:
        file_id = int(file_id)
    except (TypeError, ValueError):
        raise file_not_found() from None
    item = files_of(acc.project).filter(pk=file_id).first() if 0 < file_id < 2**63 else None
    if item is None or not can_retrieve(acc, item.category):
        if item is None and not readable_categories(acc):
            raise access.not_found()
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
