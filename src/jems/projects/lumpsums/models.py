"""E.1 project lump sums with partner shares (finance-rules §3, features §4.10)."""

from django.db import models

MAX_PROJECT_LUMP_SUMS = 50  # finance-rules §3
PREPARATION_PERIOD = 0  # finance-rules §1.5: pseudo period "preparation"
CLOSURE_PERIOD = 255  # finance-rules §1.5: pseudo period "closure"


class ProjectLumpSum(models.Model):
    """One row of the project's E.1 table: a programme lump sum offered by the call, its 1-based position and the
    period it is paid in (0 = preparation, 1..n, 255 = closure, or none yet)."""

    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="lump_sums")
    programme_lump_sum = models.ForeignKey("cost_options.ProgrammeLumpSum", on_delete=models.PROTECT,
                                           related_name="project_lump_sums")
    order_nr = models.PositiveIntegerField()
    period_number = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["order_nr", "id"]

    def __str__(self):
        return f"lump sum {self.order_nr}"


class ProjectPartnerLumpSum(models.Model):
    """A partner's share of a project lump sum (goes into that partner's lump-sum budget category)."""

    project_lump_sum = models.ForeignKey(ProjectLumpSum, on_delete=models.CASCADE, related_name="partner_shares")
    partner = models.ForeignKey("project_partners.ProjectPartner", on_delete=models.CASCADE,
                                related_name="lump_sum_shares")
    amount = models.DecimalField(max_digits=17, decimal_places=2)

    class Meta:
        ordering = ["project_lump_sum_id", "partner_id"]
        constraints = [models.UniqueConstraint(fields=["project_lump_sum", "partner"],
                                               name="project_lump_sum_partner_unique")]

    def __str__(self):
        return f"share of {self.partner_id}"
