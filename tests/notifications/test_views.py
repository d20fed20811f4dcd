"""Dashboard block "My notifications": shown with NotificationsRetrieve only, own rows, paging, read state,
mark as read (POST with CSRF, another user's is 404), fixed number of queries."""

import uuid

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from jems.notifications.models import Notification
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

DASHBOARD = "/app/dashboard"


def login(user, **kwargs) -> Client:
    client = Client(**kwargs)
    assert client.login(email=user.email, password=PASSWORD)
    return client


def make(user, project, count, start=0):
    group = uuid.uuid4()
    Notification.objects.bulk_create([
        Notification(user=user, project=project, type="ProjectSubmitted", subject=f"Subject {i}",
                     body=f"Line one\nline two of {i}", group_id=group) for i in range(start, start + count)])


def test_block_with_paging_and_own_rows_only(readers, project, people):
    make(people["applicant"], project, 12)
    make(people["stranger"], project, 1, start=99)
    client = login(people["applicant"])
    html = client.get(DASHBOARD).content.decode()
    assert "My notifications" in html and "12 unread" in html
    assert "Subject 11" in html and "Subject 2" in html and "Subject 1<" not in html
    assert "Subject 99" not in html
    assert "line two of 11" in html and f"/app/project/detail/{project.pk}" in html
    assert "1–10 of 12" in html and 'rel="next"' in html
    second = client.get(DASHBOARD, {"page": 2}).content.decode()
    assert "Subject 1<" in second and "Subject 0<" in second and "Subject 2<" not in second
    past_the_end = client.get(DASHBOARD, {"page": 9}).content.decode()
    assert "11–12 of 12" in past_the_end


def test_no_block_without_the_privilege(project, people):
    make(people["applicant"], project, 1)
    html = login(people["applicant"]).get(DASHBOARD).content.decode()
    assert "My notifications" not in html
    assert login(people["applicant"]).post("/app/notification/read").status_code == 403


def test_empty_block(admin_user):
    html = login(admin_user).get(DASHBOARD).content.decode()
    assert "You have no notifications." in html and "Mark all as read" not in html


def test_mark_as_read(readers, project, people):
    make(people["applicant"], project, 12)
    make(people["stranger"], project, 1, start=99)
    client = login(people["applicant"])
    first = Notification.objects.filter(user=people["applicant"]).order_by("id").first()
    response = client.post(f"/app/notification/{first.pk}/read", {"page": "2"})
    assert response.status_code == 302 and response["Location"] == "/app/dashboard?page=2#my-notifications"
    first.refresh_from_db()
    assert first.read_at is not None
    assert "11 unread" in client.get(DASHBOARD).content.decode()
    theirs = Notification.objects.get(user=people["stranger"])
    assert client.post(f"/app/notification/{theirs.pk}/read").status_code == 404
    assert client.get(f"/app/notification/{first.pk}/read").status_code == 405
    response = client.post("/app/notification/read")
    assert response["Location"] == "/app/dashboard#my-notifications"
    assert not Notification.objects.filter(user=people["applicant"], read_at__isnull=True).exists()
    assert Notification.objects.filter(user=people["stranger"], read_at__isnull=True).exists()
    html = client.get(DASHBOARD).content.decode()
    assert "unread" not in html and "Mark all as read" not in html


def test_mark_as_read_needs_csrf(readers, project, people):
    make(people["applicant"], project, 1)
    client = login(people["applicant"], enforce_csrf_checks=True)
    assert client.post("/app/notification/read").status_code == 403
    assert Notification.objects.filter(read_at__isnull=True).count() == 1


def test_anonymous_goes_to_login():
    response = Client().post("/app/notification/read")
    assert response.status_code == 302 and "/no-auth/login" in response["Location"]


def test_query_count_is_fixed(readers, project, people):
    client = login(people["applicant"])
    counts = []
    for count in (10, 200):
        make(people["applicant"], project, count - Notification.objects.count())
        assert client.get(DASHBOARD).status_code == 200  # warm-up
        with CaptureQueriesContext(connection) as queries:
            client.get(DASHBOARD)
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
