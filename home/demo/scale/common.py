"""What the parts of the scale data set share: how far back it goes, the
names it draws from, one WOP in the making, and bulk inserts (pages too)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F
from wagtail.models import Page

from events.models import EventIndexPage
from home.models import User
from neighbourhood.models import BuddyProjectPage, NeighbourhoodPage
from welcome_pack.models import Present

# How far back submissions and activities go.
HISTORY_DAYS = 730
BATCH_SIZE = 2000

STREET_STEMS = (
    "Eiken", "Beuken", "Linden", "Rozen", "Tulpen", "Merel", "Lijster", "Zwaluw",
    "Maas", "Waal", "Rijn", "IJssel", "Rembrandt", "Vermeer", "Molen", "Haven",
    "Kerk", "School", "Dijk", "Polder", "Weide", "Zon", "Ster", "Berken",
)  # fmt: skip
FIRST_NAMES = (
    "Hans", "Ria", "Fatima", "Mohamed", "Anja", "Kees", "Sanne", "Ahmet", "Joke",
    "Piet", "Ewa", "Tesfay", "Noor", "Daan", "Emma", "Lucas", "Yasmin", "Wim",
)  # fmt: skip
LAST_NAMES = (
    "de Vries", "Jansen", "Bakker", "Visser", "Smit", "El Amrani", "Yılmaz",
    "Kowalska", "Tesfamariam", "de Jong", "van Dijk", "Mulder", "Bos", "Peters",
)  # fmt: skip
# Dutch postcodes never use these letter pairs.
_BAD_LETTERS = {"SA", "SD", "SS"}
POSTCODE_LETTERS = tuple(
    pair
    for a in "ABCDEFGHJKLMNPRSTVWXZ"
    for b in "ABCDEFGHJKLMNPRSTVWXZ"
    if (pair := a + b) not in _BAD_LETTERS
)
HOUSES_PER_POSTCODE = 60


def batched_create(model, objs: list) -> list:
    return model.objects.bulk_create(objs, batch_size=BATCH_SIZE)


def spread(total: int, over: int) -> list[int]:
    """``total`` split over ``over`` parts as evenly as whole numbers go."""
    return [total // over + (1 if i < total % over else 0) for i in range(over)]


@dataclass
class ScaleWop:
    page: NeighbourhoodPage
    area: str
    volunteer: User | None = None
    streets: list[str] = field(default_factory=list)
    calendar: EventIndexPage | None = None
    project: BuddyProjectPage | None = None
    presents: list[Present] = field(default_factory=list)
    next_house: int = 0

    def new_address(self) -> tuple[str, str]:
        """A postcode in this WOP's area and a house number, never used before
        in this run (claims and wave tiles allow one per address)."""
        n = self.next_house
        self.next_house += 1
        letters = POSTCODE_LETTERS[(n // HOUSES_PER_POSTCODE) % len(POSTCODE_LETTERS)]
        block = n // (HOUSES_PER_POSTCODE * len(POSTCODE_LETTERS))
        number = n % HOUSES_PER_POSTCODE + 1 + block * HOUSES_PER_POSTCODE
        return f"{self.area}{letters}", str(number)


def pages_bulk_add(*, parent: Page, pages: list[Page], published_at) -> list[Page]:
    """Insert ``pages`` (unsaved specific pages with title and slug) as the
    last children of ``parent``, live, in a few queries.

    Django cannot ``bulk_create`` a multi-table model, so the ``Page`` rows go
    first and then each page type's own rows with their ``page_ptr_id``. The
    paths follow treebeard's rules (as ``add_child`` would make them), so
    ``Page.find_problems()`` stays empty. No revision is made: a page without
    one is served as it is stored, as after ``add_child``.
    """
    if not pages:
        return []
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    start = Page._str2int(last.path[-Page.steplen :]) if last else 0
    depth = parent.depth + 1
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    rows = []
    for offset, page in enumerate(pages, start=1):
        page.path = Page._get_path(parent.path, depth, start + offset)
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = published_at
        page.content_type = ContentType.objects.get_for_model(type(page))
        rows.append(Page(**{f.attname: getattr(page, f.attname) for f in page_fields}))
    Page.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    by_model = defaultdict(list)
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
        by_model[type(page)].append(page)
    for model, group in by_model.items():
        # Every page type here extends Page directly: one table of its own.
        assert model._meta.get_parent_list() == [Page], model
        fields = model._meta.local_concrete_fields
        size = max(1, connection.ops.bulk_batch_size(fields, group))
        size = min(size, BATCH_SIZE)
        for i in range(0, len(group), size):
            model._base_manager._insert(group[i : i + size], fields=fields)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages
