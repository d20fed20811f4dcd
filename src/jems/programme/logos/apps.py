from django.apps import AppConfig


class ProgrammeLogosConfig(AppConfig):
    """The programme's logo: one uploaded image, stored as 48, 96 and 200 px high PNGs (site header, API,
    PDF exports)."""

    name = "jems.programme.logos"
    label = "programme_logos"
    verbose_name = "Programme logo"

    def ready(self):
        from . import signals  # noqa: F401  (the programme's name is the header logo's alt text)
