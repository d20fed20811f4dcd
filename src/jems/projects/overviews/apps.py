from django.apps import AppConfig


class OverviewsConfig(AppConfig):
    """The computed project budget overviews (A.3, D.1–D.3): no data of their own, so nothing to snapshot —
    past versions are read from the frozen parts of the budget, co-financing and lump-sum apps."""

    name = "jems.projects.overviews"
    label = "project_overviews"
    verbose_name = "Project budget overviews (A.3, D)"
