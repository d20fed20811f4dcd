"""Programme logo service: the three PNG heights generated from a PNG or JPEG upload, replace and remove with
their files and audit rows, the refusals (no file, too large, wrong type, broken, too many pixels, too wide,
wrong privilege), pdf_logo() and the cached header lookup."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from jems.audit.models import AuditEvent
from jems.core.errors import Forbidden, ValidationFailed
from jems.programme.logos import queries, services
from jems.programme.logos.models import LogoSize, ProgrammeLogo, storage_path
from jems.programme.models import ProgrammeData

from .conftest import image_bytes, png_size

pytestmark = pytest.mark.django_db


def upload(content: bytes, name="logo.png", content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def logo_events():
    return list(AuditEvent.objects.filter(description__startswith="Programme logo").order_by("id")
                .values_list("action", "description"))


def test_upload_generates_the_three_heights_keeping_the_aspect_ratio(admin_user):
    logo = services.upload_logo(actor=admin_user, upload=upload(image_bytes(300, 100)))
    assert (logo.small_width, logo.medium_width, logo.large_width) == (144, 288, 600)
    for size, width in ((48, 144), (96, 288), (200, 600)):
        with default_storage.open(storage_path(logo.key, size), "rb") as file:
            assert png_size(file.read()) == (width, size)
    assert logo.original_name == "logo.png" and logo.uploaded_by == admin_user
    assert logo_events() == [("PROGRAMME_BASIC_DATA_EDITED", "Programme logo uploaded: logo.png (300 x 100 px), "
                              "stored as PNG 144 x 48, 288 x 96, 600 x 200 px")]


def test_jpeg_is_accepted_and_stored_as_png_transparency_is_kept(admin_user):
    logo = services.upload_logo(actor=admin_user, upload=upload(
        image_bytes(80, 160, format="JPEG", mode="CMYK"), name="logo.jpg", content_type="image/jpeg"))
    assert (logo.small_width, logo.large_width) == (24, 100)
    large = Image.open(io.BytesIO(queries.pdf_logo()))
    assert (large.format, large.mode, large.size) == ("PNG", "RGB", (100, 200))
    services.upload_logo(actor=admin_user, upload=upload(image_bytes(100, 100, colour=(0, 0, 0, 0))))
    large = Image.open(io.BytesIO(queries.pdf_logo()))
    assert large.mode == "RGBA" and large.getpixel((10, 10))[3] == 0


def test_replace_swaps_the_files_after_the_commit(admin_user, django_capture_on_commit_callbacks):
    first = services.upload_logo(actor=admin_user, upload=upload(image_bytes(100, 100), name="old.png"))
    with django_capture_on_commit_callbacks(execute=True):
        second = services.upload_logo(actor=admin_user, upload=upload(image_bytes(200, 100), name="new.png"))
    assert ProgrammeLogo.objects.get() == second and second.key != first.key
    assert not any(default_storage.exists(storage_path(first.key, size)) for size in LogoSize)
    assert all(default_storage.exists(storage_path(second.key, size)) for size in LogoSize)
    assert [description.split(":")[0] for _action, description in logo_events()] == [
        "Programme logo uploaded", "Programme logo replaced"]


def test_remove_deletes_row_and_files_and_is_audited(admin_user, django_capture_on_commit_callbacks):
    logo = services.upload_logo(actor=admin_user, upload=upload(image_bytes()))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.remove_logo(actor=admin_user) is True
    assert not ProgrammeLogo.objects.exists()
    assert not any(default_storage.exists(storage_path(logo.key, size)) for size in LogoSize)
    assert logo_events()[-1] == ("PROGRAMME_BASIC_DATA_EDITED", "Programme logo removed: logo.png")
    assert services.remove_logo(actor=admin_user) is False  # nothing to remove: nothing audited
    assert len(logo_events()) == 2
    assert queries.pdf_logo() is None


def gif():
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="GIF")
    return buffer.getvalue()


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'


@pytest.mark.parametrize("content, key", [
    (None, "programme.logo.file.required"),
    (gif(), "programme.logo.file.type"),
    (SVG, "programme.logo.file.type"),
    (b"not an image at all", "programme.logo.file.type"),
    (image_bytes(300, 100)[:200], "programme.logo.image.unreadable"),
    (image_bytes(1100, 100), "programme.logo.image.too.wide"),
    (image_bytes(8000, 6000, mode="L", colour=(255,)), "programme.logo.image.too.many.pixels"),
    (b"\x89PNG" + b"0" * (1024 * 1024), "programme.logo.file.too.big"),
])
def test_refusals_are_field_errors_of_the_file(admin_user, content, key):
    with pytest.raises(ValidationFailed) as refused:
        services.upload_logo(actor=admin_user, upload=None if content is None else upload(content))
    assert refused.value.status == 422
    assert refused.value.key == key
    assert refused.value.form_errors["file"]["i18nKey"] == key
    assert not ProgrammeLogo.objects.exists() and logo_events() == []


def test_exactly_one_mebibyte_is_accepted(admin_user):
    content = image_bytes(300, 100)
    content += b"\0" * (1024 * 1024 - len(content))  # trailing bytes after the PNG's end
    assert len(content) == 1024 * 1024
    assert services.upload_logo(actor=admin_user, upload=upload(content)).large_width == 600


def test_without_the_update_privilege_403(admin_user, programme_user, applicant):
    for actor in (programme_user, applicant):
        with pytest.raises(Forbidden) as refused:
            services.upload_logo(actor=actor, upload=upload(image_bytes()))
        assert refused.value.status == 403
    services.upload_logo(actor=admin_user, upload=upload(image_bytes()))
    with pytest.raises(Forbidden):
        services.remove_logo(actor=programme_user)
    assert ProgrammeLogo.objects.exists()


def test_pdf_logo_is_the_200_px_png(admin_user):
    assert queries.pdf_logo() is None
    services.upload_logo(actor=admin_user, upload=upload(image_bytes(150, 50)))
    assert png_size(queries.pdf_logo()) == (600, 200)


def test_header_lookup_is_cached_and_follows_changes(admin_user, django_assert_num_queries):
    ProgrammeData.objects.update_or_create(pk=1, defaults={"title": "Interreg Test"})
    assert queries.header_logo() is None
    with django_assert_num_queries(0):
        assert queries.header_logo() is None
    logo = services.upload_logo(actor=admin_user, upload=upload(image_bytes(300, 100)))
    with django_assert_num_queries(1):
        header = queries.header_logo()
    assert header == {"key": logo.key, "small_width": 144, "medium_width": 288, "large_width": 600,
                      "title": "Interreg Test"}
    with django_assert_num_queries(0):
        assert queries.header_logo() == header
    ProgrammeData.objects.update_or_create(pk=1, defaults={"title": "Interreg Renamed"})
    assert queries.header_logo()["title"] == "Interreg Renamed"
    services.remove_logo(actor=admin_user)
    assert queries.header_logo() is None
