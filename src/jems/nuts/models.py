"""NUTS regions (countries and levels 1-3), the metadata of the loaded data set, and the programme area."""

from django.db import models


class NutsRegion(models.Model):
    """A NUTS region or a country: `level` 0 is the country, 1-3 the NUTS levels; `parent` is the region
    one level up (none for countries). Codes are Eurostat's (EL for Greece, UK for the United Kingdom)."""

    code = models.CharField(max_length=5, primary_key=True)
    name = models.CharField(max_length=255)
    level = models.PositiveSmallIntegerField()
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return f"{self.name} ({self.code})"


class NutsMetadata(models.Model):
    """The loaded NUTS data set (one row): its title and date, as GET /api/nuts/metadata shows them."""

    title = models.CharField(max_length=255, blank=True)
    date = models.DateField(null=True, blank=True)
    loaded_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return self.title


class ProgrammeNuts(models.Model):
    """One NUTS 3 region of the programme area (the selection on "Geographical coverage")."""

    region = models.OneToOneField(NutsRegion, primary_key=True, on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["region_id"]

    def __str__(self):
        return self.region_id
