"""The user list and the audit log need the same number of SQL queries for 10 and for 500 rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jems.accounts.models import Role, User
from jems.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def add_users(count, start=0):
    roles = list(Role.objects.all())
    User.objects.bulk_create([
        User(email=f"user{i}@example.org", name=f"Name{i}", surname=f"Surname{i}", role=roles[i % len(roles)],
             password="!") for i in range(start, start + count)
    ])


def add_events(count, start=0):
    now = timezone.now()
    AuditEvent.objects.bulk_create([
        AuditEvent(timestamp=now, action="USER_DATA_CHANGED" if i % 2 else "USER_ADDED", user_id=i,
                   user_email=f"user{i}@example.org", description=f"event {i}", previous_hash="0" * 64,
                   hash=f"{i:064d}") for i in range(start, start + count)
    ])


def count_queries(client, url):
    client.get(url)  # warm up: the session's activity stamp is written at most once a minute
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


USER_URLS = ["/app/system/user", "/app/system/user?size=100&sort=role,desc",
             "/app/system/user?role=2&status=ACTIVE&name=Name&size=10"]
AUDIT_URLS = ["/app/system/audit", "/app/system/audit?size=100",
              "/app/system/audit?action=USER_ADDED&user_email=user4@example.org&page=2&size=10"]


@pytest.mark.parametrize("url", USER_URLS)
def test_user_list_query_count_is_fixed(admin_client_, url):
    add_users(10)
    small = count_queries(admin_client_, url)
    add_users(490, start=10)
    assert User.objects.count() > 500
    large = count_queries(admin_client_, url)
    assert small == large, (small, large)
    assert large <= 10


@pytest.mark.parametrize("url", AUDIT_URLS)
def test_audit_log_query_count_is_fixed(admin_client_, url):
    add_events(10)
    small = count_queries(admin_client_, url)
    add_events(490, start=10)
    large = count_queries(admin_client_, url)
    assert small == large, (small, large)
    assert large <= 8


def test_role_list_query_count_is_fixed(admin_client_):
    small = count_queries(admin_client_, "/app/system/role")
    Role.objects.bulk_create([Role(name=f"role {i}", permissions=["CallRetrieve"]) for i in range(60)])
    assert count_queries(admin_client_, "/app/system/role") == small
