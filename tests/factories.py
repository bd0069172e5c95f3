"""Small builders for tests: each test makes the little tree it needs."""

from datetime import time, timedelta

from django.utils import timezone
from wagtail.models import Site

from events.models import EventIndexPage, EventPage, EventRSVP
from home.models import HomePage, StandardPage, User
from neighbourhood.models import (
    BuddyProjectPage,
    BuddySignup,
    NeighbourhoodIndexPage,
    NeighbourhoodPage,
    PostcodeArea,
    StreetPage,
    VolunteerProfile,
)
from neighbourhood.scoping.access import wop_group
from neighbourhood.wops.postcodes import normalise_range_bound


def home_page() -> HomePage:
    """The home page the migrations made, as the default site's root."""
    return Site.objects.get(is_default_site=True).root_page.specific


def make_neighbourhood_index(**kwargs) -> NeighbourhoodIndexPage:
    existing = NeighbourhoodIndexPage.objects.first()
    if existing is not None:
        return existing
    kwargs.setdefault("title", "Wijken")
    kwargs.setdefault("slug", "wijken")
    return home_page().add_child(instance=NeighbourhoodIndexPage(**kwargs))


def make_wop(*, areas=("2903",), parent=None, **kwargs) -> NeighbourhoodPage:
    """A live WOP. ``areas`` are as an editor types them: "2903" or
    ("2903 AA", "2903 MZ")."""
    kwargs.setdefault("title", "Schollevaar")
    kwargs.setdefault("slug", kwargs["title"].lower().replace(" ", "-"))
    kwargs.setdefault("intro", f"Samen wonen in {kwargs['title']}.")
    page = NeighbourhoodPage(**kwargs)
    for area in areas:
        first, last = (area, area) if isinstance(area, str) else area
        page.postcode_areas.add(
            PostcodeArea(
                first=normalise_range_bound(first, upper=False),
                last=normalise_range_bound(last, upper=True),
            )
        )
    return (parent or make_neighbourhood_index()).add_child(instance=page)


def make_street(*, wop, **kwargs) -> StreetPage:
    kwargs.setdefault("title", "Rivierenbuurt")
    kwargs.setdefault("streets", "Maasstraat, Waalstraat")
    return wop.add_child(instance=StreetPage(**kwargs))


def make_standard_page(*, parent=None, **kwargs) -> StandardPage:
    kwargs.setdefault("title", "Privacyverklaring")
    kwargs.setdefault("body", "<p>Zo gaan wij om met uw gegevens.</p>")
    return (parent or home_page()).add_child(instance=StandardPage(**kwargs))


def make_user(*, phone="", home_wop=None, **kwargs) -> User:
    """An account of the example site; ``phone`` and ``home_wop`` go into the
    plugin's profile."""
    kwargs.setdefault("email", f"bewoner{User.objects.count() + 1}@example.org")
    kwargs.setdefault("password", "geheim-wachtwoord-123")
    user = User.objects.create_user(**kwargs)
    if phone or home_wop:
        VolunteerProfile.objects.create(user=user, phone=phone, home_wop=home_wop)
    return user


def make_volunteer(*wops, **kwargs) -> User:
    user = make_user(**kwargs)
    for wop in wops:
        user.groups.add(wop_group(wop))
    return user


def make_coordinator(**kwargs) -> User:
    """A city-wide coordinator: every WOP."""
    from neighbourhood.scoping.access import coordinators_sync

    user = make_user(**kwargs)
    user.groups.add(coordinators_sync())
    return user


def make_wop_coordinator(*wops, **kwargs) -> User:
    """A coordinator responsible for ``wops`` only."""
    from neighbourhood.models import WopRole

    user = make_user(**kwargs)
    for wop in wops:
        user.groups.add(wop_group(wop, WopRole.COORDINATORS))
    return user


def make_publisher(*wops, **kwargs) -> User:
    """A trusted volunteer of ``wops``, who publishes without review."""
    from neighbourhood.models import WopRole

    user = make_volunteer(*wops, **kwargs)
    for wop in wops:
        user.groups.add(wop_group(wop, WopRole.PUBLISHERS))
    return user


def make_buddy_project(*, parent, **kwargs) -> BuddyProjectPage:
    """A live buddy project under ``parent``: a WOP, or the home page for a
    city-wide project."""
    kwargs.setdefault("title", "Schaakmaatjes")
    kwargs.setdefault("slug", kwargs["title"].lower().replace(" ", "-"))
    kwargs.setdefault("intro", "Samen een potje schaken, gewoon bij u in de buurt.")
    return parent.add_child(instance=BuddyProjectPage(**kwargs))


def make_buddy_signup(*, project, **kwargs) -> BuddySignup:
    """A sign-up saved straight to the database (no e-mail), online consent."""
    from neighbourhood.submissions.services import consent_record

    kwargs.setdefault("wop", project.wop)
    kwargs.setdefault("name", "Hans de Vries")
    kwargs.setdefault("phone", "010-123 45 67")
    kwargs.setdefault("postcode", "2906AB")
    kwargs.setdefault("role", "seeker")
    for field, value in consent_record(text="Ik geef toestemming.").items():
        kwargs.setdefault(field, value)
    return BuddySignup.objects.create(project=project, **kwargs)


def buddy_signup_form_data(**changes) -> dict:
    """A complete sign-up as a resident fills it in: phone only. A change to
    None leaves the field out."""
    data = {
        "role": "seeker",
        "name": "Hans de Vries",
        "phone": "010-123 45 67",
        "email": "",
        "street": "",
        "house_number": "",
        "postcode": "2906 ab",
        "contact_preference": "phone",
        "interests": ["chess", "walking"],
        "interests_other": "",
        "availability": ["mon_morning", "wed_afternoon"],
        "languages": ["nl"],
        "languages_other": "",
        "meeting_needs": "Ik loop met een rollator.",
        "message": "",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def make_event_index(*, parent, **kwargs):
    """A live calendar under ``parent``: a WOP, or the home page for the
    city-wide one."""
    kwargs.setdefault("title", "Activiteiten")
    kwargs.setdefault("slug", kwargs["title"].lower().replace(" ", "-"))
    return parent.add_child(instance=EventIndexPage(**kwargs))


def make_event(*, index, **kwargs):
    """An activity under ``index``, published through a revision so its dates
    are stored (one-off, a week from today, unless told otherwise)."""
    kwargs.setdefault("title", "Koffieochtend")
    kwargs.setdefault("slug", kwargs["title"].lower().replace(" ", "-"))
    kwargs.setdefault("description", "<p>Koffie en een praatje.</p>")
    kwargs.setdefault("place_name", "Huis van de Wijk De Pijler")
    kwargs.setdefault("place_address", "Kievitlaan 2, Capelle aan den IJssel")
    kwargs.setdefault("kind", "group")
    kwargs.setdefault("start_date", timezone.localdate() + timedelta(days=7))
    kwargs.setdefault("start_time", time(10, 0))
    kwargs.setdefault("end_time", time(11, 30))
    page = index.add_child(instance=EventPage(**kwargs))
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


def make_rsvp(*, occurrence, **kwargs):
    """An RSVP saved straight to the database (no e-mail, no capacity check),
    online consent; in the occurrence's WOP unless told otherwise."""
    from neighbourhood.submissions.services import consent_record

    if "wop" not in kwargs:
        kwargs.setdefault("wop_id", occurrence.wop_id)
    kwargs.setdefault("name", "Truus Jansen")
    kwargs.setdefault("phone", "010-765 43 21")
    kwargs.setdefault("postcode", "2906AB")
    for field, value in consent_record(text="Ik geef toestemming.").items():
        kwargs.setdefault(field, value)
    return EventRSVP.objects.create(occurrence=occurrence, **kwargs)


def rsvp_form_data(*, occurrence, **changes) -> dict:
    """An RSVP as a resident fills it in: one person, phone only. A change to
    None leaves the field out."""
    data = {
        "occurrence": occurrence.date.isoformat(),
        "people": "1",
        "name": "Hans de Vries",
        "phone": "010-123 45 67",
        "email": "",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def make_card_design(**kwargs):
    """An offered card design with a small front image."""
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from neighbourhood.models import CardDesign

    kwargs.setdefault("name", "Bedankt!")
    kwargs.setdefault("kind", "compliment")
    kwargs.setdefault("suggested_text", "Fijn dat u mijn buur bent.")
    if "front_image" not in kwargs:
        kwargs["front_image"] = get_image_model().objects.create(
            title=kwargs["name"], file=get_test_image_file(colour="orange")
        )
    return CardDesign.objects.create(**kwargs)


def make_card_action(*, wop, **kwargs):
    """A live "send a card" page under ``wop``."""
    from neighbourhood.models import CardActionPage

    kwargs.setdefault("title", "Kaartje sturen")
    kwargs.setdefault("slug", "kaartje")
    kwargs.setdefault("intro", "Stuur een buur een kaartje.")
    return wop.add_child(instance=CardActionPage(**kwargs))


def make_treat_action(*, wop, monthly_limit=10, treats=("Appeltaart",), **kwargs):
    """A live treat page under ``wop`` offering ``treats`` (names)."""
    from neighbourhood.models import TreatActionPage, TreatOption

    kwargs.setdefault("title", "Traktatie")
    kwargs.setdefault("slug", "traktatie")
    kwargs.setdefault("intro", "Trakteer een buur.")
    page = TreatActionPage(monthly_limit=monthly_limit, **kwargs)
    for order, name in enumerate(treats):
        page.treats.add(TreatOption(name=name, sort_order=order))
    return wop.add_child(instance=page)


def make_wave_tile_action(*, wop, **kwargs):
    """A live wave-tile page under ``wop``."""
    from neighbourhood.models import WaveTileActionPage

    kwargs.setdefault("title", "Zwaaitegel")
    kwargs.setdefault("slug", "zwaaitegel")
    kwargs.setdefault("intro", "Een tegel om naar elkaar te zwaaien.")
    return wop.add_child(instance=WaveTileActionPage(**kwargs))


def make_tile_stock(*, wop, quantity):
    from neighbourhood.models import TileStock

    return TileStock.objects.create(wop=wop, quantity=quantity)


def make_welcome_pack(*, wop, **kwargs):
    """A live welcome pack page under ``wop``."""
    from welcome_pack.models import WelcomePackPage

    kwargs.setdefault("title", "Welkomstpakket")
    kwargs.setdefault("slug", "welkomstpakket")
    kwargs.setdefault("intro", "Nieuw in de wijk? Welkom! U krijgt een pakket.")
    return wop.add_child(instance=WelcomePackPage(**kwargs))


def make_present(*, wop, stock=5, image=False, **kwargs):
    """A present of ``wop`` with ``stock`` in stock; ``image=True`` adds a
    small picture."""
    from welcome_pack.models import Present

    kwargs.setdefault("name", "Bloembollen")
    if image:
        from wagtail.images import get_image_model
        from wagtail.images.tests.utils import get_test_image_file

        kwargs["image"] = get_image_model().objects.create(
            title=kwargs["name"], file=get_test_image_file(colour="green")
        )
    return Present.objects.create(wop=wop, stock=stock, **kwargs)


def welcome_claim_form_data(**changes) -> dict:
    """A claim as a new resident fills it in: phone only, moved in a month
    ago, in Schollevaar (2906). A change to None leaves the field out."""
    data = {
        "name": "Patricia Jansen",
        "street": "Maasstraat",
        "house_number": "12",
        "house_number_addition": "",
        "postcode": "2906 ab",
        "moved_in_on": (timezone.localdate() - timedelta(days=30)).isoformat(),
        "household_size": "2",
        "preferred_language": "nl",
        "phone": "06-12345678",
        "email": "",
        "interests": ["buddy", "activities"],
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def make_claim(*, wop, **kwargs):
    """A welcome-pack claim saved straight to the database (no e-mail, no
    stock taken), online consent; status "new" unless told otherwise."""
    from neighbourhood.submissions.services import consent_record
    from welcome_pack.models import WelcomePackClaim

    kwargs.setdefault("name", "Patricia Jansen")
    kwargs.setdefault("phone", "06-12345678")
    kwargs.setdefault("street", "Maasstraat")
    kwargs.setdefault("house_number", str(WelcomePackClaim.objects.count() + 1))
    kwargs.setdefault("postcode", "2906AB")
    kwargs.setdefault("moved_in_on", timezone.localdate() - timedelta(days=20))
    kwargs.setdefault("household_size", 2)
    for field, value in consent_record(text="Ik geef toestemming.").items():
        kwargs.setdefault(field, value)
    return WelcomePackClaim.objects.create(wop=wop, **kwargs)


def make_action_request(*, wop, kind="card", **kwargs):
    """A neighbour-action request saved straight to the database, online
    consent; a card by volunteer delivery unless told otherwise."""
    from neighbourhood.models import ActionRequest
    from neighbourhood.submissions.services import consent_record

    kwargs.setdefault("name", "Zeynep Yilmaz")
    kwargs.setdefault("phone", "06-87654321")
    kwargs.setdefault("postcode", "2906AB")
    if kind == "card":
        kwargs.setdefault("card_design", make_card_design())
        kwargs.setdefault("message", "Dank voor uw hulp met de boodschappen.")
        kwargs.setdefault("delivery", "volunteer")
        kwargs.setdefault("recipient_street", "Maasstraat")
        kwargs.setdefault("recipient_house_number", "12")
        kwargs.setdefault("recipient_postcode", "2906AB")
    for field, value in consent_record(text="Ik geef toestemming.").items():
        kwargs.setdefault(field, value)
    return ActionRequest.objects.create(wop=wop, kind=kind, **kwargs)


def wop_collection(wop, *, intern=False):
    """The WOP's public collection (what its pages link to), or its intern one
    (working documents, served to its own people only)."""
    from neighbourhood.models import WopCollection

    collections = WopCollection.objects.get(wop=wop)
    return collections.private_collection if intern else collections.collection


def make_image(collection, title="Foto"):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    return get_image_model().objects.create(
        title=title, file=get_test_image_file(), collection=collection
    )


def make_document(collection, title="Folder", *, content=b"folder"):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    return get_document_model().objects.create(
        title=title, file=ContentFile(content, name="folder.txt"), collection=collection
    )
