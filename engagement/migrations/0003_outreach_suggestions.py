"""Starting suggestions of which kinds of activity reach which groups. Administrators change them.

Drawn from what residents and landlords describe as working: short calls and surveys for people
with busy lives, meetings inside retirement and supported-living schemes, partners' coffee
mornings and faith groups, BSL sessions, and phone calls through an interpreter.
"""

from django.db import migrations

DEFAULTS = [
    (
        "age_band",
        "18_24",
        ["phone_calls", "survey_round", "drop_in"],
        "Short calls and online surveys fit around work, study and young children.",
    ),
    (
        "age_band",
        "25_34",
        ["phone_calls", "survey_round", "drop_in"],
        "Short calls and online surveys fit around work and young children.",
    ),
    (
        "age_band",
        "35_44",
        ["phone_calls", "survey_round", "drop_in"],
        "Evening or weekend drop-ins, and calls at times they choose.",
    ),
    (
        "age_band",
        "75_plus",
        ["scheme_meeting", "coffee_morning", "phone_calls"],
        "Meet in their scheme or at a coffee morning; offer papers in large print.",
    ),
    (
        "disability",
        "yes",
        ["scheme_meeting", "bsl_session", "phone_calls", "survey_round"],
        "Step-free venues, BSL interpreters, large-print and easy-read papers, and surveys in several formats.",
    ),
    (
        "ethnic_group",
        "asian",
        ["faith_group", "coffee_morning", "phone_calls"],
        "Work with community and faith partners; offer an interpreter.",
    ),
    (
        "ethnic_group",
        "black",
        ["faith_group", "coffee_morning", "drop_in"],
        "Work with churches, mosques and community groups the residents already trust.",
    ),
    (
        "ethnic_group",
        "mixed",
        ["drop_in", "survey_round", "coffee_morning"],
        "Drop-ins close to home and short surveys.",
    ),
    (
        "ethnic_group",
        "other",
        ["faith_group", "coffee_morning", "phone_calls"],
        "Community partners, and calls through an interpreter.",
    ),
    (
        "interpreter_needed",
        "yes",
        ["phone_calls", "faith_group", "coffee_morning"],
        "Book the interpreter first; short calls through an interpreter work well.",
    ),
    ("religion", "muslim", ["faith_group"], "Sessions with the local mosque, at times that avoid prayers."),
    ("religion", "hindu", ["faith_group"], "Sessions with the local temple."),
    ("religion", "sikh", ["faith_group"], "Sessions with the local gurdwara."),
    (
        "sexual_orientation",
        "gay_or_lesbian",
        ["survey_round", "drop_in"],
        "Anonymous surveys, and drop-ins with an LGBT+ partner.",
    ),
    (
        "sexual_orientation",
        "bisexual",
        ["survey_round", "drop_in"],
        "Anonymous surveys, and drop-ins with an LGBT+ partner.",
    ),
    (
        "gender_identity",
        "different",
        ["survey_round", "drop_in"],
        "Anonymous surveys, and drop-ins with a trans-led partner.",
    ),
    (
        "sex",
        "male",
        ["drop_in", "phone_calls"],
        "Men answer less often: short calls and drop-ins at the times they are home.",
    ),
]


def add_defaults(apps, schema_editor):
    OutreachSuggestion = apps.get_model("engagement", "OutreachSuggestion")
    for dimension, group, kinds, note in DEFAULTS:
        OutreachSuggestion.objects.get_or_create(
            dimension=dimension, group=group, defaults={"activity_kinds": kinds, "note": note}
        )


class Migration(migrations.Migration):
    dependencies = [("engagement", "0002_regions")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
