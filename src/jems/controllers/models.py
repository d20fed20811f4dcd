"""Controller institutions: the bodies doing first-level control, their NUTS coverage and their users."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserInstitutionAccessLevel(models.TextChoices):
    """What an institution's user may do with the partners assigned to it (Jems UserInstitutionAccessLevel)."""

    View = "View", _("view")
    Edit = "Edit", _("edit")


class ControllerInstitution(models.Model):
    """A controller institution: name, description, the NUTS 3 regions of the programme area it covers
    and its users (each with View or Edit access)."""

    name = models.CharField(max_length=250)
    description = models.TextField(blank=True, null=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-id"]

    def __str__(self):
        return self.name


class ControllerInstitutionNuts(models.Model):
    """One NUTS 3 region covered by an institution."""

    institution = models.ForeignKey(ControllerInstitution, on_delete=models.CASCADE, related_name="nuts")
    region = models.ForeignKey("nuts.NutsRegion", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["institution", "region"], name="controller_institution_nuts")]

    def __str__(self):
        return f"{self.institution_id}: {self.region_id}"


class ControllerInstitutionUser(models.Model):
    """A user of an institution with the access level View or Edit."""

    institution = models.ForeignKey(ControllerInstitution, on_delete=models.CASCADE, related_name="users")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="controller_institutions")
    access_level = models.CharField(max_length=4, choices=UserInstitutionAccessLevel.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["institution", "user"], name="controller_institution_user")]
        ordering = ["id"]

    def __str__(self):
        return f"{self.institution_id}: {self.user_id} ({self.access_level})"
