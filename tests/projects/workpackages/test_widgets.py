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


def html(form) -> str:
    rendered = Template("{% load jems_ui %}{% for f in form.hidden_fields %}{{ f }}{% endfor %}"
                        "{% for f in form.visible_fields %}{% field f %}{% endfor %}").render(Context({"form": form}))
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", rendered)).strip()


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
