"""Fixed query counts of the run list (API and page) whatever the number of runs (10 vs 200)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jems.programme.exports.models import ProgrammeDataExport
from tests.programme.conftest import logged_in

pytestmark = pytest.mark.django_db


def add_runs(user, count):
    ProgrammeDataExport.objects.bulk_create(
        ProgrammeDataExport(plugin_key="standard-programme-projects-export-plugin", export_language="EN",
                            input_language="EN", user=user, file_name=f"projects_{n}.xlsx", content=b"x" * 1000)
        for n in range(count))


def count(call) -> int:
    call()  # warm-up
    with CaptureQueriesContext(connection) as ctx:
        response = call()
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("path", ["/api/programme/export/list", "/app/programme/export"])
def test_fixed_queries(api_as, programme_user, path):
    client = api_as(programme_user) if path.startswith("/api") else logged_in(programme_user)
    add_runs(programme_user, 10)
    small = count(lambda: client.get(path))
    add_runs(programme_user, 190)
    assert count(lambda: client.get(path)) == small
