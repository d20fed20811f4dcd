from django.apps import AppConfig


class SubmissionConfig(AppConfig):
    name = "jems.projects.submission"
    label = "project_submission"
    verbose_name = "Check and submit"

    def ready(self):
        from jems.calls.plugins import register_plugin

        from .standard_check import StandardPreSubmissionCheck

        register_plugin(StandardPreSubmissionCheck())
