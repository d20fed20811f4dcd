from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "jems.api"
    label = "jems_api"
    verbose_name = "Jems-compatible REST API"
