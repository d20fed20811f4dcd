"""Programme → Logo page (upload, replace, remove, inline errors, read-only and refused roles), the public logo
images and the site header: the logo with the programme's name as alt text, at no extra query per page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from jems.audit.models import AuditEvent
from jems.programme.logos.models import ProgrammeLogo
from jems.programme.models import ProgrammeData

from .conftest import image_bytes, png_size

pytestmark = pytest.mark.django_db

PAGE = "/app/programme/logo"


@pytest.fixture
def titled(db):
    ProgrammeData.objects.update_or_create(pk=1, defaults={"title": "Interreg Test & Co"})


def post_file(client, content, name="logo.png"):
    return client.post(PAGE, {"file": SimpleUploadedFile(name, content)})


def test_upload_replace_remove(admin_page, titled):
    page = admin_page.get(PAGE)
    assert page.status_code == 200
    html = page.content.decode()
    assert "No logo is set." in html and 'aria-current="page">Logo</a>' in html
    assert 'class="brand__logo"' not in html

    response = post_file(admin_page, image_bytes(300, 100))
    assert response.status_code == 302 and response["Location"] == PAGE
    first = ProgrammeLogo.objects.get()
    html = admin_page.get(PAGE).content.decode()
    assert "The logo is saved." in html
    assert "Uploaded from logo.png" in html and "Remove the logo" in html and "Replace the logo" in html
    assert f'src="/resources/logo/200.png?v={first.key}" width="600" height="200"' in html
    assert (f'<img class="brand__logo" src="/resources/logo/48.png?v={first.key}" srcset="/resources/logo/48.png?'
            f'v={first.key} 1x, /resources/logo/96.png?v={first.key} 2x" width="144" height="48" '
            'alt="Interreg Test &amp; Co">') in html

    post_file(admin_page, image_bytes(100, 100), name="square.png")
    second = ProgrammeLogo.objects.get()
    assert second.key != first.key and second.original_name == "square.png"
    assert f'/resources/logo/48.png?v={second.key}" srcset' in admin_page.get(PAGE).content.decode()

    response = admin_page.post(PAGE, {"remove": "1"})
    assert response.status_code == 302
    html = admin_page.get(PAGE).content.decode()
    assert "The logo is removed." in html and "No logo is set." in html and 'class="brand__logo"' not in html
    assert not ProgrammeLogo.objects.exists()
    assert AuditEvent.objects.filter(description__startswith="Programme logo").count() == 3


@pytest.mark.parametrize("content, name, message", [
    (b"GIF89a....", "logo.gif", "Only PNG and JPEG images can be used as logo."),
    (b"\x89PNG" + b"0" * (1024 * 1024), "big.png", "The image is larger than 1 MiB."),
    (image_bytes(1100, 100), "wide.png", "The image is more than 10 times as wide as it is high."),
    (None, None, "Choose an image to upload."),
])
def test_refusals_show_on_the_file_field(admin_page, content, name, message):
    response = (admin_page.post(PAGE, {}) if content is None else post_file(admin_page, content, name))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<p class="field__error" id="id_file_error">{message}</p>' in html
    assert 'aria-describedby="id_file_hint id_file_error" aria-invalid="true"' in html
    assert f'<a href="#id_file">Logo image (PNG or JPEG): {message}</a>' in html  # the error summary
    assert not ProgrammeLogo.objects.exists()


def test_reader_sees_the_logo_without_forms_and_may_not_change_it(admin_page, programme_page):
    post_file(admin_page, image_bytes())
    html = programme_page.get(PAGE).content.decode()
    assert "Uploaded from logo.png" in html
    assert "Remove the logo" not in html and 'type="file"' not in html
    assert post_file(programme_page, image_bytes(50, 50)).status_code == 403
    assert programme_page.post(PAGE, {"remove": "1"}).status_code == 403
    assert ProgrammeLogo.objects.get().original_name == "logo.png"


def test_applicant_and_anonymous_do_not_get_the_page(applicant_page):
    assert applicant_page.get(PAGE).status_code == 403
    response = Client().get(PAGE)
    assert response.status_code == 302 and response["Location"].startswith("/no-auth/login")


def test_images_are_public_and_cacheable(admin_page):
    assert Client().get("/resources/logo/48.png").status_code == 404
    post_file(admin_page, image_bytes(300, 100))
    key = ProgrammeLogo.objects.get().key
    anonymous = Client()
    response = anonymous.get(f"/resources/logo/96.png?v={key}")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert png_size(response.content) == (288, 96)
    assert anonymous.get("/resources/logo/96.png?v=old")["Cache-Control"] == "no-cache"
    assert anonymous.get("/resources/logo/50.png").status_code == 404
    login = anonymous.get("/no-auth/login").content.decode()
    assert f'/resources/logo/48.png?v={key}' in login  # the header of public pages too


def count(client, url):
    client.get(url)  # warm up: the session's activity stamp, the cached header logo
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/app/dashboard", PAGE, "/app/programme"])
def test_the_header_logo_costs_no_query_per_page(admin_page, titled, url):
    without = count(admin_page, url)
    post_file(admin_page, image_bytes())
    with_logo = count(admin_page, url)
    assert 'class="brand__logo"' in admin_page.get(url).content.decode()
    assert with_logo == without


def test_header_alt_text_without_a_programme_title(admin_page):
    ProgrammeData.objects.update_or_create(pk=1, defaults={"title": None})
    post_file(admin_page, image_bytes())
    assert 'width="144" height="48" alt="Programme logo">' in admin_page.get("/app/dashboard").content.decode()
