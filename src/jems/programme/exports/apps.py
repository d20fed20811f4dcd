from django.apps import AppConfig


class ProgrammeExportsConfig(AppConfig):
    """The standard budget export and the programme data exports (projects XLSX, partners XLSX) with the
    kept metadata and files of every programme data export run."""

    name = "jems.programme.exports"
    label = "programme_exports"
    verbose_name = "Programme exports"

    def ready(self):
        from jems.plugins import registry

        from . import budget, data

        budget.register_builtin(registry)
        data.register_builtin(registry)
