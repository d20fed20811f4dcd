"""Section D partner budget (features §4.7, finance-rules §1): the partner's flat-rate options and its cost rows.

All cost rows of a partner live in one table with a `category` column; the split over periods is a JSON list
`[{"number": k, "amount": "12.50"}]` on the row, so the whole budget of a project is read in one query."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from jems.core.translatable import TranslatableField

MAX_ROWS = 300  # finance-rules §1.1: at most 300 entries per list
MAX_AMOUNT_DIGITS = 11  # ≤ 999 999 999.99 for units, prices and period amounts


class CostCategory(models.TextChoices):
    """The cost lists of a partner budget (finance-rules §1.1); office and other costs are never entered."""

    STAFF = "STAFF", _("Staff costs")
    TRAVEL = "TRAVEL", _("Travel and accommodation")
    EXTERNAL = "EXTERNAL", _("External expertise and services")
    EQUIPMENT = "EQUIPMENT", _("Equipment")
    INFRASTRUCTURE = "INFRASTRUCTURE", _("Infrastructure and works")
    UNIT_COST = "UNIT_COST", _("Unit costs")
    SPF = "SPF", _("Small project funds")


class PartnerBudgetOptions(models.Model):
    """The flat rates (integer %, none when not used) a partner chose from those its call offers."""

    partner = models.OneToOneField("project_partners.ProjectPartner", on_delete=models.CASCADE, primary_key=True,
                                   related_name="budget_options")
    staff_costs_flat_rate = models.PositiveSmallIntegerField(null=True, blank=True)
    office_and_administration_on_staff_costs_flat_rate = models.PositiveSmallIntegerField(null=True, blank=True)
    office_and_administration_on_direct_costs_flat_rate = models.PositiveSmallIntegerField(null=True, blank=True)
    travel_and_accommodation_on_staff_costs_flat_rate = models.PositiveSmallIntegerField(null=True, blank=True)
    other_costs_on_staff_costs_flat_rate = models.PositiveSmallIntegerField(null=True, blank=True)

    def __str__(self):
        return f"Budget options of partner {self.partner_id}"


class BudgetCostRow(models.Model):
    """One entry of a partner's cost list: texts (for staff rows the description is the staff function), number
    of units × price per unit = row sum (recomputed on save), an optional unit cost (single-category in the
    category lists, multi-category in UNIT_COST), an optional investment (external, equipment, infrastructure)
    and the amounts per period."""

    partner = models.ForeignKey("project_partners.ProjectPartner", on_delete=models.CASCADE,
                                related_name="budget_rows")
    category = models.CharField(max_length=16, choices=CostCategory.choices)
    sort_number = models.PositiveIntegerField(default=0)
    description = TranslatableField()
    comments = TranslatableField()
    unit_type = TranslatableField()
    award_procedures = TranslatableField()
    number_of_units = models.DecimalField(max_digits=MAX_AMOUNT_DIGITS, decimal_places=2)
    price_per_unit = models.DecimalField(max_digits=MAX_AMOUNT_DIGITS, decimal_places=2)
    row_sum = models.DecimalField(max_digits=2 * MAX_AMOUNT_DIGITS, decimal_places=2)
    unit_cost = models.ForeignKey("cost_options.ProgrammeUnitCost", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="budget_rows")
    investment = models.ForeignKey("project_workpackages.Investment", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="budget_rows")
    periods = models.JSONField(default=list, blank=True, help_text='[{"number": k, "amount": "decimal"}]')

    class Meta:
        ordering = ["partner_id", "category", "sort_number", "id"]
        indexes = [models.Index(fields=["partner", "category"], name="budget_row_partner_category")]

    def __str__(self):
        return f"{self.category} row {self.sort_number} of partner {self.partner_id}"
