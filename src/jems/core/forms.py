"""Form parts shared by every app: the translatable-text field with one input per input language."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jems.core.languages import SystemLanguage


class TranslatableWidget(forms.MultiWidget):
    """One text input (or textarea) per input language, each labelled with its language."""

    template_name = "jems/translatable_widget.html"

    def __init__(self, languages, *, textarea=False, attrs=None):
        self.languages = list(languages)
        inner = forms.Textarea(attrs={"rows": 3}) if textarea else forms.TextInput()
        super().__init__([inner.__class__(attrs=inner.attrs) for _ in self.languages], attrs)

    def decompress(self, value):
        value = value or {}
        return [value.get(code, "") for code in self.languages]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, code in zip(context["widget"]["subwidgets"], self.languages, strict=True):
            subwidget["language"] = code
            subwidget["language_name"] = SystemLanguage(code).label
        return context


class TranslatableFormField(forms.MultiValueField):
    """A translatable text ({language code: text}) entered in the programme's input languages.

    `required` means: at least one language must be filled in. `max_length` applies per language."""

    def __init__(self, languages, *, max_length=None, textarea=False, required=False, **kwargs):
        self.languages = list(languages)
        self.max_length = max_length
        fields = [forms.CharField(required=False, max_length=max_length, strip=True) for _ in self.languages]
        super().__init__(fields, required=False, require_all_fields=False,
                         widget=TranslatableWidget(self.languages, textarea=textarea), **kwargs)
        self.translation_required = required

    def compress(self, data_list):
        data_list = data_list or [""] * len(self.languages)
        return {code: text for code, text in zip(self.languages, data_list, strict=True) if text}

    def clean(self, value):
        result = super().clean(value)
        if self.translation_required and not result:
            raise forms.ValidationError(_("Enter the text in at least one language."), code="required")
        return result
