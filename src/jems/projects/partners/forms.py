"""Forms of the B.1 partner tabs (identity, addresses, contacts, motivation)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jems.core.forms import TranslatableFormField

from . import services, state_aid
from .models import PartnerCollaboratorLevel, PartnerRole, PartnerSubType, PartnerType, VatRecovery
from .nace import NACE_CODES


# form field -> configuration name (code lists, form configuration 10–44) of the fields a call may hide
IDENTITY_CONFIG = {
    "name_in_original_language": "PARTNER_ORIGINAL_NAME_OF_ORGANISATION",
    "name_in_english": "PARTNER_ENGLISH_NAME_OF_ORGANISATION", "department": "PARTNER_DEPARTMENT_UNIT_DIVISION",
    "partner_type": "PARTNER_TYPE", "partner_sub_type": "PARTNER_SUB_TYPE", "nace": "PARTNER_NACE_GROUP_LEVEL",
    "other_identifier_number": "PARTNER_OTHER_IDENTIFIER_NUMBER_AND_DESCRIPTION",
    "other_identifier_description": "PARTNER_OTHER_IDENTIFIER_NUMBER_AND_DESCRIPTION", "pic": "PARTNER_PIC",
    "legal_status": "PARTNER_LEGAL_STATUS", "vat": "PARTNER_VAT_IDENTIFIER", "vat_recovery": "PARTNER_VAT_RECOVERY",
}
ADDRESS_CONFIG = {
    f"{prefix}_{field}": f"PARTNER_{kind}_ADDRESS_{config}"
    for prefix, kind in (("org", "MAIN"), ("dept", "SECONDARY"))
    for field, config in (("country_code", "COUNTRY_AND_NUTS"), ("nuts_region2_code", "COUNTRY_AND_NUTS"),
                          ("nuts_region3_code", "COUNTRY_AND_NUTS"), ("street", "STREET"),
                          ("house_number", "HOUSE_NUMBER"), ("postal_code", "POSTAL_CODE"), ("city", "CITY"))
} | {"org_homepage": "PARTNER_MAIN_ADDRESS_HOMEPAGE"}
CONTACT_CONFIG = {
    f"{prefix}_{field}": f"PARTNER_{kind}_{config}"
    for prefix, kind, fields in (
        ("legal", "LEGAL_REPRESENTATIVE", ("title", "first_name", "last_name")),
        ("contact", "CONTACT_PERSON", ("title", "first_name", "last_name", "email", "telephone")))
    for field in fields for config in [("EMAIL" if field == "email" else field.upper())]
}
MOTIVATION_CONFIG = {"organization_relevance": "PARTNER_MOTIVATION_COMPETENCES",
                     "organization_role": "PARTNER_MOTIVATION_ROLE",
                     "organization_experience": "PARTNER_ROLE_EXPERIENCE"}


def _shown(fields):
    return [bf for bf in fields if not getattr(bf.field, "hidden_by_call", False)]


def _disable(form):
    for field in form.fields.values():
        field.disabled = True


class IdentityForm(forms.Form):
    """The identity tab; translatable texts ask for each input language of the programme."""

    abbreviation = forms.CharField(label=_("Abbreviated name of the organisation"), max_length=15)
    role = forms.ChoiceField(label=_("Role"), choices=PartnerRole.choices, widget=forms.RadioSelect)
    name_in_original_language = forms.CharField(label=_("Name of the organisation in the original language"),
                                                max_length=255, required=False)
    name_in_english = forms.CharField(label=_("Name of the organisation in English"), max_length=255, required=False)
    department = None
    partner_type = forms.ChoiceField(label=_("Type of partner"), required=False,
                                     choices=[("", _("— none —")), *PartnerType.choices])
    partner_sub_type = forms.ChoiceField(label=_("Sub-type of partner"), required=False,
                                         choices=[("", _("— none —")), *PartnerSubType.choices])
    nace = forms.ChoiceField(label=_("NACE group level"), required=False,
                             choices=[("", _("— none —")), *[(c, c.replace("_", ".")) for c in NACE_CODES]])
    other_identifier_number = forms.CharField(label=_("Other identifier number"), max_length=50, required=False)
    other_identifier_description = None
    pic = forms.CharField(label=_("PIC"), max_length=9, required=False)
    legal_status = forms.TypedChoiceField(label=_("Legal status"), required=False, coerce=int, empty_value=None)
    vat = forms.CharField(label=_("VAT number"), max_length=50, required=False)
    vat_recovery = forms.ChoiceField(label=_("Can the partner recover VAT?"), required=False,
                                     choices=[("", _("— none —")), *VatRecovery.choices])

    def __init__(self, *args, languages, legal_statuses, disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"] = TranslatableFormField(languages, max_length=services.DEPARTMENT_MAX,
                                                          label=_("Department / unit / division"))
        self.fields["other_identifier_description"] = TranslatableFormField(
            languages, max_length=services.OTHER_IDENTIFIER_DESCRIPTION_MAX,
            label=_("Description of the other identifier"))
        self.order_fields(["abbreviation", "role", "name_in_original_language", "name_in_english", "department",
                           "partner_type", "partner_sub_type", "nace", "other_identifier_number",
                           "other_identifier_description", "pic", "legal_status", "vat", "vat_recovery"])
        self.fields["legal_status"].choices = [("", _("— none —"))] + legal_statuses
        if disabled:
            _disable(self)


ADDRESS_PREFIXES = (("org", "Organization", _("Organisation address")),
                    ("dept", "Department", _("Department address")))
ADDRESS_TEXTS = (("street", _("Street"), 50), ("house_number", _("House number"), 20),
                 ("postal_code", _("Postal code"), 20), ("city", _("City"), 50), ("homepage", _("Homepage"), 250))
CONTACT_PREFIXES = (("legal", "LegalRepresentative", _("Legal representative")),
                    ("contact", "ContactPerson", _("Contact person")))


class AddressesForm(forms.Form):
    """Both addresses in one form; fields are prefixed org_ / dept_. NUTS choices come from jems.nuts."""

    def __init__(self, *args, countries, nuts2, nuts3, disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        for prefix, _type, _label in ADDRESS_PREFIXES:
            self.fields[f"{prefix}_country_code"] = forms.ChoiceField(label=_("Country"), required=False,
                                                                      choices=[("", _("— none —"))] + countries)
            self.fields[f"{prefix}_nuts_region2_code"] = forms.ChoiceField(label=_("NUTS 2 region"), required=False,
                                                                           choices=[("", _("— none —"))] + nuts2)
            self.fields[f"{prefix}_nuts_region3_code"] = forms.ChoiceField(label=_("NUTS 3 region"), required=False,
                                                                           choices=[("", _("— none —"))] + nuts3)
            for name, label, limit in ADDRESS_TEXTS:
                self.fields[f"{prefix}_{name}"] = forms.CharField(label=label, max_length=limit, required=False)
        if disabled:
            _disable(self)

    def groups(self):
        groups = [(label, _shown(self[name] for name in self.fields if name.startswith(prefix + "_")))
                  for prefix, _type, label in ADDRESS_PREFIXES]
        return [(label, fields) for label, fields in groups if fields]


class ContactsForm(forms.Form):
    """The legal representative and the contact person; fields are prefixed legal_ / contact_."""

    def __init__(self, *args, disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        for prefix, _type, _label in CONTACT_PREFIXES:
            self.fields[f"{prefix}_title"] = forms.CharField(label=_("Title"), max_length=25, required=False)
            self.fields[f"{prefix}_first_name"] = forms.CharField(label=_("First name"), max_length=50,
                                                                  required=False)
            self.fields[f"{prefix}_last_name"] = forms.CharField(label=_("Last name"), max_length=50, required=False)
            self.fields[f"{prefix}_email"] = forms.EmailField(label=_("E-mail"), max_length=255, required=False)
            self.fields[f"{prefix}_telephone"] = forms.RegexField(
                label=_("Telephone"), regex=r"^[0-9+()/-]*$", max_length=25, required=False,
                error_messages={"invalid": _("Use only digits and + ( ) / -.")})
        if disabled:
            _disable(self)

    def groups(self):
        groups = [(label, _shown(self[name] for name in self.fields if name.startswith(prefix + "_")))
                  for prefix, _type, label in CONTACT_PREFIXES]
        return [(label, fields) for label, fields in groups if fields]


class MotivationForm(forms.Form):
    """Organisation relevance, role in the project and experience (translatable)."""

    def __init__(self, *args, languages, disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in (("organization_relevance", _("Which competences and experience does the partner "
                                                         "bring to the project?")),
                            ("organization_role", _("What is the role of the partner in the project?")),
                            ("organization_experience", _("Has the organisation any experience in EU projects?"))):
            self.fields[name] = TranslatableFormField(languages, max_length=services.MOTIVATION_MAX, textarea=True,
                                                      label=label)
        if disabled:
            _disable(self)


STATE_AID_QUESTIONS = (
    (1, _("Does the partner carry out an economic activity in the project, i.e. offer goods or services on a "
          "market?")),
    (2, _("Does the partner, or anyone else, get an economic advantage from the project that it would not get "
          "under normal market conditions?")),
    (3, _("Is the advantage selective, i.e. does it favour certain undertakings or the production of certain "
          "goods?")),
    (4, _("Does the support distort or threaten to distort competition and affect trade between Member "
          "States?")),
)
YES_NO = (("true", _("Yes")), ("false", _("No")))


class StateAidForm(forms.Form):
    """The state-aid self-check; the call's form configuration decides which of its three parts are asked:
    the four criteria with justifications, the relevant activities and the scheme (`parts`)."""

    def __init__(self, *args, languages, activities, schemes, parts, disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        if "criteria" in parts:
            for number, question in STATE_AID_QUESTIONS:
                self.fields[f"answer{number}"] = forms.ChoiceField(label=question, choices=YES_NO, required=False,
                                                                  widget=forms.RadioSelect)
                self.fields[f"justification{number}"] = TranslatableFormField(
                    languages, max_length=state_aid.JUSTIFICATION_MAX, textarea=True,
                    label=_("Justification of criterion %(number)s") % {"number": number})
        if "activities" in parts:
            self.fields["activities"] = forms.TypedMultipleChoiceField(
                label=_("Activities relevant for state aid"), choices=activities, coerce=int, required=False,
                widget=forms.CheckboxSelectMultiple)
        if "scheme" in parts:
            self.fields["state_aid"] = forms.TypedChoiceField(
                label=_("State-aid scheme (GBER or de minimis)"), coerce=int, empty_value=None, required=False,
                choices=[("", _("— none —")), *schemes])
        if disabled:
            _disable(self)

    def questions(self):
        """(number, answer field, justification field) of each criterion asked."""
        return [(n, self[f"answer{n}"], self[f"justification{n}"]) for n, _q in STATE_AID_QUESTIONS
                if f"answer{n}" in self.fields]


class TeamMemberForm(forms.Form):
    """One row of a partner team on the project privileges page."""

    email = forms.EmailField(label=_("E-mail"), required=False)
    level = forms.ChoiceField(label=_("Level"), choices=PartnerCollaboratorLevel.choices)
    gdpr = forms.BooleanField(label=_("Sensitive data (GDPR)"), required=False)


TeamFormSet = forms.formset_factory(TeamMemberForm, extra=1, can_delete=True)
