"""AuditApi: search with filters and paging, our USER_LOGIN_FAILED rows, the query budget."""

from datetime import timedelta

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jems.audit.actions import AuditAction
from jems.audit.models import AuditEvent
from jems.audit.services import AuditProject, record

from .conftest import login


def _rows(admin_user, programme_user):
    """Four rows at known times, oldest first."""
    now = timezone.now().replace(microsecond=0)
    events = [
        record(AuditAction.CALL_ADDED, actor=admin_user, description="call 1 created"),
        record(AuditAction.APPLICATION_STATUS_CHANGED, actor=programme_user, description="DRAFT -> SUBMITTED",
               project=AuditProject(id=7, custom_identifier="00007", name="ACRO")),
        record(AuditAction.CALL_PUBLISHED, actor=admin_user, description="call 1 published"),
        record(AuditAction.USER_LOGIN_FAILED, user_id=programme_user.pk, user_email=programme_user.email,
               description="wrong password (failed attempt 1)"),
    ]
    for age, event in zip((30, 20, 10, 0), events, strict=True):
        AuditEvent.objects.filter(pk=event.pk).update(timestamp=now - timedelta(days=age))
    return now, events


def _descriptions(response):
    assert response.status_code == 200, response.content
    return [row["description"] for row in response.json()["content"]]


def test_audit_rows_have_the_jems_shape_newest_first(admin_user, programme_user, api_as):
    _, events = _rows(admin_user, programme_user)
    page = api_as(admin_user).post("/api/audit").json()
    newest, status_row = page["content"][0], page["content"][2]
    assert set(newest) == {"id", "timestamp", "action", "project", "user", "description"}
    # our extra action: null for Jems clients, its name leading the description
    assert newest["action"] is None
    assert newest["description"] == "USER_LOGIN_FAILED: wrong password (failed attempt 1)"
    assert newest["user"] == {"id": programme_user.pk, "email": programme_user.email}
    assert status_row["id"] == str(events[1].pk)
    assert status_row["action"] == "APPLICATION_STATUS_CHANGED"
    assert status_row["project"] == {"id": "7", "customIdentifier": "00007", "name": "ACRO"}
    assert page["content"][1]["project"] is None
    assert page["totalElements"] == 4


def test_audit_filters(admin_user, programme_user, api_as):
    now, _ = _rows(admin_user, programme_user)
    client = api_as(admin_user)
    by_action = client.post("/api/audit", {"actions": ["CALL_ADDED", "CALL_PUBLISHED"]})
    assert _descriptions(by_action) == ["call 1 published", "call 1 created"]
    failed = client.post("/api/audit", {"actions": ["USER_LOGIN_FAILED"]})
    assert _descriptions(failed) == ["USER_LOGIN_FAILED: wrong password (failed attempt 1)"]
    by_email = client.post("/api/audit", {"userEmails": [programme_user.email]})
    assert len(_descriptions(by_email)) == 2
    by_user_id = client.post("/api/audit", {"userIds": [admin_user.pk], "actions": ["CALL_ADDED"]})
    assert _descriptions(by_user_id) == ["call 1 created"]
    by_project = client.post("/api/audit", {"projectIds": ["7"]})
    assert _descriptions(by_project) == ["DRAFT -> SUBMITTED"]
    time_range = client.post("/api/audit", {"timeFrom": (now - timedelta(days=25)).isoformat(),
                                            "timeTo": (now - timedelta(days=5)).isoformat()})
    assert _descriptions(time_range) == ["call 1 published", "DRAFT -> SUBMITTED"]
    unknown_action = client.post("/api/audit", {"actions": ["NO_SUCH_ACTION"]})
    assert (unknown_action.status_code, unknown_action.content) == (400, b"")


def test_audit_paging_and_sort(admin_user, programme_user, api_as):
    _rows(admin_user, programme_user)
    client = api_as(admin_user)
    second = client.post("/api/audit?page=1&size=3").json()
    assert (second["number"], second["size"], second["totalElements"], second["totalPages"]) == (1, 3, 4, 2)
    assert _descriptions_of(second) == ["call 1 created"]
    oldest_first = client.post("/api/audit?size=2&sort=timestamp,asc").json()
    assert _descriptions_of(oldest_first) == ["call 1 created", "DRAFT -> SUBMITTED"]


def _descriptions_of(page):
    return [row["description"] for row in page["content"]]


def test_a_blocked_login_can_be_found_in_the_audit(admin_user, programme_user, api_as):
    for _ in range(11):
        login(Client(), programme_user.email, "wrong")
    rows = api_as(admin_user).post("/api/audit", {"actions": ["USER_LOGIN_FAILED"],
                                                  "userEmails": [programme_user.email]}).json()
    assert rows["totalElements"] == 11
    assert rows["content"][0]["description"].startswith("USER_LOGIN_FAILED: login blocked")


def test_audit_needs_audit_retrieve(applicant, api_as):
    assert api_as(applicant).post("/api/audit").status_code == 403


def _bulk(count):
    now = timezone.now()
    AuditEvent.objects.bulk_create(
        AuditEvent(timestamp=now, action=AuditAction.CALL_ADDED, user_id=i, user_email=f"u{i}@example.org",
                   project_id=str(i) if i % 2 else "", description=f"row {i}", previous_hash="0", hash=f"bulk-{i}")
        for i in range(count))


def test_audit_query_count_does_not_grow_with_rows(admin_user, api_as):
    client = api_as(admin_user)
    counts = []
    for count in (10, 500):
        AuditEvent.objects.filter(hash__startswith="bulk-").delete()
        _bulk(count)
        with CaptureQueriesContext(connection) as queries:
            response = client.post("/api/audit?size=1000", {"actions": ["CALL_ADDED"]})
        assert response.json()["numberOfElements"] == count
        counts.append(len(queries))
    assert counts[0] == counts[1]
