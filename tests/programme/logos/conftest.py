"""Fixtures of the programme-logo tests: files in a temporary folder, no cached header logo between tests, and
images made with Pillow."""

import io

import pytest
from PIL import Image

from jems.programme.logos import queries


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def no_cached_logo():
    queries.invalidate()
    yield
    queries.invalidate()


def image_bytes(width=300, height=100, *, format="PNG", mode="RGBA", colour=(11, 78, 162, 255)) -> bytes:
    image = Image.new(mode, (width, height), colour[:len(mode)] if mode != "CMYK" else (90, 50, 0, 30))
    buffer = io.BytesIO()
    image.save(buffer, format=format)
    return buffer.getvalue()


def png_size(content: bytes) -> tuple[int, int]:
    image = Image.open(io.BytesIO(content))
    assert image.format == "PNG"
    return image.size
