from django.apps import AppConfig


class ChecklistInstancesConfig(AppConfig):
    name = "jems.checklists.instances"
    label = "checklist_instances"
    verbose_name = "Checklist instances (assessment checklists)"

    def ready(self):
        from jems.plugins import registry

        from . import export

        export.register_builtin(registry)
