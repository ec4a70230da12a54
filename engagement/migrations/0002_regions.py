"""The six English regions the landlord's homes are in (engagement/regions.py)."""

from django.db import migrations


def add_regions(apps, schema_editor):
    from engagement.regions import sync_regions

    sync_regions(apps)


class Migration(migrations.Migration):
    dependencies = [("engagement", "0001_initial")]

    operations = [migrations.RunPython(add_regions, migrations.RunPython.noop)]
