"""Forms of the lump-sum and unit-cost pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jems.core.forms import TranslatableFormField

from . import services
from .codes import (
    JEMS_CURRENCIES,
    PAYMENT_CLAIM_BASED_ON_SCO,
    BudgetCategory,
    PaymentClaim,
    ProgrammeLumpSumPhase,
    currency_name,
)

DECIMAL_ATTRS = {"inputmode": "decimal", "autocomplete": "off"}
YES_NO = [("true", _("Yes")), ("false", _("No"))]


def _claim_choices(kind: str):
    return [(value, PAYMENT_CLAIM_BASED_ON_SCO[kind] if value == PaymentClaim.BasedOnSco else label)
            for value, label in PaymentClaim.choices]


def _amount(label, required=True, help_text=""):
    return forms.DecimalField(label=label, required=required, help_text=help_text,
                              widget=forms.TextInput(attrs=DECIMAL_ATTRS))


class LumpSumForm(forms.Form):
    version = forms.CharField(widget=forms.HiddenInput, required=False)
    cost = _amount(_("Lump sum cost (EUR)"), help_text=_("From 0.01 to 999,999,999.99, two decimals."))
    phase = forms.ChoiceField(label=_("Phase of the project to which the lump sum is related"),
                              choices=ProgrammeLumpSumPhase.choices, widget=forms.RadioSelect)
    categories = forms.MultipleChoiceField(label=_("Cost categories covered"), required=False,
                                           choices=BudgetCategory.choices, widget=forms.CheckboxSelectMultiple,
                                           help_text=_("At least two cost categories."))
    splitting_allowed = forms.TypedChoiceField(label=_("Allow splitting of the lump sum between partners"),
                                               choices=YES_NO, coerce=lambda v: v == "true",
                                               widget=forms.RadioSelect)
    fast_track = forms.BooleanField(
        label=_("This is a Fast Track Lump Sum - will take a shortcut to payment (without reporting)"),
        required=False)
    payment_claim = forms.ChoiceField(
        label=_("In case your programme claims payments by EC based on Union contribution, select the type"),
        choices=_claim_choices("lump_sum"), initial=PaymentClaim.IncurredByBeneficiaries,
        widget=forms.RadioSelect)

    def __init__(self, *args, languages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"] = TranslatableFormField(languages, max_length=services.NAME_MAX, required=True,
                                                    label=_("Lump sum name"))
        self.fields["description"] = TranslatableFormField(languages, max_length=services.DESCRIPTION_MAX,
                                                           textarea=True, label=_("Lump sum description"))
        self.order_fields(["name", "description", "cost", "phase", "categories", "splitting_allowed", "fast_track",
                           "payment_claim"])


CURRENCY_CHOICES = [("", _("No foreign currency"))] + [
    (code, f"{code} – {currency_name(code)}") for code in sorted(JEMS_CURRENCIES) if code != "EUR"]


class UnitCostForm(forms.Form):
    version = forms.CharField(widget=forms.HiddenInput, required=False)
    cost_per_unit = _amount(_("Cost per unit (EUR)"), help_text=_("From 0.01 to 999,999,999.99, two decimals."))
    foreign_currency_code = forms.ChoiceField(label=_("Foreign currency"), required=False, choices=CURRENCY_CHOICES,
                                              help_text=_("Optional: the cost per unit also in another currency."))
    cost_per_unit_foreign_currency = _amount(_("Cost per unit in the foreign currency"), required=False)
    one_cost_category = forms.TypedChoiceField(
        label=_("Cost categories"), coerce=lambda v: v == "true", widget=forms.RadioSelect,
        choices=[("true", _("One cost category")), ("false", _("Multiple cost categories"))],
        help_text=_("A unit cost of one category (not office and administration) counts like real costs of that "
                    "category; one of several categories (at least two) has its own budget line."))
    categories = forms.MultipleChoiceField(label=_("Cost categories covered"), required=False,
                                           choices=BudgetCategory.choices, widget=forms.CheckboxSelectMultiple)
    payment_claim = forms.ChoiceField(
        label=_("In case your programme claims payments by EC based on Union contribution, select the type"),
        choices=_claim_choices("unit_cost"), initial=PaymentClaim.IncurredByBeneficiaries,
        widget=forms.RadioSelect)

    def __init__(self, *args, languages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"] = TranslatableFormField(languages, max_length=services.NAME_MAX, required=True,
                                                    label=_("Unit cost name"))
        self.fields["description"] = TranslatableFormField(languages, max_length=services.DESCRIPTION_MAX,
                                                           textarea=True,
                                                           label=_("Description of the unit cost / staff function"))
        self.fields["type"] = TranslatableFormField(languages, max_length=services.UNIT_TYPE_MAX,
                                                    label=_("Unit type"))
        self.fields["justification"] = TranslatableFormField(languages, max_length=services.JUSTIFICATION_MAX,
                                                             textarea=True, label=_("Justification"))
        self.order_fields(["name", "description", "type", "justification", "cost_per_unit", "foreign_currency_code",
                           "cost_per_unit_foreign_currency", "one_cost_category", "categories", "payment_claim"])
