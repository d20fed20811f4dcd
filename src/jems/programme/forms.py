"""Forms of the programme-core pages. They only parse and render; the rules live in services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jems.core.forms import TranslatableFormField
from jems.core.languages import SystemLanguage

from . import services
from .codelists import MEASURES, TranslationFileType


def _date_field(label):
    return forms.DateField(label=label, required=False, widget=forms.DateInput(attrs={"type": "date"},
                                                                                format="%Y-%m-%d"))


def _year_field(label):
    return forms.IntegerField(label=label, required=False, min_value=services.YEAR_MIN, max_value=services.YEAR_MAX)


def disable_all(form) -> None:
    """Render a form read-only (users who may view but not change the programme setup)."""
    for field in form.fields.values():
        field.disabled = True


class BasicDataForm(forms.Form):
    cci = forms.CharField(label=_("CCI"), max_length=15, required=False,
                          help_text=_("The programme's Common Command Identifier, e.g. 2021TC16RFCB001."))
    title = forms.CharField(label=_("Title"), max_length=255, required=False)
    version = forms.CharField(label=_("Version"), max_length=255, required=False)
    first_year = _year_field(_("First year"))
    last_year = _year_field(_("Last year"))
    eligible_from = _date_field(_("Eligible from"))
    eligible_until = _date_field(_("Eligible until"))
    commission_decision_number = forms.CharField(label=_("Commission decision number"), max_length=255,
                                                 required=False)
    commission_decision_date = _date_field(_("Commission decision date"))
    programme_amending_decision_number = forms.CharField(label=_("Programme amending decision number"),
                                                         max_length=255, required=False)
    programme_amending_decision_date = _date_field(_("Programme amending decision date"))
    technical_assistance_flat_rate = forms.DecimalField(
        label=_("Technical assistance flat rate (%)"), required=False, min_value=0, max_value=100, max_digits=5,
        decimal_places=2)
    project_id_programme_abbreviation = forms.CharField(
        label=_("Programme abbreviation in project ids"), max_length=12, required=False,
        help_text=_("Up to 12 characters; project ids are this abbreviation followed by the project number."))
    project_id_use_call_id = forms.BooleanField(
        label=_("Include the call id in project ids"), required=False,
        help_text=_("Adds the call id as two digits between the abbreviation and the project number."))


# Service field names (API names) → form fields.
BASIC_DATA_FIELD_MAP = {name: model_field for model_field, name in services.DATA_API_NAMES.items()}


class TranslationUploadForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=SystemLanguage.choices)
    file_type = forms.ChoiceField(label=_("Translation file type"), choices=TranslationFileType.choices,
                                  widget=forms.RadioSelect)
    file = forms.FileField(label=_("Translation file (.properties)"), required=False,
                           help_text=_("Lines of key=value in UTF-8, as in the downloaded files."))


# --- list pages: one form per row ------------------------------------------------------------------------


class RowForm(forms.Form):
    """A row of an editable list: the stored id (empty for new rows) and a remove box."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    remove = forms.BooleanField(label=_("Remove"), required=False)

    def __init__(self, *args, languages=(), **kwargs):
        self.languages = list(languages)
        super().__init__(*args, **kwargs)

    @property
    def is_new(self) -> bool:
        return not (self.initial.get("id") or (self.is_bound and self["id"].value()))

    def row_value(self, name):
        """The cleaned value, or the initial value for a read-only (disabled) row."""
        data = getattr(self, "cleaned_data", None) or {}
        return data.get(name, self.initial.get(name))


class FundForm(RowForm):
    selected = forms.BooleanField(label=_("Selected"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["abbreviation"] = TranslatableFormField(self.languages, max_length=services.FUND_TEXT_MAX,
                                                            label=_("Abbreviation"))
        self.fields["description"] = TranslatableFormField(self.languages, max_length=services.FUND_TEXT_MAX,
                                                           label=_("Description"))
        if self.initial.get("predefined"):
            del self.fields["remove"]
            _read_only_english(self, ("abbreviation", "description"))

    def has_content(self) -> bool:
        data = self.cleaned_data
        return bool(data.get("abbreviation") or data.get("description") or data.get("selected"))


class LegalStatusForm(RowForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["description"] = TranslatableFormField(self.languages, max_length=services.LEGAL_STATUS_TEXT_MAX,
                                                           label=_("Description"))
        if self.initial.get("predefined"):
            del self.fields["remove"]
            _read_only_english(self, ("description",))

    def has_content(self) -> bool:
        return bool(self.cleaned_data.get("description"))


def _measure_choices():
    return [("", _("Choose a measure"))] + [(code, info.display) for code, info in MEASURES.items()]


class StateAidForm(RowForm):
    measure = forms.ChoiceField(label=_("Measure"), choices=_measure_choices, required=False)
    scheme_number = forms.CharField(label=_("GBER scheme number"), max_length=services.STATE_AID_SCHEME_NUMBER_MAX,
                                    required=False)
    max_intensity = forms.DecimalField(label=_("Maximum aid intensity (%)"), required=False, min_value=0,
                                       max_value=100, max_digits=5, decimal_places=2)
    threshold = forms.DecimalField(label=_("Threshold (EUR)"), required=False, min_value=0, max_digits=17,
                                   decimal_places=2)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"] = TranslatableFormField(self.languages, max_length=services.STATE_AID_NAME_MAX,
                                                    label=_("Name"))
        self.fields["abbreviated_name"] = TranslatableFormField(
            self.languages, max_length=services.STATE_AID_ABBREVIATION_MAX, label=_("Abbreviated name"),
            help_text=_("Partners choose the scheme by this name in the application form."))
        self.fields["comments"] = TranslatableFormField(self.languages, max_length=services.STATE_AID_COMMENTS_MAX,
                                                        label=_("Comments"), textarea=True)
        self.order_fields(["id", "measure", "name", "abbreviated_name", "scheme_number", "max_intensity", "threshold",
                           "comments", "remove"])

    def has_content(self) -> bool:
        data = self.cleaned_data
        return any(data.get(name) not in (None, "", {}) for name in
                   ("measure", "name", "abbreviated_name", "scheme_number", "max_intensity", "threshold", "comments"))

    def clean(self):
        data = super().clean()
        if self.has_content() and not data.get("remove") and not data.get("measure"):
            self.add_error("measure", _("Choose a measure."))
        return data


class TypologyErrorForm(RowForm):
    description = forms.CharField(label=_("Description"), max_length=services.TYPOLOGY_ERROR_MAX, required=False)

    def has_content(self) -> bool:
        return bool(self.cleaned_data.get("description"))


def _read_only_english(form, names) -> None:
    """The English texts of predefined rows cannot change: show them read-only."""
    for name in names:
        field = form.fields[name]
        for code, widget in zip(field.languages, field.widget.widgets, strict=True):
            if code == "EN":  # the sub-widgets share one attrs dict: give this one its own
                widget.attrs = {**widget.attrs, "readonly": True}


def row_formset(form_class, *, limit: int):
    """Rows of a list with at most `limit` entries (a few more may be posted: the service explains the limit)."""
    return forms.formset_factory(form_class, extra=0, max_num=limit + 10, absolute_max=limit + 10)
