"""C.5 project results (features §4.6): each result is measured by a programme result indicator with a baseline,
a target value and the period in which it is delivered. Numbers are positions (1, 2, …) kept gapless by the
services; after contracting, results are deactivated instead of removed."""

from decimal import Decimal

from django.db import models

from jems.core.translatable import TranslatableField

MAX_RESULTS = 20  # features §0 (as Jems)
MAX_DESCRIPTION = 1000


class ProjectResult(models.Model):
    """One expected result of the project (the live, current version)."""

    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="results")
    number = models.PositiveSmallIntegerField(default=0)
    programme_result_indicator = models.ForeignKey("priorities.ResultIndicator", null=True, blank=True,
                                                   on_delete=models.PROTECT, related_name="project_results")
    baseline = models.DecimalField(max_digits=11, decimal_places=2, default=Decimal("0"))
    target_value = models.DecimalField(max_digits=11, decimal_places=2, null=True, blank=True)
    period_number = models.PositiveSmallIntegerField(null=True, blank=True)
    description = TranslatableField()
    deactivated = models.BooleanField(default=False)

    class Meta:
        ordering = ["number", "id"]

    def __str__(self):
        return f"R{self.number}"
