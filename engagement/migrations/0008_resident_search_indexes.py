"""Indexes for resident search at the size of the largest landlords (300,000 residents).

On PostgreSQL only (SQLite, the local default, has neither pg_trgm nor GIN): the pg_trgm extension,
trigram GIN indexes on the upper-cased name and address columns, which serve the search's
`UPPER(column) LIKE UPPER('%fragment%')` (Django's icontains), and b-tree indexes on the
upper-cased postcode, property reference and person reference, which serve its iexact matches.
The indexes are not in the models' Meta, so SQLite never sees them; see docs/scaling.md.
"""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models
from django.db.models.functions import Upper

TRIGRAM = [
    ("resident", "first_name", "eng_resident_first_trgm"),
    ("resident", "last_name", "eng_resident_last_trgm"),
    ("home", "address_line_1", "eng_home_address_trgm"),
    ("home", "town", "eng_home_town_trgm"),
]
UPPER = [
    ("home", "postcode", "eng_home_postcode_upper"),
    ("home", "property_reference", "eng_home_propref_upper"),
    ("resident", "reference", "eng_resident_ref_upper"),
]


def _indexes():
    for model, field, name in TRIGRAM:
        yield model, GinIndex(OpClass(Upper(field), name="gin_trgm_ops"), name=name)
    for model, field, name in UPPER:
        yield model, models.Index(Upper(field), name=name)


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in _indexes():
        schema_editor.add_index(apps.get_model("engagement", model), index)


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in _indexes():
        schema_editor.remove_index(apps.get_model("engagement", model), index)


class Migration(migrations.Migration):
    dependencies = [("engagement", "0007_outreach_suggestions")]

    operations = [
        TrigramExtension(),  # does nothing on a database other than PostgreSQL
        migrations.RunPython(add_indexes, remove_indexes),
    ]
