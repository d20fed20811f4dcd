"""Reads of the C.4 work plan: live, or frozen in a past version (`?version=`). A fixed number of queries
whatever the size of the plan (one per table)."""

from django.db.models import Prefetch

from jems.core.errors import NotFound
from jems.projects import access
from jems.projects.partners.models import ProjectPartner
from jems.projects.queries import version_snapshot

from . import parts
from .models import Activity, Deliverable, Output, WorkPackage


def work_package_not_found() -> NotFound:
    return NotFound(key="project.workPackage.not.exists", code="PWP-ERR")


def investment_not_found() -> NotFound:
    return NotFound(key="project.workPackage.investment.not.exists", code="PWP-ERR-INVESTMENT")


def live(project_id: int) -> list[dict]:
    """The work packages of a project as dicts of `parts`, in number order."""
    rows = (WorkPackage.objects.filter(project_id=project_id)
            .prefetch_related(
                Prefetch("activities", Activity.objects.order_by("number", "id").prefetch_related(
                    Prefetch("deliverables", Deliverable.objects.order_by("number", "id")),
                    Prefetch("partners", ProjectPartner.objects.only("id")))),
                Prefetch("outputs", Output.objects.select_related("programme_output_indicator")
                         .order_by("number", "id")),
                "investments")
            .order_by("number", "id"))
    return [parts.work_package(row) for row in rows]


def snapshot_part(project) -> dict:
    """Registered in SNAPSHOT_PARTS: the work plan frozen with each version."""
    return {"workPackages": live(project.pk)}


def work_packages(*, actor, project_id, version: str | None = None):
    """(access, version row or None, work packages) of a visible project (404 otherwise), live or of a version."""
    acc = access.load(actor, project_id)
    row, snapshot = version_snapshot(acc.project, version)
    if snapshot is not None:
        return acc, row, list(snapshot.get("workPackages") or [])
    return acc, None, live(acc.project.pk)


def find(rows: list[dict], work_package_id) -> dict:
    """One work package of a list by id (404 when missing)."""
    try:
        work_package_id = int(work_package_id)
    except (TypeError, ValueError):
        raise work_package_not_found() from None
    found = next((wp for wp in rows if wp["id"] == work_package_id), None)
    if found is None:
        raise work_package_not_found()
    return found


def work_package(*, actor, project_id, work_package_id, version: str | None = None):
    """(access, version row or None, work package) — 404 when the project or the work package is not visible."""
    acc, row, rows = work_packages(actor=actor, project_id=project_id, version=version)
    return acc, row, find(rows, work_package_id)


def find_investment(work_package: dict, investment_id) -> dict:
    try:
        investment_id = int(investment_id)
    except (TypeError, ValueError):
        raise investment_not_found() from None
    found = next((i for i in work_package["investments"] if i["id"] == investment_id), None)
    if found is None:
        raise investment_not_found()
    return found


def activity_summaries(rows: list[dict]) -> list[dict]:
    """WorkPackageActivitySummaryDTO of every activity of the plan."""
    return [{"activityId": a["id"], "workPackageNumber": wp["number"], "activityNumber": a["activityNumber"]}
            for wp in rows for a in wp["activities"]]


def investment_summaries(rows: list[dict]) -> list[dict]:
    """InvestmentSummaryDTO of every investment of the plan."""
    return [{"id": i["id"], "investmentNumber": i["investmentNumber"], "workPackageNumber": wp["number"],
             "deactivated": bool(i["deactivated"])} for wp in rows for i in wp["investments"]]
