"""The form of a B.2 associated organisation: partner, names, address, two contacts, role description."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jems.core.forms import TranslatableFormField
from jems.projects.partners.forms import ADDRESS_TEXTS, CONTACT_PREFIXES

from . import services

GROUPS = (("identity", _("Identity")), ("address", _("Address")), ("legal", _("Legal representative")),
          ("contact", _("Contact person")), ("role", _("Role in the project")))


class OrganizationForm(forms.Form):
    """All sections of an associated organisation; contact fields are prefixed legal_ / contact_."""

    def __init__(self, *args, languages, partners, countries, nuts2, nuts3, disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        f = self.fields
        f["partner"] = forms.TypedChoiceField(label=_("Partner the organisation is associated with"), coerce=int,
                                              choices=[("", _("— choose a partner —"))] + partners)
        f["name_in_original_language"] = forms.CharField(label=_("Name of the organisation in the original language"),
                                                         max_length=services.NAME_MAX)
        f["name_in_english"] = forms.CharField(label=_("Name of the organisation in English"),
                                               max_length=services.NAME_MAX, required=False)
        f["country_code"] = forms.ChoiceField(label=_("Country"), required=False,
                                              choices=[("", _("— none —"))] + countries)
        f["nuts_region2_code"] = forms.ChoiceField(label=_("NUTS 2 region"), required=False,
                                                   choices=[("", _("— none —"))] + nuts2)
        f["nuts_region3_code"] = forms.ChoiceField(label=_("NUTS 3 region"), required=False,
                                                   choices=[("", _("— none —"))] + nuts3)
        for name, label, limit in ADDRESS_TEXTS:
            f[name] = forms.CharField(label=label, max_length=limit, required=False)
        for prefix, _type, _label in CONTACT_PREFIXES:
            f[f"{prefix}_title"] = forms.CharField(label=_("Title"), max_length=25, required=False)
            f[f"{prefix}_first_name"] = forms.CharField(label=_("First name"), max_length=50, required=False)
            f[f"{prefix}_last_name"] = forms.CharField(label=_("Last name"), max_length=50, required=False)
            f[f"{prefix}_email"] = forms.EmailField(label=_("E-mail"), max_length=255, required=False)
            f[f"{prefix}_telephone"] = forms.RegexField(
                label=_("Telephone"), regex=r"^[0-9+()/-]*$", max_length=25, required=False,
                error_messages={"invalid": _("Use only digits and + ( ) / -.")})
        f["role_description"] = TranslatableFormField(languages, max_length=services.ROLE_DESCRIPTION_MAX,
                                                      textarea=True, label=_("Role of the organisation in the project"))
        if disabled:
            for field in f.values():
                field.disabled = True

    def groups(self):
        address = ("country_code", "nuts_region2_code", "nuts_region3_code", *(t[0] for t in ADDRESS_TEXTS))
        members = {"identity": ("partner", "name_in_original_language", "name_in_english"), "address": address,
                   "role": ("role_description",)}
        return [(label, [self[name] for name in self.fields
                         if name in members.get(key, ()) or name.startswith(key + "_") and key in ("legal", "contact")])
                for key, label in GROUPS]
