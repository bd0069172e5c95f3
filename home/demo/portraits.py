"""Drawn portraits for the demo smoelenboek: no real faces, no downloads.

A soft background with a head-and-shoulders silhouette and the person's
initials. The colours follow from the name, so the same person always gets
the same picture.
"""

import colorsys
import hashlib
from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

SIZE = 400


def _rgb(hue: float, lightness: float, saturation: float) -> tuple[int, int, int]:
    red, green, blue = colorsys.hls_to_rgb(hue, lightness, saturation)
    return round(red * 255), round(green * 255), round(blue * 255)


def initials(name: str) -> str:
    """The first and last capitalised word's initials: Anouk de Vries → AV."""
    words = [word for word in name.split() if word[:1].isupper()]
    if not words:
        return name[:1].upper()
    return (words[0][0] + (words[-1][0] if len(words) > 1 else "")).upper()


def portrait_png(name: str) -> bytes:
    """A SIZE×SIZE PNG portrait of ``name``; the same bytes for the same name."""
    digest = hashlib.sha256(name.encode()).digest()
    hue = digest[0] / 255
    background = _rgb(hue, 0.86, 0.45)
    figure = _rgb(hue, 0.38, 0.35)

    image = Image.new("RGB", (SIZE, SIZE), background)
    draw = ImageDraw.Draw(image)
    # Shoulders: the top of a large ellipse rising from the bottom edge.
    draw.ellipse((60, 250, 340, 520), fill=figure)
    # Head, with a ring of background around it so it stands off the shoulders.
    draw.ellipse((122, 72, 278, 228), fill=figure, outline=background, width=8)

    font = ImageFont.load_default(size=56)
    draw.text((SIZE / 2, 330), initials(name), fill="white", font=font, anchor="mm")

    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
