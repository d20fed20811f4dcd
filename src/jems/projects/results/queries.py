"""Reads of C.5 results, the C.6 time plan and the A.4 overview: live data, or the snapshot of a past version
(`?version=`, 404 when unknown). Every read is a fixed number of queries whatever the number of rows."""

from django.db.models import Q

from jems.priorities.models import ResultIndicator
from jems.projects import access
from jems.projects.queries import version_snapshot
from jems.projects.schemas import periods

from . import overview, parts, workplan


class ProjectData:
    """A project seen by one user, at the current or a past version."""

    def __init__(self, actor, project_id, version: str | None = None):
        self.access = access.load(actor, project_id)
        self.project = self.access.project
        self.version_row, self.snapshot = version_snapshot(self.project, version)

    @property
    def is_past_version(self) -> bool:
        return self.snapshot is not None

    def results(self) -> list[dict]:
        if self.snapshot is not None:
            return parts.from_snapshot(self.snapshot)
        return parts.live(self.project.pk)

    def periods(self) -> list[dict]:
        """The project's periods (from the duration of that version and the call's period length)."""
        duration = self.snapshot.get("duration") if self.snapshot is not None else self.project.duration
        return periods(self.project.call, duration)

    def work_plan(self, with_activities: bool = True) -> list[dict]:
        return workplan.work_plan(self.project.pk, self.snapshot, with_activities)

    def specific_objective(self) -> str | None:
        """The programme objective policy of the project's specific objective (A.1) at that version."""
        if self.snapshot is not None:
            return self.snapshot.get("specificObjective")
        objective = self.project.specific_objective
        return objective.programme_objective_policy if objective else None


def get_results(*, actor, project_id, version: str | None = None) -> tuple[ProjectData, list[dict]]:
    """The results of a project the actor sees (404 otherwise)."""
    data = ProjectData(actor, project_id, version)
    return data, data.results()


def indicators_overview(*, actor, project_id, version: str | None = None) -> list[dict]:
    """The A.4 overview lines of a project the actor sees (404 otherwise)."""
    data = ProjectData(actor, project_id, version)
    return overview.overview_lines(data.work_plan(with_activities=False), data.results())


def indicator_options(policy: str | None, chosen: set[int]) -> list[ResultIndicator]:
    """Result indicators a result may use: those of the project's specific objective, plus those already chosen
    (one query)."""
    condition = Q(pk__in=[i for i in chosen if i])
    if policy:
        condition |= Q(specific_objective__programme_objective_policy=policy)
    return list(ResultIndicator.objects.filter(condition).order_by("identifier"))
