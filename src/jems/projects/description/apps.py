from django.apps import AppConfig


class DescriptionConfig(AppConfig):
    name = "jems.projects.description"
    label = "project_description"
    verbose_name = "Project description (C.1–C.3, C.7, C.8)"

    def ready(self):
        from jems.projects.services import SNAPSHOT_PARTS

        from .parts import snapshot_part

        if snapshot_part not in SNAPSHOT_PARTS:
            SNAPSHOT_PARTS.append(snapshot_part)
        from jems.projects.services import register_restore

        from .restore import RANK, restore

        register_restore(RANK, restore)
