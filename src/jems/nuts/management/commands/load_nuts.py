"""`jems load_nuts <file>`: load a newer NUTS data set (JSON in the shipped format, or CSV).

CSV: UTF-8, comma, semicolon or tab separated, a header row naming a code column (code, NUTS Code, SR Code,
NUTS_ID) and a name column (name, label, NUTS label, SR label, NUTS_NAME); other columns are ignored. The
level follows from the code's length, the parent from its prefix; countries without a row get their Eurostat
name. Without a file, the file at JEMS_NUTS_URL (when set) or the data set shipped with the release is loaded.
"""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from jems.core.errors import ValidationFailed
from jems.nuts import services


class Command(BaseCommand):
    help = ("Load a NUTS data set (JSON as shipped in jems/nuts/data, or CSV code/name); "
            "default: JEMS_NUTS_URL or the shipped one.")

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="JSON or CSV file; omitted: JEMS_NUTS_URL or the shipped data set")
        parser.add_argument("--title", default="", help="title of the data set (default: from the file)")
        parser.add_argument("--date", default="", help="date of the data set, YYYY-MM-DD")

    def handle(self, *args, file=None, title="", date="", **options):
        day = None
        if date:
            try:
                day = _parse_date(date)
            except ValueError:
                raise CommandError(f"--date {date!r} is not a date (YYYY-MM-DD)") from None
        content = None
        if file:
            path = Path(file)
            if not path.is_file():
                raise CommandError(f"{file} is not a file")
            content = path.read_bytes()
        try:
            metadata = services.load_dataset(actor=None, content=content, filename=path.name if file else "",
                                             title=title, day=day, source=str(file or ""))
        except ValidationFailed as error:
            raise CommandError(error.message) from None
        self.stdout.write(f"NUTS data set loaded: {metadata.title} ({metadata.date or 'no date'})")


def _parse_date(value: str):
    return date.fromisoformat(value)
