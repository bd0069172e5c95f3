"""The permission matrix's world: two WOPs, with one thing of every kind in each.

The matrix tries every admin door on another WOP's things. Two WOPs, A
(Schollevaar) and B (Oostgaarde), each with one thing of every kind. B's carry
the marker "GEHEIM-B" (its tile stock the number 987654); A's the marker
"ZICHTBAAR-A". Logged in as a volunteer, and as a coordinator, of A, every
admin URL is requested for B's things: the answer must be "not found",
"permission denied" or a redirect away, or, for listings, searches, choosers
and exports, a page without B's rows; B's marker never appears. The same door
opened on A's things shows them, so no test here passes because a door is
simply shut.

Pages that only coordinators see (volunteers, figures, personal data) and the
forms that write (POSTs) are tried the same way: B's people, numbers and
records never show, and a POST on B's things leaves them as they were, while
the same POST on A's things does what it says.
"""

from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.log_actions import log

from neighbourhood.buddies.services import match_confirm
from neighbourhood.models import KeyFigure, StreetPage, WopCollection
from neighbourhood.privacy.records import person_records_find
from neighbourhood.privacy.services import person_data_export
from neighbourhood.scoping.collections import shared_collection
from tests.factories import (
    home_page,
    make_action_request,
    make_buddy_project,
    make_buddy_signup,
    make_card_action,
    make_claim,
    make_event,
    make_event_index,
    make_neighbourhood_index,
    make_present,
    make_rsvp,
    make_street,
    make_tile_stock,
    make_volunteer,
    make_welcome_pack,
    make_wop,
    make_wop_coordinator,
)

SECRET = "GEHEIM-B"
B_STOCK = "987654"
A_STOCK = "123321"
VISIBLE = "ZICHTBAAR-A"
SHARED = "GEDEELD-beeld"
# The WOPs' titles. B's live pages are public, so the page chooser may name
# B; the doors in ``WOP_NAMED`` (coordinators' pages, figures, the dashboard,
# the forms that offer a WOP's pages) must not.
A_WOP = "Schollevaar"
B_WOP = "Oostgaarde"
# B's people as e-mail lowercases them and a phone number's digits: no door
# shows them.
B_CONTACTS = (
    "vrijwilliger.oostgaarde@example.org",
    "coordinator.oostgaarde@example.org",
    "zeynep.oostgaarde@example.org",
    "22224444",
)


@dataclass
class Side:
    """One WOP and one thing of every kind in it."""

    wop: object
    street: object = None
    draft: object = None
    revision: object = None
    key_figure: object = None
    image: object = None
    document: object = None
    # A working document in the WOP's intern collection (its own people only).
    intern_document: object = None
    seeker: object = None
    buddy: object = None
    match: object = None
    card: object = None
    stock: object = None
    present: object = None
    claim: object = None
    occurrence: object = None
    rsvp: object = None
    # The WOP's people: a volunteer and the coordinator responsible for it.
    volunteer: object = None
    coordinator: object = None
    # A page a volunteer submitted for review, and its review in progress.
    review_page: object = None
    review: object = None
    # A date that took place, with an RSVP whose attendance is not filled in.
    past_occurrence: object = None
    past_rsvp: object = None
    card_page: object = None
    pack: object = None
    # A city-wide date (the same for both sides) with an RSVP of this WOP.
    city_occurrence: object = None
    city_rsvp: object = None
    # A postcode in the WOP, for addresses typed into forms.
    postcode: str = ""
    extra: dict = field(default_factory=dict)


def _side(wop, marker, *, stock, phone, postcode) -> Side:
    side = Side(wop=wop, postcode=postcode)
    slug = wop.slug
    side.volunteer = make_volunteer(
        wop,
        email=f"vrijwilliger.{slug}@example.org",
        first_name=marker,
        last_name="Vrijwilliger",
    )
    side.coordinator = make_wop_coordinator(
        wop,
        email=f"coordinator.{slug}@example.org",
        first_name=marker,
        last_name="Coördinator",
    )
    # A live street page with a newer, unpublished draft: the draft's title
    # carries the marker, so its edit view, history, revisions and compare
    # views would show it.
    side.street = make_street(wop=wop, title=f"Straat van {wop.title}")
    side.street.title = f"{marker} straat in bewerking"
    side.revision = side.street.save_revision()
    side.street = StreetPage.objects.get(pk=side.street.pk)
    # A page that was never published.
    side.draft = wop.add_child(
        instance=StreetPage(
            title=f"{marker} concept",
            slug=f"concept-{wop.slug}",
            streets="Geheime laan",
            live=False,
        )
    )
    side.draft.save_revision()
    side.key_figure = KeyFigure.objects.create(
        wop=wop, name=f"{marker} Fatma", role="Buurtconciërge"
    )
    collections = WopCollection.objects.get(wop=wop)
    collection = collections.collection
    side.image = get_image_model().objects.create(
        title=f"{marker} foto",
        file=get_test_image_file(),
        collection=collection,
    )
    side.document = get_document_model().objects.create(
        title=f"{marker} folder",
        file=ContentFile(b"folder", name="folder.txt"),
        collection=collection,
    )
    side.intern_document = get_document_model().objects.create(
        title=f"{marker} telefoonlijst",
        file=ContentFile(f"{marker} 06-12345678".encode(), name="lijst.txt"),
        collection=collections.private_collection,
    )
    project = make_buddy_project(
        parent=wop, title=f"Maatjes {wop.title}", slug=f"maatjes-{wop.slug}"
    )
    side.seeker = make_buddy_signup(
        project=project,
        name=f"{marker} Zeynep",
        email=f"zeynep.{slug}@example.org",
        phone=phone,
    )
    log(instance=side.seeker, action="wagtail.edit")
    side.match = match_confirm(
        seeker=make_buddy_signup(project=project, name=f"{marker} Hans"),
        buddy=make_buddy_signup(project=project, name=f"{marker} Yonas", role="buddy"),
        by=None,
    )
    side.buddy = make_buddy_signup(project=project, name=f"{marker} Nick", role="buddy")
    side.card = make_action_request(
        wop=wop,
        name=f"{marker} Truus",
        message=f"{marker} kaarttekst",
        status="approved",
    )
    side.stock = make_tile_stock(wop=wop, quantity=stock)
    side.present = make_present(wop=wop, name=f"{marker} cadeau")
    side.claim = make_claim(wop=wop, name=f"{marker} Patricia", present=side.present)
    side.pack = make_welcome_pack(wop=wop, slug=f"pakket-{wop.slug}")
    event = make_event(
        index=make_event_index(parent=wop, slug=f"activiteiten-{wop.slug}"),
        title=f"Koffie in {wop.title}",
        slug=f"koffie-{wop.slug}",
        signup_required=True,
        start_date=timezone.localdate() + timedelta(days=2),
    )
    side.occurrence = event.occurrences.get()
    side.rsvp = make_rsvp(occurrence=side.occurrence, name=f"{marker} Yonas")
    past = make_event(
        index=event.get_parent(),
        title=f"Taalcafé in {wop.title}",
        slug=f"taalcafe-{slug}",
        signup_required=True,
        start_date=timezone.localdate() - timedelta(days=2),
    )
    side.past_occurrence = past.occurrences.get()
    side.past_rsvp = make_rsvp(occurrence=side.past_occurrence, name=f"{marker} Nick")
    side.card_page = make_card_action(
        wop=wop, title=f"Kaartje {wop.title}", slug=f"kaartje-{slug}"
    )
    # The volunteer's change waits for review: the title of the submitted
    # revision carries the marker, the live page does not.
    side.review_page = make_street(wop=wop, title=f"Straat ter controle {wop.title}")
    side.review_page.title = f"{marker} ter controle"
    side.review_page.save_revision(user=side.volunteer)
    side.review = (
        side.review_page.get_workflow()
        .start(side.review_page, side.volunteer)
        .current_task_state
    )
    side.review_page = StreetPage.objects.get(pk=side.review_page.pk)
    # Every record's and page's history has an entry by the WOP's volunteer,
    # whose name carries the marker: a history shows whose it is.
    for thing in (
        side.draft,
        side.key_figure,
        side.seeker,
        side.match,
        side.card,
        side.stock,
        side.present,
        side.claim,
        side.rsvp,
    ):
        log(instance=thing, action="wagtail.edit", user=side.volunteer)
    # A page locked by the WOP's coordinator, for the locked pages report.
    side.card_page.locked = True
    side.card_page.locked_by = side.coordinator
    side.card_page.locked_at = timezone.now()
    side.card_page.save(update_fields=["locked", "locked_by", "locked_at"])
    # The coordinator's own line in the personal-data log.
    person_data_export(
        records=person_records_find(email=side.seeker.email, user=side.coordinator),
        by=side.coordinator,
    )
    return side


def _city_wide_date(sides):
    """A city-wide activity that took place, with an RSVP from each WOP."""
    event = make_event(
        index=make_event_index(parent=home_page(), slug="activiteiten-stad"),
        title="Stadswandeling",
        slug="stadswandeling",
        signup_required=True,
        start_date=timezone.localdate() - timedelta(days=3),
    )
    occurrence = event.occurrences.get()
    for side, marker in sides:
        side.city_occurrence = occurrence
        side.city_rsvp = make_rsvp(
            occurrence=occurrence, wop=side.wop, name=f"{marker} Hans"
        )


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for this module, inside a transaction rolled back at its end;
    each test runs in a savepoint within it."""
    with django_db_blocker.unblock(), transaction.atomic():
        make_neighbourhood_index()
        own_wop = make_wop(title=A_WOP, areas=["2906"])
        other_wop = make_wop(title=B_WOP, areas=["2903"])
        shared_image = get_image_model().objects.create(
            title=SHARED, file=get_test_image_file(), collection=shared_collection()
        )
        own = _side(
            own_wop,
            VISIBLE,
            stock=int(A_STOCK),
            phone="06-11113333",
            postcode="2906 AB",
        )
        other = _side(
            other_wop,
            SECRET,
            stock=int(B_STOCK),
            phone="06-22224444",
            postcode="2903 AB",
        )
        _city_wide_date([(own, VISIBLE), (other, SECRET)])
        yield {"A": own, "B": other, "shared_image": shared_image}
        transaction.set_rollback(True)
