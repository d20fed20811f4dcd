from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "jems.core"
    label = "core"
    verbose_name = "Core"
