"""NotificationApi GET /api/notification: own notifications only, newest first, Spring page, DTO shape,
403 without NotificationsRetrieve, 401 anonymous, fixed number of queries."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jems.notifications.models import Notification

pytestmark = pytest.mark.django_db


def make(user, project, count, partner=None):
    group = uuid.uuid4()
    Notification.objects.bulk_create([
        Notification(user=user, project=project, partner=partner, type="ProjectSubmitted", subject=f"Subject {i}",
                     body=f"Body {i}", group_id=group) for i in range(count)])


def test_my_notifications(readers, project, people, api_as):
    make(people["applicant"], project, 3, partner=people["lead_partner"])
    make(people["stranger"], project, 2)
    Notification.objects.create(user=people["applicant"], type="SystemMessage", subject="System", body="",
                                group_id=uuid.uuid4())
    response = api_as(people["applicant"]).get("/api/notification", size=2)
    assert response.status_code == 200
    page = response.json()
    assert page["totalElements"] == 4 and page["totalPages"] == 2 and page["numberOfElements"] == 2
    assert page["number"] == 0 and page["first"] and not page["last"]
    newest = page["content"][0]
    assert newest["subject"] == "System" and newest["type"] == "SystemMessage" and newest["project"] is None
    assert newest["partner"] is None and newest["time"]
    second = page["content"][1]
    assert second["project"] == {"callId": project.call_id, "callName": "Open call", "projectId": project.pk,
                                 "projectIdentifier": project.custom_identifier, "projectAcronym": "GREEN"}
    assert second["partner"] == {"partnerId": people["lead_partner"].pk, "partnerRole": "LEAD_PARTNER",
                                 "partnerNumber": 1}
    rest = api_as(people["applicant"]).get("/api/notification", size=2, page=1).json()
    assert [n["subject"] for n in rest["content"]] == ["Subject 1", "Subject 0"]
    by_subject = api_as(people["applicant"]).get("/api/notification", sort="subject,asc").json()
    assert [n["subject"] for n in by_subject["content"]][:2] == ["Subject 0", "Subject 1"]


def test_refusals(project, people, api_as):
    assert api_as(people["applicant"]).get("/api/notification").status_code == 403  # no NotificationsRetrieve
    assert api_as().get("/api/notification").status_code == 401


def test_unknown_sort_is_422(admin_user, api_as):
    response = api_as(admin_user).get("/api/notification", sort="nope,asc")
    assert response.status_code == 422


def test_query_count_is_fixed(readers, project, people, api_as):
    client = api_as(people["applicant"])
    counts = []
    for count in (10, 200):
        make(people["applicant"], project, count - Notification.objects.count(), partner=people["lead_partner"])
        assert client.get("/api/notification", size=2000).status_code == 200  # warm-up
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/notification", size=2000)
        assert response.json()["totalElements"] == count
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 6, counts
