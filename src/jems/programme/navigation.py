"""The side navigation of the Programme menu (features.md, "UI navigation")."""

from django.utils.translation import gettext_lazy as _

PROGRAMME_MENU = (
    ("basic", _("Basic data"), "/app/programme"),
    ("languages", _("Languages"), "/app/programme/languages"),
    ("translations", _("Translation management"), "/app/programme/translationManagement"),
    ("areas", _("Geographical coverage"), "/app/programme/areas"),
    ("conversionRates", _("Conversion rates"), "/app/programme/conversionRates"),
    ("funds", _("Funds"), "/app/programme/funds"),
    ("priorities", _("Priorities"), "/app/programme/priorities"),
    ("indicators", _("Indicators"), "/app/programme/indicators"),
    ("strategies", _("Strategies"), "/app/programme/strategies"),
    ("legalStatus", _("Legal status"), "/app/programme/legalStatus"),
    ("typologyErrors", _("Typology of errors"), "/app/programme/typologyErrors"),
    ("costs", _("Simplified cost options"), "/app/programme/costs"),
    ("stateAid", _("State aid"), "/app/programme/stateAid"),
    ("checklists", _("Checklists"), "/app/programme/checklists"),
    ("dataExport", _("Data export"), "/app/programme/export"),
)


def programme_context(active: str) -> dict:
    """Context for templates extending programme/base.html."""
    return {"programme_menu": PROGRAMME_MENU, "programme_active": active}
