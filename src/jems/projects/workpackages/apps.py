from django.apps import AppConfig


class WorkPackagesConfig(AppConfig):
    name = "jems.projects.workpackages"
    label = "project_workpackages"
    verbose_name = "Work plan (C.4)"

    def ready(self):
        from jems.projects.services import SNAPSHOT_PARTS

        from .queries import snapshot_part

        if snapshot_part not in SNAPSHOT_PARTS:
            SNAPSHOT_PARTS.append(snapshot_part)
        from jems.projects.services import register_restore

        from .restore import RANK, restore

        register_restore(RANK, restore)
