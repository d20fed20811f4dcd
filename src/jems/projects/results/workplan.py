"""The work plan as the time plan (C.6) and the outputs overview (A.4) read it: work packages with their
activities (and their deliverables) and outputs, live from the C.4 tables or frozen in a version.

Shape: [{number, name, deactivated, activities: [{number, title, startPeriod, endPeriod, deactivated,
deliverables: [{number, title, period, deactivated}]}], outputs: [{number, title, programmeOutputIndicatorId,
targetValue (Decimal or None), periodNumber, deactivated}]}], translations as {language: text}."""

from decimal import Decimal

from django.db.models import Prefetch

from jems.projects.workpackages.models import Activity, Deliverable, Output, WorkPackage

# The key under which the work plan app freezes its work packages into a version snapshot (workpackages.parts).
SNAPSHOT_KEY = "workPackages"


def _output(row: Output) -> dict:
    return {"number": row.number, "title": dict(row.title or {}),
            "programmeOutputIndicatorId": row.programme_output_indicator_id, "targetValue": row.target_value,
            "periodNumber": row.period_number, "deactivated": row.deactivated}


def _activity(row: Activity) -> dict:
    return {"number": row.number, "title": dict(row.title or {}), "startPeriod": row.start_period,
            "endPeriod": row.end_period, "deactivated": row.deactivated,
            "deliverables": [{"number": d.number, "title": dict(d.title or {}), "period": d.period,
                              "deactivated": d.deactivated} for d in row.deliverables.all()]}


def live(project_id: int) -> list[dict]:
    """The current work plan (four queries whatever its size)."""
    packages = (WorkPackage.objects.filter(project_id=project_id).order_by("number", "id")
                .prefetch_related(Prefetch("activities", Activity.objects.order_by("number", "id").prefetch_related(
                    Prefetch("deliverables", Deliverable.objects.order_by("number", "id")))),
                                  Prefetch("outputs", Output.objects.order_by("number", "id"))))
    return [{"number": wp.number, "name": dict(wp.name or {}), "deactivated": wp.deactivated,
             "activities": [_activity(a) for a in wp.activities.all()],
             "outputs": [_output(o) for o in wp.outputs.all()]} for wp in packages]


def _number(value) -> Decimal | None:
    return None if value is None else Decimal(value)


def _frozen_package(data: dict) -> dict:
    """A work package of a snapshot (see workpackages.parts) in the shape above."""
    return {
        "number": data["number"], "name": dict(data.get("name") or {}), "deactivated": data["deactivated"],
        "activities": [{
            "number": a["activityNumber"], "title": dict(a.get("title") or {}), "startPeriod": a["startPeriod"],
            "endPeriod": a["endPeriod"], "deactivated": a["deactivated"],
            "deliverables": [{"number": d["deliverableNumber"], "title": dict(d.get("title") or {}),
                              "period": d["period"], "deactivated": d["deactivated"]}
                             for d in a.get("deliverables") or []],
        } for a in data.get("activities") or []],
        "outputs": [{
            "number": o["outputNumber"], "title": dict(o.get("title") or {}),
            "programmeOutputIndicatorId": o["programmeOutputIndicatorId"], "targetValue": _number(o["targetValue"]),
            "periodNumber": o["periodNumber"], "deactivated": o["deactivated"],
        } for o in data.get("outputs") or []],
    }


def work_plan(project_id: int, snapshot: dict | None) -> list[dict]:
    """The work plan of the version whose snapshot is given, else the live one."""
    if snapshot is None:
        return live(project_id)
    return [_frozen_package(wp) for wp in snapshot.get(SNAPSHOT_KEY) or []]
