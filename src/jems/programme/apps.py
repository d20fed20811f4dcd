from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "jems.programme"
    label = "programme"
    verbose_name = "Programme setup"

    def ready(self):
        from . import translations  # noqa: F401  (connects the per-request check of uploaded texts)
