"""The side navigation of the Programme menu (features.md, "UI navigation")."""

from django.utils.translation import gettext_lazy as _

from jems.accounts.privileges import Privilege as P

SETUP = (P.ProgrammeSetupRetrieve,)
CHECKLISTS = (P.ProgrammeSetupRetrieve, P.ProgrammeSetupUpdate)

# (key, label, url, privileges): an entry shows when the role holds any of its privileges, the privilege
# its page checks.
PROGRAMME_MENU = (
    ("basic", _("Basic data"), "/app/programme", SETUP),
    ("logo", _("Logo"), "/app/programme/logo", SETUP),
    ("languages", _("Languages"), "/app/programme/languages", SETUP),
    ("translations", _("Translation management"), "/app/programme/translationManagement", SETUP),
    ("areas", _("Geographical coverage"), "/app/programme/areas", SETUP),
    ("conversionRates", _("Conversion rates"), "/app/programme/conversionRates", SETUP),
    ("funds", _("Funds"), "/app/programme/funds", SETUP),
    ("priorities", _("Priorities"), "/app/programme/priorities", SETUP),
    ("indicators", _("Indicators"), "/app/programme/indicators", SETUP),
    ("strategies", _("Strategies"), "/app/programme/strategies", SETUP),
    ("legalStatus", _("Legal status"), "/app/programme/legalStatus", SETUP),
    ("typologyErrors", _("Typology of errors"), "/app/programme/typologyErrors", SETUP),
    ("costs", _("Simplified cost options"), "/app/programme/costs", SETUP),
    ("stateAid", _("State aid"), "/app/programme/stateAid", SETUP),
    ("checklists", _("Checklists"), "/app/programme/checklists", CHECKLISTS),
    ("dataExport", _("Data export"), "/app/programme/export", (P.ProgrammeDataExportRetrieve,)),
)


def programme_menu(user) -> list[tuple]:
    """The Programme menu entries whose pages the user's privileges open: (key, label, url)."""
    held = user.role.privilege_set
    return [(key, label, url) for key, label, url, privileges in PROGRAMME_MENU
            if any(str(p) in held for p in privileges)]


def programme_context(active: str, user) -> dict:
    """Context for templates extending programme/base.html."""
    return {"programme_menu": programme_menu(user), "programme_active": active}
