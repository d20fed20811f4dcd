"""Reads of the C.4 work plan: live, or frozen in a past version (`?version=`). Each read loads only what its
caller needs — one work package or all, and only the child lists asked for — in a fixed number of queries
whatever the size of the plan (one per table)."""

from collections import defaultdict

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

from jems.core.errors import NotFound
from jems.projects import access
from jems.projects.queries import version_snapshot

from . import parts
from .models import Activity, Deliverable, Investment, Output, WorkPackage

EVERYTHING = frozenset({"activities", "outputs", "investments"})
CHILD_MODELS = {"activities": Activity, "outputs": Output, "investments": Investment}


def work_package_not_found() -> NotFound:
    return NotFound(key="project.workPackage.not.exists", code="PWP-ERR")


def investment_not_found() -> NotFound:
    return NotFound(key="project.workPackage.investment.not.exists", code="PWP-ERR-INVESTMENT")


def _id(value, not_found) -> int:
    try:
        value = int(value)
    except (TypeError, ValueError):
        raise not_found() from None
    if not 0 < value < 2**63:
        raise not_found()
    return value


def _activities(scope: dict) -> dict[int, list[dict]]:
    """{work package id: [activity dict, …]} of the work packages in `scope` (three queries)."""
    through = Activity.partners.through
    partner_ids = defaultdict(list)
    for activity_id, partner_id in through.objects.filter(
            **{f"activity__{key}": value for key, value in scope.items()}).values_list("activity_id",
                                                                                      "projectpartner_id"):
        partner_ids[activity_id].append(partner_id)
    deliverables = defaultdict(list)
    for row in (Deliverable.objects.filter(**{f"activity__{key}": value for key, value in scope.items()})
                .order_by("number", "id").values(*parts.DELIVERABLE_COLUMNS)):
        deliverables[row["activity_id"]].append(parts.deliverable(row))
    by_package = defaultdict(list)
    for row in Activity.objects.filter(**scope).order_by("number", "id").values(*parts.ACTIVITY_COLUMNS):
        by_package[row["work_package_id"]].append(
            parts.activity(row, deliverables[row["id"]], partner_ids[row["id"]]))
    return by_package


def _children(kind: str, scope: dict) -> dict[int, list[dict]]:
    if kind == "activities":
        return _activities(scope)
    by_package = defaultdict(list)
    if kind == "outputs":
        for row in Output.objects.filter(**scope).order_by("number", "id").values(*parts.OUTPUT_COLUMNS):
            by_package[row["work_package_id"]].append(parts.output(row))
    else:
        for row in Investment.objects.filter(**scope).order_by("number", "id").values(*parts.INVESTMENT_COLUMNS):
            by_package[row["work_package_id"]].append(parts.investment(row))
    return by_package


def live(project_id: int, *, work_package_id: int | None = None, include=EVERYTHING) -> list[dict]:
    """The work packages of a project (or the one asked for) as dicts of `parts`, in number order, with the child
    lists named in `include` ("activities", "outputs", "investments")."""
    packages = WorkPackage.objects.filter(project_id=project_id)
    scope = {"work_package__project_id": project_id}
    if work_package_id is not None:
        packages = packages.filter(pk=work_package_id)
        scope = {"work_package_id": work_package_id}
    rows = list(packages.order_by("number", "id").values(*parts.WP_COLUMNS))
    if not rows:
        return []
    children = {kind: _children(kind, scope) for kind in sorted(include)}
    return [parts.work_package(row, **{kind: found.get(row["id"], []) for kind, found in children.items()})
            for row in rows]


def snapshot_part(project) -> dict:
    """Registered in SNAPSHOT_PARTS: the work plan frozen with each version."""
    return {"workPackages": live(project.pk)}


def work_packages(*, actor, project_id, version: str | None = None, include=EVERYTHING):
    """(access, version row or None, work packages) of a visible project (404 otherwise), live (with the child
    lists of `include`) or of a version (complete)."""
    acc = access.load(actor, project_id)
    row, snapshot = version_snapshot(acc.project, version)
    if snapshot is not None:
        return acc, row, list(snapshot.get("workPackages") or [])
    return acc, None, live(acc.project.pk, include=include)


def _count(model) -> Coalesce:
    rows = model.objects.filter(work_package=OuterRef("pk")).order_by().values("work_package")
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n"), output_field=IntegerField()), 0)


def outline(*, actor, project_id, version: str | None = None):
    """(access, version row or None, work packages without their child lists but with `activityCount`,
    `outputCount` and `investmentCount`) — the list of work packages, in one query when live."""
    acc = access.load(actor, project_id)
    row, snapshot = version_snapshot(acc.project, version)
    if snapshot is not None:
        return acc, row, [{**{key: value for key, value in wp.items() if key not in EVERYTHING}, **_counts(wp)}
                          for wp in snapshot.get("workPackages") or []]
    rows = (WorkPackage.objects.filter(project_id=acc.project.pk).order_by("number", "id")
            .annotate(**{f"{kind}_count": _count(model) for kind, model in CHILD_MODELS.items()})
            .values(*parts.WP_COLUMNS, *(f"{kind}_count" for kind in CHILD_MODELS)))
    return acc, None, [{**parts.work_package(wp), "activityCount": wp["activities_count"],
                        "outputCount": wp["outputs_count"], "investmentCount": wp["investments_count"]}
                       for wp in rows]


def _counts(wp: dict) -> dict:
    return {"activityCount": len(wp.get("activities") or []), "outputCount": len(wp.get("outputs") or []),
            "investmentCount": len(wp.get("investments") or [])}


def find(rows: list[dict], work_package_id) -> dict:
    """One work package of a list by id (404 when missing)."""
    work_package_id = _id(work_package_id, work_package_not_found)
    found = next((wp for wp in rows if wp["id"] == work_package_id), None)
    if found is None:
        raise work_package_not_found()
    return found


def work_package(*, actor, project_id, work_package_id, version: str | None = None, include=EVERYTHING):
    """(access, version row or None, work package) — 404 when the project or the work package is not visible.
    Live, only that work package is read, with the child lists of `include`."""
    acc = access.load(actor, project_id)
    row, snapshot = version_snapshot(acc.project, version)
    if snapshot is not None:
        return acc, row, find(list(snapshot.get("workPackages") or []), work_package_id)
    found = live(acc.project.pk, work_package_id=_id(work_package_id, work_package_not_found), include=include)
    if not found:
        raise work_package_not_found()
    return acc, None, found[0]


def find_investment(work_package: dict, investment_id) -> dict:
    investment_id = _id(investment_id, investment_not_found)
    found = next((i for i in work_package["investments"] if i["id"] == investment_id), None)
    if found is None:
        raise investment_not_found()
    return found


def activity_summaries(*, actor, project_id, version: str | None = None) -> list[dict]:
    """WorkPackageActivitySummaryDTO of every activity of the plan (one query when live)."""
    acc = access.load(actor, project_id)
    _row, snapshot = version_snapshot(acc.project, version)
    if snapshot is not None:
        return [{"activityId": a["id"], "workPackageNumber": wp["number"], "activityNumber": a["activityNumber"]}
                for wp in snapshot.get("workPackages") or [] for a in wp["activities"]]
    rows = (Activity.objects.filter(work_package__project_id=acc.project.pk)
            .order_by("work_package__number", "work_package_id", "number", "id")
            .values_list("id", "work_package__number", "number"))
    return [{"activityId": pk, "workPackageNumber": wp_number, "activityNumber": number}
            for pk, wp_number, number in rows]


def investment_summaries(*, actor, project_id, version: str | None = None) -> list[dict]:
    """InvestmentSummaryDTO of every investment of the plan (one query when live)."""
    acc = access.load(actor, project_id)
    _row, snapshot = version_snapshot(acc.project, version)
    if snapshot is not None:
        return [{"id": i["id"], "investmentNumber": i["investmentNumber"], "workPackageNumber": wp["number"],
                 "deactivated": bool(i["deactivated"])}
                for wp in snapshot.get("workPackages") or [] for i in wp["investments"]]
    rows = (Investment.objects.filter(work_package__project_id=acc.project.pk)
            .order_by("work_package__number", "work_package_id", "number", "id")
            .values_list("id", "number", "work_package__number", "deactivated"))
    return [{"id": pk, "investmentNumber": number, "workPackageNumber": wp_number, "deactivated": bool(off)}
            for pk, number, wp_number, off in rows]
