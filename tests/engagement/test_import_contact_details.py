"""import_residents takes optional email, mobile_phone and landline_phone columns, checked as on the page."""

import pytest
from django.core.management.base import CommandError

from engagement.models import ContactDetails
from tests.core.test_imports import homes_csv, run

HEADER = "resident_reference,tenancy_reference,property_reference,tenancy_start,first_name,last_name,email,mobile_phone,landline_phone\n"


def test_contact_details_are_imported_in_one_format_with_their_source(db, tmp_path):
    run("import_homes", tmp_path, homes_csv(3))
    run(
        "import_residents",
        tmp_path,
        HEADER
        + "P1,T1,H000001,2012-05-01,Ada,One,ada@Example.org,07700 900001,0113 496 0001\n"
        + "P2,T2,H000002,2012-05-01,Bo,Two,,,\n"
        + "P3,T3,H000003,2012-05-01,Cy,Three,,+44 7700 900003,\n",
    )
    details = {d.resident.reference: d for d in ContactDetails.objects.select_related("resident")}
    assert sorted(details) == ["P1", "P3"]
    assert (details["P1"].email, details["P1"].mobile_phone, details["P1"].landline_phone) == (
        "ada@example.org",
        "+447700900001",
        "+441134960001",
    )
    assert (details["P1"].email_source, details["P3"].mobile_phone) == ("import", "+447700900003")
    assert details["P1"].email_confirmed_on is not None

    # Importing again with a new mobile keeps the email held when the cell is blank.
    run("import_residents", tmp_path, HEADER + "P1,T1,H000001,2012-05-01,Ada,One,,07700 900011,\n")
    held = ContactDetails.objects.get(resident__reference="P1")
    assert (held.email, held.mobile_phone) == ("ada@example.org", "+447700900011")


def test_a_bad_number_or_email_stops_the_file_with_its_line_and_column(db, tmp_path, capsys):
    run("import_homes", tmp_path, homes_csv(2))
    with pytest.raises(CommandError):
        run(
            "import_residents",
            tmp_path,
            HEADER
            + "P1,T1,H000001,2012-05-01,Ada,One,not-an-email,,\n"
            + "P2,T2,H000002,2012-05-01,Bo,Two,,0113 496 0000,\n",
        )
    err = capsys.readouterr().err
    assert "Line 2, column email" in err
    assert "Line 3, column mobile_phone: Enter a mobile number" in err
    assert not ContactDetails.objects.exists()
