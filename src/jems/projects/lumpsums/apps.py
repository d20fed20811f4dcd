from django.apps import AppConfig


class LumpSumsConfig(AppConfig):
    name = "jems.projects.lumpsums"
    label = "project_lumpsums"
    verbose_name = "Project lump sums and unit costs (E)"

    def ready(self):
        from jems.projects.services import SNAPSHOT_PARTS

        from .parts import snapshot_part

        if snapshot_part not in SNAPSHOT_PARTS:
            SNAPSHOT_PARTS.append(snapshot_part)
        from jems.projects.services import register_restore

        from .restore import RANK, restore

        register_restore(RANK, restore)
