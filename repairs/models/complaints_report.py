from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.concurrency import Revisioned

# The nine sections of the Housing Ombudsman's Complaint Handling Code (2024), in the order of the
# Ombudsman's self-assessment form: (field, section heading).
CODE_SECTIONS = (
    ("definition_of_a_complaint", _("Section 1: Definition of a complaint")),
    ("exclusions", _("Section 2: Exclusions")),
    ("accessibility_and_awareness", _("Section 3: Accessibility and awareness")),
    ("complaint_handling_staff", _("Section 4: Complaint handling staff")),
    ("complaint_handling_process", _("Section 5: The complaint handling process")),
    ("complaint_stages", _("Section 6: Complaint stages")),
    ("putting_things_right", _("Section 7: Putting things right")),
    ("self_assessment_reporting", _("Section 8: Self-assessment, reporting and compliance")),
    ("scrutiny_and_learning", _("Section 9: Scrutiny and oversight: continuous learning and improvement")),
)


def _answer(label):
    return models.TextField(label, blank=True)


class ComplaintsAnnualReport(Revisioned):
    """What the administrator records for one year's complaints performance and service improvement
    report: the self-assessment against each section of the Complaint Handling Code, and the
    governing body's response. The figures are worked out from the complaints (complaints_report.py)."""

    year = models.PositiveSmallIntegerField(unique=True, help_text=_("The year the reporting year starts in."))
    definition_of_a_complaint = _answer(CODE_SECTIONS[0][1])
    exclusions = _answer(CODE_SECTIONS[1][1])
    accessibility_and_awareness = _answer(CODE_SECTIONS[2][1])
    complaint_handling_staff = _answer(CODE_SECTIONS[3][1])
    complaint_handling_process = _answer(CODE_SECTIONS[4][1])
    complaint_stages = _answer(CODE_SECTIONS[5][1])
    putting_things_right = _answer(CODE_SECTIONS[6][1])
    self_assessment_reporting = _answer(CODE_SECTIONS[7][1])
    scrutiny_and_learning = _answer(CODE_SECTIONS[8][1])
    governing_body_response = models.TextField(_("The governing body's response"), blank=True)
    governing_body_responded_on = models.DateField(_("Date of the governing body's response"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = "complaints annual report"

    def __str__(self):
        return f"Complaints annual report {self.year} to {self.year + 1}"

    def answers(self):
        """(section heading, what was recorded) for each section of the Code, in order."""
        return [(label, getattr(self, field)) for field, label in CODE_SECTIONS]
