"""Forms of the controller-institution pages: name and description, and the users' rows."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import UserInstitutionAccessLevel
from .services import DESCRIPTION_MAX, NAME_MAX, InstitutionUserInput

EXTRA_USER_ROWS = 3


class InstitutionForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=NAME_MAX)
    description = forms.CharField(label=_("Description"), max_length=DESCRIPTION_MAX, required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, can_edit=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_edit:
            for f in self.fields.values():
                f.disabled = True


def user_rows(post=None, members=()) -> list[dict]:
    """The rows of the users table: the posted ones, or the stored members plus empty rows to add users."""
    if post is not None:
        try:
            count = min(int(post.get("users-count", "0")), 1000)
        except ValueError:
            count = 0
        rows = [{"index": i, "email": post.get(f"users-{i}-email", "").strip(),
                 "level": post.get(f"users-{i}-level", UserInstitutionAccessLevel.View),
                 "remove": bool(post.get(f"users-{i}-remove")), "error": None} for i in range(count)]
    else:
        rows = [{"index": i, "email": m.user.email, "level": m.access_level, "remove": False, "error": None}
                for i, m in enumerate(members)]
    start = len(rows)
    if post is None or not any(not r["email"] for r in rows):
        rows += [{"index": start + i, "email": "", "level": UserInstitutionAccessLevel.View, "remove": False,
                  "error": None} for i in range(EXTRA_USER_ROWS)]
    return rows


def users_input(rows) -> tuple[list[InstitutionUserInput], list[int]]:
    """The users the rows keep, and for each the index of its row (to put errors back on the row)."""
    kept = [r for r in rows if r["email"] and not r["remove"]]
    return ([InstitutionUserInput(user_email=r["email"], access_level=r["level"]) for r in kept],
            [r["index"] for r in kept])
