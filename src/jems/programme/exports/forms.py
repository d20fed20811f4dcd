"""The programme data export form: plugin, export language and data language."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jems.core.languages import SystemLanguage
from jems.programme.languages import input_languages
from jems.programme.models import ProgrammeLanguage

from . import data


class DataExportForm(forms.Form):
    """Choose the export plugin, the language of the headers and the language of the data."""

    plugin_key = forms.ChoiceField(label=_("Export plugin"))
    export_language = forms.ChoiceField(label=_("Export language"))
    input_language = forms.ChoiceField(label=_("Data language"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = {data.PROJECTS_PLUGIN_KEY: _("Projects (XLSX)"), data.PARTNERS_PLUGIN_KEY: _("Partners (XLSX)")}
        self.fields["plugin_key"].choices = [(key, labels.get(key, key)) for key in data.PLUGINS]
        ui = set(ProgrammeLanguage.objects.filter(ui=True).values_list("code", flat=True)) or {"EN"}
        self.fields["export_language"].choices = [(c, SystemLanguage(c).label) for c in SystemLanguage.values
                                                  if c in ui]
        self.fields["input_language"].choices = [(c, SystemLanguage(c).label) for c in input_languages()]
