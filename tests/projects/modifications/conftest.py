"""Fixtures of the modification-request tests: files in a temporary folder, a contracted project."""

import pytest

from jems.projects.models import ApplicationStatus


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return settings.MEDIA_ROOT


@pytest.fixture
def contracted(project):
    project.status = ApplicationStatus.CONTRACTED
    project.save(update_fields=["status"])
    return project
