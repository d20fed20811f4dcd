"""Browser: an applicant uploads an annex with a description, downloads it and deletes it; axe on the page."""

import pytest

from jems.projects.files.models import ProjectFile
from tests.browser_support import log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_upload_download_delete(page, axe, applicant, project, tmp_path):
    source = tmp_path / "work plan.txt"
    source.write_bytes(b"Work plan of GREEN")
    log_in(page, applicant.email, PASSWORD)
    page.goto(f"/app/project/detail/{project.pk}")
    page.get_by_role("link", name="Application annexes").first.click()
    page.wait_for_url("**/annexes")
    axe(page, "annexes (empty)")
    page.locator("#id_file").set_input_files(str(source))
    page.locator("#id_description").fill("Draft work plan")
    page.get_by_role("button", name="Upload").click()
    page.wait_for_url("**/annexes")
    item = ProjectFile.objects.get(project=project)
    assert (item.name, item.description) == ("work plan.txt", "Draft work plan")
    assert page.get_by_role("cell", name="work plan.txt", exact=True).is_visible()
    axe(page, "annexes with a file")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download work plan.txt").click()
    download = info.value
    assert download.suggested_filename == "work plan.txt"
    assert open(download.path(), "rb").read() == b"Work plan of GREEN"
    page.get_by_role("button", name="Delete work plan.txt").click()
    page.wait_for_url("**/annexes")
    assert page.get_by_text("No file has been uploaded here yet.").is_visible()
    assert not ProjectFile.objects.filter(project=project).exists()
