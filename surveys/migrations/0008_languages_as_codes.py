"""Interpreter languages and response languages stored as names ("Polish") become codes ("pl"), as
every other language column stores them (issue 27: one language list). A name that is no language
we know is left as it is."""

from django.db import migrations

from core.languages import code_of


def to_codes(apps, schema_editor):
    for model, column in [
        ("Invitation", "interpreter_language"),
        ("Response", "language"),
        ("SetAsideDraft", "language"),
    ]:
        Model = apps.get_model("surveys", model)
        stored = Model.objects.exclude(**{column: ""}).values_list(column, flat=True).distinct()
        for value in list(stored):
            code = code_of(value)
            if code and code != value:
                Model.objects.filter(**{column: value}).update(**{column: code})


class Migration(migrations.Migration):
    dependencies = [("surveys", "0007_survey_approach_summary")]

    operations = [migrations.RunPython(to_codes, migrations.RunPython.noop)]
