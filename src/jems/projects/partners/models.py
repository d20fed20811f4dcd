"""B.1 project partners: identity, addresses, contacts and motivation (features §4.3)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from jems.core.translatable import TranslatableField

MAX_PARTNERS = 50  # features §0


class PartnerRole(models.TextChoices):
    LEAD_PARTNER = "LEAD_PARTNER", _("Lead partner")
    PARTNER = "PARTNER", _("Partner")


class PartnerType(models.TextChoices):
    """The 17 target-group types of the contract (ProjectTargetGroupDTO)."""

    LocalPublicAuthority = "LocalPublicAuthority", _("Local public authority")
    RegionalPublicAuthority = "RegionalPublicAuthority", _("Regional public authority")
    NationalPublicAuthority = "NationalPublicAuthority", _("National public authority")
    SectoralAgency = "SectoralAgency", _("Sectoral agency")
    InfrastructureAndServiceProvider = "InfrastructureAndServiceProvider", _("Infrastructure and (public) service provider")
    InterestGroups = "InterestGroups", _("Interest groups including NGOs")
    HigherEducationOrganisations = "HigherEducationOrganisations", _("Higher education and research organisations")
    EducationTrainingCentreAndSchool = "EducationTrainingCentreAndSchool", _("Education/training centre and school")
    EnterpriseExceptSme = "EnterpriseExceptSme", _("Enterprise, except SME")
    Sme = "Sme", _("SME")
    BusinessSupportOrganisation = "BusinessSupportOrganisation", _("Business support organisation")
    Egtc = "Egtc", _("EGTC")
    InternationalOrganisationEeig = "InternationalOrganisationEeig", _("International organisation, EEIG")
    GeneralPublic = "GeneralPublic", _("General public")
    Hospitals = "Hospitals", _("Hospitals and medical centres")
    CrossBorderLegalBody = "CrossBorderLegalBody", _("Cross-border legal body")
    Other = "Other", _("Other")


class PartnerSubType(models.TextChoices):
    MICRO_ENTERPRISE = "MICRO_ENTERPRISE", _("Micro enterprise")
    SMALL_ENTERPRISE = "SMALL_ENTERPRISE", _("Small enterprise")
    MEDIUM_SIZED_ENTERPRISE = "MEDIUM_SIZED_ENTERPRISE", _("Medium-sized enterprise")
    LARGE_ENTERPRISE = "LARGE_ENTERPRISE", _("Large enterprise")


class VatRecovery(models.TextChoices):
    Yes = "Yes", _("Yes")
    No = "No", _("No")
    Partly = "Partly", _("Partly")


class AddressType(models.TextChoices):
    Organization = "Organization", _("Organisation address")
    Department = "Department", _("Department address")


class ContactType(models.TextChoices):
    LegalRepresentative = "LegalRepresentative", _("Legal representative")
    ContactPerson = "ContactPerson", _("Contact person")


class ProjectPartner(models.Model):
    """One partner of a project's application form; the lead partner has sort number 1."""

    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="partners")
    sort_number = models.PositiveIntegerField(default=0)
    role = models.CharField(max_length=16, choices=PartnerRole.choices)
    abbreviation = models.CharField(max_length=15)
    name_in_original_language = models.CharField(max_length=255, blank=True, default="")
    name_in_english = models.CharField(max_length=255, blank=True, default="")
    department = TranslatableField()
    partner_type = models.CharField(max_length=40, choices=PartnerType.choices, blank=True, default="")
    partner_sub_type = models.CharField(max_length=30, choices=PartnerSubType.choices, blank=True, default="")
    nace = models.CharField(max_length=10, blank=True, default="")
    other_identifier_number = models.CharField(max_length=50, blank=True, default="")
    other_identifier_description = TranslatableField()
    pic = models.CharField(max_length=9, blank=True, default="")
    legal_status = models.ForeignKey("programme.LegalStatus", null=True, blank=True, on_delete=models.PROTECT)
    vat = models.CharField(max_length=50, blank=True, default="")
    vat_recovery = models.CharField(max_length=10, choices=VatRecovery.choices, blank=True, default="")
    active = models.BooleanField(default=True)
    organization_relevance = TranslatableField()
    organization_role = TranslatableField()
    organization_experience = TranslatableField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sort_number", "id"]
        constraints = [models.UniqueConstraint(fields=["project", "abbreviation"], name="partner_abbreviation_unique")]

    def __str__(self):
        return self.abbreviation


class PartnerAddress(models.Model):
    """The organisation or department address of a partner (NUTS codes from jems.nuts)."""

    partner = models.ForeignKey(ProjectPartner, on_delete=models.CASCADE, related_name="addresses")
    type = models.CharField(max_length=20, choices=AddressType.choices)
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
    homepage = models.CharField(max_length=250, blank=True, default="")

    class Meta:
        ordering = ["type"]
        constraints = [models.UniqueConstraint(fields=["partner", "type"], name="partner_address_type_unique")]


class PartnerContact(models.Model):
    """The legal representative or contact person of a partner."""

    partner = models.ForeignKey(ProjectPartner, on_delete=models.CASCADE, related_name="contacts")
    type = models.CharField(max_length=20, choices=ContactType.choices)
    title = models.CharField(max_length=25, blank=True, default="")
    first_name = models.CharField(max_length=50, blank=True, default="")
    last_name = models.CharField(max_length=50, blank=True, default="")
    email = models.CharField(max_length=255, blank=True, default="")
    telephone = models.CharField(max_length=25, blank=True, default="")

    class Meta:
        ordering = ["type"]
        constraints = [models.UniqueConstraint(fields=["partner", "type"], name="partner_contact_type_unique")]


class PartnerStateAid(models.Model):
    """The state-aid self-check of a partner (features §4.9): four criteria answered yes/no (None while not
    answered) with a translatable justification each, the relevant C.4 activities the partner is involved
    in, and the programme's state-aid scheme (GBER or de minimis) that applies."""

    partner = models.OneToOneField(ProjectPartner, on_delete=models.CASCADE, related_name="state_aid")
    answer1 = models.BooleanField(null=True, blank=True)
    justification1 = TranslatableField()
    answer2 = models.BooleanField(null=True, blank=True)
    justification2 = TranslatableField()
    answer3 = models.BooleanField(null=True, blank=True)
    justification3 = TranslatableField()
    answer4 = models.BooleanField(null=True, blank=True)
    justification4 = TranslatableField()
    activities = models.ManyToManyField("project_workpackages.Activity", blank=True, related_name="state_aids")
    state_aid = models.ForeignKey("programme.StateAid", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="partner_state_aids")


class PartnerCollaboratorLevel(models.TextChoices):
    """Jems `PartnerCollaboratorLevel`."""

    VIEW = "VIEW", _("View")
    EDIT = "EDIT", _("Edit")


class PartnerCollaborator(models.Model):
    """A member of a partner team (features §4.13): an applicant-side user with VIEW or EDIT on the partner's
    reporting and contracting data, and the GDPR flag that unlocks sensitive data. Counts as project viewer."""

    partner = models.ForeignKey(ProjectPartner, on_delete=models.CASCADE, related_name="collaborators")
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="partner_collaborations")
    level = models.CharField(max_length=4, choices=PartnerCollaboratorLevel.choices)
    gdpr = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["partner", "user"], name="partner_collaborator_unique")]
