"""The project exports the API and the Export page call: the application form (APPLICATION_FORM_EXPORT plugins)
and the budget (BUDGET_EXPORT plugins) of the live form or of a version, through the plugin registry (which
refuses unknown or disabled plugins and audits every call).

The access rules are those of reading the form: a project the actor cannot see, or an unknown version, is 404.
The plugins get the project's ProjectOverviews (`data`), loaded here after that check.
"""

from datetime import datetime

from django.utils import timezone

from jems.plugins import registry
from jems.plugins.hookspecs import ExportResult
from jems.programme.exports.budget import PLUGIN_KEY as BUDGET_PLUGIN_KEY
from jems.programme.logos.queries import pdf_logo
from jems.projects import queries as project_queries
from jems.projects.overviews import queries as overview_queries

from .application_form import HOOK as FORM_HOOK
from .application_form import STANDARD_PLUGIN_KEY as FORM_PLUGIN_KEY

BUDGET_HOOK = "jems_budget_export"


def _load(actor, project_id: int, version: str | None):
    """(overviews, version label): the current version's label when none is asked for."""
    ov = overview_queries.load(actor=actor, project_id=project_id, version=version or None)
    if version:
        return ov, version
    latest = project_queries.versions(ov.project)
    return ov, latest[0].version if latest else "1.0"


def export_application_form(*, actor, project_id: int, export_language: str, data_language: str,
                            local_date_time: datetime | None = None, version: str | None = None,
                            plugin_key: str | None = None) -> ExportResult:
    """The application form of a project the actor may see as a file made by the chosen plugin (the standard
    PDF when none is given), with the programme logo (its 200 px PNG, when one is set); `local_date_time` is the
    user's clock shown on the cover (now when absent)."""
    ov, label = _load(actor, project_id, version)
    return registry.run(plugin_key or FORM_PLUGIN_KEY, FORM_HOOK, actor=actor, project_id=ov.project.pk,
                        export_language=export_language, data_language=data_language, version=label, logo=pdf_logo(),
                        local_date_time=local_date_time or timezone.localtime().replace(tzinfo=None), data=ov)


def export_budget(*, actor, project_id: int, export_language: str, data_language: str,
                  version: str | None = None, plugin_key: str | None = None) -> ExportResult:
    """The budget of a project the actor may see as a file made by the chosen BUDGET_EXPORT plugin (the
    standard spreadsheet when none is given)."""
    ov, label = _load(actor, project_id, version)
    return registry.run(plugin_key or BUDGET_PLUGIN_KEY, BUDGET_HOOK, actor=actor, project_id=ov.project.pk,
                        export_language=export_language, data_language=data_language, version=label, data=ov)
