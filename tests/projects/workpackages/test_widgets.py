"""The Python-rendered C.4 widgets write the same markup as Django's widget templates (compared with the whitespace
between tags ignored): values escaped, selections, disabled fields, aria attributes of invalid fields."""

import re

import pytest
from django import forms
from django.template import Context, Template

from jems.core.forms import TranslatableFormField
from jems.projects.workpackages.widgets import (
    Options,
    QuickCheckboxes,
    QuickHidden,
    QuickSelect,
    QuickTextField,
)

LANGUAGES = ["DE", "EN"]
CHOICES = [("", "— choose —"), ("1", "Period 1 <a&b>"), ("2", 'Period "2"')]


def make_form(quick: bool, disabled: bool):
    class Sample(forms.Form):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if quick:
                self.fields["text"] = QuickTextField(LANGUAGES, max_length=5, label="Title", disabled=disabled)
                self.fields["period"] = forms.ChoiceField(label="Period", required=False, disabled=disabled,
                                                          choices=Options(CHOICES), widget=QuickSelect)
                self.fields["rowId"] = forms.IntegerField(required=False, widget=QuickHidden)
            else:
                self.fields["text"] = TranslatableFormField(LANGUAGES, max_length=5, textarea=True, label="Title",
                                                            disabled=disabled)
                self.fields["period"] = forms.ChoiceField(label="Period", required=False, disabled=disabled,
                                                          choices=CHOICES)
                self.fields["rowId"] = forms.IntegerField(required=False, widget=forms.HiddenInput)

    return Sample


def normal(text: str) -> str:
    """HTML with the whitespace between tags removed and other whitespace runs as one space."""
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", text)).strip()


def html(form) -> str:
    return normal(Template("{% load jems_ui %}{% for f in form.hidden_fields %}{{ f }}{% endfor %}"
                           "{% for f in form.visible_fields %}{% field f %}{% endfor %}").render(Context({"form": form})))


@pytest.mark.parametrize("disabled", [False, True])
@pytest.mark.parametrize("case", [
    {"initial": {"text": {"EN": "a <b> & \"c\""}, "period": "1", "rowId": 7}},
    {"initial": {}},
    {"data": {"a-text_0": "far too long", "a-text_1": "ok", "a-period": "3", "a-rowId": "x"}, "invalid": True},
    {"data": {"a-text_1": "<i>", "a-period": "2", "a-rowId": "4"}},
])
def test_same_markup_as_django_widgets(case, disabled):
    def build(quick):
        form = make_form(quick, disabled)(case.get("data"), initial=case.get("initial"), prefix="a")
        form.is_valid()
        return form

    quick, plain = build(True), build(False)
    assert html(quick) == html(plain)
    assert quick.errors == plain.errors
    if case.get("invalid") and not disabled:
        assert quick.errors and "aria-invalid" in html(quick)


def test_options_are_shared_and_valid():
    options = Options(CHOICES)
    first = forms.ChoiceField(choices=options, widget=QuickSelect, required=False)
    second = forms.ChoiceField(choices=options, widget=QuickSelect, required=False)
    assert first.choices is options and second.widget.choices is options
    assert first.clean("2") == "2"
    with pytest.raises(forms.ValidationError):
        first.clean("9")


PARTNERS = [(3, "LP <1>"), (5, "PP2")]
BOXES = ('{% for cb in form.partners %}<div class="field field--checkbox">{{ cb.tag }} <label for="'
         '{{ cb.id_for_label }}">{{ cb.choice_label }}</label></div>{% endfor %}')


@pytest.mark.parametrize("disabled", [False, True])
@pytest.mark.parametrize("data", [None, {"a-partners": ["5"]}])
def test_checkboxes_same_markup_as_django_subwidgets(data, disabled):
    def build(widget):
        class Sample(forms.Form):
            partners = forms.TypedMultipleChoiceField(choices=PARTNERS, coerce=int, required=False,
                                                      disabled=disabled, widget=widget)

        return Sample(data, initial={"partners": [3]}, prefix="a")

    quick = Template("{{ form.partners }}").render(Context({"form": build(QuickCheckboxes)}))
    plain = Template(BOXES).render(Context({"form": build(forms.CheckboxSelectMultiple)}))
    assert quick == plain
    assert quick.count(" disabled") == (2 if disabled else 0) and quick.count(" checked") == 1


def test_plan_field_writes_the_markup_of_field():
    """Groups (required), selects and inputs with hints, checkboxes; valid and invalid; with a css class."""
    class Sample(forms.Form):
        text = QuickTextField(LANGUAGES, max_length=5, label="Title <i>", required=True)
        period = forms.ChoiceField(label="Period", choices=Options(CHOICES), widget=QuickSelect,
                                   help_text="Pick & choose")
        amount = forms.DecimalField(label="Amount", required=False, help_text="A number")
        agreed = forms.BooleanField(label="Agreed", required=False)
        note = forms.CharField(label="Note", required=False)

    for data in (None, {"text_0": "far too long", "period": "9", "amount": "x", "agreed": "on"}):
        form = Sample(data)
        form.is_valid()
        written = ""
        for name in form.fields:
            for css in ("", "wide"):
                context = Context({"f": form[name], "css": css})
                plain = Template("{% load jems_ui %}{% field f css=css %}").render(context)
                quick = Template("{% load workplan_ui %}{% plan_field f css=css %}").render(context)
                assert normal(quick) == normal(plain), name
                written += quick
        assert written.count("field__error") == (6 if data else 0) and 'aria-required="true"' in written
