from django.core.management.base import BaseCommand

from home.demo.scale.build import ScaleOptions, scale_build
from home.demo.scale.wops import VOLUNTEER_PASSWORD


class Command(BaseCommand):
    help = (
        "Build a big, realistic data set for performance work: WOPs with their "
        "groups, street pages, activities with their dates, and submissions of "
        "every kind over the last two years, inserted in bulk. Nobody is "
        "mailed. Refuses to run on a database that already has one, unless "
        "--force (which adds another set beside it)."
    )

    def add_arguments(self, parser):
        defaults = ScaleOptions()
        parser.add_argument("--wops", type=int, default=defaults.wops)
        parser.add_argument("--streets", type=int, default=defaults.streets)
        parser.add_argument("--events", type=int, default=defaults.events)
        parser.add_argument("--submissions", type=int, default=defaults.submissions)
        parser.add_argument(
            "--seed", type=int, default=defaults.seed, help="same seed, same data"
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="add another data set when one exists already",
        )

    def handle(self, *args, **options):
        summary = scale_build(
            ScaleOptions(
                wops=options["wops"],
                streets=options["streets"],
                events=options["events"],
                submissions=options["submissions"],
                seed=options["seed"],
                force=options["force"],
            )
        )
        write = self.stdout.write
        write(self.style.SUCCESS(f"Scale data set {summary.run} ready."))
        for label, seconds in summary.timings:
            write(f"  {label:<40} {seconds:8.1f} s")
        write(f"  {'total':<40} {summary.total_seconds:8.1f} s")
        write("")
        for label, count in summary.counts.items():
            write(f"  {label:<40} {count:>8}")
        write("")
        for label, url in summary.urls.items():
            write(f"  {label:<16} {url}")
        wop, email = summary.volunteers[0]
        write(
            f"  Volunteers: one per WOP, e.g. {email} ({wop}), "
            f"password {VOLUNTEER_PASSWORD}"
        )
