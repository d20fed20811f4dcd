"""Widgets of the C.4 forms rendered in Python instead of through Django's widget templates.

A maxed-out activities tab shows 20 activities with 20 deliverables each: thousands of text areas and hundreds
of period selects of up to 60 options each. Rendered through the templates (one include per option, per
language and per attribute list) that takes seconds; these widgets write the same markup (that of Django's
widgets and of jems/translatable_widget.html: labelled input per language, attributes such as aria-describedby,
aria-invalid and disabled passed on) directly. The option list of a select is built once per request and
shared by all selects showing it."""

from functools import lru_cache
from html import escape

from django import forms
from django.utils.choices import BaseChoiceIterator
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from jems.core.forms import TranslatableFormField, TranslatableWidget
from jems.core.languages import SystemLanguage


def attributes(attrs: dict) -> str:
    """HTML attributes as Django's widgets write them (True: the bare name; False: left out)."""
    out = []
    for name, value in attrs.items():
        if value is True:
            out.append(f" {name}")
        elif value is not False:
            out.append(f' {name}="{escape(str(value))}"')
    return "".join(out)


class Options(BaseChoiceIterator):
    """The choices of a select with their <option> markup, computed once and shared by every select using them
    (Django keeps choice iterators as they are instead of copying and normalising them per field)."""

    def __init__(self, choices):
        self.choices = [(str(value), str(label)) for value, label in choices]
        self.markup = [(value, f'<option value="{escape(value)}"', f">{escape(label)}</option>")
                       for value, label in self.choices]

    def __iter__(self):
        return iter(self.choices)

    def __len__(self):
        return len(self.choices)


class QuickSelect(forms.Select):
    """A single select whose choices are `Options`."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        options = "".join(f"{start} selected{end}" if option in chosen else f"{start}{end}"
                          for option, start, end in self.choices.markup)
        return mark_safe(f'<select name="{escape(name)}"{attributes(self.build_attrs(self.attrs, attrs))}>'
                         f"{options}</select>")


class QuickHidden(forms.HiddenInput):
    """A hidden input (the ids that keep rows matched across saves)."""

    def render(self, name, value, attrs=None, renderer=None):
        value = self.format_value(value)
        shown = "" if value is None else f' value="{escape(value)}"'
        return mark_safe(f'<input type="hidden" name="{escape(name)}"{shown}'
                         f"{attributes(self.build_attrs(self.attrs, attrs))}>")


@lru_cache(maxsize=64)
def _language_name(code: str, ui_language: str | None) -> str:
    return escape(str(SystemLanguage(code).label))


class QuickCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes each in a `field field--checkbox` div with its label (the partners involved in an activity)."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        attrs = self.build_attrs(self.attrs, attrs)
        field_id = attrs.pop("id", None)
        boxes = []
        for index, (option, label) in enumerate(self.choices):
            own = {"id": f"{field_id}_{index}"} if field_id else {}
            own.update(attrs)
            if str(option) in chosen:
                own["checked"] = True
            label_for = f' for="{escape(own["id"])}"' if field_id else ""
            boxes.append(f'<div class="field field--checkbox"><input type="checkbox" name="{escape(name)}" '
                         f'value="{escape(str(option))}"{attributes(own)}> <label{label_for}>{escape(str(label))}'
                         f"</label></div>")
        return mark_safe("".join(boxes))


class QuickTranslatableWidget(TranslatableWidget):
    """One labelled text area per input language (the markup of jems/translatable_widget.html)."""

    def render(self, name, value, attrs=None, renderer=None):
        values = value if isinstance(value, (list, tuple)) else self.decompress(value)
        shared = self.build_attrs(self.attrs, attrs)
        shared.pop("type", None)
        field_id = shared.get("id")
        ui_language = get_language()
        parts = ['<div class="translatable">']
        for index, code in enumerate(self.languages):
            own = {**shared, "id": f"{field_id}_{index}"} if field_id else shared
            text = values[index] if index < len(values) else None
            label = _language_name(code, ui_language)
            parts.append(
                f'\n  <div class="translatable__language">\n    <label class="translatable__label" for="'
                f'{escape(str(own.get("id", "")))}"><span class="visually-hidden">{label} </span><abbr title="{label}">'
                f'{escape(code)}</abbr></label>\n    <textarea name="{escape(name)}_{index}"'
                f'{attributes({**self.widgets[index].attrs, **own})}>\n{escape(str(text)) if text else ""}'
                f"</textarea>\n  </div>")
        parts.append("\n</div>")
        return mark_safe("".join(parts))


class QuickTextField(TranslatableFormField):
    """A translatable text (text areas) rendered by `QuickTranslatableWidget`."""

    def __init__(self, languages, **kwargs):
        super().__init__(languages, textarea=True, **kwargs)
        self.widget.__class__ = QuickTranslatableWidget  # the widget just built, rendered in Python
