"""The chart of one indicator as a PNG, for the Word file (which cannot hold an SVG): drawn with Pillow from the
same `chart.Chart` as the page's SVG — its coordinates, its colours, its dashes — at twice its size, so that it
prints sharp. What the SVG's template writes in words (« Valeur de départ », « Cible ») is given by the caller,
in the reader's language."""

import io

from PIL import Image, ImageDraw

from documents.pictures import SCALE, font

from .chart import Chart

INK, AXIS, WHITE = "#1f1f1f", "#767676", "#ffffff"
ANCHORS = {"start": "ls", "middle": "ms", "end": "rs"}  # SVG's text-anchor, as Pillow names it (on the baseline)


def _xy(*values: str) -> list[float]:
    return [float(value) * SCALE for value in values]


def _dashed(draw: ImageDraw.ImageDraw, start, end, *, dash: float, gap: float, fill: str, width: float) -> None:
    (x1, y1), (x2, y2) = start, end
    length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
    if not length:
        return
    step, position = (dash + gap) * SCALE, 0.0
    while position < length:
        stop = min(position + dash * SCALE, length)
        a, b = position / length, stop / length
        draw.line(
            [(x1 + (x2 - x1) * a, y1 + (y2 - y1) * a), (x1 + (x2 - x1) * b, y1 + (y2 - y1) * b)],
            fill=fill,
            width=round(width * SCALE),
        )
        position += step


def chart_png(chart: Chart, *, baseline_label: str, target_label: str) -> bytes:
    image = Image.new("RGB", (chart.width * SCALE, chart.height * SCALE), WHITE)
    draw = ImageDraw.Draw(image)
    text_font = font(11)
    frame = chart.frame
    left, right, top, bottom = _xy(frame["left"], frame["right"], frame["top"], frame["bottom"])
    draw.line([(left, bottom), (right, bottom)], fill=AXIS, width=SCALE)
    draw.line([(left, top), (left, bottom)], fill=AXIS, width=SCALE)
    for tick in chart.y_ticks:
        draw.text(
            (float(frame["label_x"]) * SCALE, float(tick["y"]) * SCALE), tick["label"], INK, text_font, anchor="rm"
        )
    for tick in chart.x_ticks:
        x, y = _xy(tick["x"], frame["label_y"])
        draw.text((x, y), tick["label"], INK, text_font, anchor=ANCHORS[tick.get("anchor", "middle")])
    if chart.baseline:
        level = float(chart.baseline["y"]) * SCALE
        _dashed(draw, (left, level), (right, level), dash=6, gap=4, fill=INK, width=1.5)
        label = f"{baseline_label} {chart.baseline['label']}"
        draw.text((right, float(chart.baseline["label_y"]) * SCALE), label, INK, text_font, anchor="rs")
    for target in chart.targets:
        x, y = _xy(target.x, target.y)
        half = 5 * SCALE
        draw.rectangle([x - half, y - half, x + half, y + half], fill=WHITE, outline=INK, width=2 * SCALE)
        draw.text((x, float(target.label_y) * SCALE), f"{target_label} {target.value}", INK, text_font, anchor="rs")
    if chart.trend:
        trend = chart.trend
        start, end = _xy(trend["x1"], trend["y1"]), _xy(trend["x2"], trend["y2"])
        _dashed(draw, start, end, dash=2, gap=3, fill=chart.colour, width=1.5)
    points = [tuple(_xy(point.x, point.y)) for point in chart.points]
    if len(points) > 1:
        draw.line(points, fill=chart.colour, width=round(2.5 * SCALE), joint="curve")
    for point, (x, y) in zip(chart.points, points, strict=True):
        radius = 4 * SCALE
        fill = WHITE if point.imprecise else chart.colour
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=fill, outline=chart.colour, width=2 * SCALE)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
