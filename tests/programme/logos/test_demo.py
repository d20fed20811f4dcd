"""Demo logo: drawn with Pillow, uploaded through the service once; a second run changes nothing."""

import io

import pytest

from jems.programme.logos import demo, queries
from jems.programme.logos.models import ProgrammeLogo

from .conftest import png_size

pytestmark = pytest.mark.django_db


def test_demo_logo_is_idempotent(admin_user):
    demo.load(io.StringIO())
    logo = ProgrammeLogo.objects.get()
    assert (logo.small_width, logo.medium_width, logo.large_width) == (144, 288, 600)
    assert png_size(queries.pdf_logo()) == (600, 200)
    out = io.StringIO()
    demo.load(out)
    assert ProgrammeLogo.objects.get().key == logo.key and out.getvalue() == ""
