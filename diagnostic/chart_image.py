"""The results chart as a PNG, for the Word file (which cannot hold an SVG): drawn with Pillow from the same
`chart.Chart` as the page's SVG — its bars, its segments, their patterns (A solid, B hatched, C dotted, so that it
reads in black and white) — at twice its size."""

import io

from PIL import Image, ImageDraw

from documents.pictures import SCALE, font

from .chart import BAR_HEIGHT, Chart, Segment

INK, WHITE = "#1b2a41", "#ffffff"
BACKGROUNDS = {"a": INK, "b": "#9fb6d6", "c": "#f1f3f6"}


def _pattern(draw: ImageDraw.ImageDraw, segment: Segment, box: list[float]) -> None:
    left, top, right, bottom = box
    if segment.grade == "b":  # diagonal hatching, every 8 px as in the SVG's pattern
        step = 8 * SCALE
        start = left - (bottom - top)
        while start < right:
            draw.line([(start, bottom), (start + (bottom - top), top)], fill=INK, width=2 * SCALE)
            start += step
    elif segment.grade == "c":  # dots every 6 px
        step, radius = 6 * SCALE, 1.2 * SCALE
        y = top + step / 2
        while y < bottom:
            x = left + step / 2
            while x < right:
                draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=INK)
                x += step
            y += step


def chart_png(chart: Chart) -> bytes:
    image = Image.new("RGB", (chart.width * SCALE, chart.height * SCALE), WHITE)
    draw = ImageDraw.Draw(image)
    for bar in chart.bars:
        draw.text((8 * SCALE, bar.label_y * SCALE), bar.label, INK, font(13), anchor="ls")
        for segment in bar.segments:
            if not segment.width:
                continue
            box = [segment.x * SCALE, bar.y * SCALE, (segment.x + segment.width) * SCALE, (bar.y + BAR_HEIGHT) * SCALE]
            segment_image = Image.new("RGB", (max(round(box[2] - box[0]), 1), round(box[3] - box[1])), WHITE)
            segment_draw = ImageDraw.Draw(segment_image)
            local = [0, 0, segment_image.width, segment_image.height]
            segment_draw.rectangle(local, fill=BACKGROUNDS[segment.grade])
            _pattern(segment_draw, segment, local)
            image.paste(segment_image, (round(box[0]), round(box[1])))
            draw.rectangle(box, outline=INK, width=1)
            if segment.show_label:
                label = f"{segment.share} %"
                middle = (segment.label_x * SCALE, (bar.y + 15) * SCALE)
                if segment.grade == "a":
                    draw.text(middle, label, WHITE, font(12), anchor="ms")
                else:  # dark text on a white halo, as the page's stroke under the text
                    draw.text(middle, label, INK, font(12), anchor="ms", stroke_width=3 * SCALE, stroke_fill=WHITE)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
