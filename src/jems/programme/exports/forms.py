"""The programme data export form: plugin, export language and data language."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jems.core.languages import SystemLanguage
from jems.plugins import registry
from jems.plugins.hookspecs import PluginType
from jems.programme.languages import input_languages
from jems.programme.models import ProgrammeLanguage


class DataExportForm(forms.Form):
    """Choose the export plugin, the language of the headers and the language of the data."""

    plugin_key = forms.ChoiceField(label=_("Export plugin"))
    export_language = forms.ChoiceField(label=_("Export language"))
    input_language = forms.ChoiceField(label=_("Data language"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plugin_key"].choices = [(info.key, info.name)
                                             for info in registry.enabled_plugins(PluginType.PROGRAMME_DATA_EXPORT)]
        ui = set(ProgrammeLanguage.objects.filter(ui=True).values_list("code", flat=True)) or {"EN"}
        self.fields["export_language"].choices = [(c, SystemLanguage(c).label) for c in SystemLanguage.values
                                                  if c in ui]
        self.fields["input_language"].choices = [(c, SystemLanguage(c).label) for c in input_languages()]
