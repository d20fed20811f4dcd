from django.apps import AppConfig


class FormConfigConfig(AppConfig):
    name = "jems.calls.form_config"
    label = "call_form_config"
    verbose_name = "Call application-form configuration and translations"
