"""The Complaint Handling Code's annual complaints performance and service improvement report: the
year's figures from the complaints, stage by stage, for rented homes (LCRA), shared ownership (LCHO)
and both, beside the self-assessment and the governing body's response the administrator records
(ComplaintsAnnualReport). The rules are those of CH01 and CH02 (repairs/measures.py); the year is
the landlord's reporting year (core/periods.py).

Every figure is at landlord level, as the Code asks a landlord to publish it (as the tenant results
page publishes CH01 and CH02), so no cell is small enough to need the disclosure control. Tenants
read a year's report at /complaints-report/ (no sign-in) once the governing body's response is
recorded: the same figures and words, nothing about any one complaint or person.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from core.periods import reporting_year, reporting_year_of
from repairs import measures
from repairs import selectors as facts
from repairs.management_information import homes_by_tenure
from repairs.models import ComplaintsAnnualReport, ComplaintStage

TENURES = (measures.LCRA, measures.LCHO)


@dataclass(frozen=True)
class StageFigures:
    number: int
    # (row label, [rented homes, shared ownership, all homes]) in words and numbers as shown.
    rows: list


@dataclass(frozen=True)
class AnnualReport:
    year: int
    start: object
    end: object
    homes: dict  # {"LCRA": n, "LCHO": n}
    stages: list  # StageFigures for stage 1 and stage 2
    recorded: ComplaintsAnnualReport  # unsaved (blank) when nothing is recorded yet

    @property
    def title(self):
        return _("Complaints performance and service improvement report, %(first)s to %(last)s") % {
            "first": self.year,
            "last": self.year + 1,
        }


def _share(share):
    if share.total == 0:
        return "–"
    return _("%(count)s of %(total)s (%(percent)s%%)") % {
        "count": share.count,
        "total": share.total,
        "percent": f"{share.percent:.1f}",
    }


def _per_1000(count, homes):
    rate = measures.per_thousand(count, homes)
    return "–" if rate is None else f"{rate:.1f}"


def stage_figures(number, cells, homes):
    """One stage's rows, each tenure and both together, from measures.complaints_by_tenure's cells."""
    columns = [cells[(tenure, number)] for tenure in TENURES]
    homes_in = [homes[tenure] for tenure in TENURES]

    def both(key):
        return measures.Share(sum(c[key].count for c in columns), sum(c[key].total for c in columns))

    made = [c["made"] for c in columns]
    rows = [
        (_("Complaints received"), [*(str(n) for n in made), str(sum(made))]),
        (
            _("Per 1,000 homes"),
            [*(_per_1000(n, h) for n, h in zip(made, homes_in, strict=True)), _per_1000(sum(made), sum(homes_in))],
        ),
    ]
    for key, label in (
        ("acknowledged_in_time", _("Acknowledged within 5 working days")),
        ("within_code", _("Decision sent within the Code's time, extensions counted")),
        ("without_extension", _("Decision sent within the Code's time without an extension")),
    ):
        rows.append((label, [*(_share(c[key]) for c in columns), _share(both(key))]))
    extended = [c["extended"] for c in columns]
    rows.append((_("Extensions used"), [*(str(n) for n in extended), str(sum(extended))]))
    return StageFigures(number, rows)


def annual_report(year):
    """The report for the reporting year starting in `year` (complaints received in that year)."""
    start, end = reporting_year(year)
    homes = homes_by_tenure()
    stages = facts.complaint_stage_facts(ComplaintStage.objects.filter(received_on__gte=start, received_on__lte=end))
    cells = measures.complaints_by_tenure(list(stages), homes=homes, start=start, end=end)
    recorded = ComplaintsAnnualReport.objects.filter(year=year).first() or ComplaintsAnnualReport(year=year)
    return AnnualReport(year, start, end, homes, [stage_figures(n, cells, homes) for n in (1, 2)], recorded)


def years_to_choose(last):
    """The years a report can be shown for, newest first: from the first complaint's year to `last`."""
    first = ComplaintStage.objects.order_by("received_on").values_list("received_on", flat=True).first()
    earliest = last if first is None else min(reporting_year_of(first), last)
    return list(range(last, earliest - 1, -1))


def published_years(last):
    """The years whose report is published for tenants, newest first: those up to `last` whose
    governing body's response is recorded (the Code asks for the report with the response)."""
    return list(
        ComplaintsAnnualReport.objects.filter(year__lte=last)
        .exclude(governing_body_response="")
        .order_by("-year")
        .values_list("year", flat=True)
    )
