"""Read layer of the notifications: "my notifications" of the API and of the dashboard (NotificationsRetrieve),
the user's own only, newest first, in a fixed number of queries whatever their number."""

from jems.accounts.privileges import Privilege
from jems.accounts.services import require
from jems.core.pagination import PageRequest, paginate

from .models import Notification

NEWEST_FIRST = ("-created_at", "-id")
SORT_FIELDS = {"id": "id", "time": "created_at", "type": "type", "subject": "subject"}


def sees_notifications(user) -> bool:
    """Whether the user's role shows "My notifications" (NotificationsRetrieve)."""
    return user.is_authenticated and user.has_privilege(Privilege.NotificationsRetrieve)


def my_notifications(*, actor, page: PageRequest) -> tuple[list[Notification], int]:
    """One page of the actor's own notifications with their project, call and partner, and the total
    (two queries). 403 without NotificationsRetrieve."""
    require(actor, Privilege.NotificationsRetrieve)
    rows = Notification.objects.filter(user=actor).select_related("project__call", "partner")
    return paginate(rows, page)


def unread_count(user) -> int:
    """How many of the user's notifications are not read yet."""
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
