"""The admin's document form (upload, edit, the chooser's upload tab):
Wagtail's, with the collections labelled "openbaar" or "intern" so it is
plain who can open the file (``neighbourhood.scoping.collection_forms``)."""

from django.utils.text import format_lazy
from wagtail.documents.forms import BaseDocumentForm

from neighbourhood.scoping.collection_forms import DOCUMENT_HELP_TEXT, label_collections


class DocumentForm(BaseDocumentForm):
    """WAGTAILDOCS_DOCUMENT_FORM_BASE: used for uploading and editing."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_collections(self, documents=True)
        field = self.fields.get("file")
        if field is not None:
            # Shown on both upload screens: the multiple upload (Wagtail's
            # "Add a document") shows the file's help text, and its own list
            # of collections by name ("Schollevaar", "Schollevaar – intern").
            field.help_text = format_lazy(
                "{} {}", DOCUMENT_HELP_TEXT, field.help_text or ""
            )
