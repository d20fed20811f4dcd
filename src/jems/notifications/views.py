"""The "My notifications" block of the dashboard (its context, built here for core's dashboard view) and the
two POST actions that mark notifications as read, which go back to the dashboard page they came from."""

from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from jems.core.pagination import PageRequest
from jems.core.views import app_view, pager

from . import queries, services

PAGE_SIZE = 10


def _page_number(value) -> int:
    try:
        return max(int(value or 1), 1)
    except (TypeError, ValueError):
        return 1


def dashboard_context(request) -> dict:
    """Context of the dashboard block: one page (?page=, 10 a page) of the user's notifications, newest
    first, the pager and the unread count (three queries); empty for users without NotificationsRetrieve."""
    if not queries.sees_notifications(request.user):
        return {}
    page = _page_number(request.GET.get("page"))
    rows, total = _page(request.user, page)
    paging = pager(request, page=page, size=PAGE_SIZE, total=total)
    if paging["page"] != page:  # a page past the end shows the last one
        rows, total = _page(request.user, paging["page"])
    return {"my_notifications": rows, "notifications_pager": paging,
            "notifications_unread": queries.unread_count(request.user)}


def _page(user, page: int):
    return queries.my_notifications(actor=user, page=PageRequest(page - 1, PAGE_SIZE, queries.NEWEST_FIRST))


def _back(request):
    page = _page_number(request.POST.get("page"))
    url = reverse("core:dashboard") + (f"?page={page}" if page > 1 else "")
    return redirect(url + "#my-notifications")


@require_POST
@app_view
def mark_read(request, notification_id: int):
    services.mark_read(actor=request.user, notification_id=notification_id)
    return _back(request)


@require_POST
@app_view
def mark_all_read(request):
    services.mark_all_read(actor=request.user)
    return _back(request)
