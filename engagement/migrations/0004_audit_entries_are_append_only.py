"""On PostgreSQL, refuse UPDATE and DELETE of audit entries in the database itself.

TRUNCATE (used by `flush` and the test runner) is not a row operation, so it still works. SQLite
has no equivalent that leaves its flush (a plain DELETE) working, so there the model and the admin
are the guard.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION engagement_auditentry_refuse() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION USING MESSAGE = 'Audit entries are append-only: ' || TG_OP || ' refused';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER engagement_auditentry_append_only
    BEFORE UPDATE OR DELETE ON engagement_auditentry
    FOR EACH ROW EXECUTE FUNCTION engagement_auditentry_refuse();
"""
DROP = """
DROP TRIGGER IF EXISTS engagement_auditentry_append_only ON engagement_auditentry;
DROP FUNCTION IF EXISTS engagement_auditentry_refuse();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("engagement", "0003_outreach_suggestions")]

    operations = [migrations.RunPython(create, drop)]
