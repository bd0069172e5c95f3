from django.core.management.base import BaseCommand

from neighbourhood.scoping.access import wop_access_repair


class Command(BaseCommand):
    help = (
        "Bring the coordinators' group and every WOP's volunteer group, with their "
        "page permissions, back in line with the page tree. Safe to run any time."
    )

    def handle(self, *args, **options):
        result = wop_access_repair()
        self.stdout.write(
            f"{result['wops']} WOP(s) in order; "
            f"{result['orphans_removed']} group(s) of deleted WOPs removed."
        )
