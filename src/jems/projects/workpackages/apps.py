from django.apps import AppConfig


class WorkPackagesConfig(AppConfig):
    name = "jems.projects.workpackages"
    label = "project_workpackages"
    verbose_name = "Work plan (C.4)"
