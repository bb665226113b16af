"""The EQDEM example a person downloads to try the statistics import (analysis/imports.py reads it)."""

from pathlib import Path

EXAMPLE_PATH = Path(__file__).resolve().parent / "data" / "eqdem-quebec.csv"
EXAMPLE_FILENAME = "eqdem-quebec.csv"


def example_csv() -> bytes:
    return EXAMPLE_PATH.read_bytes()
