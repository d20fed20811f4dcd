"""Forms of the co-financing tab: one row form per fund slot and per contribution. The partner-contribution line
is not entered: its percentage is the remainder to 100 % (finance-rules §2.2, UI)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import NAME_MAX, ContributionStatus

DECIMAL = {"inputmode": "decimal"}


class FundRowForm(forms.Form):
    """A fund slot: a fund of the call (or none) and its rate."""

    def __init__(self, *args, number: int, funds: list[tuple[str, str]], disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fund"] = forms.TypedChoiceField(
            label=_("Fund %(n)s") % {"n": number}, required=False, coerce=int, empty_value=None,
            choices=[("", _("— no fund —")), *funds], disabled=disabled)
        self.fields["percentage"] = forms.DecimalField(
            label=_("Co-financing rate of fund %(n)s (%%)") % {"n": number}, required=False, disabled=disabled,
            max_digits=5, decimal_places=2, min_value=0, max_value=100, widget=forms.TextInput(attrs=DECIMAL))

    def clean(self):
        data = super().clean()
        if data.get("fund") is not None and data.get("percentage") is None and "percentage" not in self.errors:
            self.add_error("percentage", _("Enter the co-financing rate of the chosen fund."))
        return data


class ContributionRowForm(forms.Form):
    """A source of the partner contribution; the first row is the partner itself (its name is fixed, its legal
    status Public or Private)."""

    def __init__(self, *args, number: int, own: bool, abbreviation: str, disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.own = own
        statuses = [(c, label) for c, label in ContributionStatus.choices
                    if not (own and c == ContributionStatus.AutomaticPublic)]
        self.fields["name"] = forms.CharField(
            label=_("Source of contribution %(n)s") % {"n": number}, required=False, max_length=NAME_MAX,
            disabled=disabled or own, initial=abbreviation if own else "")
        self.fields["status"] = forms.ChoiceField(
            label=_("Legal status of contribution %(n)s") % {"n": number}, required=False,
            choices=[("", _("— choose —")), *statuses], disabled=disabled)
        self.fields["amount"] = forms.DecimalField(
            label=_("Amount of contribution %(n)s") % {"n": number}, required=False, disabled=disabled,
            max_digits=11, decimal_places=2, min_value=0, widget=forms.TextInput(attrs=DECIMAL))
        if own:
            self.initial["name"] = abbreviation

    def raw(self) -> dict:
        """The values as posted (or initial), usable as the initial data of a fresh unbound form."""
        return {name: self[name].value() for name in self.fields}
