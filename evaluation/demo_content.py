"""Outil 12's demo data: for each indicator of partnership A's plan that has a baseline and a target, three
measurements on the way from the one to the other. The fractions say how far along each one is; one indicator in
three goes the wrong way, so that the dashboard shows both."""

# (date of the measurement, fraction of the way from the baseline to the first target, imprecise)
MEASUREMENTS = (
    ("2025-06-30", "0.2", False),
    ("2025-12-31", "0.35", True),
    ("2026-06-30", "0.55", False),
)
WRONG_WAY_EVERY = 3
SOURCE = "Sondage annuel du regroupement"
