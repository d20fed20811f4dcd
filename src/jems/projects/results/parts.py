"""The shape of C.5 results shared by the services, the API, the pages and the version snapshots.

A result is a dict {resultNumber, programmeResultIndicatorId, programmeResultIndicatorIdentifier, baseline,
targetValue, periodNumber, description {language: text}, deactivated} with Decimal numbers. Snapshots hold the
same dicts under "results", the numbers written as strings (JSON has no exact decimals)."""

from decimal import Decimal

from .models import ProjectResult

SNAPSHOT_KEY = "results"
DECIMAL_KEYS = ("baseline", "targetValue")


def result_data(row: ProjectResult) -> dict:
    """One stored result as a dict (its indicator must be loaded with select_related)."""
    indicator = row.programme_result_indicator
    return {
        "resultNumber": row.number,
        "programmeResultIndicatorId": row.programme_result_indicator_id,
        "programmeResultIndicatorIdentifier": indicator.identifier if indicator else None,
        "baseline": row.baseline,
        "targetValue": row.target_value,
        "periodNumber": row.period_number,
        "description": dict(row.description or {}),
        "deactivated": row.deactivated,
    }


def live(project_id: int) -> list[dict]:
    """The current results of a project, in number order (one query)."""
    rows = (ProjectResult.objects.filter(project_id=project_id).select_related("programme_result_indicator")
            .order_by("number", "id"))
    return [result_data(row) for row in rows]


def _frozen(data: dict) -> dict:
    return {**data, **{key: None if data[key] is None else str(data[key]) for key in DECIMAL_KEYS}}


def _thawed(data: dict) -> dict:
    return {**data, **{key: None if data.get(key) is None else Decimal(data[key]) for key in DECIMAL_KEYS},
            "description": dict(data.get("description") or {})}


def snapshot_part(project) -> dict:
    """SNAPSHOT_PARTS entry: the results frozen into a version."""
    return {SNAPSHOT_KEY: [_frozen(data) for data in live(project.pk)]}


def from_snapshot(snapshot: dict) -> list[dict]:
    """The results of a version snapshot (versions frozen before results existed have none)."""
    return [_thawed(data) for data in snapshot.get(SNAPSHOT_KEY) or []]
