from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "jems.projects.assessment"
    label = "project_assessment"
    verbose_name = "Assessment and decisions (project status machine)"

    def ready(self):
        from jems.projects.schemas import DETAIL_PARTS

        from .queries import detail_part

        if detail_part not in DETAIL_PARTS:
            DETAIL_PARTS.append(detail_part)
