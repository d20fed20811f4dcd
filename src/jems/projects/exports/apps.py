from django.apps import AppConfig


class ProjectExportsConfig(AppConfig):
    name = "jems.projects.exports"
    label = "project_exports"
    verbose_name = "Project exports (application-form PDF, budget export)"

    def ready(self):
        from jems.plugins import registry

        from .application_form import register_builtin

        register_builtin(registry)
