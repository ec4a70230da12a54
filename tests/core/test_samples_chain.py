"""The documented sample files import, in the documented order, into an empty database (point 11)."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from engagement.models import EqualityProfile, Home, Resident
from repairs.models import AsbCase, ComplianceCheck, DecencyRecord, RepairRequest
from surveys.models import PublishedMeasure, Response, Survey

SAMPLES = Path(settings.BASE_DIR) / "docs" / "samples"
DOCS = Path(settings.BASE_DIR) / "docs" / "data-formats.md"

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
    except CommandError as error:
        raise AssertionError(f"{args}: {error}\n{err.getvalue()}") from None
    return out.getvalue()


def documented_commands():
    """The migration commands in the order docs/data-formats.md gives them."""
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("## Migrating to this service", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^python manage\.py (\S+)(?: (\S+))?(?: (\S+))?$", section, flags=re.M)


def test_the_documented_order_names_every_import_and_its_sample():
    commands = [name for name, *_rest in documented_commands()]
    assert commands == [
        "import_homes",
        "import_residents",
        "import_imd",
        "import_equality",
        "import_repairs",
        "create_tsm_survey",
        "import_responses",
        "import_compliance",
        "import_decency",
        "import_asb_cases",
        "import_rsh_tsm",
    ]


def test_the_samples_import_in_the_documented_order_into_an_empty_database():
    assert not Home.objects.exists() and not Survey.objects.exists()
    survey_number = None
    for name, first, second in documented_commands():
        args = [arg for arg in (first, second) if arg]
        args = [str(survey_number) if arg == "SURVEY" else arg for arg in args]
        out = run(name, *args)
        if name == "create_tsm_survey":
            survey_number = int(re.match(r"Created survey (\d+): ", out).group(1))
    assert Home.objects.count() == 5
    assert Resident.objects.count() == 6
    assert Home.objects.get(property_reference="SAMPLE0001").imd_decile == 1
    assert EqualityProfile.objects.count() == 5
    assert RepairRequest.objects.count() == 4
    assert Response.objects.filter(survey_id=survey_number).count() == 6
    assert (ComplianceCheck.objects.count(), DecencyRecord.objects.count(), AsbCase.objects.count()) == (5, 4, 2)
    assert PublishedMeasure.objects.filter(year=2025).count() == 9997
