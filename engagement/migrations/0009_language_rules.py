"""The starting list for the respectful-language check (engagement/language_rules.py)."""

from django.db import migrations


def add_rules(apps, schema_editor):
    from engagement.language_rules import seed_language_rules

    seed_language_rules(apps)


def sync_roles(apps, schema_editor):
    from core.roles import sync_roles as sync

    sync(apps, strict=False)


class Migration(migrations.Migration):
    dependencies = [("engagement", "0008_contacts")]

    operations = [
        migrations.RunPython(add_rules, migrations.RunPython.noop),
        migrations.RunPython(sync_roles, migrations.RunPython.noop),
    ]
