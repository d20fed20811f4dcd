"""Restore C.4 from a version snapshot (RESTORE_PARTS, used when a modification is rejected).

Work packages, activities, deliverables and investments keep their ids: rows of the version that still exist are
updated in place, removed ones are recreated under their old id (a new id only when it is taken; `ids` maps
activities and investments for the sections restored later). Rows added after the version are deleted, except
investments with annex files (and the work packages holding them): those are kept, deactivated, so that the
files survive. Outputs carry no id and nothing points at them: they are replaced."""

from decimal import Decimal

from jems.priorities.models import OutputIndicator
from jems.projects.files.models import ProjectFile
from jems.projects.services import sync_rows

from . import parts
from .models import Activity, Deliverable, Investment, Output, WorkPackage

RANK = 20  # after the partners (activities point at them)


def _texts(data: dict, spec) -> dict:
    return {attr: dict(data.get(key) or {}) for key, (attr, _limit) in spec.items()}


def _sync(model, live_ids, frozen: list[dict], id_key: str, values, keep=frozenset()) -> dict[int, int]:
    """Delete the live rows that are not frozen (deactivate those in `keep`), write the frozen ones back."""
    extra = set(live_ids) - {data[id_key] for data in frozen}
    model.objects.filter(pk__in=extra - set(keep)).delete()
    model.objects.filter(pk__in=extra & set(keep)).update(deactivated=True)
    return sync_rows(model, set(live_ids) - extra, frozen, id_key, values)


def _investment(data: dict) -> dict:
    address = data.get("address") or {}
    return {"number": data["investmentNumber"], "expected_delivery_period": data["expectedDeliveryPeriod"],
            "deactivated": data["deactivated"], **_texts(data, parts.INVESTMENT_TEXTS),
            **{attr: address.get(key) or "" for key, (attr, _limit) in parts.ADDRESS.items()}}


def restore(project, snapshot: dict, ids: dict) -> None:
    """RESTORE_PARTS entry: the work plan of the version (a fixed number of queries whatever its size)."""
    frozen = list(snapshot.get("workPackages") or [])
    partners = ids.get("partners", {})
    with_files = set(ProjectFile.objects.filter(investment__work_package__project=project)
                     .values_list("investment_id", "investment__work_package_id"))
    packages = _sync(WorkPackage, WorkPackage.objects.filter(project=project).values_list("pk", flat=True), frozen,
                     "id", lambda d: {"project": project, "number": d["number"], "deactivated": d["deactivated"],
                                      **_texts(d, parts.WP_TEXTS)}, keep={wp for _i, wp in with_files})
    scope = {"work_package__project": project}
    activities = [{**a, "workPackageId": packages[wp["id"]]} for wp in frozen for a in wp.get("activities") or []]
    activity_ids = ids.setdefault("activities", {})
    activity_ids.update(_sync(
        Activity, Activity.objects.filter(**scope).values_list("pk", flat=True), activities, "id",
        lambda d: {"work_package_id": d["workPackageId"], "number": d["activityNumber"], "start_period":
                   d["startPeriod"], "end_period": d["endPeriod"], "deactivated": d["deactivated"],
                   **_texts(d, parts.ACTIVITY_TEXTS)}))
    through = Activity.partners.through
    through.objects.filter(activity__work_package__project=project).delete()
    through.objects.bulk_create([through(activity_id=activity_ids[a["id"]], projectpartner_id=partners.get(p, p))
                                 for a in activities for p in a["partnerIds"]])
    deliverables = [{**d, "activityId": activity_ids[a["id"]]} for a in activities for d in a.get("deliverables") or []]
    _sync(Deliverable, Deliverable.objects.filter(activity__work_package__project=project).values_list("pk", flat=True),
          deliverables, "deliverableId",
          lambda d: {"activity_id": d["activityId"], "number": d["deliverableNumber"], "period": d["period"],
                     "deactivated": d["deactivated"], **_texts(d, parts.DELIVERABLE_TEXTS)})
    investments = [{**i, "workPackageId": packages[wp["id"]]} for wp in frozen for i in wp.get("investments") or []]
    ids.setdefault("investments", {}).update(_sync(
        Investment, Investment.objects.filter(**scope).values_list("pk", flat=True), investments, "id",
        lambda d: {"work_package_id": d["workPackageId"], **_investment(d)}, keep={i for i, _wp in with_files}))
    outputs = [{**o, "workPackageId": packages[wp["id"]]} for wp in frozen for o in wp.get("outputs") or []]
    indicators = set(OutputIndicator.objects.filter(
        pk__in=[o["programmeOutputIndicatorId"] for o in outputs]).values_list("pk", flat=True))
    Output.objects.filter(**scope).delete()
    Output.objects.bulk_create([Output(
        work_package_id=o["workPackageId"], number=o["outputNumber"], deactivated=o["deactivated"],
        programme_output_indicator_id=o["programmeOutputIndicatorId"]
        if o["programmeOutputIndicatorId"] in indicators else None,
        target_value=None if o["targetValue"] is None else Decimal(o["targetValue"]),
        period_number=o["periodNumber"], **_texts(o, parts.OUTPUT_TEXTS)) for o in outputs])
