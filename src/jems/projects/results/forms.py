"""The C.5 results page form: one row form per result. Field names are the API keys of `parts`, so that the
service's errors (`results[i].<key>`) land on the right field; only the fields the call shows are present."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jems.priorities.ui import text_in
from jems.projects.workpackages.widgets import Options, QuickHidden, QuickSelect, QuickTextField

from .models import MAX_DESCRIPTION

# API key -> form-configuration field (code-lists fields 128–132)
CONFIG = {
    "programmeResultIndicatorId": "PROJECT_RESULTS_PROGRAMME_RESULT_INDICATOR_AMD_MEASUREMENT_UNIT",
    "baseline": "PROJECT_RESULTS_BASELINE",
    "targetValue": "PROJECT_RESULTS_TARGET_VALUE",
    "periodNumber": "PROJECT_RESULTS_DELIVERY_PERIOD",
    "description": "PROJECT_RESULTS_DESCRIPTION",
}


def indicator_options(indicators) -> Options:
    """Select options "R1 – name (measurement unit)" of result indicators (built once per page)."""
    options = [("", _("— choose —"))]
    for indicator in indicators:
        unit = text_in(indicator.measurement_unit)
        label = f"{indicator.identifier} – {text_in(indicator.name)}" + (f" ({unit})" if unit else "")
        options.append((str(indicator.pk), label))
    return Options(options)


def period_options(periods: list[dict]) -> Options:
    """Select options "Period 1 (months 1–6)" (built once per page)."""
    return Options([("", _("— choose —"))] + [
        (str(p["number"]), _("Period %(n)s (months %(start)s–%(end)s)") % {
            "n": p["number"], "start": p["start"], "end": p["end"]}) for p in periods])


class ResultRowForm(forms.Form):
    """One result: indicator, baseline, target value, delivery period, description; the number it had (hidden)
    and, for contracted projects, whether it is deactivated. Selects take `Options` shared by all rows."""

    def __init__(self, *args, languages, indicators: Options, periods: Options, visible: set[str], contracted=False,
                 disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resultNumber"] = forms.IntegerField(required=False, widget=QuickHidden)
        shown = {key for key, config in CONFIG.items() if config in visible}
        if "programmeResultIndicatorId" in shown:
            self.fields["programmeResultIndicatorId"] = forms.TypedChoiceField(
                label=_("Programme result indicator and measurement unit"), required=False, coerce=int,
                empty_value=None, choices=indicators, disabled=disabled, widget=QuickSelect,
                help_text="" if len(indicators) > 1 else _("The indicators of the specific objective chosen in A.1 are "
                                                  "offered here."))
        if "baseline" in shown:
            self.fields["baseline"] = forms.DecimalField(label=_("Baseline"), required=False, disabled=disabled,
                                                         widget=forms.TextInput(attrs={"inputmode": "decimal"}))
        if "targetValue" in shown:
            self.fields["targetValue"] = forms.DecimalField(label=_("Target value"), required=False,
                                                            disabled=disabled,
                                                            widget=forms.TextInput(attrs={"inputmode": "decimal"}))
        if "periodNumber" in shown:
            self.fields["periodNumber"] = forms.TypedChoiceField(
                label=_("Delivery period"), required=False, coerce=int, empty_value=None,
                choices=periods, disabled=disabled, widget=QuickSelect)
        if "description" in shown:
            self.fields["description"] = QuickTextField(languages, max_length=MAX_DESCRIPTION,
                                                        label=_("Result description"), disabled=disabled)
        if contracted:
            self.fields["deactivated"] = forms.BooleanField(label=_("Deactivated"), required=False,
                                                            disabled=disabled)

    def raw(self) -> dict:
        """The values as posted (or initial), usable as the initial data of a fresh unbound form."""
        return {name: self[name].value() for name in self.fields}
