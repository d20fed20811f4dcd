"""ResourcesApi GET /api/resources/logo: public (no login), an empty list without a logo, else the three
base64 PNGs with their Jems logo types; one query whatever is stored."""

import base64

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jems.programme.logos import services

from .conftest import image_bytes, png_size

pytestmark = pytest.mark.django_db


def test_no_logo_is_an_empty_list_without_login(api_as):
    response = api_as().get("/api/resources/logo")
    assert response.status_code == 200
    assert response.json() == []


def test_three_logo_types_with_base64_pngs(api_as, admin_user, django_assert_num_queries):
    services.upload_logo(actor=admin_user, upload=SimpleUploadedFile("logo.png", image_bytes(300, 100)))
    client = api_as()
    with django_assert_num_queries(1):
        response = client.get("/api/resources/logo")
    assert response.status_code == 200
    body = response.json()
    assert [item["logoType"] for item in body] == [
        "INTERREG_PROGRAMME_LOGO_SMALL", "INTERREG_PROGRAMME_LOGO_MEDIUM", "INTERREG_PROGRAMME_LOGO_LARGE"]
    assert [png_size(base64.b64decode(item["value"])) for item in body] == [(144, 48), (288, 96), (600, 200)]
    assert set(body[0]) == {"logoType", "value"}
    assert api_as(admin_user).get("/api/resources/logo").json() == body  # the same with a login
