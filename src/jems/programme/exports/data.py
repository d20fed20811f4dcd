"""The standard programme data export plugins (PROGRAMME_DATA_EXPORT, features §2.14): an XLSX of all projects
(call, status, budget) and an XLSX of all partners, headers in the export language and translatable data in
the data language. Budgets are the calculated totals (finance-rules §1.3) of the live form."""

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jems.core.translatable import in_language
from jems.plugins.hookspecs import ExportResult, PluginType, hookimpl
from jems.projects.budget.totals import partner_budgets
from jems.projects.models import Project
from jems.projects.partners.models import AddressType, ProjectPartner

from .xlsx import Book

PROJECTS_PLUGIN_KEY = "standard-programme-projects-export-plugin"
PARTNERS_PLUGIN_KEY = "standard-programme-partners-export-plugin"


def _projects():
    return list(Project.objects.select_related("call").order_by("id"))


def _stamp() -> str:
    return timezone.now().strftime("%y%m%d_%H%M%S")


def projects_xlsx(*, export_language: str, data_language: str, plugin_options: str = "") -> ExportResult:
    """One row per project: identifiers, title, call, status, duration, number of partners and total budget."""
    with translation.override(export_language.lower()):
        book = Book()
        book.sheet(_("Projects"), [_("Project ID"), _("Custom identifier"), _("Acronym"), _("Title"), _("Call ID"),
                                   _("Call name"), _("Status"), _("Duration in months"), _("Number of partners"),
                                   _("Total budget")])
        for project in _projects():
            totals = partner_budgets(project)
            book.row([project.pk, project.custom_identifier, project.acronym, in_language(project.title, data_language),
                      project.call_id, project.call.name, project.status, project.duration, len(totals),
                      sum((t.total for t in totals.values()), start=0)])
    return book.result(f"projects_{_stamp()}.xlsx")


def partners_xlsx(*, export_language: str, data_language: str, plugin_options: str = "") -> ExportResult:
    """One row per partner of every project: project, partner number, names, role, type, country, status and
    total budget (inactive partners included)."""
    with translation.override(export_language.lower()):
        book = Book()
        book.sheet(_("Partners"), [_("Project ID"), _("Custom identifier"), _("Acronym"), _("Partner number"),
                                   _("Partner abbreviation"), _("Name in original language"),
                                   _("Name in English"), _("Role"), _("Type"), _("Country"), _("Status"),
                                   _("Total budget")])
        partners = (ProjectPartner.objects.select_related("project").prefetch_related("addresses")
                    .order_by("project_id", "sort_number", "id"))
        budgets: dict[int, dict] = {}
        for partner in partners:
            project = partner.project
            if project.pk not in budgets:
                budgets[project.pk] = partner_budgets(project)
            org = next((a for a in partner.addresses.all() if a.type == AddressType.Organization), None)
            role = "LP" if partner.role == "LEAD_PARTNER" else "PP"
            total = budgets[project.pk].get(partner.pk)
            book.row([project.pk, project.custom_identifier, project.acronym, f"{role}{partner.sort_number}",
                      partner.abbreviation, partner.name_in_original_language, partner.name_in_english,
                      partner.role, partner.partner_type, org.country if org else "",
                      _("Active") if partner.active else _("Inactive"), total.total if total else 0])
    return book.result(f"partners_{_stamp()}.xlsx")


class ProgrammeDataPlugin:
    """A standard PROGRAMME_DATA_EXPORT plugin around one of the workbook functions above."""

    plugin_type = PluginType.PROGRAMME_DATA_EXPORT
    version = "1.0"

    def __init__(self, key: str, name: str, description: str, build):
        self.key, self.name, self.description, self.build = key, name, description, build

    @hookimpl
    def jems_programme_data_export(self, export_language, data_language, plugin_options) -> ExportResult:
        return self.build(export_language=export_language, data_language=data_language,
                          plugin_options=plugin_options or "")


def register_builtin(registry_module) -> None:
    """Register the standard projects and partners XLSX plugins (from AppConfig.ready)."""
    registry_module.register(ProgrammeDataPlugin(PROJECTS_PLUGIN_KEY, gettext_lazy("Standard projects export"),
                                                 gettext_lazy("XLSX of all projects: call, status and budget"),
                                                 projects_xlsx))
    registry_module.register(ProgrammeDataPlugin(PARTNERS_PLUGIN_KEY, gettext_lazy("Standard partners export"),
                                                 gettext_lazy("XLSX of all partners of all projects with their "
                                                              "budget"),
                                                 partners_xlsx))
