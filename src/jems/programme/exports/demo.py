"""Demo data: one finished programme data export per standard plugin (projects, partners), made by the demo
programme user after the demo projects exist, so Programme → Data export lists them ready to download.
Idempotent: nothing is added when exports exist already."""

from jems.accounts.models import User

from . import data
from .models import ProgrammeDataExport
from .services import run_export

PROGRAMME_USER = "programme@jems.eu"


def load(stdout) -> None:
    """Run the two standard programme data exports once (in-process)."""
    user = User.objects.filter(email=PROGRAMME_USER).first()
    if user is None or ProgrammeDataExport.objects.exists():
        return
    for key in (data.PROJECTS_PLUGIN_KEY, data.PARTNERS_PLUGIN_KEY):
        run = ProgrammeDataExport.objects.create(plugin_key=key, export_language="EN", input_language="EN", user=user)
        run_export(run.pk)
    stdout.write("Demo programme data exports: projects and partners XLSX.\n")
