"""The admin's document form (upload, edit, the chooser's upload tab):
Wagtail's, with the collections labelled "openbaar" or "intern" so it is
plain who can open the file (``neighbourhood.collection_forms``)."""

from wagtail.documents.forms import BaseDocumentForm

from neighbourhood.collection_forms import label_collections


class DocumentForm(BaseDocumentForm):
    """WAGTAILDOCS_DOCUMENT_FORM_BASE: used for uploading and editing."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_collections(self, documents=True)
