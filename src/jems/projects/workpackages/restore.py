"""Restore C.4 from a version snapshot (RESTORE_PARTS, used when a modification is rejected).

Work packages, activities, deliverables and investments keep their ids: rows of the version that still exist are
updated in place, removed ones are recreated under their old id (a new id only when it is taken; `ids` maps
activities and investments for the sections restored later). Rows added after the version are deleted, except
investments with annex files (and the work packages holding them): those are kept, deactivated, so that the
files survive. Outputs carry no id and nothing points at them: they are replaced."""

from decimal import Decimal

from jems.priorities.models import OutputIndicator
from jems.projects.files.models import ProjectFile
from jems.projects.services import reusable_pk

from . import parts
from .models import Activity, Deliverable, Investment, Output, WorkPackage

RANK = 20  # after the partners (activities point at them)


def _texts(data: dict, spec) -> dict:
    return {attr: dict(data.get(key) or {}) for key, (attr, _limit) in spec.items()}


def _sync(model, live_rows, frozen: list[dict], id_key: str, values, keep=frozenset()) -> dict[int, int]:
    """Update/recreate the frozen rows by id, delete the other live rows (deactivate those in `keep`); answers
    frozen id → live id."""
    live = {row.pk: row for row in live_rows}
    wanted = {data[id_key] for data in frozen}
    extra = [pk for pk in live if pk not in wanted]
    model.objects.filter(pk__in=[pk for pk in extra if pk not in keep]).delete()
    model.objects.filter(pk__in=[pk for pk in extra if pk in keep]).update(deactivated=True)
    mapping = {}
    for data in frozen:
        if data[id_key] in live:
            model.objects.filter(pk=data[id_key]).update(**values(data))
            mapping[data[id_key]] = data[id_key]
        else:
            mapping[data[id_key]] = model.objects.create(pk=reusable_pk(model, data[id_key]), **values(data)).pk
    return mapping


def restore(project, snapshot: dict, ids: dict) -> None:
    """RESTORE_PARTS entry: the work plan of the version."""
    frozen = list(snapshot.get("workPackages") or [])
    partners = ids.get("partners", {})
    with_files = set(ProjectFile.objects.filter(investment__work_package__project=project)
                     .values_list("investment_id", "investment__work_package_id"))
    packages = _sync(WorkPackage, WorkPackage.objects.filter(project=project), frozen, "id",
                     lambda d: {"project": project, "number": d["number"], "deactivated": d["deactivated"],
                                **_texts(d, parts.WP_TEXTS)}, keep={wp for _i, wp in with_files})
    activities = ids.setdefault("activities", {})
    investments = ids.setdefault("investments", {})
    indicators = set(OutputIndicator.objects.values_list("pk", flat=True))
    for package in frozen:
        wp_id = packages[package["id"]]
        found = _sync(Activity, Activity.objects.filter(work_package_id=wp_id), package.get("activities") or [],
                      "id", lambda d, wp_id=wp_id: {"work_package_id": wp_id, "number": d["activityNumber"],
                                       "start_period": d["startPeriod"], "end_period": d["endPeriod"],
                                       "deactivated": d["deactivated"], **_texts(d, parts.ACTIVITY_TEXTS)})
        activities.update(found)
        for activity in package.get("activities") or []:
            live_id = found[activity["id"]]
            Activity.objects.get(pk=live_id).partners.set([partners.get(p, p) for p in activity["partnerIds"]])
            _sync(Deliverable, Deliverable.objects.filter(activity_id=live_id), activity.get("deliverables") or [],
                  "deliverableId", lambda d, live_id=live_id: {"activity_id": live_id, "number": d["deliverableNumber"],
                                              "period": d["period"], "deactivated": d["deactivated"],
                                              **_texts(d, parts.DELIVERABLE_TEXTS)})
        investments.update(_sync(
            Investment, Investment.objects.filter(work_package_id=wp_id), package.get("investments") or [], "id",
            lambda d, wp_id=wp_id: {"work_package_id": wp_id, "number": d["investmentNumber"],
                       "expected_delivery_period": d["expectedDeliveryPeriod"], "deactivated": d["deactivated"],
                       **_texts(d, parts.INVESTMENT_TEXTS),
                       **{attr: (d.get("address") or {}).get(key) or "" for key, (attr, _l) in parts.ADDRESS.items()}},
            keep={i for i, _wp in with_files}))
        Output.objects.filter(work_package_id=wp_id).delete()
        Output.objects.bulk_create([Output(
            work_package_id=wp_id, number=o["outputNumber"], deactivated=o["deactivated"],
            programme_output_indicator_id=o["programmeOutputIndicatorId"]
            if o["programmeOutputIndicatorId"] in indicators else None,
            target_value=None if o["targetValue"] is None else Decimal(o["targetValue"]),
            period_number=o["periodNumber"], **_texts(o, parts.OUTPUT_TEXTS)) for o in package.get("outputs") or []])
