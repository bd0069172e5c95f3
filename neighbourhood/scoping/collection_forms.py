"""The collection choice in the image and document forms (upload, edit, and
the chooser's upload tab): it says plainly who can open a file in each of a
WOP's collections, "openbaar" (everyone) or "intern" (the WOP's own people).

Images are always public: Wagtail serves them as files of their own
(renditions) that no view restriction guards, so a WOP's private collection
is offered for documents only.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.collections import CollectionChoiceField

from neighbourhood.models import WopCollection

PUBLIC_LABEL = _("%(name)s – openbaar (iedereen kan dit zien)")
PRIVATE_LABEL = _("%(name)s (alleen vrijwilligers van deze wijk)")
DOCUMENT_HELP_TEXT = _(
    "Openbaar: iedereen kan het bestand openen, ook via de website. "
    "Intern: alleen de vrijwilligers en coördinatoren van de wijk kunnen het "
    "openen. Zet lijsten met namen, telefoonnummers of roosters altijd in "
    "‘intern’."
)
IMAGE_HELP_TEXT = _(
    "Afbeeldingen zijn altijd openbaar: iedereen kan ze zien. Zet daarom "
    "nooit een foto van een lijst met namen of andere persoonsgegevens online."
)


class WopCollectionChoiceField(CollectionChoiceField):
    """Wagtail's collection field, with each WOP collection labelled public
    or intern."""

    def label_from_instance(self, obj):
        if not hasattr(self, "_private_ids"):
            links = WopCollection.objects.values_list(
                "collection_id", "private_collection_id"
            )
            self._public_ids = {public for public, _private in links}
            self._private_ids = {private for _public, private in links if private}
        if obj.pk in self._private_ids:
            return PRIVATE_LABEL % {"name": obj.name}
        if obj.pk in self._public_ids:
            return PUBLIC_LABEL % {"name": obj.name}
        return super().label_from_instance(obj)


def private_collection_ids() -> set[int]:
    return set(
        WopCollection.objects.exclude(private_collection=None).values_list(
            "private_collection_id", flat=True
        )
    )


def label_collections(form, *, documents: bool) -> None:
    """Give ``form`` (a Wagtail collection member form, after its
    ``__init__``) the labelled collection field. For images (``documents``
    false) leave out the private collections, unless the image is already in
    one."""
    if not documents:
        private = private_collection_ids() - {form.instance.collection_id}
        public = form.collections.exclude(pk__in=private)
        if public:
            form.collections = public
        if len(form.collections) == 1 and "collection" in form.fields:
            # Wagtail files the upload in the one collection left.
            del form.fields["collection"]
    field = form.fields.get("collection")
    if field is None:
        return
    form.fields["collection"] = WopCollectionChoiceField(
        label=field.label,
        queryset=form.collections,
        empty_label=None,
        required=field.required,
    )
