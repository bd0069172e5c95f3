from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse

from home.demo.build import demo_build
from neighbourhood.addresses import public_base_url


class Command(BaseCommand):
    help = (
        "Build the Capelle demo site: home page, four WOPs with streets and key "
        "figures, buddy projects with sign-ups and matches, activity calendars "
        "with RSVPs, neighbour actions with requests in every step, welcome "
        "packs with claims in every step, standard pages and demo logins. Safe "
        "to run again: it updates "
        "what exists and duplicates nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--address",
            default=None,
            help="Where the demo is served, e.g. http://127.0.0.1:8000 (default: "
            "WAGTAILADMIN_BASE_URL). The default Wagtail Site is put there, so "
            "the links in e-mail, on posters and in agenda feeds lead to it.",
        )

    def handle(self, *args, **options):
        summary = demo_build(
            address=options["address"] or settings.WAGTAILADMIN_BASE_URL
        )
        base_url = public_base_url()
        write = self.stdout.write

        write(self.style.SUCCESS("Demo site ready."))
        write("")
        write(f"Admin:  {base_url}{reverse('wagtailadmin_home')}")
        write(f"Log in: {base_url}{reverse('account_login')}")
        write("")
        write("Demo logins (e-mail / password):")
        for login in summary.logins:
            write(f"  {login.label:<30} {login.email:<45} {login.password}")
        write("")
        write("WOPs and their postcode areas:")
        for wop in summary.wops:
            write(f"  {wop.title:<16} {', '.join(wop.areas):<32} {base_url}{wop.url}")
        write("")
        write("Try the postcode finder:")
        for wop in summary.wops:
            write(f"  {wop.example_postcode} → {wop.title}")
        write(f"  {summary.uncovered_postcode} → no WOP yet (shows whom to contact)")
        write("")
        write(
            f"Buddy projects ({summary.buddy_signups} sign-ups, "
            f"{summary.buddy_matches} matches, {summary.follow_ups_due} "
            f"follow-up{'' if summary.follow_ups_due == 1 else 's'} due):"
        )
        for project in summary.buddy_projects:
            where = project.wop_title or "city-wide"
            closed = "" if project.is_open else "  (closed)"
            write(f"  {project.title:<28} {where:<16} {base_url}{project.url}{closed}")
        if summary.buddy_waiting:
            write(f"  Waiting for a match: {summary.buddy_waiting}")
        write("")
        write(
            f"Activities ({summary.activities} activities with "
            f"{summary.activity_dates} dates, {summary.event_rsvps} RSVPs):"
        )
        for calendar in summary.calendars:
            where = calendar.wop_title or "city-wide"
            activities = "activity" if calendar.activities == 1 else "activities"
            write(
                f"  {calendar.title:<28} {where:<16} {base_url}{calendar.url}  "
                f"({calendar.activities} {activities})"
            )
        if summary.meal_full_date:
            write(f"  Samen eten, Schollevaar, {summary.meal_full_date}")
        write(f"  Attendee lists: {base_url}{reverse('event_attendance:index')}")
        write("")
        write(f"Neighbour actions ({summary.action_requests} requests):")
        for page in summary.action_pages:
            write(f"  {page.title:<28} {page.wop_title:<16} {base_url}{page.url}")
        write(f"  Queue: {base_url}{reverse('action_request:index')}")
        write(f"  Approved cards to print: {base_url}{reverse('action_request:print')}")
        write("")
        write(f"Welcome packs ({summary.welcome_pack_claims} claims):")
        for page in summary.welcome_packs:
            write(f"  {page.title:<28} {page.wop_title:<16} {base_url}{page.url}")
        write(f"  Claims: {base_url}{reverse('welcome_pack_claim:index')}")
        write(f"  Presents: {base_url}{reverse('welcome_pack_present:index')}")
        write("")
        admin_home = f"{base_url}{reverse('wagtailadmin_home')}"
        write(f"Volunteers' dashboard (to do per WOP): {admin_home}")
        if summary.page_in_review:
            write(f"  Waiting for review: {summary.page_in_review}")
        else:
            write("  No review workflow on the neighbourhood pages: no page in review.")
