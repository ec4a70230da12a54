"""The starting list for the respectful-language check (core/language_rules.py)."""

from django.db import migrations


def add_rules(apps, schema_editor):
    from core.language_rules import seed_language_rules

    seed_language_rules(apps)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(add_rules, migrations.RunPython.noop)]
