"""Jems-compatible API: CallNotificationConfigurationApi (6 operations, see docs/api.md).

Reads need CallRetrieve, updates CallUpdate; handlers parse, call one service or query and render.
"""

from ninja import Body, Router

from . import queries, services
from .codelists import PARTNER_REPORT, PROJECT, PROJECT_REPORT
from .schemas import ProjectNotificationConfigurationDTO, configuration_dto, configuration_input

router = Router(tags=["call"])

BASE = "/call/{callId}/notificationConfigurations"
OUT = {200: list[ProjectNotificationConfigurationDTO]}


def _get(request, call_id, tab):
    _call, rows = queries.configurations(actor=request.user, call_id=call_id, tab=tab)
    return [configuration_dto(row) for row in rows]


def _update(request, call_id, tab, body):
    rows = services.update_configurations(actor=request.user, call_id=call_id, tab=tab,
                                          configurations=[configuration_input(item) for item in body])
    return [configuration_dto(row) for row in rows]


@router.get(BASE + "/project", response=OUT, by_alias=True, operation_id="getProjectNotificationsByCallId",
            summary="Returns set of project notification configurations by call id")
def get_project_notifications(request, callId: int):  # noqa: N803 (the contract's name)
    return _get(request, callId, PROJECT)


@router.post(BASE + "/project", response=OUT, by_alias=True, operation_id="updateProjectNotifications",
             summary="Update project notification configurations")
def update_project_notifications(request, callId: int,  # noqa: N803
                                 body: Body[list[ProjectNotificationConfigurationDTO]]):
    return _update(request, callId, PROJECT, body)


@router.get(BASE + "/partnerReport", response=OUT, by_alias=True, operation_id="getPartnerReportNotificationsByCallId",
            summary="Returns set of partner report notification configurations by call id")
def get_partner_report_notifications(request, callId: int):  # noqa: N803
    return _get(request, callId, PARTNER_REPORT)


@router.post(BASE + "/partnerReport", response=OUT, by_alias=True, operation_id="updatePartnerReportNotifications",
             summary="Update partner report notification configurations")
def update_partner_report_notifications(request, callId: int,  # noqa: N803
                                        body: Body[list[ProjectNotificationConfigurationDTO]]):
    return _update(request, callId, PARTNER_REPORT, body)


@router.get(BASE + "/projectReport", response=OUT, by_alias=True, operation_id="getProjectReportNotificationsByCallId",
            summary="Returns set of project report notification configurations by call id")
def get_project_report_notifications(request, callId: int):  # noqa: N803
    return _get(request, callId, PROJECT_REPORT)


@router.post(BASE + "/projectReport", response=OUT, by_alias=True, operation_id="updateProjectReportNotifications",
             summary="Update project report notification configurations")
def update_project_report_notifications(request, callId: int,  # noqa: N803
                                        body: Body[list[ProjectNotificationConfigurationDTO]]):
    return _update(request, callId, PROJECT_REPORT, body)
