from django.apps import AppConfig


class PrioritiesConfig(AppConfig):
    name = "jems.priorities"
    label = "priorities"
    verbose_name = "Priorities and indicators"
