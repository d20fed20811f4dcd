"""Template context of the UI shell: the programme logo of the site header (cached, see queries.header_logo)."""

from django.urls import reverse
from django.utils.translation import gettext

from . import queries
from .models import LogoSize


def header_logo(request) -> dict:
    logo = queries.header_logo()
    if logo is None:
        return {"header_logo": None}
    url = reverse("programme_logos:image", args=[int(LogoSize.SMALL)])
    medium = reverse("programme_logos:image", args=[int(LogoSize.MEDIUM)])
    return {"header_logo": {
        "src": f"{url}?v={logo['key']}", "src_2x": f"{medium}?v={logo['key']}",
        "width": logo["small_width"], "height": int(LogoSize.SMALL),
        "alt": logo["title"] or gettext("Programme logo"),
    }}
