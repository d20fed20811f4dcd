from django.apps import AppConfig


class CostOptionsConfig(AppConfig):
    name = "jems.cost_options"
    label = "cost_options"
    verbose_name = "Simplified cost options"
