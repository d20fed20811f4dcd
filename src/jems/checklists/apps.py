from django.apps import AppConfig


class ChecklistsConfig(AppConfig):
    name = "jems.checklists"
    label = "checklists"
    verbose_name = "Checklist templates"
