"""The project Export form: plugin (application form or budget), export language, data language and version."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jems.core.languages import SystemLanguage
from jems.plugins import registry
from jems.plugins.hookspecs import PluginType
from jems.programme.languages import input_languages
from jems.programme.models import ProgrammeLanguage

KINDS = {PluginType.APPLICATION_FORM_EXPORT: _("Application form (PDF)"),
         PluginType.BUDGET_EXPORT: _("Budget (XLSX)")}


class ProjectExportForm(forms.Form):
    """What to export: the plugin (its type says application form or budget), the language of the labels, the
    language of the entered data and the version of the form."""

    plugin_key = forms.ChoiceField(label=_("Export"))
    export_language = forms.ChoiceField(label=_("Export language"))
    input_language = forms.ChoiceField(label=_("Data language"))
    version = forms.ChoiceField(label=_("Version"))

    def __init__(self, *args, versions: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plugin_key"].choices = [
            (info.key, f"{label} – {info.name}") for plugin_type, label in KINDS.items()
            for info in registry.enabled_plugins(plugin_type)]
        ui = set(ProgrammeLanguage.objects.filter(ui=True).values_list("code", flat=True)) or {"EN"}
        self.fields["export_language"].choices = [(c, SystemLanguage(c).label) for c in SystemLanguage.values
                                                  if c in ui]
        self.fields["input_language"].choices = [(c, SystemLanguage(c).label) for c in input_languages()]
        self.fields["version"].choices = [
            (row.version, _("%(version)s (current)") % {"version": row.version} if i == 0 else row.version)
            for i, row in enumerate(versions)]

    def is_budget(self) -> bool:
        """Whether the chosen plugin exports the budget."""
        info = registry.get(self.cleaned_data["plugin_key"])
        return info is not None and info.type == PluginType.BUDGET_EXPORT
