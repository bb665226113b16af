"""What the charts drawn as PNG for the Word files share (python-docx cannot hold an SVG; each chart's own module
draws it with Pillow from the same model as its SVG): the scale they are drawn at and the font."""

import functools

from PIL import ImageFont

SCALE = 2  # drawn at twice the SVG's size, so that it prints sharp
# Fonts with the accents of French, found among the system's (those WeasyPrint uses); Pillow's own font has none.
FONTS = ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "NotoSans-Regular.ttf")


@functools.cache
def font(size: int):
    """A font of `size` SVG pixels, at the drawing's scale."""
    for name in FONTS:
        try:
            return ImageFont.truetype(name, size * SCALE)
        except OSError:
            continue
    return ImageFont.load_default(size=size * SCALE)
