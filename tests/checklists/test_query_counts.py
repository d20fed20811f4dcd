"""Lists and details of checklist templates need the same number of SQL queries for 10 and for 200 rows
(templates in the lists, components in the details)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jems.checklists.models import ChecklistComponent, ProgrammeChecklist

from .conftest import ALL_KINDS, make_checklist

pytestmark = pytest.mark.django_db


def add_checklists(count, start=0):
    now = timezone.now()
    ProgrammeChecklist.objects.bulk_create([
        ProgrammeChecklist(type="CONTROL" if i % 2 else "CLOSURE", name=f"Checklist {i}", min_score=0, max_score=10,
                           locked=bool(i % 3), last_modification_date=now) for i in range(start, start + count)])


def add_components(checklist, count, start=0):
    ChecklistComponent.objects.bulk_create([
        ChecklistComponent(checklist=checklist, type=ALL_KINDS[i % 4][0], position=i, metadata=ALL_KINDS[i % 4][1])
        for i in range(start, start + count)])


def count_queries(get, url):
    get(url)  # warm up: the session's activity stamp is written at most once a minute
    with CaptureQueriesContext(connection) as queries:
        response = get(url)
    assert response.status_code == 200, response.content[:500]
    return len(queries)


@pytest.mark.parametrize("url", ["/app/programme/checklists", "/app/programme/checklists?sort=name,desc"])
def test_list_page(admin_page, no_templates, url):
    add_checklists(10)
    small = count_queries(admin_page.get, url)
    add_checklists(190, start=10)
    assert count_queries(admin_page.get, url) == small


@pytest.mark.parametrize("url", ["/api/programme/checklist", "/api/programme/checklist?sort=lastModificationDate,desc",
                                 "/api/programme/checklist/byType/CONTROL"])
def test_list_endpoints(admin_user, api_as, no_templates, url):
    api = api_as(admin_user)
    add_checklists(10)
    small = count_queries(api.get, url)
    add_checklists(190, start=10)
    assert count_queries(api.get, url) == small


@pytest.mark.parametrize("suffix", ["", "/preview"])
def test_detail_pages(admin_page, suffix):
    checklist = make_checklist()
    add_components(checklist, 10)
    url = f"/app/programme/checklists/{checklist.pk}{suffix}"
    small = count_queries(admin_page.get, url)
    add_components(checklist, 190, start=10)
    assert count_queries(admin_page.get, url) == small


def test_detail_endpoint(admin_user, api_as):
    api = api_as(admin_user)
    checklist = make_checklist()
    add_components(checklist, 10)
    url = f"/api/programme/checklist/detail/{checklist.pk}"
    small = count_queries(api.get, url)
    add_components(checklist, 190, start=10)
    assert count_queries(api.get, url) == small
    assert len(api.get(url).json()["components"]) == 200


def test_update_and_clone_write_components_in_bulk(admin_user, api_as):
    """Not one query per component: at most the batches SQLite needs for its bound-parameter limit."""
    api = api_as(admin_user)
    counts = []
    for size in (10, 200):
        checklist = make_checklist(name=f"Size {size}")
        add_components(checklist, size)
        body = api.get(f"/api/programme/checklist/detail/{checklist.pk}").json()
        for component in body["components"]:
            component["metadata"].pop("question", None)
        with CaptureQueriesContext(connection) as update:
            assert api.put("/api/programme/checklist/update", body).status_code == 200
        with CaptureQueriesContext(connection) as clone:
            assert api.post(f"/api/programme/checklist/{checklist.pk}/clone").status_code == 200
        counts.append((len(update), len(clone)))
    (small_update, small_clone), (large_update, large_clone) = counts
    assert large_update <= small_update + 2 and large_clone <= small_clone + 2
