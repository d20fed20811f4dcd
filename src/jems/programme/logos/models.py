"""The programme's logo (features.md §1.10): the three PNGs generated from one upload, kept in Django's
default storage (local folder or S3-compatible); this row says where they are."""

from django.conf import settings
from django.db import models


class LogoSize(models.IntegerChoices):
    """The heights (px) of the generated PNGs, as Jems' logo types (InterregProgrammeLogo_<height>.png)."""

    SMALL = 48, "INTERREG_PROGRAMME_LOGO_SMALL"
    MEDIUM = 96, "INTERREG_PROGRAMME_LOGO_MEDIUM"
    LARGE = 200, "INTERREG_PROGRAMME_LOGO_LARGE"


class ProgrammeLogo(models.Model):
    """The programme's current logo: a single row with id 1 while a logo is set. `key` names the storage
    folder of this upload (a new one per upload, so that browsers may cache each version for good); the
    widths are those of the generated PNGs (the aspect ratio of the upload is kept)."""

    SINGLETON_ID = 1

    key = models.CharField(max_length=32, unique=True)
    original_name = models.CharField(max_length=255)
    small_width = models.PositiveIntegerField()
    medium_width = models.PositiveIntegerField()
    large_width = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+")
    uploaded_at = models.DateTimeField()

    def __str__(self):
        return self.original_name

    def path(self, size: int) -> str:
        """The storage path of the PNG of one height."""
        return storage_path(self.key, size)

    def width(self, size: int) -> int:
        return {LogoSize.SMALL: self.small_width, LogoSize.MEDIUM: self.medium_width,
                LogoSize.LARGE: self.large_width}[size]


def storage_path(key: str, size: int) -> str:
    """Where one generated PNG of an upload lives in the default storage."""
    return f"programme/logo/{key}/InterregProgrammeLogo_{int(size)}.png"
