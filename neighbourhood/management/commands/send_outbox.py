from django.core.management.base import BaseCommand

from neighbourhood.outbox.services import outbox_send_due


class Command(BaseCommand):
    help = "Send every outbox e-mail whose (re)try is due. Run it every few minutes."

    def handle(self, *args, **options):
        self.stdout.write(f"{outbox_send_due()} e-mail(s) sent.")
