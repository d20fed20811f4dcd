"""Template context of the UI shell: version, help links and the top menu items the user may see."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from jems import __version__
from jems.accounts.privileges import Privilege as P

# The pages of System (key, label, URL name, privileges their page checks): one shows when the role holds
# any of its privileges; the System menu item shows when at least one page does.
SYSTEM_PAGES = (
    ("user", _("Users"), "accounts:user_list", (P.UserRetrieve,)),
    ("role", _("Roles"), "accounts:role_list", (P.RoleRetrieve,)),
    ("audit", _("Audit log"), "audit:log", (P.AuditRetrieve,)),
    ("plugins", _("Plugins"), "plugins:list", (P.ProgrammeSetupRetrieve,)),
)

# Top menu of Jems: an item shows when the role holds any of its privileges.
TOP_MENU = (
    ("dashboard", _("Dashboard"), "/app/dashboard", None),
    ("project", _("Applications"), "/app/project", (P.ProjectRetrieve, P.ProjectRetrieveEditUserAssignments)),
    ("call", _("Calls"), "/app/call", (P.CallRetrieve,)),
    ("programme", _("Programme"), "/app/programme", (P.ProgrammeSetupRetrieve, P.ProgrammeDataExportRetrieve)),
    ("controller", _("Controllers"), "/app/controller",
     (P.InstitutionsRetrieve, P.InstitutionsUnlimited, P.InstitutionsAssignmentRetrieve)),
    ("payments", _("Payments"), "/app/payments",
     (P.PaymentsRetrieve, P.AdvancePaymentsRetrieve, P.PaymentsToEcRetrieve, P.PaymentsAuditRetrieve,
      P.PaymentsAccountRetrieve)),
    ("system", _("System"), "/app/system", tuple(p for *_entry, privileges in SYSTEM_PAGES for p in privileges)),
)


def menu_for(user) -> list[dict]:
    if not user.is_authenticated:
        return []
    held = user.role.privilege_set
    return [
        {"key": key, "label": label, "url": url}
        for key, label, url, privileges in TOP_MENU
        if privileges is None or any(str(p) in held for p in privileges)
    ]


def active_menu(path: str, menu: list[dict]) -> str | None:
    """The key of the top menu item the current page belongs to."""
    for item in menu:
        if path == item["url"] or path.startswith(item["url"] + "/"):
            return item["key"]
    return None


def shell(request):
    user = getattr(request, "user", None)
    top_menu = menu_for(user) if user is not None else []
    return {
        "jems_version": __version__,
        "helpdesk_url": settings.HELPDESK_URL,
        "helpdesk_email": settings.HELPDESK_EMAIL,
        "accessibility_statement_url": settings.ACCESSIBILITY_STATEMENT_URL,
        "terms_privacy_url": settings.TERMS_PRIVACY_URL,
        "top_menu": top_menu,
        "active_menu": active_menu(request.path, top_menu),
    }
