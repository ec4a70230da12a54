"""Indexes for resident search at the size of the largest landlords (300,000 residents).

On PostgreSQL only (SQLite, the local default, has neither pg_trgm nor GIN): the pg_trgm extension,
trigram GIN indexes on the upper-cased name and address columns, which serve the search's
`UPPER(column) LIKE UPPER('%fragment%')` (Django's icontains), and b-tree indexes on the
upper-cased postcode, property reference and person reference, which serve its iexact matches.
The indexes are not in the models' Meta (Django's GinIndex and OpClass are PostgreSQL-only and the
test suite runs on SQLite by default), so they are created here only when the database is
PostgreSQL; see docs/scaling.md.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

# (table, column, index name, method and operator class). The expression is the one Django's
# icontains and iexact put in the WHERE clause, UPPER("column"::text), so the planner can match it.
INDEXES = [
    ("engagement_resident", "first_name", "eng_resident_first_trgm", "gin", "gin_trgm_ops"),
    ("engagement_resident", "last_name", "eng_resident_last_trgm", "gin", "gin_trgm_ops"),
    ("engagement_home", "address_line_1", "eng_home_address_trgm", "gin", "gin_trgm_ops"),
    ("engagement_home", "town", "eng_home_town_trgm", "gin", "gin_trgm_ops"),
    ("engagement_home", "postcode", "eng_home_postcode_upper", "btree", ""),
    ("engagement_home", "property_reference", "eng_home_propref_upper", "btree", ""),
    ("engagement_resident", "reference", "eng_resident_ref_upper", "btree", ""),
]


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, column, name, method, opclass in INDEXES:
        schema_editor.execute(
            f'CREATE INDEX "{name}" ON "{table}" USING {method} ((UPPER("{column}"::text)) {opclass})'
        )


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _table, _column, name, _method, _opclass in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("engagement", "0004_audit_entries_are_append_only")]

    operations = [
        TrigramExtension(),  # does nothing on a database other than PostgreSQL
        migrations.RunPython(add_indexes, remove_indexes),
    ]
