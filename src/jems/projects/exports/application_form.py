"""The application-form PDF (features §11 APPLICATION_FORM_EXPORT): the standard plugin renders the whole form,
sections A to E (cover page, partners, description, work plan, results, time plan, budget tables, lump sums and
unit costs), of the live form or of any past version, with ReportLab (jems.core.pdf).

The export language drives the labels (`translation.override`); the data language picks which translation of
every entered text is shown. The data is the version snapshot (`form_snapshot` of the live form for the current
version, the frozen snapshot of a past one) read with the sections' own parts helpers, and the budget tables are
the overviews' (`overviews.queries.ProjectOverviews`), so the PDF shows what the pages show. `form_pdf` lays the
document out.
"""

import re
from datetime import datetime

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jems.core.languages import SystemLanguage
from jems.cost_options.models import ProgrammeLumpSum
from jems.finance import budget as finance_budget
from jems.finance.cofinancing import share_percentage
from jems.plugins.hookspecs import ExportResult, PluginType, hookimpl
from jems.priorities.ui import text_in
from jems.programme.models import LegalStatus, StateAid
from jems.projects import services as project_services
from jems.projects.cofinancing.models import ContributionStatus
from jems.projects.lumpsums.parts import frozen_lump_sums
from jems.projects.overviews import views as overview_views
from jems.projects.overviews.outputs import budget_out
from jems.projects.overviews.queries import SPF, ProjectOverviews
from jems.projects.partners.state_aid import SNAPSHOT_KEY as STATE_AID_KEY
from jems.projects.results import workplan
from jems.projects.results.overview import overview_lines
from jems.projects.results.parts import from_snapshot as results_from_snapshot
from jems.projects.results.views import overview_cells

from .form_pdf import choice, write

STANDARD_PLUGIN_KEY = "standard-application-form-export-plugin"
HOOK = "jems_application_form_export"
PDF = "application/pdf"


def file_name(project, version: str, generated: datetime) -> str:
    """`<identifier>_<acronym>_v<version>_<yyyymmdd_hhmm>.pdf`, with characters unsafe in file names replaced."""
    base = f"{project.custom_identifier or project.pk}_{project.acronym}_v{version}_{generated:%Y%m%d_%H%M}"
    return re.sub(r"[^\w.-]+", "_", base).strip("_") + ".pdf"


def _time_plan(work_packages: list[dict], period_count: int) -> list[dict]:
    """C.6: each work package's activities as bars over the project periods (left offset and width in %)."""
    count = max(period_count, 1)
    rows = []
    for wp in work_packages:
        for act in wp.get("activities") or []:
            start, end = act.get("startPeriod"), act.get("endPeriod")
            bar = None
            if start and end and start <= end:
                bar = {"left": round((start - 1) * 100 / count, 2), "width": round((end - start + 1) * 100 / count, 2)}
            rows.append({"code": f"{wp['number']}.{act['activityNumber']}", "title": act.get("title"),
                         "start": start, "end": end, "bar": bar})
    return rows


def _partner_finances(ov: ProjectOverviews) -> dict[int, dict]:
    """partner id → its budget and co-financing as B shows them: (label, amount) per cost category with costs,
    (fund, rate, amount) per fund and the partner contribution from the D.1 management row, the total budget, and (name, legal status, amount, % of the total partner
    budget) per origin of the contribution."""
    rows = {item.partner["id"]: item.row for item in ov.per_fund[0]
            if item.partner is not None and item.cost_type != SPF}
    funds = {fund.pk: text_in(fund.abbreviation) or str(fund.pk) for fund in ov.funds}
    out = {}
    for pid, row in rows.items():
        totals = ov.partner_totals[pid]
        total = totals.management_total
        lines = [(funds[cell.fund_id], cell.percentage, cell.value) for cell in row.funds if cell.percentage]
        contributions = (ov.cofinancing.get(pid) or {}).get("contributions") or []
        out[pid] = {
            "categories": [(overview_views.CATEGORY_LABELS[name], getattr(totals, name))
                           for name in finance_budget.CATEGORIES if getattr(totals, name)],
            "funds": [*lines, (_("Partner contribution"), None, row.total_partner_contribution)],
            "total": total,
            "contributions": [(c.get("name") or "", choice(ContributionStatus, c.get("status")), c.get("amount"),
                               share_percentage(c.get("amount") or 0, total)) for c in contributions],
        }
    return out


def form_context(ov: ProjectOverviews, *, version: str, data_language: str, generated: datetime) -> dict:
    """Everything the template shows, read in the export language (call inside translation.override)."""
    project = ov.project
    snapshot = ov.snapshot if ov.snapshot is not None else project_services.form_snapshot(project)
    labels = {pid: overview_views.partner_label(summary) for pid, summary in ov.summaries.items()}
    work_packages = list(snapshot.get("workPackages") or [])
    lump_sums = frozen_lump_sums(snapshot)
    lump_sum_names = dict(ProgrammeLumpSum.objects.filter(pk__in={row["programmeLumpSumId"] for row in lump_sums})
                          .values_list("pk", "name"))
    budgets = budget_out(ov)
    return {
        "project": project, "call": project.call, "version": version, "generated": generated,
        "language": data_language, "form": snapshot, "partners": ov.partners, "partner_labels": labels,
        "organizations": snapshot.get("associatedOrganizations") or [],
        "description": snapshot.get("description") or {}, "work_packages": work_packages,
        "results": results_from_snapshot(snapshot),
        "outputs_overview": [overview_cells(line) for line in overview_lines(
            workplan.work_plan(project.pk, ov.snapshot, with_activities=False), results_from_snapshot(snapshot))],
 "time_plan": _time_plan(work_packages, ov.period_count),
        "period_count": ov.period_count,
        "partner_budgets": [{"label": labels[row["partner"]["id"]], "total": row["totalSum"],
                             "share": share_percentage(row["totalSum"], ov.category_totals["total"])}
                            for row in budgets],
        "partner_finances": _partner_finances(ov),
        "legal_statuses": dict(LegalStatus.objects.values_list("pk", "description")),
        "state_aid": snapshot.get(STATE_AID_KEY) or {},
        "state_aid_schemes": dict(StateAid.objects.values_list("pk", "name")),
        "budget_total": ov.category_totals["total"],
        "co_financing": overview_views.co_financing_tables(ov), "per_fund": overview_views.per_fund_table(ov),
        "per_category": overview_views.per_category_table(ov), "per_period": overview_views.per_period_table(ov),
        "funds_per_period": overview_views.funds_per_period_tables(ov),
        "lump_sums": [{**row, "name": lump_sum_names.get(row["programmeLumpSumId"]) or {},
                       "shares": [(labels.get(s["partnerId"], ""), s["amount"]) for s in row["lumpSumContributions"]]}
                      for row in lump_sums],
        "unit_costs": snapshot.get("projectUnitCosts") or [],
    }


def render_pdf(*, ov: ProjectOverviews, version: str, export_language: str, data_language: str,
               generated: datetime, logo: bytes | None = None) -> ExportResult:
    """The form of `ov` (live or a past version) as a PDF with the labels in `export_language` and the entered
    texts in `data_language` (SystemLanguage codes); `logo` (an image) goes on the cover page."""
    with translation.override(SystemLanguage(export_language).value.lower()):
        context = form_context(ov, version=version, data_language=SystemLanguage(data_language).value,
                               generated=generated)
        content = write(context, logo=logo)
    return ExportResult(file_name(ov.project, version, generated), PDF, content)


class StandardApplicationFormExport:
    """The standard APPLICATION_FORM_EXPORT plugin. `data` is the project's ProjectOverviews (live or of the
    version), loaded by the caller after the access check."""

    key = STANDARD_PLUGIN_KEY
    plugin_type = PluginType.APPLICATION_FORM_EXPORT
    name = gettext_lazy("Standard application form export")
    version = "1.0"
    description = gettext_lazy("Built-in: the application form A–E as a PDF.")

    @hookimpl
    def jems_application_form_export(self, project_id, export_language, data_language, version, logo,
                                     local_date_time, data) -> ExportResult:
        return render_pdf(ov=data, version=version, export_language=export_language, data_language=data_language,
                          generated=local_date_time, logo=logo)


def register_builtin(registry) -> None:
    """Register the standard plugin (from AppConfig.ready)."""
    registry.register(StandardApplicationFormExport(), key=STANDARD_PLUGIN_KEY,
                      type=PluginType.APPLICATION_FORM_EXPORT)
