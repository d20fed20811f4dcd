from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "jems.projects.results"
    label = "project_results"
    verbose_name = "Results (C.5) and time plan (C.6)"

    def ready(self):
        from jems.projects.services import SNAPSHOT_PARTS

        from .parts import snapshot_part

        if snapshot_part not in SNAPSHOT_PARTS:
            SNAPSHOT_PARTS.append(snapshot_part)
        from jems.projects.services import register_restore

        from .restore import RANK, restore

        register_restore(RANK, restore)
