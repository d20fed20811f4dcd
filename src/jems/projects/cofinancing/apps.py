from django.apps import AppConfig


class CofinancingConfig(AppConfig):
    name = "jems.projects.cofinancing"
    label = "project_cofinancing"
    verbose_name = "Partner co-financing (B / D)"

    def ready(self):
        from jems.projects.services import SNAPSHOT_PARTS

        from .parts import snapshot_part

        if snapshot_part not in SNAPSHOT_PARTS:
            SNAPSHOT_PARTS.append(snapshot_part)
        from jems.projects.services import register_restore

        from .restore import RANK, restore

        register_restore(RANK, restore)
