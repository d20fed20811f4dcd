from django.apps import AppConfig


class CallsConfig(AppConfig):
    name = "jems.calls"
    label = "calls"
    verbose_name = "Calls"
