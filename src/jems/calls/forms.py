"""Forms of the call pages. Once a call is published the forms offer only what may still change: fields that
are fixed are disabled, and items already selected are listed as kept (only new ones can be ticked)."""

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jems.core.forms import TranslatableFormField
from jems.core.messages import text_for
from jems.core.translatable import to_api

from . import plugins
from .models import CallStatus, CallType, FlatRateType
from .services import COST_OPTION_FIELDS, DESCRIPTION_MAX, NAME_MAX, PERIOD_MAX, PERIOD_MIN, REAL_COST_FIELDS

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


def text(stored: dict, fallback: str = "") -> str:
    """A translatable value shown in the first language that has a text."""
    entries = to_api(stored)
    return entries[0]["translation"] if entries else fallback


class DateTimeLocalField(forms.DateTimeField):
    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT)
    input_formats = [DATETIME_FORMAT, "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]


class SelectionField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple


class CallFilterForm(forms.Form):
    name = forms.CharField(label=_("Call name"), required=False, max_length=NAME_MAX)
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("All"))] + list(CallStatus.choices))
    type = forms.ChoiceField(label=_("Call type"), required=False, choices=[("", _("All"))] + list(CallType.choices))


class GeneralForm(forms.Form):
    """General call settings. `options` holds the programme items (objectives, strategies, funds, state aids);
    `call` is None when creating."""

    name = forms.CharField(label=_("Call name"), max_length=NAME_MAX)
    type = forms.ChoiceField(label=_("Call type"), choices=CallType.choices, initial=CallType.STANDARD)
    start_date = DateTimeLocalField(label=_("Start date and time"))
    end_date_step1 = DateTimeLocalField(label=_("End date and time of step 1"), required=False,
                                        help_text=_("Set it to make a two-step call; leave it empty for a "
                                                    "one-step call."))
    end_date = DateTimeLocalField(label=_("End date and time"))
    length_of_period = forms.IntegerField(label=_("Period length (months)"), min_value=PERIOD_MIN,
                                          max_value=PERIOD_MAX, initial=6)
    additional_fund_allowed = forms.BooleanField(label=_("Additional fund allowed (partners can combine funds)"),
                                                 required=False)
    direct_contributions_allowed = forms.BooleanField(label=_("Direct contributions allowed"), required=False,
                                                      initial=True)

    def __init__(self, *args, call=None, options, languages, read_only=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        published = bool(call and call.is_published)
        self.fields["description"] = TranslatableFormField(languages, max_length=DESCRIPTION_MAX, textarea=True,
                                                           label=_("Description"))
        self.order_fields(["name", "description"])
        kept = options["kept"]
        self.kept = {key: [label for value, label in options[key] if value in kept[key]] for key in kept}
        for key, label in (("objectives", _("Specific objectives")), ("strategies", _("Strategies")),
                           ("state_aids", _("State aid schemes"))):
            choices = [(value, text_label) for value, text_label in options[key] if value not in kept[key]]
            self.fields[key] = SelectionField(label=label, choices=choices, required=False)
        self.fund_rows = []
        for fund_id, fund_label in options["funds"]:
            keep = fund_id in kept["funds"]
            self.fields[f"fund_{fund_id}"] = forms.BooleanField(label=fund_label, required=False, disabled=keep)
            self.fields[f"rate_{fund_id}"] = forms.DecimalField(
                label=_("Maximum co-financing rate (%%) for %(fund)s") % {"fund": fund_label}, required=False,
                min_value=Decimal(0), max_value=Decimal(100), decimal_places=2)
            self.fields[f"adjustable_{fund_id}"] = forms.BooleanField(
                label=_("Adjustable by partners (%(fund)s)") % {"fund": fund_label}, required=False)
            self.fund_rows.append(fund_id)
        if call is not None:
            self.fields["type"].disabled = True
        if published:
            for name in ("start_date", "length_of_period"):
                self.fields[name].disabled = True
            if call.end_date_step1 is None:
                self.fields["end_date_step1"].disabled = True
        if read_only:
            for bound in self.fields.values():
                bound.disabled = True

    def bound_fund_rows(self):
        return [(self[f"fund_{pk}"], self[f"rate_{pk}"], self[f"adjustable_{pk}"]) for pk in self.fund_rows]

    def clean(self):
        data = super().clean()
        for pk in self.fund_rows:
            if data.get(f"fund_{pk}") and data.get(f"rate_{pk}") is None and f"rate_{pk}" not in self.errors:
                self.add_error(f"rate_{pk}", text_for("call.fund.rate.invalid"))
        return data


def general_initial(call) -> dict:
    if call is None:
        return {}
    tz = timezone.get_current_timezone()
    initial = {
        "name": call.name, "description": call.description, "type": call.type,
        "start_date": call.start_date.astimezone(tz), "end_date": call.end_date.astimezone(tz),
        "end_date_step1": call.end_date_step1.astimezone(tz) if call.end_date_step1 else None,
        "length_of_period": call.length_of_period, "additional_fund_allowed": call.additional_fund_allowed,
        "direct_contributions_allowed": call.direct_contributions_allowed,
    }
    if not call.is_published:
        initial.update({
            "objectives": [str(so.pk) for so in call.specific_objectives.all()],
            "strategies": list(call.strategies),
            "state_aids": [str(a.pk) for a in call.state_aids.all()],
        })
    for row in call.funds.all():
        initial[f"fund_{row.fund_id}"] = True
        initial[f"rate_{row.fund_id}"] = row.rate
        initial[f"adjustable_{row.fund_id}"] = row.adjustable
    return initial


FLAT_RATE_DEFAULTS = {
    FlatRateType.STAFF_COSTS: 20, FlatRateType.OFFICE_AND_ADMINISTRATION_ON_STAFF_COSTS: 15,
    FlatRateType.OFFICE_AND_ADMINISTRATION_ON_OTHER_COSTS: 25,
    FlatRateType.TRAVEL_AND_ACCOMMODATION_ON_STAFF_COSTS: 15, FlatRateType.OTHER_COSTS_ON_STAFF_COSTS: 40,
}
REAL_COST_LABELS = dict(zip(REAL_COST_FIELDS, (_("Staff costs"), _("Travel and accommodation"),
                                               _("External expertise and services"), _("Equipment"),
                                               _("Infrastructure and works")), strict=True))
COST_OPTION_LABELS = dict(zip(COST_OPTION_FIELDS, (_("Allow project-proposed unit costs"),
                                                   _("Allow project-proposed lump sums")), strict=True))


class BudgetForm(forms.Form):
    """Flat rates, lump sums, unit costs, allowed real costs and project-defined cost options."""

    def __init__(self, *args, call, options, read_only=False, **kwargs):
        super().__init__(*args, **kwargs)
        published = call.is_published
        existing = {row.type: row for row in call.flat_rates.all()}
        self.flat_rate_rows = []
        for rate_type in FlatRateType:
            keep = published and rate_type.value in existing
            key = rate_type.value.lower()
            self.fields[f"flat_{key}"] = forms.BooleanField(label=rate_type.label, required=False, disabled=keep)
            self.fields[f"flat_rate_{key}"] = forms.IntegerField(
                label=_("Rate (%%) of %(type)s") % {"type": rate_type.label}, required=False, min_value=1,
                max_value=100, disabled=keep)
            self.fields[f"flat_adjustable_{key}"] = forms.BooleanField(
                label=_("Adjustable by the applicant (up to the rate)"), required=False, disabled=keep)
            self.flat_rate_rows.append((rate_type.value, key))
        kept = options["kept"]
        self.kept = {name: [label for value, label in options[name] if value in kept[name]] for name in kept}
        for name, label in (("lump_sums", _("Lump sums")), ("unit_costs", _("Unit costs"))):
            self.fields[name] = SelectionField(label=label, required=False, choices=[
                (value, text_label) for value, text_label in options[name] if value not in kept[name]])
        for name in REAL_COST_FIELDS:
            self.fields[name] = forms.BooleanField(label=REAL_COST_LABELS[name], required=False,
                                                   disabled=published and getattr(call, name))
        for name in COST_OPTION_FIELDS:
            self.fields[name] = forms.BooleanField(label=COST_OPTION_LABELS[name], required=False,
                                                   disabled=published and getattr(call, name))
        if read_only:
            for bound in self.fields.values():
                bound.disabled = True

    def bound_flat_rates(self):
        return [(self[f"flat_{key}"], self[f"flat_rate_{key}"], self[f"flat_adjustable_{key}"])
                for _type, key in self.flat_rate_rows]

    def clean(self):
        data = super().clean()
        for _type, key in self.flat_rate_rows:
            if data.get(f"flat_{key}") and data.get(f"flat_rate_{key}") is None and f"flat_rate_{key}" not in self.errors:
                self.add_error(f"flat_rate_{key}", text_for("call.flat.rate.out.of.range"))
        return data


def budget_initial(call) -> dict:
    initial = {}
    for row in call.flat_rates.all():
        key = row.type.lower()
        initial.update({f"flat_{key}": True, f"flat_rate_{key}": row.rate, f"flat_adjustable_{key}": row.adjustable})
    for rate_type, rate in FLAT_RATE_DEFAULTS.items():
        initial.setdefault(f"flat_rate_{rate_type.value.lower()}", rate)
    if not call.is_published:
        initial["lump_sums"] = [str(item.pk) for item in call.lump_sums.all()]
        initial["unit_costs"] = [str(item.pk) for item in call.unit_costs.all()]
    for name in (*REAL_COST_FIELDS, *COST_OPTION_FIELDS):
        initial[name] = getattr(call, name)
    return initial


class PluginForm(forms.Form):
    """The plugin of each check; the step-1 check only in two-step calls."""

    def __init__(self, *args, call, read_only=False, **kwargs):
        super().__init__(*args, **kwargs)
        for field_name, _api, plugin_type, label in plugins.SLOTS:
            if field_name == "first_step_pre_submission_check_plugin_key" and not call.is_two_step:
                continue
            choices = [("", _("— not selected —")), *plugins.options(plugin_type)]
            self.fields[field_name] = forms.ChoiceField(label=label, choices=choices, required=False,
                                                        disabled=read_only)
