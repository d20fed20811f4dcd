from django.apps import AppConfig
from django.db.models.signals import post_delete


class FilesConfig(AppConfig):
    name = "jems.projects.files"
    label = "project_files"
    verbose_name = "Application annexes"

    def ready(self):
        from .models import ProjectFile
        from .signals import remove_stored_content

        post_delete.connect(remove_stored_content, sender=ProjectFile, dispatch_uid="project_file_content")
