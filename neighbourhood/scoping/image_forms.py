"""The admin's image upload form: Wagtail's, but an image too large for
Pillow even to open (a decompression bomb) is refused like any image with
too many pixels, and so is an image that was cut off (half uploaded or
saved), instead of failing with a server error. Images are always
public: the form says so, and offers no WOP's private collection
(``neighbourhood.scoping.collection_forms``)."""

import re
import struct

from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from PIL import Image
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from neighbourhood.scoping.collection_forms import IMAGE_HELP_TEXT, label_collections

INCOMPLETE_IMAGE = _(
    "Dit bestand is geen volledige afbeelding. Misschien is het maar voor een "
    "deel opgeslagen. Sla de afbeelding opnieuw op, of kies een ander bestand."
)


class ImageFileField(WagtailImageField):
    def check_image_pixel_size(self, f):
        try:
            # Reads the whole image (Willow loads it to count its pixels), so
            # a file that was cut off fails here, not later with a 500.
            f.image.get_size()
            super().check_image_pixel_size(f)
        except Image.DecompressionBombError as error:
            # Pillow refuses before Wagtail can count: "Image size (N pixels) …".
            found = re.search(r"\((\d+) pixels\)", str(error))
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {
                    "num_pixels": found.group(1) if found else "?",
                    "max_pixels_count": self.max_image_pixels,
                },
                code="file_too_many_pixels",
            ) from None
        except (OSError, SyntaxError, ValueError, struct.error):
            # Pillow: "image file is truncated", "broken PNG file", ...
            raise ValidationError(INCOMPLETE_IMAGE, code="invalid_image") from None


class ImageForm(BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: used for uploading and editing."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            self.fields["file"] = ImageFileField(
                label=field.label, required=field.required, widget=field.widget
            )
            # Shown on the upload screens, also where no collection is offered.
            self.fields["file"].help_text = format_lazy(
                "{} {}", IMAGE_HELP_TEXT, self.fields["file"].help_text
            )
        label_collections(self, documents=False)
