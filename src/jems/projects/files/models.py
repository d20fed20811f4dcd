"""Project files (features §4.11): the application annexes, the programme's assessment files and the
modification files."""

from django.conf import settings
from django.db import models

MAX_DESCRIPTION = 250


class FileCategory(models.TextChoices):
    """Where a file belongs (code-lists §9.12): the application, a partner or a C.4 investment (the application
    annexes), the assessment (programme side only) or the modifications."""

    APPLICATION = "APPLICATION"
    PARTNER = "PARTNER"
    INVESTMENT = "INVESTMENT"
    ASSESSMENT = "ASSESSMENT"
    MODIFICATION = "MODIFICATION"


# The categories of the application annexes (their rights and status rule are those of the form).
ANNEX_CATEGORIES = (FileCategory.APPLICATION, FileCategory.PARTNER, FileCategory.INVESTMENT)
# Every category a file can be stored in (the API's ALL only lists).
SUPPORTED_CATEGORIES = (*ANNEX_CATEGORIES, FileCategory.ASSESSMENT, FileCategory.MODIFICATION)


class ProjectFile(models.Model):
    """One uploaded annex; the content lives in `default_storage` under `storage_path`."""

    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="annexes")
    category = models.CharField(max_length=16, choices=FileCategory.choices)
    partner = models.ForeignKey("project_partners.ProjectPartner", null=True, blank=True,
                                on_delete=models.CASCADE, related_name="annexes")
    investment = models.ForeignKey("project_workpackages.Investment", null=True, blank=True,
                                   on_delete=models.CASCADE, related_name="annexes")
    name = models.CharField(max_length=255)
    size = models.BigIntegerField()
    content_type = models.CharField(max_length=255, blank=True, default="")
    storage_path = models.CharField(max_length=512)
    description = models.CharField(max_length=MAX_DESCRIPTION, blank=True, default="")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["-uploaded_at", "-id"]

    def __str__(self):
        return self.name
