from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "jems.projects"
    label = "projects"
    verbose_name = "Projects"

    def ready(self):
        from jems.accounts.signals import role_changed

        from . import services

        role_changed.connect(services.drop_assignments_on_role_change, dispatch_uid="projects.role_changed")
