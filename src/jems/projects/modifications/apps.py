from django.apps import AppConfig


class ModificationsConfig(AppConfig):
    name = "jems.projects.modifications"
    label = "project_modifications"
    verbose_name = "Modification requests"
