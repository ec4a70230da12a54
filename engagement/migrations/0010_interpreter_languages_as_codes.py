"""Interpreter languages typed as names ("Polish", "polski") become codes ("pl"), as the demo and
every other language column store them (issue 27: one language list). A name that is no language
we know is left as typed, for staff to correct on the resident's preferences page."""

from django.db import migrations

from core.languages import code_of


def to_codes(apps, schema_editor):
    CommunicationPreference = apps.get_model("engagement", "CommunicationPreference")
    for preference in CommunicationPreference.objects.exclude(interpreter_language="").only("interpreter_language"):
        code = code_of(preference.interpreter_language)
        if code and code != preference.interpreter_language:
            CommunicationPreference.objects.filter(pk=preference.pk).update(interpreter_language=code)


class Migration(migrations.Migration):
    dependencies = [("engagement", "0009_database_defaults")]

    operations = [migrations.RunPython(to_codes, migrations.RunPython.noop)]
