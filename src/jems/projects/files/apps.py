from django.apps import AppConfig


class FilesConfig(AppConfig):
    name = "jems.projects.files"
    label = "project_files"
    verbose_name = "Application annexes"
