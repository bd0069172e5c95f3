"""What the demo site says: four WOPs modelled on Capelle aan den IJssel.

The content itself is data, one JSON file per domain in ``home/demo/data/``
(as bakerydemo's fixtures), long page texts as HTML files in
``home/demo/data/pages/``; this module reads those files into the frozen
dataclasses ``home.demo.build`` turns into pages, users and submissions. No
database access. Dates are relative (``days_ago``, ``weeks_ago``,
``starts_in_days``): the builder turns them into dates on the day it runs.
Names, addresses and phone numbers are made up; texts are Dutch at language
level B1.
"""

import json
from dataclasses import dataclass, fields
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def _load(name: str) -> dict:
    return _with_files(json.loads((DATA_DIR / name).read_text(encoding="utf-8")))


def _with_files(value):
    """``"body_file": "pages/privacy.html"`` read as ``"body"``: long page
    texts live in their own files, where they read as HTML."""
    if isinstance(value, list):
        return [_with_files(item) for item in value]
    if not isinstance(value, dict):
        return value
    out = {}
    for key, item in value.items():
        if key.endswith("_file"):
            text = (DATA_DIR / item).read_text(encoding="utf-8")
            out[key.removesuffix("_file")] = text.removesuffix("\n")
        else:
            out[key] = _with_files(item)
    return out


def _frozen(value):
    """JSON lists as tuples, all the way down, as the frozen dataclasses hold them."""
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    return value


def _make(cls, row: dict, **nested):
    """A ``cls`` from a JSON object; ``note`` keys are for readers only, any
    other unknown key is a typo in the data."""
    row = {name: value for name, value in row.items() if name != "note"}
    if unknown := set(row) - {field.name for field in fields(cls)}:
        raise ValueError(f"{cls.__name__}: unknown {sorted(unknown)} in {row}")
    values = {name: _frozen(v) for name, v in row.items() if name not in nested}
    return cls(**values, **nested)


def _many(cls, rows) -> tuple:
    return tuple(_make(cls, row) for row in rows)


@dataclass(frozen=True)
class KeyFigureData:
    name: str
    role: str
    phone: str = ""
    email: str = ""
    reachable: str = ""


@dataclass(frozen=True)
class StreetData:
    title: str
    slug: str
    streets: str
    intro: str
    body: str
    contacts: tuple[str, ...] = ()  # names of the WOP's key figures


@dataclass(frozen=True)
class DemoUser:
    email: str
    password: str
    first_name: str
    last_name: str
    label: str  # who this is, in the command's output


@dataclass(frozen=True)
class WopData:
    title: str
    slug: str
    intro: str
    body: str
    contact_name: str
    contact_phone: str
    contact_email: str
    contact_address: str
    contact_hours: str
    # As an editor types them: a 4-digit area, or a (first, last) range.
    areas: tuple[str | tuple[str, str], ...]
    example_postcode: str
    key_figures: tuple[KeyFigureData, ...]
    streets: tuple[StreetData, ...]
    volunteer: DemoUser


@dataclass(frozen=True)
class StandardPageData:
    title: str
    slug: str
    intro: str
    body: str


@dataclass(frozen=True)
class PartnerData:
    name: str
    phone: str = ""
    email: str = ""
    website: str = ""


@dataclass(frozen=True)
class BuddyProjectData:
    title: str
    slug: str
    wop: str | None  # a WOP's slug; None: city-wide, under the home page
    intro: str
    body: str
    audiences: tuple[str, ...]  # Audience slugs (made by a migration)
    partner: str  # a PartnerData name
    contact: tuple[str, str]  # (WOP slug, key figure name)
    is_open: bool = True
    closed_message: str = ""


@dataclass(frozen=True)
class BuddySignupData:
    project: str  # a BuddyProjectData slug
    name: str
    role: str  # "seeker" or "buddy"
    street: str
    house_number: str
    postcode: str  # six characters, as stored: "2907KD"
    email: str = ""
    phone: str = ""
    contact_preference: str = "phone"
    interests: tuple[str, ...] = ()
    interests_other: str = ""
    availability: tuple[str, ...] = ()
    languages: tuple[str, ...] = ("nl",)
    languages_other: str = ""
    meeting_needs: str = ""
    message: str = ""
    # Where the sign-up stands before any match: "new", "contacted" or
    # "withdrawn" (then anonymised). Matches make "matched" and "ended".
    status: str = "new"
    # "online": filled in by the resident. "verbal" or "paper": registered on
    # their behalf by the volunteer of the sign-up's WOP.
    consent_method: str = "online"
    days_ago: int = 0  # when the sign-up came in


@dataclass(frozen=True)
class BuddyMatchData:
    project: str
    seeker: str
    buddy: str
    weeks_ago: int  # when the match started; follow-up is due six weeks later
    # A follow-up already recorded: (outcome, note); "ended" ends the match.
    follow_up: tuple[str, str] | None = None


@dataclass(frozen=True)
class EventData:
    wop: str | None  # a WOP's slug; None: city-wide, on the "Agenda"
    title: str
    slug: str
    description: str
    place_name: str
    place_address: str
    start_time: str  # "10:00"
    end_time: str
    kind: str = "group"  # "group", "one_to_one" or "course"
    audiences: tuple[str, ...] = ("everyone",)  # Audience slugs
    organiser: str | None = None  # a PartnerData name
    cost: str | None = None  # euros, "3.50"; None: free
    wheelchair_access: bool = False
    hearing_loop: bool = False
    accessible_toilet: bool = False
    signup_required: bool = False
    capacity: int | None = None
    max_people_per_signup: int = 4
    repeat: str = "once"  # "once", "weekly" or "monthly"
    weekdays: tuple[int, ...] = ()  # weekly: 0 is Monday
    monthly_week: int | None = None  # monthly: 1 first ... -1 last
    monthly_weekday: int | None = None
    months: int = 3  # repeating: how many months, counting the first
    starts_in_days: int = 0  # one-off
    # A date it does not take place: the first date at least this many days
    # after the first run, with the reason.
    skip_after_days: int | None = None
    skip_reason: str = ""


@dataclass(frozen=True)
class RSVPData:
    name: str
    postcode: str  # six characters, as stored
    people: int = 1
    phone: str = ""
    email: str = ""
    # "online": by the resident; "verbal" or "paper": by the WOP's volunteer.
    consent_method: str = "online"
    # Cancels once everyone signed up, so the first on the waiting list who
    # fits moves up (without an e-mail address: to be called).
    cancels: bool = False


@dataclass(frozen=True)
class CardDesignData:
    name: str
    kind: str  # a CardKind value
    word: str  # drawn big on the front
    colour: str  # the front's background
    suggested_text: str = ""


@dataclass(frozen=True)
class ActionPageData:
    wop: str  # a WOP's slug
    kind: str  # "card", "treat" or "wave_tile"
    title: str
    slug: str
    intro: str
    body: str
    monthly_limit: int = 10  # treats only
    treats: tuple[tuple[str, str], ...] = ()  # (name, description)


@dataclass(frozen=True)
class ActionRequestData:
    """A request as a resident sends it; ``status`` is where the volunteers
    have taken it since (the service decides new or waiting)."""

    wop: str
    kind: str
    status: str  # an ActionStatus value
    name: str = ""  # empty only for an anonymous card
    phone: str = ""
    email: str = ""
    # The requester's own address (a wave tile lies here).
    street: str = ""
    house_number: str = ""
    postcode: str = ""  # six characters, as stored
    card_design: str = ""  # a CardDesignData name
    message: str = ""
    anonymous: bool = False
    delivery: str = ""  # cards: "volunteer" or "self"
    recipient_street: str = ""
    recipient_house_number: str = ""
    recipient_postcode: str = ""
    treat: str = ""
    treat_for: str = ""
    decline_reason: str = ""
    consent_method: str = "online"
    days_ago: int = 0  # when the request came in
    handled_days_ago: int = 0  # done: when it was delivered or placed


@dataclass(frozen=True)
class WelcomePackData:
    wop: str
    intro: str
    body: str
    # (name, stock before the demo claims took theirs)
    presents: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class WelcomeClaimData:
    wop: str
    status: str  # a ClaimStatus value
    name: str
    street: str
    house_number: str
    postcode: str  # six characters, as stored
    household_size: int
    phone: str = ""
    email: str = ""
    house_number_addition: str = ""
    preferred_language: str = "nl"
    present: str = ""  # a present's name in the claim's WOP
    interests: tuple[str, ...] = ()
    consent_method: str = "online"
    days_ago: int = 0  # when the claim came in
    moved_in_days_ago: int = 30
    handled_days_ago: int = 0  # delivered: when
    not_delivered_reason: str = ""


def _wop(row: dict) -> WopData:
    return _make(
        WopData,
        row,
        key_figures=_many(KeyFigureData, row["key_figures"]),
        streets=_many(StreetData, row["streets"]),
        volunteer=_make(DemoUser, row["volunteer"]),
    )


def _named(rows: tuple, name: str):
    return next(row for row in rows if row.name == name)


# site.json
_site = _load("site.json")
ORGANISATION_NAME = _site["organisation"]["name"]
CONTACT_PHONE = _site["organisation"]["phone"]
CONTACT_EMAIL = _site["organisation"]["email"]
CONTACT_HOURS = _site["organisation"]["hours"]
UNCOVERED_POSTCODE = _site["uncovered_postcode"]
HOME_TITLE = _site["home"]["title"]
HOME_INTRO = _site["home"]["intro"]
HOME_BODY = _site["home"]["body"]
INDEX_TITLE = _site["index"]["title"]
INDEX_SLUG = _site["index"]["slug"]
INDEX_INTRO = _site["index"]["intro"]
PRIVACY = _make(StandardPageData, _site["standard_pages"]["privacy"])
ACCESSIBILITY = _make(StandardPageData, _site["standard_pages"]["accessibility"])
ABOUT = _make(StandardPageData, _site["standard_pages"]["about"])
STANDARD_PAGES = (PRIVACY, ACCESSIBILITY, ABOUT)
ADMIN = _make(DemoUser, _site["admin"])
COORDINATOR = _make(DemoUser, _site["coordinator"])
# (WOP slug, street slug, the street page's body as the volunteer changed it)
REVIEW_DRAFT = tuple(_site["review_draft"][key] for key in ("wop", "street", "body"))

# wops.json
WOPS = tuple(_wop(row) for row in _load("wops.json")["wops"])

# buddies.json
_buddies = _load("buddies.json")
BUDDY_CONSENT_TEXT = _buddies["consent_text"]
PARTNERS = _many(PartnerData, _buddies["partners"])
BUDDY_PROJECTS = _many(BuddyProjectData, _buddies["projects"])
BUDDY_SIGNUPS = _many(BuddySignupData, _buddies["signups"])
BUDDY_MATCHES = _many(BuddyMatchData, _buddies["matches"])
# The sign-up waiting for a match that the demo is about.
HANS = _named(BUDDY_SIGNUPS, _buddies["waiting"]["name"])
HANS_SUMMARY = _buddies["waiting"]["summary"]

# events.json
_events = _load("events.json")
EVENT_INDEX_TITLE = _events["index"]["title"]
EVENT_INDEX_SLUG = _events["index"]["slug"]
EVENT_INDEX_INTRO = _events["index"]["intro"]
CITY_CALENDAR_TITLE = _events["city_calendar"]["title"]
CITY_CALENDAR_SLUG = _events["city_calendar"]["slug"]
CITY_CALENDAR_INTRO = _events["city_calendar"]["intro"]
EVENTS = _many(EventData, _events["events"])
# The activity with sign-up whose RSVPs the demo seeds: (WOP slug, slug).
MEAL = (_events["meal"]["wop"], _events["meal"]["event"])
MEAL_FULL_DATE = _many(RSVPData, _events["meal"]["full_date"])
MEAL_NEXT_DATE = _many(RSVPData, _events["meal"]["next_date"])
# (WOP slug, activity slug) → who signed up for its first coming date.
WEEK_RSVPS = {
    (row["wop"], row["event"]): _many(RSVPData, row["rsvps"])
    for row in _events["week_rsvps"]
}

# actions.json
_actions = _load("actions.json")
ACTION_CONSENT_TEXT = _actions["consent_text"]
CARD_DESIGNS = _many(CardDesignData, _actions["card_designs"])
# A page without a body of its own has its kind's.
ACTION_PAGES = tuple(
    _make(ActionPageData, {"body": _actions["bodies"][row["kind"]]} | row)
    for row in _actions["pages"]
)
# Wave tiles in stock when the demo is first built; approving takes one.
TILE_STOCK = _actions["tile_stock"]
ACTION_REQUESTS = _many(ActionRequestData, _actions["requests"])

# welcome_packs.json
_packs = _load("welcome_packs.json")
WELCOME_PACK_TITLE = _packs["title"]
WELCOME_PACK_SLUG = _packs["slug"]
WELCOME_CONSENT_TEXT = _packs["consent_text"]
WELCOME_PACKS = tuple(
    _make(WelcomePackData, {"body": _packs["body"]} | row) for row in _packs["packs"]
)
WELCOME_CLAIMS = _many(WelcomeClaimData, _packs["claims"])
WELCOME_YONAS = _named(WELCOME_CLAIMS, _packs["personas"]["yonas"])
WELCOME_PATRICIA = _named(WELCOME_CLAIMS, _packs["personas"]["patricia"])
