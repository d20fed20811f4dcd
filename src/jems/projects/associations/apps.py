from django.apps import AppConfig


class AssociationsConfig(AppConfig):
    name = "jems.projects.associations"
    label = "project_associations"
    verbose_name = "Associated organisations (B.2)"
