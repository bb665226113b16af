"""French is the source language; the English catalogue must be complete and compiled."""

import gettext
import re
from pathlib import Path

from django.conf import settings

PO = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


def parse_po(text: str) -> list[dict]:
    """Entries of a .po file as {msgid, msgstr (list for plurals), fuzzy}."""
    entries = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.splitlines() if line.strip()]
        entry = {"fuzzy": any(line.startswith("#,") and "fuzzy" in line for line in lines), "fields": {}}
        key = None
        for line in lines:
            if line.startswith("#"):
                continue
            match = re.match(r"^(msgid_plural|msgid|msgstr(?:\[\d+\])?|msgctxt)\s+\"(.*)\"$", line)
            if match:
                key = match.group(1)
                entry["fields"][key] = match.group(2)
            elif line.startswith('"') and key:
                entry["fields"][key] += line[1:-1]
        if "msgid" in entry["fields"]:
            entries.append(entry)
    return entries


def test_english_catalogue_is_complete():
    entries = [e for e in parse_po(PO.read_text(encoding="utf-8")) if e["fields"]["msgid"]]
    untranslated = [
        e["fields"]["msgid"]
        for e in entries
        if e["fuzzy"] or any(v == "" for k, v in e["fields"].items() if k.startswith("msgstr"))
    ]
    assert len(entries) > 100
    assert not untranslated, f"{len(untranslated)} strings lack an English translation: {untranslated[:20]}"


def test_compiled_catalogue_matches_the_source():
    entries = [e for e in parse_po(PO.read_text(encoding="utf-8")) if e["fields"]["msgid"]]
    with MO.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    stale = []
    for entry in entries:
        fields = entry["fields"]
        if "msgid_plural" in fields or "msgctxt" in fields:
            continue
        msgid = fields["msgid"].encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
        if catalogue.gettext(msgid) == msgid and fields["msgstr"] != fields["msgid"]:
            stale.append(fields["msgid"])
    assert not stale, f"run `make messages`: the .mo file lacks {stale[:10]}"


def test_french_plurals_follow_french_rules():
    from django.utils import translation

    with translation.override("fr"):
        assert translation.ngettext("%(counter)s constat", "%(counter)s constats", 0) == "%(counter)s constat"
        assert translation.ngettext("%(counter)s constat", "%(counter)s constats", 2) == "%(counter)s constats"
