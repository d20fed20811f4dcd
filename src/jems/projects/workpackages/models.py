"""C.4 work plan (features §4.6): work packages with their activities (and deliverables, and the partners
involved), outputs (with a programme output indicator) and investments. Numbers are positions (1, 2, …) kept
gapless by the services; after contracting, rows are deactivated instead of deleted."""

from django.db import models

from jems.core.translatable import TranslatableField

MAX_WORK_PACKAGES = 20  # features §0
MAX_ACTIVITIES = 20
MAX_DELIVERABLES = 20
MAX_OUTPUTS = 10
MAX_INVESTMENTS = 20


class WorkPackage(models.Model):
    """A work package of the project: number, name, its specific objective and communication objective."""

    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="work_packages")
    number = models.PositiveSmallIntegerField(default=0)
    name = TranslatableField()
    specific_objective = TranslatableField()
    objective_and_audience = TranslatableField()
    deactivated = models.BooleanField(default=False)

    class Meta:
        ordering = ["number", "id"]

    def __str__(self):
        return f"WP{self.number}"


class Activity(models.Model):
    """An activity of a work package with its period range and the partners involved (used by the partners'
    state-aid self-check)."""

    work_package = models.ForeignKey(WorkPackage, on_delete=models.CASCADE, related_name="activities")
    number = models.PositiveSmallIntegerField(default=0)
    title = TranslatableField()
    description = TranslatableField()
    start_period = models.PositiveSmallIntegerField(null=True, blank=True)
    end_period = models.PositiveSmallIntegerField(null=True, blank=True)
    partners = models.ManyToManyField("project_partners.ProjectPartner", blank=True, related_name="activities")
    deactivated = models.BooleanField(default=False)

    class Meta:
        ordering = ["number", "id"]

    def __str__(self):
        return f"A{self.work_package.number}.{self.number}"


class Deliverable(models.Model):
    """A deliverable of an activity, delivered in one period."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="deliverables")
    number = models.PositiveSmallIntegerField(default=0)
    title = TranslatableField()
    description = TranslatableField()
    period = models.PositiveSmallIntegerField(null=True, blank=True)
    deactivated = models.BooleanField(default=False)

    class Meta:
        ordering = ["number", "id"]


class Output(models.Model):
    """An output of a work package measured by a programme output indicator, with target value and period."""

    work_package = models.ForeignKey(WorkPackage, on_delete=models.CASCADE, related_name="outputs")
    number = models.PositiveSmallIntegerField(default=0)
    title = TranslatableField()
    description = TranslatableField()
    programme_output_indicator = models.ForeignKey("priorities.OutputIndicator", null=True, blank=True,
                                                   on_delete=models.PROTECT, related_name="project_outputs")
    target_value = models.DecimalField(max_digits=13, decimal_places=2, null=True, blank=True)
    period_number = models.PositiveSmallIntegerField(null=True, blank=True)
    deactivated = models.BooleanField(default=False)

    class Meta:
        ordering = ["number", "id"]


class Investment(models.Model):
    """An investment of a work package: justification, location (address with NUTS), risk, documentation and
    ownership texts, expected delivery period."""

    work_package = models.ForeignKey(WorkPackage, on_delete=models.CASCADE, related_name="investments")
    number = models.PositiveSmallIntegerField(default=0)
    title = TranslatableField()
    expected_delivery_period = models.PositiveSmallIntegerField(null=True, blank=True)
    justification_explanation = TranslatableField()
    justification_transactional_relevance = TranslatableField()
    justification_benefits = TranslatableField()
    justification_pilot = TranslatableField()
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
    risk = TranslatableField()
    documentation = TranslatableField()
    documentation_expected_impacts = TranslatableField()
    ownership_site_location = TranslatableField()
    ownership_retain = TranslatableField()
    ownership_maintenance = TranslatableField()
    deactivated = models.BooleanField(default=False)

    class Meta:
        ordering = ["number", "id"]
