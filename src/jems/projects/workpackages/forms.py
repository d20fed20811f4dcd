"""Forms of the C.4 pages. Field names are the API keys of `parts` so that service errors
(`<key>.language.<code>`, `address.<key>`) map onto them directly. Only the fields the call shows are built."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import parts
from .widgets import Options, QuickCheckboxes, QuickHidden, QuickSelect, QuickTextField

OBJECTIVE_FIELDS = {
    "name": (_("Work package title"), "PROJECT_WORK_PACKAGE_TITLE"),
    "specificObjective": (_("Your work package objectives"), "PROJECT_SPECIFIC_OBJECTIVE"),
    "objectiveAndAudience": (_("Communication objectives and target audience"),
                             "PROJECT_COMMUNICATION_OBJECTIVES_AND_TARGET_AUDIENCE"),
}
INVESTMENT_TEXT_FIELDS = {
    "title": (_("Investment title"), "PROJECT_INVESTMENT_TITLE"),
    "justificationExplanation": (_("Why is this investment needed?"), "PROJECT_INVESTMENT_WHY_IS_INVESTMENT_NEEDED"),
    "justificationTransactionalRelevance": (
        _("Cross-border/transnational relevance of the investment"),
        "PROJECT_INVESTMENT_CROSS_BORDER_TRANSNATIONAL_RELEVANCE_OF_INVESTMENT"),
    "justificationBenefits": (_("Who is benefiting?"), "PROJECT_INVESTMENT_WHO_IS_BENEFITING"),
    "justificationPilot": (_("Pilot clarification"), "PROJECT_INVESTMENT_PILOT_CLARIFICATION"),
    "risk": (_("Risk associated with the investment"), "PROJECT_INVESTMENT_RISK"),
    "documentation": (_("Technical requirements and permissions"), "PROJECT_INVESTMENT_DOCUMENTATION"),
    "documentationExpectedImpacts": (_("Assessment of expected impacts of climate change"),
                                     "PROJECT_INVESTMENT_DOCUMENTATION_EXPECTED_IMPACTS"),
    "ownershipSiteLocation": (_("Who owns the site where the investment is located?"),
                              "PROJECT_INVESTMENT_WHO_OWNS_THE_INVESTMENT_SITE"),
    "ownershipRetain": (_("Who will retain ownership of the investment at the end of the project?"),
                        "PROJECT_INVESTMENT_OWNERSHIP_AFTER_END_OF_PROJECT"),
    "ownershipMaintenance": (_("Who will take care of the maintenance of the investment?"),
                             "PROJECT_INVESTMENT_MAINTENANCE"),
}
ADDRESS_TEXT_FIELDS = {"street": (_("Street"), "PROJECT_INVESTMENT_STREET"),
                       "houseNumber": (_("House number"), "PROJECT_INVESTMENT_HOUSE_NUMBER"),
                       "postalCode": (_("Postal code"), "PROJECT_INVESTMENT_POSTAL_CODE"),
                       "city": (_("City"), "PROJECT_INVESTMENT_CITY")}
INVESTMENT_CONFIGS = {config for _label, config in (*INVESTMENT_TEXT_FIELDS.values(), *ADDRESS_TEXT_FIELDS.values())}
INVESTMENT_CONFIGS |= {"PROJECT_INVESTMENT_PERIOD", "PROJECT_INVESTMENT_COUNTRY"}
ACTIVITY_CONFIGS = {"title": "PROJECT_ACTIVITIES_TITLE", "description": "PROJECT_ACTIVITIES_DESCRIPTION",
                    "startPeriod": "PROJECT_ACTIVITIES_START_PERIOD", "endPeriod": "PROJECT_ACTIVITIES_END_PERIOD",
                    "partnerIds": "PROJECT_ACTIVITIES_STATE_AID_PARTNERS_INVOLVED",
                    "deliverables": "PROJECT_ACTIVITIES_DELIVERABLES"}
OUTPUT_CONFIGS = {"title": "PROJECT_OUTPUT_TITLE",
                  "programmeOutputIndicatorId": "PROJECT_OUTPUT_PROGRAMME_OUTPUT_INDICATOR_AND_MEASUREMENT_UNIT",
                  "targetValue": "PROJECT_OUTPUT_TARGET_VALUE", "periodNumber": "PROJECT_OUTPUT_DELIVERY_PERIOD",
                  "description": "PROJECT_OUTPUT_DESCRIPTION"}


def period_options(periods: list[dict]) -> Options:
    """The choices of a period select (built once per page and shared by all its period selects)."""
    return Options([("", _("— choose —"))] + [(str(p["number"]), _("Period %(n)s, months %(start)s–%(end)s") % {
        "n": p["number"], "start": p["start"], "end": p["end"]}) for p in periods])


def _text(languages, limit, label, disabled):
    return QuickTextField(languages, max_length=limit, label=label, disabled=disabled)


def _select(label, options: Options, disabled):
    return forms.ChoiceField(label=label, required=False, choices=options, disabled=disabled, widget=QuickSelect)


class ObjectivesForm(forms.Form):
    """The objectives tab: work package title, its objectives, communication objectives and target audience."""

    def __init__(self, *args, languages, visible, disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        for key, (label, config) in OBJECTIVE_FIELDS.items():
            if config in visible:
                self.fields[key] = _text(languages, parts.WP_TEXTS[key][1], label, disabled)


class InvestmentForm(forms.Form):
    """All fields of an investment, the address with country and NUTS selects like the partner address."""

    def __init__(self, *args, languages, visible, period_options, regions, disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        texts = list(INVESTMENT_TEXT_FIELDS.items())
        for key, (label, config) in texts[:1]:
            if config in visible:
                self.fields[key] = _text(languages, parts.INVESTMENT_TEXTS[key][1], label, disabled)
        if "PROJECT_INVESTMENT_PERIOD" in visible:
            self.fields["expectedDeliveryPeriod"] = _select(_("Expected delivery period"), period_options, disabled)
        for key, (label, config) in texts[1:5]:
            if config in visible:
                self.fields[key] = _text(languages, parts.INVESTMENT_TEXTS[key][1], label, disabled)
        if "PROJECT_INVESTMENT_COUNTRY" in visible:
            for key, label, level in (("countryCode", _("Country"), 0), ("region2Code", _("NUTS 2 region"), 2),
                                      ("region3Code", _("NUTS 3 region"), 3)):
                self.fields[key] = _select(label, Options([("", _("— none —"))] + regions[level]), disabled)
        for key, (label, config) in ADDRESS_TEXT_FIELDS.items():
            if config in visible:
                self.fields[key] = forms.CharField(label=label, required=False, max_length=parts.ADDRESS[key][1],
                                                   disabled=disabled)
        for key, (label, config) in texts[5:]:
            if config in visible:
                self.fields[key] = _text(languages, parts.INVESTMENT_TEXTS[key][1], label, disabled)


class ActivityForm(forms.Form):
    """One activity: its id (kept across saves), texts, period range and the partners involved."""

    def __init__(self, *args, languages, visible, period_options, partners, disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["id"] = forms.IntegerField(required=False, widget=QuickHidden)
        if ACTIVITY_CONFIGS["title"] in visible:
            self.fields["title"] = _text(languages, parts.ACTIVITY_TEXTS["title"][1], _("Activity title"), disabled)
        if ACTIVITY_CONFIGS["description"] in visible:
            self.fields["description"] = _text(languages, parts.ACTIVITY_TEXTS["description"][1],
                                               _("Description"), disabled)
        for key, label in (("startPeriod", _("Start period")), ("endPeriod", _("End period"))):
            if ACTIVITY_CONFIGS[key] in visible:
                self.fields[key] = _select(label, period_options, disabled)
        if ACTIVITY_CONFIGS["partnerIds"] in visible:
            self.fields["partnerIds"] = forms.TypedMultipleChoiceField(
                label=_("State aid: partner(s) involved"), required=False, coerce=int, disabled=disabled,
                choices=partners, widget=QuickCheckboxes)


class DeliverableForm(forms.Form):
    """One deliverable of an activity."""

    def __init__(self, *args, languages, period_options, disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deliverableId"] = forms.IntegerField(required=False, widget=QuickHidden)
        self.fields["title"] = _text(languages, parts.DELIVERABLE_TEXTS["title"][1], _("Deliverable title"),
                                     disabled)
        self.fields["description"] = _text(languages, parts.DELIVERABLE_TEXTS["description"][1], _("Description"),
                                           disabled)
        self.fields["period"] = _select(_("Delivery period"), period_options, disabled)


class OutputForm(forms.Form):
    """One output: title, programme output indicator (with its measurement unit), target value, period."""

    def __init__(self, *args, languages, visible, period_options, indicators, disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        if OUTPUT_CONFIGS["title"] in visible:
            self.fields["title"] = _text(languages, parts.OUTPUT_TEXTS["title"][1], _("Output title"), disabled)
        if OUTPUT_CONFIGS["programmeOutputIndicatorId"] in visible:
            self.fields["programmeOutputIndicatorId"] = _select(
                _("Programme output indicator (measurement unit)"), indicators, disabled)
        if OUTPUT_CONFIGS["targetValue"] in visible:
            self.fields["targetValue"] = forms.DecimalField(
                label=_("Target value"), required=False, min_value=0, max_digits=13, decimal_places=2,
                disabled=disabled, help_text=_("A number of at least 0 with at most 2 decimals."),
                widget=forms.TextInput(attrs={"inputmode": "decimal"}))
        if OUTPUT_CONFIGS["periodNumber"] in visible:
            self.fields["periodNumber"] = _select(_("Delivery period"), period_options, disabled)
        if OUTPUT_CONFIGS["description"] in visible:
            self.fields["description"] = _text(languages, parts.OUTPUT_TEXTS["description"][1],
                                               _("Output description"), disabled)
