"""The Complaint Handling Code's annual complaints report: the year's figures on a landlord built by
hand, the PDF read back, and the administrator's self-assessment saved with optimistic concurrency."""

import io
import re
from datetime import date

import pytest
from django.urls import reverse
from pypdf import PdfReader

from engagement.models import Resident
from repairs.complaints_report import annual_report
from repairs.models import Complaint, ComplaintsAnnualReport
from tests.engagement.factories import HomeFactory, ResidentFactory
from tests.repairs.factories import ComplaintFactory, ComplaintStageFactory

pytestmark = pytest.mark.django_db

REASON = "We are waiting for the contractor's report."


def _complaint(home, received_on):
    return ComplaintFactory(resident=ResidentFactory(household__home=home), received_on=received_on)


def _stage(complaint, number, received_on, acknowledged_on=None, responded_on=None, extension=0):
    return ComplaintStageFactory(
        complaint=complaint, number=number, received_on=received_on, acknowledged_on=acknowledged_on,
        responded_on=responded_on, extension_working_days=extension, extension_reason=REASON if extension else "",
    )  # fmt: skip


@pytest.fixture
def year_2025():
    """The year 1 April 2025 to 31 March 2026: 4 rented homes, 2 shared ownership, 1 leasehold.

    Stage 1, rented: A acknowledged and decided in time (2 June; acknowledged 4 June, decided 18 June,
    the tenth working day); B acknowledged late (10 June, due 9 June) and decided late (30 June, due
    24 June); C decided 24 June after a 5-working-day extension (due 17 June without it). Shared
    ownership: D in time. Not counted: a rented complaint received the day before the year (31 March
    2025), one the day after it (1 April 2026), and one from the leasehold home.
    Stage 2, rented: B escalated 7 July, acknowledged 9 July, decided 1 September after a
    20-working-day extension: due 6 August without it, 4 September with it (25 August a bank holiday).
    """
    rented = [HomeFactory() for _ in range(4)]
    owned = [HomeFactory(scheme_type="shared_ownership") for _ in range(2)]
    leasehold = HomeFactory(scheme_type="leasehold")
    june = date(2025, 6, 2)
    _stage(_complaint(rented[0], june), 1, june, date(2025, 6, 4), date(2025, 6, 18))
    late = _complaint(rented[1], june)
    _stage(late, 1, june, date(2025, 6, 10), date(2025, 6, 30))
    _stage(late, 2, date(2025, 7, 7), date(2025, 7, 9), date(2025, 9, 1), extension=20)
    _stage(_complaint(rented[2], june), 1, june, date(2025, 6, 3), date(2025, 6, 24), extension=5)
    _stage(_complaint(owned[0], date(2025, 12, 1)), 1, date(2025, 12, 1), date(2025, 12, 2), date(2025, 12, 10))
    _stage(_complaint(rented[3], date(2025, 3, 31)), 1, date(2025, 3, 31), date(2025, 4, 1), date(2025, 4, 2))
    _stage(_complaint(rented[3], date(2026, 4, 1)), 1, date(2026, 4, 1), date(2026, 4, 2), date(2026, 4, 3))
    _stage(_complaint(leasehold, june), 1, june, date(2025, 6, 3), date(2025, 6, 4))


STAGE_1 = [
    ("Complaints received", ["3", "1", "4"]),
    ("Per 1,000 homes", ["750.0", "500.0", "666.7"]),
    ("Acknowledged within 5 working days", ["2 of 3 (66.7%)", "1 of 1 (100.0%)", "3 of 4 (75.0%)"]),
    ("Decision sent within the Code's time, extensions counted", ["2 of 3 (66.7%)", "1 of 1 (100.0%)", "3 of 4 (75.0%)"]),
    ("Decision sent within the Code's time without an extension", ["1 of 3 (33.3%)", "1 of 1 (100.0%)", "2 of 4 (50.0%)"]),
    ("Extensions used", ["1", "0", "1"]),
]  # fmt: skip
STAGE_2 = [
    ("Complaints received", ["1", "0", "1"]),
    ("Per 1,000 homes", ["250.0", "0.0", "166.7"]),
    ("Acknowledged within 5 working days", ["1 of 1 (100.0%)", "–", "1 of 1 (100.0%)"]),
    ("Decision sent within the Code's time, extensions counted", ["1 of 1 (100.0%)", "–", "1 of 1 (100.0%)"]),
    ("Decision sent within the Code's time without an extension", ["0 of 1 (0.0%)", "–", "0 of 1 (0.0%)"]),
    ("Extensions used", ["1", "0", "1"]),
]


def test_the_years_figures_stage_by_stage_and_tenure(year_2025):
    report = annual_report(2025)
    assert (report.start, report.end, report.homes) == (date(2025, 4, 1), date(2026, 3, 31), {"LCRA": 4, "LCHO": 2})
    assert [stage.number for stage in report.stages] == [1, 2]
    assert [(str(label), values) for label, values in report.stages[0].rows] == STAGE_1
    assert [(str(label), values) for label, values in report.stages[1].rows] == STAGE_2
    assert report.title == "Complaints performance and service improvement report, 2025 to 2026"


def _record(**answers):
    return ComplaintsAnnualReport.objects.create(
        year=2025,
        definition_of_a_complaint="We use the Code's definition word for word, on our website and in every letter.",
        governing_body_response="The board accepts the report and asks for stage 1 acknowledgements to be checked weekly.",
        governing_body_responded_on=date(2026, 6, 18),
        **answers,
    )


def test_the_pdf_has_the_figures_the_self_assessment_and_the_governing_bodys_response(year_2025, client, personas):
    _record(putting_things_right="Remedies are agreed with the resident and paid within 10 working days.")
    client.force_login(personas["housing_officer"])
    response = client.get(reverse("repairs:complaints_report_pdf") + "?year=2025")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="complaints-annual-report-2025-2026.pdf"'
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Complaints performance and service improvement report, 2025 to 2026" in text
    assert "Complaints received from 1 April 2025 to 31 March 2026" in text
    # personas adds the resident persona's home: 5 rented homes in all at the year end.
    assert "Rates are per 1,000 homes at the year end: 5 rented homes and 2 shared ownership homes." in text
    assert "Stage 1 complaints" in text and "Stage 2 complaints" in text
    assert "Complaints received 3 1 4" in text
    assert "Per 1,000 homes 600.0 500.0 571.4" in text
    assert "Acknowledged within 5 working days 2 of 3 (66.7%) 1 of 1 (100.0%) 3 of 4 (75.0%)" in text
    assert "Decision sent within the Code's time without an extension 0 of 1 (0.0%) – 0 of 1 (0.0%)" in text
    assert "Section 1: Definition of a complaint We use the Code's definition word for word" in text
    assert (
        "Section 7: Putting things right Remedies are agreed with the resident and paid within 10 working days." in text
    )
    assert "Section 2: Exclusions Not recorded yet" in text
    assert "The board accepts the report and asks for stage 1 acknowledgements to be checked weekly." in text
    assert "Agreed on 18 June 2026." in text


def test_the_page_shows_the_year_and_who_may_record(year_2025, client, personas):
    url = reverse("repairs:complaints_report")
    client.force_login(personas["housing_officer"])
    page = client.get(url + "?year=2025").content.decode()
    assert "Complaints performance and service improvement report, 2025 to 2026" in page
    assert '<option value="2025" selected>2025 to 2026</option>' in page
    assert "Record the self-assessment" not in page
    assert client.get(url + "?year=2026").status_code == 404  # 2026 to 2027 has not ended yet
    client.force_login(personas["administrator"])
    page = client.get(url + "?year=2025").content.decode()
    assert f'href="{reverse("repairs:complaints_report_record")}?year=2025"' in page


def _form_data(revision, **changes):
    data = {
        "revision": revision,
        "definition_of_a_complaint": "We use the Code's definition.",
        "governing_body_response": "",
        "governing_body_responded_on_0": "",
        "governing_body_responded_on_1": "",
        "governing_body_responded_on_2": "",
    }
    return {**data, **changes}


def test_the_administrator_records_the_year_and_a_stale_page_is_refused(client, personas):
    admin = personas["administrator"]
    client.force_login(admin)
    url = reverse("repairs:complaints_report_record") + "?year=2025"
    response = client.post(url, _form_data(0, governing_body_response="The board accepts the report."))
    assert response.status_code == 302 and response.url == reverse("repairs:complaints_report") + "?year=2025"
    report = ComplaintsAnnualReport.objects.get(year=2025)
    assert (report.definition_of_a_complaint, report.governing_body_response, report.revision, report.updated_by) == (
        "We use the Code's definition.", "The board accepts the report.", 0, admin,
    )  # fmt: skip

    # Someone else saves first; a page opened before that is refused, showing what is saved now.
    ComplaintsAnnualReport.objects.filter(pk=report.pk).update(exclusions="Claims for compensation only.", revision=1)
    page = client.post(url, _form_data(0, exclusions="Nothing is excluded.")).content.decode()
    assert "Someone else changed this record since you opened this page" in page
    assert "Section 2: exclusions is now saved as: Claims for compensation only." in page
    report.refresh_from_db()
    assert report.exclusions == "Claims for compensation only."
    # Saving again from the refused page replaces it, deliberately.
    assert client.post(url, _form_data(1, exclusions="Nothing is excluded.")).status_code == 302
    report.refresh_from_db()
    assert (report.exclusions, report.revision) == ("Nothing is excluded.", 2)


def test_a_first_save_after_someone_else_created_the_year_is_refused(client, personas):
    client.force_login(personas["administrator"])
    url = reverse("repairs:complaints_report_record") + "?year=2025"
    form_page_opened_before = client.get(url)
    assert 'name="revision" value="0"' in form_page_opened_before.content.decode()
    _record()
    # The page was read when there was no record: its revision 0 must not overwrite the new one.
    from repairs.forms import ComplaintsReportForm
    from repairs.services import complaints_report_record

    form = ComplaintsReportForm(_form_data(0), instance=ComplaintsAnnualReport(year=2025))
    assert form.is_valid(), form.errors
    from core.concurrency import StaleEdit

    with pytest.raises(StaleEdit):
        complaints_report_record(form=form, read_at=0, by=personas["administrator"])
    assert ComplaintsAnnualReport.objects.get(year=2025).definition_of_a_complaint.startswith(
        "We use the Code's definition word"
    )


def test_a_response_date_needs_the_response(client, personas):
    client.force_login(personas["administrator"])
    url = reverse("repairs:complaints_report_record") + "?year=2025"
    page = client.post(
        url,
        _form_data(
            0,
            governing_body_responded_on_0="18",
            governing_body_responded_on_1="6",
            governing_body_responded_on_2="2026",
        ),
    ).content.decode()
    assert "Enter the governing body&#x27;s response, or leave its date blank" in page
    assert not ComplaintsAnnualReport.objects.exists()


def test_tenants_read_the_report_without_signing_in_once_the_governing_body_has_responded(year_2025, client):
    url = reverse("complaints_report_public")
    page = client.get(url)
    assert page.status_code == 200
    assert "We have not published a report yet." in page.content.decode()
    assert client.get(url + "?year=2025").status_code == 404  # no governing body's response yet
    recorded = ComplaintsAnnualReport.objects.create(year=2025, definition_of_a_complaint="The Code's own words.")
    assert "We have not published a report yet." in client.get(url).content.decode()
    recorded.governing_body_response = "The board accepts the report."
    recorded.save()
    page = client.get(url).content.decode()
    assert "Complaints performance and service improvement report, 2025 to 2026" in page
    assert "Rates are per 1,000 homes at the year end: 4 rented homes and 2 shared ownership homes." in page
    cells = [" ".join(cell.split()) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", page, re.S)]
    assert cells[cells.index("Acknowledged within 5 working days") :][:4] == [
        "Acknowledged within 5 working days", "2 of 3 (66.7%)", "1 of 1 (100.0%)", "3 of 4 (75.0%)",
    ]  # fmt: skip
    assert "The Code&#x27;s own words." in page and "The board accepts the report." in page
    # Nothing about any one complaint or person: no resident's name, no complaint's reference.
    for resident in Resident.objects.all():
        assert resident.last_name not in page
    for complaint in Complaint.objects.all():
        assert complaint.reference not in page
    assert "Record the self-assessment" not in page
    assert client.get(url + "?year=2024").status_code == 404


def test_the_tenant_satisfaction_page_links_to_the_report(client):
    page = client.get(reverse("tenant_satisfaction")).content.decode()
    assert f'href="{reverse("complaints_report_public")}"' in page
