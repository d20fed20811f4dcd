"""Forms of the checklist editor. They only parse and render; the rules live in components.py and
services.py (their field errors come back onto these fields)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .components import HEADLINE_MAX, LABEL_MAX, OPTION_MAX, QUESTION_MAX, component_fingerprint
from .models import ChecklistType, ComponentType

# Service field paths → form fields.
SETTINGS_FIELDS = {"name": "name", "type": "type", "minScore": "min_score", "maxScore": "max_score",
                   "allowsDecimalScore": "allows_decimal_score"}


def _text(label, max_length, *, required=False, textarea=False, help_text=""):
    widget = (forms.Textarea(attrs={"rows": 2, "maxlength": max_length}) if textarea
              else forms.TextInput(attrs={"maxlength": max_length}))
    return forms.CharField(label=label, required=required, strip=True, widget=widget, help_text=help_text)


class ChecklistForm(forms.Form):
    """The template's own fields. Locked templates keep their type and scores; read-only users see all
    fields disabled."""

    name = _text(_("Checklist name"), 100, required=True,
                 help_text=_("The name shown to programme users when they pick a checklist."))
    type = forms.ChoiceField(label=_("Checklist type"), choices=ChecklistType.choices)
    min_score = forms.DecimalField(label=_("Minimum score"), required=False, help_text=_("From 0 to 10."))
    max_score = forms.DecimalField(label=_("Maximum score"), required=False,
                                   help_text=_("From 0 to 100, not lower than the minimum score."))
    allows_decimal_score = forms.BooleanField(label=_("Allow scores with two decimals, e.g. 2.25"), required=False)
    fingerprint = forms.CharField(widget=forms.HiddenInput, required=False)  # optimistic locking

    STRUCTURE = ("type", "min_score", "max_score", "allows_decimal_score")

    def __init__(self, *args, can_edit=True, locked=False, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name != "fingerprint" and (not can_edit or (locked and name in self.STRUCTURE)):
                field.disabled = True


class ComponentForm(forms.Form):
    """The fields of one component; subclasses per component type. `FIELDS` maps the Jems metadata
    property names to form fields; `STRUCTURE` lists those frozen once the template is locked."""

    FIELDS: dict[str, str] = {}
    STRUCTURE: tuple[str, ...] = ()

    fingerprint = forms.CharField(widget=forms.HiddenInput, required=False)  # optimistic locking

    def __init__(self, *args, metadata=None, can_edit=True, locked=False, fingerprint="", **kwargs):
        metadata = metadata or {}
        initial = {field: metadata.get(prop) for prop, field in self.FIELDS.items()}
        initial["fingerprint"] = fingerprint
        super().__init__(*args, initial=initial, **kwargs)
        for name, field in self.fields.items():
            if name != "fingerprint" and (not can_edit or (locked and name in self.STRUCTURE)):
                field.disabled = True

    def metadata(self) -> dict:
        """The cleaned values under the Jems property names."""
        return {prop: self.cleaned_data.get(field) for prop, field in self.FIELDS.items()}


class HeadlineForm(ComponentForm):
    FIELDS = {"value": "value"}
    value = _text(_("Headline"), HEADLINE_MAX)


class OptionsToggleForm(ComponentForm):
    FIELDS = {"question": "question", "firstOption": "first_option", "secondOption": "second_option",
              "thirdOption": "third_option"}
    question = _text(_("Question"), QUESTION_MAX, textarea=True)
    first_option = _text(_("Option 1"), OPTION_MAX, required=True)
    second_option = _text(_("Option 2"), OPTION_MAX, required=True)
    third_option = _text(_("Option 3 (optional)"), OPTION_MAX)

    def __init__(self, *args, metadata=None, locked=False, **kwargs):
        super().__init__(*args, metadata=metadata, locked=locked, **kwargs)
        if locked and not (metadata or {}).get("thirdOption"):
            self.fields["third_option"].disabled = True  # the number of options is fixed once locked


class TextInputForm(ComponentForm):
    FIELDS = {"question": "question", "explanationLabel": "explanation_label",
              "explanationMaxLength": "explanation_max_length"}
    STRUCTURE = ("explanation_max_length",)
    question = _text(_("Question"), QUESTION_MAX, textarea=True)
    explanation_label = _text(_("Input label"), LABEL_MAX)
    explanation_max_length = forms.IntegerField(label=_("Maximum number of characters"),
                                                help_text=_("From 1 to 5000."))


class ScoreForm(ComponentForm):
    FIELDS = {"question": "question", "weight": "weight"}
    STRUCTURE = ("weight",)
    question = _text(_("Question"), QUESTION_MAX, textarea=True)
    weight = forms.DecimalField(label=_("Weight (multiplier)"), help_text=_("From 0 to 100, at most two decimals."))


COMPONENT_FORMS = {
    ComponentType.HEADLINE: HeadlineForm,
    ComponentType.OPTIONS_TOGGLE: OptionsToggleForm,
    ComponentType.TEXT_INPUT: TextInputForm,
    ComponentType.SCORE: ScoreForm,
}


def component_form(component, data=None, *, can_edit=True, locked=False) -> ComponentForm:
    """The form of one stored component; field ids are unique on the page (prefix c<id>)."""
    form_class = COMPONENT_FORMS[ComponentType(component.type)]
    return form_class(data, metadata=component.metadata, can_edit=can_edit, locked=locked,
                      fingerprint=component_fingerprint(component), prefix=f"c{component.pk}")


class AddComponentForm(forms.Form):
    component_type = forms.ChoiceField(label=_("Kind of component"), choices=ComponentType.choices)


def take_current_fingerprint(form, error) -> None:
    """After a refusal because someone else changed the values meanwhile: keep what the user typed, and
    let the next save overwrite (the form now carries the current fingerprint)."""
    current = error.args_.get("current")
    if current:
        form.data = form.data.copy()
        form.data[form.add_prefix("fingerprint")] = current
