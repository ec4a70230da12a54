"""Each role's group with its permissions (core/roles.py), once every app's models exist.

After every migrate and flush the groups are set again (core/apps.py), so they always match the list.
"""

from django.db import migrations


def sync_roles(apps, schema_editor):
    from core.roles import sync_roles as sync

    sync(apps, strict=False)


class Migration(migrations.Migration):
    dependencies = [
        ("desk", "0001_initial"),
        ("core", "0002_language_rules"),
        ("engagement", "0005_resident_search_indexes"),
        ("repairs", "0001_initial"),
        ("surveys", "0001_initial"),
        ("inequities", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
