from django.apps import AppConfig


class CurrencyConfig(AppConfig):
    name = "jems.currency"
    label = "currency"
    verbose_name = "Conversion rates"
