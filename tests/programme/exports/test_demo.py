"""The demo lists a finished projects and partners export that contain the demo projects."""

import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from jems.programme.exports.models import ProgrammeDataExport
from jems.projects.models import Project

pytestmark = pytest.mark.django_db


def test_demo_exports(settings):
    settings.DEMO_MODE = True
    call_command("load_demo", stdout=io.StringIO())
    runs = list(ProgrammeDataExport.objects.order_by("id"))
    assert [r.plugin_key for r in runs] == ["standard-programme-projects-export-plugin",
                                            "standard-programme-partners-export-plugin"]
    assert all(r.end_time and not r.failed for r in runs)
    sheet = load_workbook(io.BytesIO(bytes(runs[0].content)), read_only=True).worksheets[0]
    acronyms = {row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert acronyms == set(Project.objects.values_list("acronym", flat=True)) and acronyms
    call_command("load_demo", stdout=io.StringIO())
    assert ProgrammeDataExport.objects.count() == 2
