from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand

from neighbourhood.services.personal_data import retention_enforce


class Command(BaseCommand):
    help = (
        "Erase personal data kept longer than PERSONAL_DATA_RETENTION_DAYS after "
        "a submission ended, and old sent e-mail. Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count what would be erased; change nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        counts = retention_enforce(dry_run=dry_run)
        days = settings.PERSONAL_DATA_RETENTION_DAYS
        verb = "would be erased" if dry_run else "erased"
        self.stdout.write(f"Retention period: {days} days.")
        for label, count in counts.items():
            name = apps.get_model(label)._meta.verbose_name_plural
            self.stdout.write(f"{name}: {count} {verb}")
