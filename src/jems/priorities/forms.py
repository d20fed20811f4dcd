"""Forms of the priority and indicator pages. The specific objectives of a priority (with their dimension
codes) are read from the request by `read_specific_objectives`, because which inputs exist depends on the
chosen policy objective."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from jems.core.forms import TranslatableFormField

from . import services
from .codes import CONFIGURABLE_DIMENSIONS, ProgrammeObjective, ProgrammeObjectivePolicy, policies_of
from .indicator_codes import OUTPUT_INDICATOR_CODES, RESULT_INDICATOR_CODES

DECIMAL_ATTRS = {"inputmode": "decimal", "autocomplete": "off"}


class PriorityForm(forms.Form):
    version = forms.CharField(widget=forms.HiddenInput, required=False)
    code = forms.CharField(label=_("Priority code"), max_length=services.PRIORITY_CODE_MAX,
                           help_text=_("The programme's code of the priority, e.g. P1."))
    objective = forms.ChoiceField(label=_("Policy objective"),
                                  choices=[("", _("Select a policy objective"))] + [
                                      (value, format_lazy("{} – {}", value, label)) for value, label in ProgrammeObjective.choices])

    def __init__(self, *args, languages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"] = TranslatableFormField(languages, max_length=services.PRIORITY_TITLE_MAX,
                                                     label=_("Priority title"))
        self.order_fields(["code", "title", "objective"])


def read_specific_objectives(data, objective: str | None) -> dict[str, dict]:
    """The specific objectives of `objective` as the form sent them: {policy: {"selected", "code", "dims"}}
    (unselected ones keep the code typed for them)."""
    if objective not in ProgrammeObjective.values:
        return {}
    chosen = set(data.getlist("so"))
    rows = {}
    for policy in policies_of(objective):
        rows[policy] = {
            "selected": policy in chosen,
            "code": (data.get(f"so-{policy}-code") or "").strip(),
            "dims": {dim: [c for c in data.getlist(f"so-{policy}-{dim}") if c] for dim in CONFIGURABLE_DIMENSIONS},
        }
    return rows


def stored_specific_objectives(priority) -> dict[str, dict]:
    """The specific objectives of a saved priority in the same shape."""
    rows = {}
    for so in priority.specific_objectives.all():
        rows[so.programme_objective_policy] = {
            "selected": True, "code": so.code,
            "dims": {dim: list(so.dimension_codes.get(dim, [])) for dim in CONFIGURABLE_DIMENSIONS},
            "other_dims": {dim: codes for dim, codes in so.dimension_codes.items()
                           if dim not in CONFIGURABLE_DIMENSIONS},
        }
    return rows


# --- indicators ----------------------------------------------------------------------------------------


def _code_choices(catalogue: dict[str, tuple[str, str]]):
    return [("", _("Not applicable (programme-specific indicator)"))] + [
        (code, f"{code} – {name}") for code, (name, _unit) in catalogue.items()]


class _IndicatorForm(forms.Form):
    CATALOGUE: dict[str, tuple[str, str]] = {}

    version = forms.CharField(widget=forms.HiddenInput, required=False)
    identifier = forms.CharField(label=_("ID"), max_length=services.IDENTIFIER_MAX,
                                 help_text=_("The programme's own identifier of the indicator, unique."))

    def __init__(self, *args, languages, objectives, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"] = forms.ChoiceField(
            label=_("Indicator code"), required=False, choices=_code_choices(self.CATALOGUE),
            help_text=_("Choosing an EU common indicator fills in its name and measurement unit where you leave "
                        "them empty."))
        self.fields["name"] = TranslatableFormField(languages, max_length=services.NAME_MAX, label=_("Name"))
        self.fields["specific_objective"] = forms.ChoiceField(
            label=_("Specific objective"),
            choices=[("", _("Select a specific objective"))] + list(objectives))
        self.fields["measurement_unit"] = TranslatableFormField(languages, max_length=services.UNIT_MAX,
                                                                label=_("Measurement unit"))

    def prefill_from_code(self, languages) -> dict:
        """The cleaned data with the EU indicator's name and unit where they were left empty."""
        data = dict(self.cleaned_data)
        known = self.CATALOGUE.get(data.get("code") or "")
        if known:
            name, unit = known
            if not data.get("name"):
                data["name"] = {code: name for code in languages}
            if not data.get("measurement_unit"):
                data["measurement_unit"] = {code: unit for code in languages}
        return data


def _decimal(label):
    return forms.DecimalField(label=label, required=False, widget=forms.TextInput(attrs=DECIMAL_ATTRS))


class OutputIndicatorForm(_IndicatorForm):
    CATALOGUE = OUTPUT_INDICATOR_CODES

    def __init__(self, *args, results, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["milestone"] = _decimal(_("Milestone (2024)"))
        self.fields["final_target"] = _decimal(_("Final target (2029)"))
        self.fields["result_indicator"] = forms.TypedChoiceField(
            label=_("Result indicator"), required=False, coerce=int, empty_value=None,
            choices=[("", _("No result indicator"))] + list(results),
            help_text=_("The result indicator this output contributes to."))


class ResultIndicatorForm(_IndicatorForm):
    CATALOGUE = RESULT_INDICATOR_CODES

    def __init__(self, *args, languages, **kwargs):
        super().__init__(*args, languages=languages, **kwargs)
        self.fields["baseline"] = _decimal(_("Baseline"))
        self.fields["reference_year"] = forms.CharField(label=_("Reference year"), required=False,
                                                        max_length=services.REFERENCE_YEAR_MAX)
        self.fields["final_target"] = _decimal(_("Final target (2029)"))
        self.fields["source_of_data"] = TranslatableFormField(languages, max_length=services.SOURCE_MAX,
                                                              textarea=True, label=_("Source of data"))
        self.fields["comment"] = TranslatableFormField(languages, max_length=services.COMMENT_MAX, textarea=True,
                                                       label=_("Comment"))


INDICATOR_FIELD_MAP = {"programmeObjectivePolicy": "specific_objective", "resultIndicatorId": "result_indicator"}


def policy_label(policy: str) -> str:
    return ProgrammeObjectivePolicy(policy).label
