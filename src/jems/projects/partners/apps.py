from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "jems.projects.partners"
    label = "project_partners"
    verbose_name = "Project partners (B.1)"
