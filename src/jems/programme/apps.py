from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "jems.programme"
    label = "programme"
    verbose_name = "Programme setup"
