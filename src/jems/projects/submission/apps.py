from django.apps import AppConfig


class SubmissionConfig(AppConfig):
    name = "jems.projects.submission"
    label = "project_submission"
    verbose_name = "Check and submit"
