"""`jems audit verify`: check the audit log's hash chain and name the first tampered row."""

from django.core.management.base import BaseCommand, CommandError

from jems.audit.verify import verify_chain


class Command(BaseCommand):
    help = "Audit log tools. `verify` checks the hash chain and exits non-zero at the first tampered row."

    def add_arguments(self, parser):
        parser.add_argument("operation", choices=["verify"])

    def handle(self, *args, operation, **options):
        checked, broken = verify_chain()
        if broken:
            raise CommandError(
                f"Audit log tampered: row {broken.event_id}: {broken.reason} ({checked} rows before it are intact)."
            )
        self.stdout.write(self.style.SUCCESS(f"Audit log intact: {checked} rows verified."))
