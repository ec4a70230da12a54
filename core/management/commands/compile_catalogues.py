"""Compile each language's catalogue (locale/<language>/LC_MESSAGES/django.po) to the .mo Django reads.

Django's own compilemessages needs GNU gettext's msgfmt, which a server installed from
requirements.txt alone may not have; polib (in requirements.txt) writes the same .mo. `make static`
runs this, and the .mo files are committed too, so a checkout runs as it is
(tests/config/test_catalogue_completeness.py fails on a .mo older than its .po). A fuzzy entry is
left out, as msgfmt leaves it out: the page shows the English until a translator confirms it.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def compile_catalogue(po_path):
    po = polib.pofile(str(po_path))
    po.metadata_is_fuzzy = False
    mo_path = Path(po_path).with_suffix(".mo")
    po.save_as_mofile(str(mo_path))
    return mo_path, len(po.translated_entries())


class Command(BaseCommand):
    help = "Compile every catalogue under LOCALE_PATHS to .mo with polib (no msgfmt needed)."

    def handle(self, *args, **options):
        for folder in settings.LOCALE_PATHS:
            for po_path in sorted(Path(folder).glob("*/LC_MESSAGES/*.po")):
                mo_path, translated = compile_catalogue(po_path)
                self.stdout.write(f"{mo_path.relative_to(settings.BASE_DIR)}: {translated} translated entries")
