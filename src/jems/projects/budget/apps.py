from django.apps import AppConfig


class BudgetConfig(AppConfig):
    name = "jems.projects.budget"
    label = "project_budget"
    verbose_name = "Partner budget (section D)"

    def ready(self):
        from jems.projects.services import SNAPSHOT_PARTS

        from .parts import snapshot_part

        if snapshot_part not in SNAPSHOT_PARTS:
            SNAPSHOT_PARTS.append(snapshot_part)
        from jems.projects.services import register_restore

        from .restore import RANK, restore

        register_restore(RANK, restore)
