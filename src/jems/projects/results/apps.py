from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "jems.projects.results"
    label = "project_results"
    verbose_name = "Results (C.5) and time plan (C.6)"
