from django.apps import AppConfig


class LumpSumsConfig(AppConfig):
    name = "jems.projects.lumpsums"
    label = "project_lumpsums"
    verbose_name = "Project lump sums and unit costs (E)"
