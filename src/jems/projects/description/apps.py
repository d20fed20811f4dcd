from django.apps import AppConfig


class DescriptionConfig(AppConfig):
    name = "jems.projects.description"
    label = "project_description"
    verbose_name = "Project description (C.1–C.3, C.7, C.8)"
