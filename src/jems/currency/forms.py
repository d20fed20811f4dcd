"""Forms of the conversion-rates page: the month to fetch or import, and the rate file."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .services import MAX_YEAR, MIN_YEAR

MONTHS = [(m, f"{m:02d}") for m in range(1, 13)]


class MonthForm(forms.Form):
    """The month whose rates are fetched from InforEuro."""

    year = forms.IntegerField(label=_("Year"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    month = forms.TypedChoiceField(label=_("Month"), choices=MONTHS, coerce=int)


class ImportForm(MonthForm):
    """A month and an InforEuro rate file (JSON, XML or CSV)."""

    file = forms.FileField(label=_("Rate file (InforEuro JSON, XML or CSV)"))
