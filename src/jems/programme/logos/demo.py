"""Demo data of the programme logo (`jems load_demo`): a small logo drawn with Pillow for "Interreg
Danube-Alps Demo" (a blue plate with a river and the letters DAD), uploaded by the administrator through the
service. Idempotent: nothing changes when a logo is set."""

import io

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from jems.accounts.models import User
from jems.accounts.privileges import ADMINISTRATOR_ROLE_ID

from . import services
from .models import ProgrammeLogo


def drawn_logo() -> bytes:
    """A 360 x 120 px PNG: the demo programme's logo."""
    image = Image.new("RGBA", (360, 120), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, 359, 119), radius=18, fill=(11, 78, 162, 255))
    draw.line([(20, 92), (70, 70), (120, 88), (170, 62), (220, 84), (270, 58), (340, 76)],
              fill=(255, 191, 71, 255), width=10, joint="curve")
    draw.text((22, 14), "Interreg", fill=(255, 255, 255, 255), font_size=30)
    draw.text((200, 14), "DAD", fill=(255, 255, 255, 255), font_size=30)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def load(stdout) -> None:
    if ProgrammeLogo.objects.exists():
        return
    admin = (User.objects.filter(email__iexact=settings.ADMIN_EMAIL).first()
             or User.objects.filter(role_id=ADMINISTRATOR_ROLE_ID).order_by("id").first())
    if admin is None:
        stdout.write("Demo logo skipped (no administrator).")
        return
    services.upload_logo(actor=admin, upload=SimpleUploadedFile("interreg-danube-alps-demo.png", drawn_logo(),
                                                                content_type="image/png"))
    stdout.write("Programme logo: a drawn demo logo (48, 96 and 200 px high).")
