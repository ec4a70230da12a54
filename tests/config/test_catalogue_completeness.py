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

from config.catalogue import resident_facing_share

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
