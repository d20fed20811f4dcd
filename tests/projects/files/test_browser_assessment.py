"""Browser: a programme user uploads an assessment file on the Assessment files page (after an inline error);
axe on the page."""

import pytest

from jems.projects.files.models import ProjectFile
from tests.browser_support import log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_assessment_files(page, axe, programme_user, project, tmp_path):
    source = tmp_path / "eligibility.txt"
    source.write_bytes(b"Eligibility notes")
    log_in(page, programme_user.email, PASSWORD)
    page.goto(f"/app/project/detail/{project.pk}/assessmentFiles")
    axe(page, "assessment files (empty)")
    page.get_by_role("button", name="Upload").click()
    assert page.locator("#id_file_error").is_visible()
    axe(page, "assessment files with an error")
    page.locator("#id_file").set_input_files(str(source))
    page.locator("#id_description").fill("Eligibility notes of the assessor")
    page.get_by_role("button", name="Upload").click()
    page.wait_for_url("**/assessmentFiles")
    assert ProjectFile.objects.get(project=project).category == "ASSESSMENT"
    assert page.get_by_role("cell", name="eligibility.txt", exact=True).is_visible()
    axe(page, "assessment files with a file")
