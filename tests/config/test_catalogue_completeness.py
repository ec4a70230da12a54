"""No half-translated language is offered: the language switch lists a language only when every
resident-facing string in a freshly extracted catalogue is translated in it."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

from core import catalogue
from core.catalogue import resident_facing_share

ROOT = Path(settings.BASE_DIR)
# Every app of the project (a folder with apps.py), so a new app is extracted without a change here.
SOURCE = [
    *sorted(p.name for p in ROOT.iterdir() if (p / "apps.py").exists()),
    "config",
    "templates",
    "locale",
    "manage.py",
]


def fresh_catalogue(tmp_path, language):
    """makemessages run on a copy of the project, so the share counts today's strings, not stale ones."""
    for name in SOURCE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        else:
            shutil.copy(source, tmp_path / name)
    (tmp_path / "locale" / language / "LC_MESSAGES").mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, "DEBUG": "1", "DATABASE_URL": "sqlite:///unused.sqlite3"}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", language, "--no-obsolete"],
        cwd=tmp_path,
        env=environment,
        check=True,
        capture_output=True,
    )
    return polib.pofile(str(tmp_path / "locale" / language / "LC_MESSAGES" / "django.po"))


OFFERED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@pytest.mark.parametrize("language", OFFERED or [pytest.param(None, marks=pytest.mark.skip("only English"))])
def test_every_offered_language_translates_every_resident_facing_string(tmp_path, language):
    translated, total = resident_facing_share(fresh_catalogue(tmp_path, language))
    assert total > 100
    assert translated == total, f"{language}: {translated} of {total} resident-facing strings translated"


def test_welsh_is_not_offered_while_its_catalogue_is_incomplete(tmp_path):
    translated, total = resident_facing_share(fresh_catalogue(tmp_path, "cy"))
    print(f"Welsh: {translated} of {total} resident-facing strings ({translated / total:.0%})")
    assert translated < total
    assert "cy" not in dict(settings.LANGUAGES)
    assert (ROOT / "locale" / "cy" / "LC_MESSAGES" / "django.po").exists()  # kept for the translator


# Languages offered to residents for surveys (core.catalogue): the shipped catalogue is complete.
RESIDENT_LANGUAGES = [code for code, _name in settings.SURVEY_LANGUAGES if catalogue.is_complete(code)]


def test_polish_is_the_interface_language_shipped_complete():
    assert RESIDENT_LANGUAGES == ["pl"]
    assert catalogue.shipped_share("pl") == (360, 360)
    assert not catalogue.is_complete("cy")


@pytest.mark.parametrize("language", RESIDENT_LANGUAGES)
def test_a_language_offered_to_residents_translates_every_resident_facing_string_of_todays_source(tmp_path, language):
    """The shipped catalogue is checked at run time (core.catalogue); this extracts the strings
    afresh, so an English string added or changed without its translation fails here."""
    fresh = fresh_catalogue(tmp_path, language)
    translated, total = resident_facing_share(fresh)
    assert translated == total, f"{language}: {translated} of {total} resident-facing strings translated"
    assert catalogue.shipped_share(language) == (translated, total)


@pytest.mark.parametrize("po_path", sorted((ROOT / "locale").glob("*/LC_MESSAGES/django.po")), ids=str)
def test_each_compiled_catalogue_holds_what_its_po_file_says(po_path):
    """The .mo files are committed (a server from requirements.txt alone runs without msgfmt) and
    made again by `make static` (manage.py compile_catalogues): a .mo must not lag its .po."""
    po = polib.pofile(str(po_path))
    mo = polib.mofile(str(po_path.with_suffix(".mo")))
    translated = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural for entry in po.translated_entries()
    }
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural for entry in mo if entry.msgid}
    assert compiled == translated
