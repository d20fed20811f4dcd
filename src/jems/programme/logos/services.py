"""The write layer of the programme logo: upload (or replace) and remove.

A user with ProgrammeSetupUpdate uploads one PNG or JPEG image of at most 1 MiB; from it we generate three
PNGs, 48, 96 and 200 px high with the aspect ratio kept (LogoSize), store them in Django's default storage
(local folder or S3-compatible) under a fresh folder per upload and record where they are in the single
ProgrammeLogo row. Replacing and removing delete the previous files once the transaction has committed.
Every change is audited as PROGRAMME_BASIC_DATA_EDITED (the logo belongs to the programme's basic data;
the contract's audit actions have no logo action), in the same transaction.
"""

import io
import uuid
import warnings

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageOps, UnidentifiedImageError

from jems.accounts.privileges import Privilege
from jems.accounts.services import require
from jems.audit.actions import AuditAction
from jems.audit.services import record
from jems.core.errors import ValidationFailed

from . import queries
from .models import LogoSize, ProgrammeLogo, storage_path

MAX_BYTES = 1024 * 1024  # 1 MiB
MAX_PIXELS = 16_000_000  # of the uploaded image (a small file may hold a huge picture; 64 MB decoded)
MAX_RATIO = 10  # width : height; at 200 px high the logo is at most 2000 px wide
ACCEPTED_FORMATS = ("PNG", "JPEG")


def _refuse(key: str, **args) -> ValidationFailed:
    arguments = {name: str(value) for name, value in args.items()}
    return ValidationFailed(key=key, args=arguments,
                            form_errors={"file": {"i18nKey": key, "i18nArguments": arguments}})


def _open(upload) -> Image.Image:
    """The uploaded image, decoded, upright (EXIF orientation) and in RGB or RGBA; refusals on field `file`."""
    if upload is None:
        raise _refuse("programme.logo.file.required")
    if (getattr(upload, "size", 0) or 0) > MAX_BYTES:
        raise _refuse("programme.logo.file.too.big", maxSize="1 MiB")
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _refuse("programme.logo.file.too.big", maxSize="1 MiB")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
            if image.width * image.height > MAX_PIXELS:
                raise _refuse("programme.logo.image.too.many.pixels", maxPixels=f"{MAX_PIXELS:,}")
            image.load()
    except (UnidentifiedImageError, ValueError):
        raise _refuse("programme.logo.file.type") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refuse("programme.logo.image.too.many.pixels", maxPixels=f"{MAX_PIXELS:,}") from None
    except OSError:  # truncated or broken PNG / JPEG data
        raise _refuse("programme.logo.image.unreadable") from None
    if image.width > image.height * MAX_RATIO:
        raise _refuse("programme.logo.image.too.wide", ratio=MAX_RATIO)
    try:
        image = ImageOps.exif_transpose(image)
        transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        return image.convert("RGBA" if transparent else "RGB")
    except (OSError, ValueError):
        raise _refuse("programme.logo.image.unreadable") from None


def _png(image: Image.Image, height: int) -> tuple[bytes, int]:
    """The image scaled to `height` px (aspect ratio kept) as PNG bytes, and its width."""
    width = max(1, round(image.width * height / image.height))
    buffer = io.BytesIO()
    image.resize((width, height), Image.Resampling.LANCZOS).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue(), width


def _delete_files(key: str) -> None:
    for size in LogoSize:
        default_storage.delete(storage_path(key, size))


def _changed() -> None:
    """The site header shows the new state from the next request on (in this process at once, and in
    every process once the transaction has committed)."""
    queries.invalidate()
    transaction.on_commit(queries.invalidate)


def upload_logo(*, actor, upload) -> ProgrammeLogo:
    """Set or replace the programme's logo from an uploaded PNG or JPEG (`upload` has `name`, `size` and
    `read()`). 403 without ProgrammeSetupUpdate; 422 on field `file` when no file is sent, it is larger than
    1 MiB, not a PNG or JPEG image, broken, larger than 16 million pixels or wider than 10 : 1."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    image = _open(upload)
    original = image.size
    pngs = {size: _png(image, int(size)) for size in LogoSize}
    name = ((getattr(upload, "name", "") or "").strip() or "logo")[:255]
    key = uuid.uuid4().hex
    saved = []
    with transaction.atomic():
        previous = ProgrammeLogo.objects.select_for_update().filter(pk=ProgrammeLogo.SINGLETON_ID).first()
        try:
            for size, (content, _width) in pngs.items():
                saved.append(default_storage.save(storage_path(key, size), ContentFile(content)))
            logo = ProgrammeLogo(pk=ProgrammeLogo.SINGLETON_ID, key=key, original_name=name,
                                 small_width=pngs[LogoSize.SMALL][1], medium_width=pngs[LogoSize.MEDIUM][1],
                                 large_width=pngs[LogoSize.LARGE][1], uploaded_by=actor,
                                 uploaded_at=timezone.now())
            logo.save(force_insert=previous is None, force_update=previous is not None)
            verb = "replaced" if previous else "uploaded"
            record(AuditAction.PROGRAMME_BASIC_DATA_EDITED, actor=actor, entity_related_id=logo.pk,
                   description=f"Programme logo {verb}: {name} ({original[0]} x {original[1]} px), stored as PNG "
                               f"{', '.join(f'{pngs[s][1]} x {int(s)}' for s in LogoSize)} px")
        except Exception:
            for path in saved:  # no stored files without their row
                default_storage.delete(path)
            raise
        if previous is not None:
            transaction.on_commit(lambda: _delete_files(previous.key))
        _changed()
    return logo


def remove_logo(*, actor) -> bool:
    """Remove the programme's logo (its files go once the transaction has committed). False when none was
    set (nothing changes, nothing is audited). 403 without ProgrammeSetupUpdate."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    with transaction.atomic():
        logo = ProgrammeLogo.objects.select_for_update().filter(pk=ProgrammeLogo.SINGLETON_ID).first()
        if logo is None:
            return False
        logo.delete()
        record(AuditAction.PROGRAMME_BASIC_DATA_EDITED, actor=actor, entity_related_id=ProgrammeLogo.SINGLETON_ID,
               description=f"Programme logo removed: {logo.original_name}")
        transaction.on_commit(lambda: _delete_files(logo.key))
        _changed()
    return True
