"""Calls for proposals: the call with its general settings, budget settings, plugin selection and
checklists. The programme setup needs to know whether any call has been published, because that
locks parts of the setup (see queries.any_call_published)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from jems.core.translatable import TranslatableField


class CallStatus(models.TextChoices):
    """Jems `CallStatus`: a call is published once and stays published."""

    DRAFT = "DRAFT", _("Draft")
    PUBLISHED = "PUBLISHED", _("Published")


class CallType(models.TextChoices):
    """Jems `CallType`: standard or small project fund call."""

    STANDARD = "STANDARD", _("Standard")
    SPF = "SPF", _("Small project fund")


class FlatRateType(models.TextChoices):
    """Jems `FlatRateType` (code-lists §7.3): the five flat rates a call may offer."""

    STAFF_COSTS = "STAFF_COSTS", _("Staff cost flat rate based on direct cost")
    OFFICE_AND_ADMINISTRATION_ON_STAFF_COSTS = (
        "OFFICE_AND_ADMINISTRATION_ON_STAFF_COSTS",
        _("Office and administrative costs flat rate based on direct staff cost"),
    )
    OFFICE_AND_ADMINISTRATION_ON_OTHER_COSTS = (
        "OFFICE_AND_ADMINISTRATION_ON_OTHER_COSTS",
        _("Office and administrative costs flat rate based on direct cost"),
    )
    TRAVEL_AND_ACCOMMODATION_ON_STAFF_COSTS = (
        "TRAVEL_AND_ACCOMMODATION_ON_STAFF_COSTS",
        _("Travel and accommodation flat rate based on direct staff cost"),
    )
    OTHER_COSTS_ON_STAFF_COSTS = "OTHER_COSTS_ON_STAFF_COSTS", _("Other costs based on staff costs")


class Call(models.Model):
    """A call for proposals: its window (start, optional step-1 end, end), type, period length, the programme
    items applicants may use (specific objectives, strategies, funds with rates, state aids, flat rates, lump
    sums, unit costs), the allowed real costs, the plugins run at submission and control, and the checklists
    available in its projects."""

    name = models.CharField(max_length=250, unique=True)
    description = TranslatableField()
    type = models.CharField(max_length=16, choices=CallType.choices, default=CallType.STANDARD)
    status = models.CharField(max_length=16, choices=CallStatus.choices, default=CallStatus.DRAFT)
    start_date = models.DateTimeField()
    end_date = models.DateTimeField()
    end_date_step1 = models.DateTimeField(null=True, blank=True)
    length_of_period = models.PositiveSmallIntegerField(default=6)
    additional_fund_allowed = models.BooleanField(default=False)
    direct_contributions_allowed = models.BooleanField(default=True)
    strategies = models.JSONField(default=list, blank=True, help_text="ProgrammeStrategy codes.")
    specific_objectives = models.ManyToManyField("priorities.ProgrammeSpecificObjective", blank=True,
                                                 related_name="calls")
    state_aids = models.ManyToManyField("programme.StateAid", blank=True, related_name="calls")
    lump_sums = models.ManyToManyField("cost_options.ProgrammeLumpSum", blank=True, related_name="calls")
    unit_costs = models.ManyToManyField("cost_options.ProgrammeUnitCost", blank=True, related_name="calls")
    checklists = models.ManyToManyField("checklists.ProgrammeChecklist", blank=True, related_name="calls")
    project_defined_unit_cost_allowed = models.BooleanField(default=False)
    project_defined_lump_sum_allowed = models.BooleanField(default=False)
    allow_real_staff_costs = models.BooleanField(default=True)
    allow_real_travel_and_accommodation_costs = models.BooleanField(default=True)
    allow_real_external_expertise_and_services_costs = models.BooleanField(default=True)
    allow_real_equipment_costs = models.BooleanField(default=True)
    allow_real_infrastructure_costs = models.BooleanField(default=True)
    pre_submission_check_plugin_key = models.CharField(max_length=255, null=True, blank=True)
    first_step_pre_submission_check_plugin_key = models.CharField(max_length=255, null=True, blank=True)
    report_partner_check_plugin_key = models.CharField(max_length=255, null=True, blank=True)
    report_project_check_plugin_key = models.CharField(max_length=255, null=True, blank=True)
    control_report_partner_check_plugin_key = models.CharField(max_length=255, null=True, blank=True)
    control_report_sampling_check_plugin_key = models.CharField(max_length=255, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]

    def __str__(self):
        return self.name

    @property
    def is_published(self) -> bool:
        return self.status == CallStatus.PUBLISHED

    @property
    def is_two_step(self) -> bool:
        return self.end_date_step1 is not None


class CallFund(models.Model):
    """A programme fund selected in a call, with the maximum co-financing rate (%) and whether a partner may
    choose a lower rate (adjustable)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="funds")
    fund = models.ForeignKey("programme.ProgrammeFund", on_delete=models.CASCADE, related_name="call_rates")
    rate = models.DecimalField(max_digits=5, decimal_places=2)
    adjustable = models.BooleanField(default=True)

    class Meta:
        ordering = ["fund_id"]
        constraints = [models.UniqueConstraint(fields=["call", "fund"], name="call_fund_unique")]

    def __str__(self):
        return f"call {self.call_id} fund {self.fund_id}"


class CallFlatRate(models.Model):
    """A flat rate offered in a call: its type, the rate (1–100 %) and whether the applicant may choose a
    lower rate (adjustable, "Up to") or must use it as is ("Fixed")."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="flat_rates")
    type = models.CharField(max_length=48, choices=FlatRateType.choices)
    rate = models.PositiveSmallIntegerField()
    adjustable = models.BooleanField(default=True)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["call", "type"], name="call_flat_rate_unique")]

    def __str__(self):
        return f"call {self.call_id} {self.type}"
