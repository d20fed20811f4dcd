"""Partner co-financing (features §4.8, finance-rules §2.1): the funds a partner asks for with their rates, the
partner-contribution line, and the origin of the partner contribution (named sources with a legal status and an
amount, one of them the partner itself). SPF calls keep a second, separate set for the SPF budget of the SPF
beneficiary (Jems tables `project_partner_co_financing_spf` and `project_partner_contribution_spf`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_FINANCES = 5  # finance-rules §2.2: at most 5 lines (funds + the partner contribution)
NAME_MAX = 255


class FundType(models.TextChoices):
    """ProjectPartnerCoFinancingFundType (code lists): a programme fund, or the partner's own contribution."""

    MainFund = "MainFund", _("Fund")
    PartnerContribution = "PartnerContribution", _("Partner contribution")


class ContributionStatus(models.TextChoices):
    """ProjectPartnerContributionStatus (code lists §9.5): the legal status of a contribution."""

    Public = "Public", _("Public")
    AutomaticPublic = "AutomaticPublic", _("Automatic Public")
    Private = "Private", _("Private")


class CoFinancingLine(models.Model):
    """One co-financing line of a partner: a programme fund with its rate, or the partner-contribution line
    (no fund) whose stored percentage is the remainder to 100 %."""

    fund_type = models.CharField(max_length=20, choices=FundType.choices)
    fund = models.ForeignKey("programme.ProgrammeFund", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="+")
    percentage = models.DecimalField(max_digits=5, decimal_places=2)
    order_nr = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["order_nr", "id"]


class ContributionRow(models.Model):
    """One origin of the partner contribution: a name, a legal status and an amount; `partner` marks the row of
    the partner itself (named with the partner abbreviation)."""

    name = models.CharField(max_length=NAME_MAX, blank=True, default="")
    status = models.CharField(max_length=20, choices=ContributionStatus.choices)
    amount = models.DecimalField(max_digits=17, decimal_places=2)
    partner = models.BooleanField(default=False)
    order_nr = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["order_nr", "id"]


class PartnerCoFinancing(CoFinancingLine):
    """A co-financing line of the partner's (management) budget."""

    project_partner = models.ForeignKey("project_partners.ProjectPartner", on_delete=models.CASCADE,
                                        related_name="cofinancing")

    class Meta(CoFinancingLine.Meta):
        pass


class PartnerContribution(ContributionRow):
    """An origin of the partner contribution to the (management) budget."""

    project_partner = models.ForeignKey("project_partners.ProjectPartner", on_delete=models.CASCADE,
                                        related_name="contributions")

    class Meta(ContributionRow.Meta):
        pass


class PartnerSpfCoFinancing(CoFinancingLine):
    """A co-financing line of the SPF budget of an SPF beneficiary (SPF calls)."""

    project_partner = models.ForeignKey("project_partners.ProjectPartner", on_delete=models.CASCADE,
                                        related_name="spf_cofinancing")

    class Meta(CoFinancingLine.Meta):
        pass


class PartnerSpfContribution(ContributionRow):
    """An origin of the contribution to the SPF budget (all sources are named)."""

    project_partner = models.ForeignKey("project_partners.ProjectPartner", on_delete=models.CASCADE,
                                        related_name="spf_contributions")

    class Meta(ContributionRow.Meta):
        pass
