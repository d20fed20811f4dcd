"""Programme priorities with their specific objectives, and the programme's output and result indicators."""

from django.db import models

from jems.core.translatable import TranslatableField

from .codes import ProgrammeObjective, ProgrammeObjectivePolicy


class ProgrammePriority(models.Model):
    """A priority of the programme: a code, a translatable title and one policy objective, under which sit
    one or more of that objective's specific objectives."""

    code = models.CharField(max_length=50, unique=True)
    title = TranslatableField()
    objective = models.CharField(max_length=16, choices=ProgrammeObjective.choices)

    class Meta:
        ordering = ["code", "id"]

    def __str__(self):
        return self.code


class ProgrammeSpecificObjective(models.Model):
    """A specific objective set up in a priority (each at most once in the programme), with the programme's own
    code for it and the intervention-field codes chosen per dimension ({dimension: ["001", ...]})."""

    priority = models.ForeignKey(ProgrammePriority, on_delete=models.CASCADE, related_name="specific_objectives")
    programme_objective_policy = models.CharField(max_length=64, unique=True,
                                                  choices=ProgrammeObjectivePolicy.choices)
    code = models.CharField(max_length=50, unique=True)
    dimension_codes = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.code} - {self.programme_objective_policy}"


class OutputIndicator(models.Model):
    """A programme output indicator (used by the projects' C.4 outputs): an identifier, an optional EU code
    (RCO…), name and measurement unit, its specific objective, milestone and final target, and optionally the
    result indicator it contributes to."""

    identifier = models.CharField(max_length=10, unique=True)
    code = models.CharField(max_length=6, null=True, blank=True)
    name = TranslatableField()
    measurement_unit = TranslatableField()
    specific_objective = models.ForeignKey(ProgrammeSpecificObjective, null=True, blank=True,
                                           on_delete=models.PROTECT, related_name="output_indicators")
    milestone = models.DecimalField(max_digits=13, decimal_places=2, null=True, blank=True)
    final_target = models.DecimalField(max_digits=13, decimal_places=2, null=True, blank=True)
    result_indicator = models.ForeignKey("ResultIndicator", null=True, blank=True, on_delete=models.SET_NULL,
                                         related_name="output_indicators")

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.identifier


class ResultIndicator(models.Model):
    """A programme result indicator (used by the projects' C.5 results): an identifier, an optional EU code
    (RCR…), name and measurement unit, its specific objective, baseline with reference year, final target,
    source of data and comment."""

    identifier = models.CharField(max_length=10, unique=True)
    code = models.CharField(max_length=6, null=True, blank=True)
    name = TranslatableField()
    measurement_unit = TranslatableField()
    specific_objective = models.ForeignKey(ProgrammeSpecificObjective, null=True, blank=True,
                                           on_delete=models.PROTECT, related_name="result_indicators")
    baseline = models.DecimalField(max_digits=13, decimal_places=2, null=True, blank=True)
    reference_year = models.CharField(max_length=10, null=True, blank=True)
    final_target = models.DecimalField(max_digits=13, decimal_places=2, null=True, blank=True)
    source_of_data = TranslatableField()
    comment = TranslatableField()

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.identifier
