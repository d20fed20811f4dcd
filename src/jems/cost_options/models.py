"""The programme's simplified cost options: lump sums and unit costs."""

from django.db import models

from jems.core.translatable import TranslatableField

from .codes import PaymentClaim, ProgrammeLumpSumPhase


class ProgrammeLumpSum(models.Model):
    """A programme lump sum: name and description, the cost, the project phase, the cost categories it covers,
    whether partners may split it, whether it is a fast-track lump sum (paid without reporting) and how its
    payment is claimed from the EC."""

    name = TranslatableField()
    description = TranslatableField()
    cost = models.DecimalField(max_digits=17, decimal_places=2)
    splitting_allowed = models.BooleanField(default=False)
    fast_track = models.BooleanField(default=False)
    phase = models.CharField(max_length=16, choices=ProgrammeLumpSumPhase.choices, null=True, blank=True)
    categories = models.JSONField(default=list, blank=True)
    payment_claim = models.CharField(max_length=32, choices=PaymentClaim.choices,
                                     default=PaymentClaim.IncurredByBeneficiaries)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"lump sum {self.pk}"


class ProgrammeUnitCost(models.Model):
    """A programme unit cost: name, description, unit type and justification, the cost per unit in EUR and
    optionally in a foreign currency, one cost category or several, whether a project proposed it, and how its
    payment is claimed from the EC."""

    name = TranslatableField()
    description = TranslatableField()
    type = TranslatableField()
    justification = TranslatableField()
    cost_per_unit = models.DecimalField(max_digits=17, decimal_places=2)
    cost_per_unit_foreign_currency = models.DecimalField(max_digits=17, decimal_places=2, null=True, blank=True)
    foreign_currency_code = models.CharField(max_length=3, null=True, blank=True)
    one_cost_category = models.BooleanField(default=False)
    categories = models.JSONField(default=list, blank=True)
    project_defined = models.BooleanField(default=False)
    payment_claim = models.CharField(max_length=32, choices=PaymentClaim.choices,
                                     default=PaymentClaim.IncurredByBeneficiaries)
    # set for a unit cost a project proposed in its section E.2.1 (jems.projects.lumpsums); programme lists skip it
    project = models.ForeignKey("projects.Project", null=True, blank=True, on_delete=models.CASCADE,
                                related_name="proposed_unit_costs")

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"unit cost {self.pk}"
