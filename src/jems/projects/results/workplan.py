"""The work plan as the time plan (C.6) and the outputs overview (A.4) read it: work packages with their
activities (and their deliverables) and outputs, live from the C.4 tables or frozen in a version.

Shape: [{number, name, deactivated, activities: [{number, title, startPeriod, endPeriod, deactivated,
deliverables: [{number, title, period, deactivated}]}], outputs: [{number, title, programmeOutputIndicatorId,
targetValue (Decimal or None), periodNumber, deactivated}]}], translations as {language: text}."""

from decimal import Decimal

from django.db.models import Prefetch

from jems.projects.workpackages.models import Activity, Deliverable, Output, WorkPackage

# The key under which the work plan app freezes the work packages into a version snapshot.
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


def _number(value):
    return None if value in (None, "") else Decimal(str(value))


def _frozen_package(data: dict) -> dict:
    """A work package of a snapshot in the shape above (tolerating the API's list-of-translations form)."""
    return {
        "number": data.get("number") or data.get("workPackageNumber"),
        "name": _texts(data.get("name")),
        "deactivated": bool(data.get("deactivated")),
        "activities": [{
            "number": a.get("number") or a.get("activityNumber"), "title": _texts(a.get("title")),
            "startPeriod": a.get("startPeriod"), "endPeriod": a.get("endPeriod"),
            "deactivated": bool(a.get("deactivated")),
            "deliverables": [{"number": d.get("number") or d.get("deliverableNumber"), "title": _texts(d.get("title")),
                              "period": d.get("period"), "deactivated": bool(d.get("deactivated"))}
                             for d in a.get("deliverables") or []],
        } for a in data.get("activities") or []],
        "outputs": [{
            "number": o.get("number") or o.get("outputNumber"), "title": _texts(o.get("title")),
            "programmeOutputIndicatorId": o.get("programmeOutputIndicatorId"),
            "targetValue": _number(o.get("targetValue")), "periodNumber": o.get("periodNumber"),
            "deactivated": bool(o.get("deactivated")),
        } for o in data.get("outputs") or []],
    }


def _texts(value) -> dict:
    if isinstance(value, list):
        return {e["language"]: e["translation"] for e in value if e.get("translation")}
    return dict(value or {})


def work_plan(project_id: int, snapshot: dict | None) -> list[dict]:
    """The work plan of the version whose snapshot is given, else the live one."""
    if snapshot is None:
        return live(project_id)
    return [_frozen_package(wp) for wp in snapshot.get(SNAPSHOT_KEY) or []]
