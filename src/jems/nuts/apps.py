from django.apps import AppConfig


class NutsConfig(AppConfig):
    name = "jems.nuts"
    label = "nuts"
    verbose_name = "NUTS regions"
