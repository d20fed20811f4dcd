"""Jems-compatible API: NotificationApi (1 operation): the caller's own notifications, newest first."""

from ninja import Query, Router

from jems.api.schemas import PageParams
from jems.core.pagination import page_request, spring_page

from . import queries
from .schemas import PageNotificationDTO, notification_dto

router = Router(tags=["notification"])


@router.get("/notification", response={200: PageNotificationDTO}, by_alias=True, operation_id="getMyNotifications",
            summary="Returns my notifications")
def get_my_notifications(request, paging: Query[PageParams]):
    page = page_request(paging.page, paging.size, paging.sort, queries.SORT_FIELDS, default=queries.NEWEST_FIRST)
    rows, total = queries.my_notifications(actor=request.user, page=page)
    return spring_page([notification_dto(row) for row in rows], total, page)
