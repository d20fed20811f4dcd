"""B.2 associated organisations of a project's application form (features §4.4)."""

from django.db import models

from jems.core.translatable import TranslatableField

MAX_ASSOCIATED_ORGANIZATIONS = 30  # features §0


class AssociatedOrganization(models.Model):
    """An organisation associated to the project through one of its partners; numbered 1..n in creation order."""

    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="associated_organizations")
    partner = models.ForeignKey("project_partners.ProjectPartner", on_delete=models.CASCADE,
                                related_name="associated_organizations")
    sort_number = models.PositiveIntegerField(default=0)
    name_in_original_language = models.CharField(max_length=100, blank=True, default="")
    name_in_english = models.CharField(max_length=100, blank=True, default="")
    country = models.CharField(max_length=100, blank=True, default="")
    country_code = models.CharField(max_length=2, blank=True, default="")
    nuts_region2 = models.CharField(max_length=100, blank=True, default="")
    nuts_region2_code = models.CharField(max_length=5, blank=True, default="")
    nuts_region3 = models.CharField(max_length=100, blank=True, default="")
    nuts_region3_code = models.CharField(max_length=5, blank=True, default="")
    street = models.CharField(max_length=50, blank=True, default="")
    house_number = models.CharField(max_length=20, blank=True, default="")
    postal_code = models.CharField(max_length=20, blank=True, default="")
    city = models.CharField(max_length=50, blank=True, default="")
    homepage = models.CharField(max_length=250, blank=True, default="")
    role_description = TranslatableField()
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["sort_number", "id"]

    def __str__(self):
        return self.name_in_english or self.name_in_original_language or f"#{self.pk}"


class AssociatedOrganizationContact(models.Model):
    """The legal representative or contact person of an associated organisation."""

    organization = models.ForeignKey(AssociatedOrganization, on_delete=models.CASCADE, related_name="contacts")
    type = models.CharField(max_length=20)
    title = models.CharField(max_length=25, blank=True, default="")
    first_name = models.CharField(max_length=50, blank=True, default="")
    last_name = models.CharField(max_length=50, blank=True, default="")
    email = models.CharField(max_length=255, blank=True, default="")
    telephone = models.CharField(max_length=25, blank=True, default="")

    class Meta:
        ordering = ["type"]
        constraints = [models.UniqueConstraint(fields=["organization", "type"], name="assoc_contact_type_unique")]
