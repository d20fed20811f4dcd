from django.apps import AppConfig


class AssociationsConfig(AppConfig):
    name = "jems.projects.associations"
    label = "project_associations"
    verbose_name = "Associated organisations (B.2)"

    def ready(self):
        from jems.projects.services import SNAPSHOT_PARTS

        from .queries import snapshot_part

        if snapshot_part not in SNAPSHOT_PARTS:
            SNAPSHOT_PARTS.append(snapshot_part)
        from jems.projects.services import register_restore

        from .restore import RANK, restore

        register_restore(RANK, restore)
