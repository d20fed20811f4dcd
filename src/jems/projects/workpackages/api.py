"""ProjectWorkPackageApi, ProjectWorkPackageActivityApi, ProjectWorkPackageOutputApi and
ProjectWorkPackageInvestmentApi, plus the two ProjectApi reads of the work plan (activities and investment
summaries). Reads take `?version=` and answer from the version's snapshot."""

from django.http import HttpResponse
from ninja import Router, Status

from jems.api.json import dumps
from jems.core.errors import ValidationFailed
from jems.core.translatable import from_api, to_api

from . import parts, queries, services
from .schemas import (
    InputWorkPackageCreate,
    InputWorkPackageUpdate,
    InvestmentSummaryDTO,
    OutputWorkPackage,
    OutputWorkPackageSimple,
    ProjectWorkPackageDTO,
    WorkPackageActivityDTO,
    WorkPackageActivityInput,
    WorkPackageActivitySummaryDTO,
    WorkPackageInvestmentDTO,
    WorkPackageInvestmentInput,
    WorkPackageOutputDTO,
    WorkPackageOutputInput,
    target_value,
)

router = Router(tags=["project"])

BASE = "/project/{projectId}/workPackage"


def _translated(data: dict, spec: dict) -> dict:
    return {key: to_api(data.get(key)) for key in spec}


def _simple(wp: dict) -> dict:
    return {"id": wp["id"], "number": wp["number"], "name": to_api(wp["name"]), "deactivated": wp["deactivated"]}


def _full(wp: dict) -> dict:
    return {**_simple(wp), **_translated(wp, parts.WP_TEXTS)}


def _activity(a: dict) -> dict:
    return {**a, **_translated(a, parts.ACTIVITY_TEXTS),
            "deliverables": [{**d, **_translated(d, parts.DELIVERABLE_TEXTS)} for d in a["deliverables"]]}


def _output(o: dict) -> dict:
    return {**o, **_translated(o, parts.OUTPUT_TEXTS), "targetValue": target_value(o["targetValue"])}


def _investment(i: dict) -> dict:
    return {**i, **_translated(i, parts.INVESTMENT_TEXTS), "deactivated": bool(i["deactivated"])}


def _texts_in(dto, spec: dict) -> dict:
    return {key: from_api(getattr(dto, _snake(key))) for key in spec}


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name)


def _investment_in(dto: WorkPackageInvestmentInput) -> dict:
    address = dto.address.model_dump(by_alias=True) if dto.address else {}
    return {**_texts_in(dto, parts.INVESTMENT_TEXTS), "expectedDeliveryPeriod": dto.expected_delivery_period,
            "address": address, "deactivated": bool(dto.deactivated)}


# --- ProjectApi reads of the work plan ------------------------------------------------------------------------


@router.get("/project/{projectId}/activities", response={200: list[WorkPackageActivitySummaryDTO]}, by_alias=True,
            operation_id="getProjectActivities")
def get_project_activities(request, projectId: int, version: str | None = None):  # noqa: N803
    return queries.activity_summaries(actor=request.user, project_id=projectId, version=version)


@router.get("/project/{projectId}/summaries", response={200: list[InvestmentSummaryDTO]}, by_alias=True,
            operation_id="getProjectInvestmentSummaries")
def get_project_investment_summaries(request, projectId: int, version: str | None = None):  # noqa: N803
    return queries.investment_summaries(actor=request.user, project_id=projectId, version=version)


# --- ProjectWorkPackageApi ------------------------------------------------------------------------------------


@router.get(BASE, response={200: list[OutputWorkPackageSimple]}, by_alias=True,
            operation_id="getWorkPackagesByProjectId")
def get_work_packages_by_project_id(request, projectId: int, version: str | None = None):  # noqa: N803
    _acc, _row, rows = queries.work_packages(actor=request.user, project_id=projectId, version=version,
                                             include=())
    return [_simple(wp) for wp in rows]


@router.post(BASE, response={200: OutputWorkPackage}, by_alias=True, operation_id="createWorkPackage")
def create_work_package(request, projectId: int, workPackage: InputWorkPackageCreate):  # noqa: N803
    row = services.create_work_package(actor=request.user, project_id=projectId,
                                       data=_texts_in(workPackage, parts.WP_TEXTS))
    return _full(queries.work_package(actor=request.user, project_id=projectId, work_package_id=row.pk,
                                      include=())[2])


@router.put(BASE, response={200: OutputWorkPackage}, by_alias=True, operation_id="updateWorkPackage")
def update_work_package(request, projectId: int, workPackage: InputWorkPackageUpdate):  # noqa: N803
    services.update_work_package(actor=request.user, project_id=projectId, work_package_id=workPackage.id,
                                 data=_texts_in(workPackage, parts.WP_TEXTS))
    return _full(queries.work_package(actor=request.user, project_id=projectId, work_package_id=workPackage.id,
                                      include=())[2])


@router.get(f"{BASE}/withOutputsAndActivities", response={200: list[ProjectWorkPackageDTO]}, by_alias=True,
            operation_id="getWorkPackagesForTimePlanByProjectId")
def get_work_packages_for_time_plan(request, projectId: int, version: str | None = None):  # noqa: N803
    """The whole work plan without investments. Written as JSON directly: the dicts already have the exact keys
    and values of ProjectWorkPackageDTO (test_api compares with the schema's serialisation), and validating the
    thousands of nested objects of a maxed-out plan through the schemas would take seconds."""
    _acc, _row, rows = queries.work_packages(actor=request.user, project_id=projectId, version=version,
                                             include=("activities", "outputs"))
    items = [{"id": wp["id"], "deactivated": wp["deactivated"], "workPackageNumber": wp["number"],
              "name": to_api(wp["name"]), "activities": [_activity(a) for a in wp["activities"]],
              "outputs": [_output(o) for o in wp["outputs"]]} for wp in rows]
    return HttpResponse(dumps(items), content_type="application/json; charset=utf-8")


@router.get(BASE + "/{workPackageId}", response={200: OutputWorkPackage}, by_alias=True,
            operation_id="getWorkPackageById")
def get_work_package_by_id(request, projectId: int, workPackageId: int,  # noqa: N803
                           version: str | None = None):
    return _full(queries.work_package(actor=request.user, project_id=projectId, work_package_id=workPackageId,
                                      version=version, include=())[2])


@router.put(BASE + "/{workPackageId}", response={200: OutputWorkPackageSimple}, by_alias=True,
            operation_id="deactivateWorkPackage")
def deactivate_work_package(request, projectId: int, workPackageId: int):  # noqa: N803
    services.deactivate_work_package(actor=request.user, project_id=projectId, work_package_id=workPackageId)
    return _simple(queries.work_package(actor=request.user, project_id=projectId, work_package_id=workPackageId,
                                        include=())[2])


@router.delete(BASE + "/{workPackageId}", response={200: None}, operation_id="deleteWorkPackage")
def delete_work_package(request, projectId: int, workPackageId: int):  # noqa: N803
    services.delete_work_package(actor=request.user, project_id=projectId, work_package_id=workPackageId)
    return Status(200, None)


# --- ProjectWorkPackageActivityApi ----------------------------------------------------------------------------


@router.get(BASE + "/{workPackageId}/activity", response={200: list[WorkPackageActivityDTO]}, by_alias=True,
            operation_id="getActivities")
def get_activities(request, projectId: int, workPackageId: int, version: str | None = None):  # noqa: N803
    wp = queries.work_package(actor=request.user, project_id=projectId, work_package_id=workPackageId,
                              version=version, include=("activities",))[2]
    return [_activity(a) for a in wp["activities"]]


@router.put(BASE + "/{workPackageId}/activity", response={200: list[WorkPackageActivityDTO]}, by_alias=True,
            operation_id="updateActivities")
def update_activities(request, projectId: int, workPackageId: int,  # noqa: N803
                      activities: list[WorkPackageActivityInput]):
    data = [{"id": a.id, **_texts_in(a, parts.ACTIVITY_TEXTS), "startPeriod": a.start_period,
             "endPeriod": a.end_period, "partnerIds": a.partner_ids, "deactivated": bool(a.deactivated),
             "deliverables": [{"deliverableId": d.deliverable_id, **_texts_in(d, parts.DELIVERABLE_TEXTS),
                               "period": d.period, "deactivated": bool(d.deactivated)} for d in a.deliverables]}
            for a in activities]
    services.update_activities(actor=request.user, project_id=projectId, work_package_id=workPackageId,
                               activities=data)
    return get_activities(request, projectId, workPackageId)


# --- ProjectWorkPackageOutputApi ------------------------------------------------------------------------------


@router.get(BASE + "/{workPackageId}/output", response={200: list[WorkPackageOutputDTO]}, by_alias=True,
            operation_id="getOutputs")
def get_outputs(request, projectId: int, workPackageId: int, version: str | None = None):  # noqa: N803
    wp = queries.work_package(actor=request.user, project_id=projectId, work_package_id=workPackageId,
                              version=version, include=("outputs",))[2]
    return [_output(o) for o in wp["outputs"]]


@router.put(BASE + "/{workPackageId}/output", response={200: list[WorkPackageOutputDTO]}, by_alias=True,
            operation_id="updateOutputs")
def update_outputs(request, projectId: int, workPackageId: int,  # noqa: N803
                   outputs: list[WorkPackageOutputInput]):
    data = [{**_texts_in(o, parts.OUTPUT_TEXTS), "programmeOutputIndicatorId": o.programme_output_indicator_id,
             "targetValue": o.target_value, "periodNumber": o.period_number, "deactivated": bool(o.deactivated)}
            for o in outputs]
    services.update_outputs(actor=request.user, project_id=projectId, work_package_id=workPackageId, outputs=data)
    return get_outputs(request, projectId, workPackageId)


# --- ProjectWorkPackageInvestmentApi --------------------------------------------------------------------------


@router.get(BASE + "/{workPackageId}/investment", response={200: list[WorkPackageInvestmentDTO]}, by_alias=True,
            operation_id="getWorkPackageInvestments")
def get_work_package_investments(request, projectId: int, workPackageId: int,  # noqa: N803
                                 version: str | None = None):
    wp = queries.work_package(actor=request.user, project_id=projectId, work_package_id=workPackageId,
                              version=version, include=("investments",))[2]
    return [_investment(i) for i in wp["investments"]]


@router.post(BASE + "/{workPackageId}/investment", response={200: int}, operation_id="addWorkPackageInvestment")
def add_work_package_investment(request, projectId: int, workPackageId: int,  # noqa: N803
                                investment: WorkPackageInvestmentInput):
    row = services.add_investment(actor=request.user, project_id=projectId, work_package_id=workPackageId,
                                  data=_investment_in(investment))
    return row.pk


@router.put(BASE + "/{workPackageId}/investment", response={200: None}, operation_id="updateWorkPackageInvestment")
def update_work_package_investment(request, projectId: int, workPackageId: int,  # noqa: N803
                                   investment: WorkPackageInvestmentInput):
    if investment.id is None:
        raise ValidationFailed(fields={"id": "project.workPackage.investment.not.exists"})
    services.update_investment(actor=request.user, project_id=projectId, work_package_id=workPackageId,
                               investment_id=investment.id, data=_investment_in(investment))
    return Status(200, None)


@router.get(BASE + "/{workPackageId}/investment/{investmentId}", response={200: WorkPackageInvestmentDTO},
            by_alias=True, operation_id="getWorkPackageInvestment")
def get_work_package_investment(request, projectId: int, workPackageId: int, investmentId: int,  # noqa: N803
                                version: str | None = None):
    wp = queries.work_package(actor=request.user, project_id=projectId, work_package_id=workPackageId,
                              version=version, include=("investments",))[2]
    return _investment(queries.find_investment(wp, investmentId))


@router.delete(BASE + "/{workPackageId}/investment/{investmentId}", response={200: None},
               operation_id="deleteWorkPackageInvestment")
def delete_work_package_investment(request, projectId: int, workPackageId: int, investmentId: int):  # noqa: N803
    services.delete_investment(actor=request.user, project_id=projectId, work_package_id=workPackageId,
                               investment_id=investmentId)
    return Status(200, None)
