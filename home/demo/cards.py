"""Drawn card fronts for the demo card designs: a coloured card with one big
word, no downloads. The same word and colour always give the same picture."""

from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

# A6 portrait, 105 × 148 mm, at about 150 dpi.
WIDTH, HEIGHT = 620, 874
MARGIN = 36


def card_front_png(word: str, colour: str) -> bytes:
    """A PNG card front: ``word`` in white on ``colour`` inside a white frame."""
    image = Image.new("RGB", (WIDTH, HEIGHT), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle(
        (MARGIN, MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN), outline="white", width=10
    )
    # As large as fits between the frame's sides.
    size = 120
    font = ImageFont.load_default(size=size)
    while size > 24 and draw.textlength(word, font=font) > WIDTH - 4 * MARGIN:
        size -= 8
        font = ImageFont.load_default(size=size)
    draw.text((WIDTH / 2, HEIGHT / 2), word, fill="white", font=font, anchor="mm")
    # A small waving hand's circle under the word.
    centre, radius = HEIGHT / 2 + size + 40, 36
    draw.ellipse(
        (WIDTH / 2 - radius, centre - radius, WIDTH / 2 + radius, centre + radius),
        outline="white",
        width=8,
    )
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
