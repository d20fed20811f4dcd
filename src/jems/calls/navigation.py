"""The side navigation of a call (features.md, "UI navigation": /app/call/detail/:callId/...)."""

from django.utils.translation import gettext_lazy as _

CALL_MENU = (
    ("general", _("General call settings"), ""),
    ("budget", _("Budget settings"), "/budgetSettings"),
    ("formConfiguration", _("Application form configuration"), "/applicationFormConfiguration"),
    ("preSubmissionCheck", _("Pre-submission check settings"), "/preSubmissionCheckSettings"),
    ("checklists", _("Checklists"), "/checklists"),
    ("notifications", _("Notifications"), "/notificationSettings/project"),
    ("translations", _("Translations"), "/translationSettings"),
)


def call_context(call, active: str) -> dict:
    """Context for templates extending calls/base.html: the call and its side navigation."""
    base = f"/app/call/detail/{call.pk}"
    return {"call": call, "call_active": active,
            "call_menu": [(key, label, base + suffix) for key, label, suffix in CALL_MENU]}
