from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from neighbourhood.privacy.retention import retention_enforce
from neighbourhood.submissions.registry import retention_periods


class Command(BaseCommand):
    help = (
        "Erase personal data kept longer than PERSONAL_DATA_RETENTION_DAYS after "
        "a submission ended, and old sent e-mail; tell the volunteers ahead about "
        "unhandled requests that will be erased. Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count what would be erased; change nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        result = retention_enforce(dry_run=dry_run)
        days = retention_periods().retention.days
        verb = "would be erased" if dry_run else "erased"
        self.stdout.write(f"Retention period: {days} days.")
        for label, count in result.counts.items():
            name = apps.get_model(label)._meta.verbose_name_plural
            self.stdout.write(f"{name}: {count} {verb}")
        if result.warned:
            self.stdout.write(
                f"Volunteers told about {result.warned} unhandled submissions."
            )
        if result.failed:
            for label, pk in result.failed:
                self.stderr.write(f"Could not erase {label} {pk}; see the log.")
            raise CommandError(f"{len(result.failed)} submissions were not erased.")
