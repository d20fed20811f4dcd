from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "jems.projects.partners"
    label = "project_partners"
    verbose_name = "Project partners (B.1)"

    def ready(self):
        from jems.projects.services import SNAPSHOT_PARTS

        from .queries import snapshot_part

        if snapshot_part not in SNAPSHOT_PARTS:
            SNAPSHOT_PARTS.append(snapshot_part)
