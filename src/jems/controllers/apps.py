from django.apps import AppConfig


class ControllersConfig(AppConfig):
    name = "jems.controllers"
    label = "controllers"
    verbose_name = "Controller institutions"
