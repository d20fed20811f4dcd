from django.apps import AppConfig


class ChecklistInstancesConfig(AppConfig):
    name = "jems.checklists.instances"
    label = "checklist_instances"
    verbose_name = "Checklist instances (assessment checklists)"
