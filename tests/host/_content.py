"""Run in the host's ``manage.py shell``: under the host's own home page, a
neighbourhood index with two WOPs; in the first a welcome pack, a buddy
project and a calendar with one activity; a volunteer of that WOP; and a
claim in the other WOP. Prints what the test needs as JSON."""

import json
from datetime import time, timedelta

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.models import Site

from events.models import EventIndexPage, EventPage
from neighbourhood.models import (
    BuddyProjectPage,
    NeighbourhoodIndexPage,
    NeighbourhoodPage,
    PostcodeArea,
)
from neighbourhood.scoping.access import wop_group
from neighbourhood.submissions.services import consent_record
from neighbourhood.wops.postcodes import normalise_range_bound
from welcome_pack.admin.viewsets import welcome_pack_claim_viewset
from welcome_pack.models import ClaimStatus, WelcomePackClaim, WelcomePackPage

home = Site.objects.get(is_default_site=True).root_page.specific
index = home.add_child(instance=NeighbourhoodIndexPage(title="Wijken", slug="wijken"))


def add_wop(title, postcode):
    page = NeighbourhoodPage(
        title=title, slug=title.lower(), intro=f"Samen wonen in {title}."
    )
    page.postcode_areas.add(
        PostcodeArea(
            first=normalise_range_bound(postcode, upper=False),
            last=normalise_range_bound(postcode, upper=True),
        )
    )
    return index.add_child(instance=page)


wop = add_wop("Schollevaar", "2906")
other_wop = add_wop("Oostgaarde", "2907")
pack = wop.add_child(
    instance=WelcomePackPage(
        title="Welkomstpakket", slug="welkomstpakket", intro="Nieuw in de wijk?"
    )
)
project = wop.add_child(
    instance=BuddyProjectPage(
        title="Schaakmaatjes", slug="schaakmaatjes", intro="Samen schaken."
    )
)
calendar = wop.add_child(instance=EventIndexPage(title="Activiteiten", slug="agenda"))
event = calendar.add_child(
    instance=EventPage(
        title="Samen eten",
        slug="samen-eten",
        description="<p>Koffie en een praatje.</p>",
        place_name="Huis van de Wijk",
        place_address="Kievitlaan 2, Capelle aan den IJssel",
        kind="group",
        start_date=timezone.localdate() + timedelta(days=7),
        start_time=time(18, 0),
        end_time=time(20, 0),
        signup_required=True,
        capacity=10,
    )
)
# Published through a revision, as an editor does: that stores its dates.
event.save_revision().publish()
occurrence = EventPage.objects.get(pk=event.pk).occurrences.get()

other_claim = WelcomePackClaim.objects.create(
    wop=other_wop,
    name="Ria Oostgaarde",
    phone="06-11112222",
    street="Zijdeweg",
    house_number="3",
    postcode="2907AB",
    moved_in_on=timezone.localdate() - timedelta(days=10),
    household_size=1,
    **consent_record(text="Ik geef toestemming."),
)

email = "vrijwilliger@example.org"
password = "geheim-wachtwoord-123"
User = get_user_model()
volunteer = User.objects.create_user(
    **{User.USERNAME_FIELD: email}, email=email, password=password
)
volunteer.groups.add(wop_group(wop))


def claim_url(name, pk):
    return reverse(welcome_pack_claim_viewset.get_url_name(name), args=[pk])


print(
    json.dumps(
        {
            "wop": wop.url,
            "pack": pack.url,
            "project": project.url,
            "event": event.url,
            "occurrence": occurrence.date.isoformat(),
            "volunteer": {"login": email, "password": password},
            "claims": reverse(welcome_pack_claim_viewset.get_url_name("index")),
            "handle": claim_url("handle", 0).replace("/0/", "/{pk}/"),
            "other_claim": {
                "name": other_claim.name,
                "urls": [claim_url(v, other_claim.pk) for v in ("handle", "edit")],
            },
            # The thank-you headings in the host's language (a vanilla host is
            # en-us, and the plugin ships English).
            "thanks": {
                "claim": gettext("Bedankt voor uw aanvraag"),
                "buddy": gettext("Bedankt voor uw aanmelding"),
                "rsvp": gettext("U bent aangemeld"),
            },
            "step": {
                "to": ClaimStatus.PACKED.value,
                "label": str(ClaimStatus.PACKED.label),
            },
        }
    )
)
