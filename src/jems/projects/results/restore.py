"""Restore C.5 from a version snapshot (RESTORE_PARTS, used when a modification is rejected): results carry no
id in the snapshot and nothing points at them, so the live results are replaced by the frozen ones."""

from jems.priorities.models import ResultIndicator

from .models import ProjectResult
from .parts import from_snapshot

RANK = 10


def restore(project, snapshot: dict, ids: dict) -> None:
    """RESTORE_PARTS entry: the results of the version (an indicator deleted since is left empty)."""
    frozen = from_snapshot(snapshot)
    indicators = set(ResultIndicator.objects.filter(
        pk__in=[r["programmeResultIndicatorId"] for r in frozen if r["programmeResultIndicatorId"]])
        .values_list("pk", flat=True))
    ProjectResult.objects.filter(project=project).delete()
    ProjectResult.objects.bulk_create([ProjectResult(
        project=project, number=r["resultNumber"], baseline=r["baseline"], target_value=r["targetValue"],
        programme_result_indicator_id=r["programmeResultIndicatorId"] if r["programmeResultIndicatorId"] in indicators
        else None, period_number=r["periodNumber"], description=r["description"], deactivated=r["deactivated"])
        for r in frozen])
