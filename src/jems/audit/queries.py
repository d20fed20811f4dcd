"""The read layer of the audit log: searching it (AuditRetrieve), one page with two queries."""

from jems.core.errors import Forbidden
from jems.core.pagination import PageRequest, paginate

from .models import AuditEvent

AUDIT_SORT_FIELDS = {"id": "id", "timestamp": "timestamp", "action": "action", "user.id": "user_id",
                     "user.email": "user_email", "project.id": "project_id"}
NEWEST_FIRST = ("-timestamp", "-id")


def search_audit(*, actor, page: PageRequest, user_ids=(), user_emails=(), actions=(), project_ids=(),
                 time_from=None, time_to=None) -> tuple[list[AuditEvent], int]:
    """Audit rows matching all given filters (each list: any of its values), newest first by default."""
    if actor is None or not actor.is_authenticated or not actor.has_privilege("AuditRetrieve"):
        raise Forbidden()
    events = AuditEvent.objects.all()
    if user_ids := [i for i in user_ids if i is not None]:
        events = events.filter(user_id__in=user_ids)
    if user_emails := [e for e in user_emails if e]:
        events = events.filter(user_email__in=user_emails)
    if actions := [str(getattr(a, "value", a)) for a in actions if a is not None]:
        events = events.filter(action__in=actions)
    if project_ids := [str(p) for p in project_ids if p]:
        events = events.filter(project_id__in=project_ids)
    if time_from is not None:
        events = events.filter(timestamp__gte=time_from)
    if time_to is not None:
        events = events.filter(timestamp__lte=time_to)
    return paginate(events, page)
