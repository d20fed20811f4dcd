"""Section C of the application form: C.1 overall objective, C.2 relevance and context, C.3 partnership,
C.7 management and C.8 long-term plans (features §4.5). One row per project; the C.2 tables (at most 20 rows
each) are stored as JSON lists on the row so that every read is one query whatever the number of rows."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from jems.core.translatable import TranslatableField
from jems.projects.models import Project


class TargetGroup(models.TextChoices):
    """ProjectTargetGroup (code-lists §3.1): C.2.4 target groups and C.2.4a SPF recipient groups."""

    LocalPublicAuthority = "LocalPublicAuthority", _("Local public authority")
    RegionalPublicAuthority = "RegionalPublicAuthority", _("Regional public authority")
    NationalPublicAuthority = "NationalPublicAuthority", _("National public authority")
    SectoralAgency = "SectoralAgency", _("Sectoral agency")
    InfrastructureAndServiceProvider = "InfrastructureAndServiceProvider", _(
        "Infrastructure and (public) service provider")
    InterestGroups = "InterestGroups", _("Interest groups including NGOs")
    HigherEducationOrganisations = "HigherEducationOrganisations", _("Higher education and research organisations")
    EducationTrainingCentreAndSchool = "EducationTrainingCentreAndSchool", _("Education/training center and school")
    EnterpriseExceptSme = "EnterpriseExceptSme", _("Enterprise, except SME")
    Sme = "Sme", _("SME")
    BusinessSupportOrganisation = "BusinessSupportOrganisation", _("Business support organisation")
    Egtc = "Egtc", _("EGTC")
    InternationalOrganisationEeig = "InternationalOrganisationEeig", _("International organisation, EEIG")
    GeneralPublic = "GeneralPublic", _("General public")
    Hospitals = "Hospitals", _("Hospitals and medical centres")
    CrossBorderLegalBody = "CrossBorderLegalBody", _("Cross-border legal body")
    Other = "Other", _("Other")


class PrincipleEffect(models.TextChoices):
    """ProjectHorizontalPrinciplesEffect (code-lists §9.4)."""

    PositiveEffects = "PositiveEffects", _("positive effects")
    Neutral = "Neutral", _("neutral")
    NegativeEffects = "NegativeEffects", _("negative effects")


class ProjectDescription(models.Model):
    """The C.1, C.2, C.3, C.7 and C.8 data of one project (the live, current version)."""

    project = models.OneToOneField(Project, on_delete=models.CASCADE, primary_key=True, related_name="description")
    # C.1
    overall_objective = TranslatableField()
    # C.2
    territorial_challenge = TranslatableField()
    common_challenge = TranslatableField()
    transnational_cooperation = TranslatableField()
    benefits = models.JSONField(default=list, blank=True, help_text="[{group, specification{lang: text}}]")
    spf_recipients = models.JSONField(default=list, blank=True,
                                      help_text="[{recipientGroup, specification{lang: text}}]")
    strategies = models.JSONField(default=list, blank=True, help_text="[{strategy, specification{lang: text}}]")
    synergies = models.JSONField(default=list, blank=True, help_text="[{synergy{..}, specification{..}}]")
    available_knowledge = TranslatableField()
    # C.3
    partnership = TranslatableField()
    # C.7
    coordination = TranslatableField()
    quality_assurance = TranslatableField()
    communication = TranslatableField()
    financial_management = TranslatableField()
    joint_development = models.BooleanField(default=False)
    joint_implementation = models.BooleanField(default=False)
    joint_staffing = models.BooleanField(default=False)
    joint_financing = models.BooleanField(default=False)
    joint_development_description = TranslatableField()
    joint_implementation_description = TranslatableField()
    joint_staffing_description = TranslatableField()
    joint_financing_description = TranslatableField()
    sustainable_development_effect = models.CharField(max_length=20, choices=PrincipleEffect.choices, null=True,
                                                      blank=True)
    equal_opportunities_effect = models.CharField(max_length=20, choices=PrincipleEffect.choices, null=True,
                                                  blank=True)
    sexual_equality_effect = models.CharField(max_length=20, choices=PrincipleEffect.choices, null=True, blank=True)
    sustainable_development_description = TranslatableField()
    equal_opportunities_description = TranslatableField()
    sexual_equality_description = TranslatableField()
    # C.8
    ownership = TranslatableField()
    durability = TranslatableField()
    transferability = TranslatableField()

    def __str__(self):
        return f"Description of project {self.project_id}"
