"""The work plan as the time plan (C.6) and the outputs overview (A.4) read it: work packages with their
activities (and their deliverables) and outputs, live from the C.4 tables or frozen in a version.

Shape: [{number, name, deactivated, activities (unless left out): [{number, title, startPeriod, endPeriod,
deactivated, deliverables: [{number, title, period, deactivated}]}], outputs: [{number, title,
programmeOutputIndicatorId, targetValue (Decimal or None), periodNumber, deactivated}]}], translations as
{language: text}."""

from collections import defaultdict
from decimal import Decimal

from jems.projects.workpackages.models import Activity, Deliverable, Output, WorkPackage

# The key under which the work plan app freezes its work packages into a version snapshot (workpackages.parts).
SNAPSHOT_KEY = "workPackages"


def _grouped(rows, key: str) -> dict:
    grouped = defaultdict(list)
    for row in rows:
        grouped[row.pop(key)].append(row)
    return grouped


def _outputs(project_id: int) -> dict[int, list[dict]]:
    rows = (Output.objects.filter(work_package__project_id=project_id).order_by("number", "id")
            .values("work_package_id", "number", "title", "programme_output_indicator_id", "target_value",
                    "period_number", "deactivated"))
    return _grouped(({"work_package_id": r["work_package_id"], "number": r["number"], "title": r["title"] or {},
                      "programmeOutputIndicatorId": r["programme_output_indicator_id"],
                      "targetValue": r["target_value"], "periodNumber": r["period_number"],
                      "deactivated": r["deactivated"]} for r in rows), "work_package_id")


def _activities(project_id: int) -> dict[int, list[dict]]:
    deliverables = _grouped(({"activity_id": d["activity_id"], "number": d["number"], "title": d["title"] or {},
                              "period": d["period"], "deactivated": d["deactivated"]}
                             for d in Deliverable.objects.filter(activity__work_package__project_id=project_id)
                             .order_by("number", "id")
                             .values("activity_id", "number", "title", "period", "deactivated")), "activity_id")
    rows = (Activity.objects.filter(work_package__project_id=project_id).order_by("number", "id")
            .values("id", "work_package_id", "number", "title", "start_period", "end_period", "deactivated"))
    return _grouped(({"work_package_id": a["work_package_id"], "number": a["number"], "title": a["title"] or {},
                      "startPeriod": a["start_period"], "endPeriod": a["end_period"], "deactivated": a["deactivated"],
                      "deliverables": deliverables.get(a["id"], [])} for a in rows), "work_package_id")


def live(project_id: int, with_activities: bool = True) -> list[dict]:
    """The current work plan (two queries, four with the activities, whatever its size)."""
    packages = list(WorkPackage.objects.filter(project_id=project_id).order_by("number", "id")
                    .values("id", "number", "name", "deactivated"))
    if not packages:
        return []
    outputs = _outputs(project_id)
    activities = _activities(project_id) if with_activities else None
    return [{"number": wp["number"], "name": wp["name"] or {}, "deactivated": wp["deactivated"],
             "outputs": outputs.get(wp["id"], []),
             **({"activities": activities.get(wp["id"], [])} if activities is not None else {})}
            for wp in packages]


def _number(value) -> Decimal | None:
    return None if value is None else Decimal(value)


def _frozen_package(data: dict, with_activities: bool) -> dict:
    """A work package of a snapshot (see workpackages.parts) in the shape above."""
    package = {
        "number": data["number"], "name": dict(data.get("name") or {}), "deactivated": data["deactivated"],
        "outputs": [{
            "number": o["outputNumber"], "title": dict(o.get("title") or {}),
            "programmeOutputIndicatorId": o["programmeOutputIndicatorId"], "targetValue": _number(o["targetValue"]),
            "periodNumber": o["periodNumber"], "deactivated": o["deactivated"],
        } for o in data.get("outputs") or []],
    }
    if with_activities:
        package["activities"] = [{
            "number": a["activityNumber"], "title": dict(a.get("title") or {}), "startPeriod": a["startPeriod"],
            "endPeriod": a["endPeriod"], "deactivated": a["deactivated"],
            "deliverables": [{"number": d["deliverableNumber"], "title": dict(d.get("title") or {}),
                              "period": d["period"], "deactivated": d["deactivated"]}
                             for d in a.get("deliverables") or []],
        } for a in data.get("activities") or []]
    return package


def work_plan(project_id: int, snapshot: dict | None, with_activities: bool = True) -> list[dict]:
    """The work plan of the version whose snapshot is given, else the live one; without the activities (and
    deliverables) when they are not needed (the A.4 overview reads only the outputs)."""
    if snapshot is None:
        return live(project_id, with_activities)
    return [_frozen_package(wp, with_activities) for wp in snapshot.get(SNAPSHOT_KEY) or []]
