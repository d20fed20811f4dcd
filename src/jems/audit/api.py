"""Jems-compatible API of the audit log (AuditApi)."""

from ninja import Body, Query, Router

from jems.api.schemas import PageParams
from jems.core.pagination import page_request, spring_page

from . import queries
from .schemas import AuditSearchRequestDTO, PageAuditDTO, audit_dto

router = Router(tags=["audit"])


@router.post("", response={200: PageAuditDTO}, by_alias=True, operation_id="getAudits",
             summary="Search for audit events")
def get_audits(request, paging: Query[PageParams], search: Body[AuditSearchRequestDTO] = None):
    search = search or AuditSearchRequestDTO()
    page = page_request(paging.page, paging.size, paging.sort, queries.AUDIT_SORT_FIELDS,
                        default=queries.NEWEST_FIRST)
    events, total = queries.search_audit(actor=request.user, page=page, user_ids=search.user_ids,
                                         user_emails=search.user_emails, actions=search.actions,
                                         project_ids=search.project_ids, time_from=search.time_from,
                                         time_to=search.time_to)
    return spring_page([audit_dto(e) for e in events], total, page)
