"""Forms of the section E pages: one form per E.1 row (lump sum, period, one amount per partner)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CLOSURE_PERIOD, PREPARATION_PERIOD

AMOUNT_ATTRS = {"inputmode": "decimal", "autocomplete": "off", "class": "input--amount"}


def period_choices(period_count: int) -> list[tuple[str, str]]:
    """The period select: none yet, Preparation, Period 1..n, Closure (finance-rules §3)."""
    return ([("", _("Choose a period")), (str(PREPARATION_PERIOD), _("Preparation"))]
            + [(str(k), _("Period %(number)s") % {"number": k}) for k in range(1, period_count + 1)]
            + [(str(CLOSURE_PERIOD), _("Closure"))])


def amount_field(partner_id: int) -> str:
    return f"amount_{partner_id}"


class LumpSumRowForm(forms.Form):
    """One E.1 row. Amounts stay text here: the service checks them (scale ≤ 2, 0 … 999 999 999.99) so that its
    messages appear on the right input."""

    programmeLumpSumId = forms.ChoiceField(label=_("Lump sum"), required=False)
    period = forms.ChoiceField(label=_("Period"), required=False)

    def __init__(self, *args, number: int, lump_sums: list[tuple[str, str]], period_count: int,
                 partners: list[dict], disabled: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.number = number
        self.partners = partners
        self.fields["programmeLumpSumId"].choices = [("", _("Choose a lump sum")), *lump_sums]
        self.fields["programmeLumpSumId"].label = _("Lump sum of row %(n)s") % {"n": number}
        self.fields["period"].choices = period_choices(period_count)
        self.fields["period"].label = _("Period of row %(n)s") % {"n": number}
        for partner in partners:
            self.fields[amount_field(partner["id"])] = forms.CharField(
                label=_("Amount of %(partner)s in row %(n)s (EUR)") % {"partner": partner["label"], "n": number},
                required=False, widget=forms.TextInput(attrs=AMOUNT_ATTRS))
        for field in self.fields.values():
            field.disabled = disabled

    def clean_programmeLumpSumId(self):  # noqa: N802 (the API key)
        value = self.cleaned_data["programmeLumpSumId"]
        if not value:
            raise forms.ValidationError(_("Choose a lump sum."), code="required")
        return int(value)

    def clean_period(self):
        value = self.cleaned_data["period"]
        return int(value) if value != "" else None

    def shares(self) -> list[tuple[int, str]]:
        """(partner id, amount text) of the partners with an amount entered, in column order."""
        return [(partner["id"], self.cleaned_data[amount_field(partner["id"])].strip())
                for partner in self.partners if self.cleaned_data.get(amount_field(partner["id"]), "").strip()]
