"""Programme data export runs (features §2.14): start one in the background, run it, read the results.

`start_export` checks the privilege and the input, keeps a ProgrammeDataExport row and queues `run_export`
(a Celery task, run in-process when no broker is configured, like jems.core.mail) once the transaction commits.
"""

import logging
from datetime import timedelta

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from jems.accounts.privileges import Privilege
from jems.accounts.services import require
from jems.core.errors import JemsError, NotFound, ValidationFailed
from jems.core.languages import SystemLanguage
from jems.plugins import registry
from jems.plugins.hookspecs import HOOKS, PluginType

from . import data
from .models import ProgrammeDataExport

logger = logging.getLogger(__name__)

TIMEOUT = timedelta(hours=1)
DEFAULT_PLUGIN_KEY = data.PROJECTS_PLUGIN_KEY
HOOK = HOOKS[PluginType.PROGRAMME_DATA_EXPORT]


def is_timed_out(run: ProgrammeDataExport) -> bool:
    """A run still unfinished an hour after it was requested is considered lost."""
    return run.end_time is None and run.request_time < timezone.now() - TIMEOUT


def is_running(run: ProgrammeDataExport) -> bool:
    """The run has neither finished nor timed out."""
    return run.end_time is None and not is_timed_out(run)


def _validate(plugin_key: str, export_language: str, input_language: str) -> None:
    fields = {}
    refusal = registry.refusal(PluginType.PROGRAMME_DATA_EXPORT, plugin_key)
    if refusal:
        fields["pluginKey"] = ("programme.data.export.plugin.disabled" if refusal == "plugin.disabled"
                               else "programme.data.export.plugin.not.found")
    for name, value in (("exportLanguage", export_language), ("inputLanguage", input_language)):
        if value not in SystemLanguage.values:
            fields[name] = "programme.data.export.language.invalid"
    if fields:
        raise ValidationFailed(fields=fields)
    running = ProgrammeDataExport.objects.filter(plugin_key=plugin_key, end_time__isnull=True,
                                                 request_time__gte=timezone.now() - TIMEOUT)
    if running.exists():
        raise ValidationFailed(key="programme.data.export.in.progress", fields={
            "pluginKey": "programme.data.export.in.progress"})


@transaction.atomic
def start_export(*, actor, plugin_key: str | None, export_language: str, input_language: str,
                 plugin_options: str = "") -> ProgrammeDataExport:
    """Start a programme data export (ProgrammeDataExportRetrieve): 422 for an unknown, disabled or wrongly
    typed plugin, an unknown language, or while the same plugin still runs; the file is produced in the
    background through the plugin registry (which audits the call)."""
    require(actor, Privilege.ProgrammeDataExportRetrieve)
    plugin_key = plugin_key or DEFAULT_PLUGIN_KEY
    _validate(plugin_key, export_language, input_language)
    run = ProgrammeDataExport.objects.create(plugin_key=plugin_key, export_language=export_language,
                                             input_language=input_language, plugin_options=plugin_options or "",
                                             user=actor)
    transaction.on_commit(lambda: run_export.delay(run.pk))
    return run


@shared_task(name="jems.programme_data_export")
def run_export(run_id: int) -> bool:
    """Produce the file of one run with its plugin (jems.plugins.registry.run audits it); a refused or failing
    plugin marks the run failed, never raises."""
    run = ProgrammeDataExport.objects.get(pk=run_id)
    try:
        result = registry.run(run.plugin_key, HOOK, actor=run.user, export_language=run.export_language,
                              data_language=run.input_language, plugin_options=run.plugin_options)
    except JemsError as error:
        logger.warning("Programme data export %s failed: %s", run.plugin_key, error)
        ProgrammeDataExport.objects.filter(pk=run_id).update(failed=True, end_time=timezone.now())
        return False
    ProgrammeDataExport.objects.filter(pk=run_id).update(
        end_time=timezone.now(), file_name=result.file_name, content_type=result.content_type,
        content=result.content)
    return True


def list_exports(*, actor) -> list[ProgrammeDataExport]:
    """All kept runs, newest first (ProgrammeDataExportRetrieve); the file bytes are not loaded."""
    require(actor, Privilege.ProgrammeDataExportRetrieve)
    return list(ProgrammeDataExport.objects.defer("content"))


def download(*, actor, plugin_key: str | None = None, run_id: int | None = None) -> ProgrammeDataExport:
    """The file of a run (by id) or the newest finished file of a plugin; 404 when there is none."""
    require(actor, Privilege.ProgrammeDataExportRetrieve)
    runs = ProgrammeDataExport.objects.filter(end_time__isnull=False, failed=False)
    run = (runs.filter(pk=run_id) if run_id is not None
           else runs.filter(plugin_key=plugin_key or DEFAULT_PLUGIN_KEY)).first()
    if run is None:
        raise NotFound(key="programme.data.export.file.not.found")
    return run
