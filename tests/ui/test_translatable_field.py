"""A translatable form field renders as a group: a legend, one labelled input per input language."""

from django import forms
from django.template import Context, Template

from jems.core.forms import TranslatableFormField


class TitleForm(forms.Form):
    title = TranslatableFormField(["EN", "DE"], max_length=5, required=True, label="Title")


def render(form):
    return Template('{% load jems_ui %}{% field form.title %}').render(Context({"form": form}))


def test_renders_a_fieldset_with_a_labelled_input_per_language():
    html = render(TitleForm())
    assert "<fieldset" in html and "<legend>Title" in html
    for index, code in enumerate(["EN", "DE"]):
        assert f'for="id_title_{index}"' in html and f'id="id_title_{index}"' in html
        assert f">{code}</abbr>" in html


def test_values_per_language_and_errors_tied_to_the_inputs():
    form = TitleForm(data={"title_0": "Hello", "title_1": ""})
    assert form.is_valid()
    assert form.cleaned_data["title"] == {"EN": "Hello"}
    form = TitleForm(data={"title_0": "", "title_1": ""})
    assert not form.is_valid()
    html = render(form)
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_title_error"' in html and 'id="id_title_error"' in html
    form = TitleForm(data={"title_0": "Too long", "title_1": "ok"})
    assert not form.is_valid()
    assert 'value="Too long"' in render(form)
