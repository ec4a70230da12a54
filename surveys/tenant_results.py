"""The Tenant Satisfaction Measures as published for tenants: every perception measure by tenure
with last year's figures beside this year's, the management-information measures the service
holds (BS01-BS05, NM01, RP01, RP02, CH01, CH02) and how the survey was run.

Every figure is at landlord level by tenure: the totals the Regulator publishes. A perception
result whose base is small (shared ownership is often a few dozen homes: TP09 asks only those who
complained) would let people who know the few who answered read how they answered, so it is not
published here: the row stays, with its number of answers, and says why (issue 24, item 12; the
decision is in docs/security.md). Staff still read the exact figures for the Regulator's return.
The management-information measures count the landlord's own work, not what anyone said, and are
published in full."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from repairs import management_information
from surveys import peers, tsm
from surveys import selectors as survey_selectors
from surveys.choices import SurveyKind, Tenure
from surveys.models import Invitation, Response, SampleMethod, Survey, SurveyApproach


def published_surveys():
    """Closed TSM surveys with a published version, newest first: the ones with results to publish."""
    return (
        Survey.objects.filter(kind=SurveyKind.TSM, closed_at__isnull=False, versions__published_at__isnull=False)
        .distinct()
        .order_by("-closed_at", "-pk")
    )


def latest_and_previous():
    surveys = list(published_surveys()[:2])
    return (surveys + [None, None])[:2]


def too_few_to_publish(result):
    """Whether a perception result's base is too small to publish: step 1 of the disclosure control
    (inequities.disclosure.primary, which this floor cannot import; tests/surveys/test_small_bases.py
    checks the two agree): fewer than INEQUITIES_MIN_DENOMINATOR answers, or 1 to
    INEQUITIES_MAX_SMALL satisfied or not satisfied."""
    if result is None or not result.valid_responses:
        return False  # nothing to publish: shown as no result
    small = settings.INEQUITIES_MAX_SMALL
    others = result.valid_responses - result.satisfied
    return (
        result.valid_responses < settings.INEQUITIES_MIN_DENOMINATOR
        or 1 <= result.satisfied <= small
        or 1 <= others <= small
    )


def perception_rows(survey, previous=None):
    """One row per measure and tenure: this year's result and last year's, where there is one, and
    whether each is too small to publish."""
    earlier = {(r.measure, r.tenure): r for r in tsm.tsm_results(previous)} if previous else {}
    rows = []
    for result in tsm.tsm_results(survey):
        before = earlier.get((result.measure, result.tenure))
        rows.append(
            {
                "now": result,
                "before": before,
                "tenure": Tenure(result.tenure).label,
                "hidden": too_few_to_publish(result),
                "before_hidden": too_few_to_publish(before),
            }
        )
    return rows


def period_of(survey):
    """The 12 months up to the day the survey closed: the year the management information covers."""
    end = timezone.localdate(survey.closed_at)
    return end - timedelta(days=364), end


def management_rows(survey):
    """Every management-information measure (BS01-BS05, NM01, RP01, RP02, CH01, CH02) for the
    survey's year, in words, with their counts (repairs.management_information has the rules)."""
    start, end = period_of(survey)
    return [_row(figure) for figure in management_information.figures(start, end)]


def _row(figure):
    if figure.rate is None:
        value = None
    elif figure.kind == management_information.PER_1000:
        value = f"{figure.rate:.1f}"
    else:
        value = f"{100 * figure.rate:.1f}%"
    return {
        "code": figure.code,
        "label": figure.label,
        "tenure": figure.tenure,
        "kind": figure.kind,
        "value": value,
        "raw": figure.rate,
        "count": figure.count,
        "total": figure.total,
    }


def peer_rows(perception, management, profile=None):
    """This year's figures (`perception_rows`, `management_rows`) placed among all landlords and
    among our peers, by the Regulator's latest published figures (surveys/peers.py). A perception
    figure too small to publish is not placed; the other landlords' figures still show."""
    figures, words = [], {}
    for row in perception:
        now = row["now"]
        if now.tenure in (Tenure.LCRA, Tenure.LCHO):
            figures.append((now.measure, now.tenure, None if row["hidden"] else now.satisfied_rate))
            words[(now.measure, now.tenure)] = (f"{now.measure} {now.name}", row["tenure"])
    for row in management:
        key = (row["code"], row["tenure"])
        if key not in words:  # CH02's first row is the Regulator's (within the Code's time, extensions allowed)
            figures.append((*key, row["raw"]))
            words[key] = (f"{row['code']} {row['label']}", Tenure(row["tenure"]).label if row["tenure"] else "")
    return [
        {"measure": words[(p.measure, p.tenure)][0], "tenure": words[(p.measure, p.tenure)][1], "source": p.source,
         **p.cells()}
        for p in peers.place_all(figures, profile)
    ]  # fmt: skip


def approach_facts(survey):
    """The survey approach summary: counted facts from the survey, and what staff recorded."""
    approach = SurveyApproach.objects.filter(survey=survey).first() or SurveyApproach(survey=survey)
    submitted = Response.objects.filter(survey=survey, submitted_at__isnull=False)
    first = submitted.order_by("submitted_at").values_list("submitted_at", flat=True).first()
    last = submitted.order_by("-submitted_at").values_list("submitted_at", flat=True).first()
    counts = survey_selectors.response_counts(survey)
    homes = tsm.homes_by_tenure()
    modes = ", ".join(f"{label}: {n}" for label, n in counts["modes"] if n) or _("none yet")
    facts = [
        (_("Sample method"), SampleMethod(approach.sample_method).label),
        (_("Households invited"), str(Invitation.objects.filter(survey=survey).count())),
        (_("Responses"), str(counts["total"])),
        (
            _("Homes in the results (population)"),
            _("%(rented)s rented, %(owned)s shared ownership")
            % {"rented": homes[Tenure.LCRA], "owned": homes[Tenure.LCHO]},
        ),
        (_("Answers collected"), _("%(first)s to %(last)s") % {"first": _day(first), "last": _day(last)}),
        (_("How people answered"), modes),
        (_("Who ran the survey"), approach.run_by),
        (_("Weighting"), approach.weighting),
        (_("Incentives"), approach.incentives or _("None")),
        (_("Anything else that affects the results"), approach.other_notes or _("Nothing")),
    ]
    return facts


def _day(moment):
    return timezone.localtime(moment).strftime("%-d %B %Y") if moment else "–"


CSV_COLUMNS = [
    "measure",
    "name",
    "tenure",
    # The satisfied proportion for a perception measure; a proportion for BS, RP and CH02; CH01 and NM01 per 1,000 homes.
    "result",
    "valid_responses",
    "margin_of_error",
    "required_margin_of_error",
    "meets_required_precision",
    "last_year_satisfied_rate",
    "last_year_valid_responses",
    "note",
]
NOT_PUBLISHED = "not published: too few answers to show without revealing how individuals answered"


def _proportion(value):
    return "" if value is None else f"{value:.4f}"


def csv_rows(survey, previous):
    """The same table as the page: the perception measures, then the management information."""
    for row in perception_rows(survey, previous):
        now, before, hidden = row["now"], row["before"], row["hidden"]
        notes = [NOT_PUBLISHED] if hidden else []
        if row["before_hidden"]:
            notes.append(f"last year {NOT_PUBLISHED}")
        yield [
            now.measure,
            now.name,
            now.tenure,
            "" if hidden else _proportion(now.satisfied_rate),
            now.valid_responses,
            "" if hidden else _proportion(now.margin_of_error),
            _proportion(now.required_margin),
            "no" if hidden or not now.meets_precision else "yes",
            _proportion(before.satisfied_rate) if before and not row["before_hidden"] else "",
            before.valid_responses if before else "",
            "; ".join(notes),
        ]
    for row in management_rows(survey):
        per_1000 = row["kind"] == management_information.PER_1000
        result = "" if row["raw"] is None else (f"{row['raw']:.1f}" if per_1000 else _proportion(row["raw"]))
        yield [
            row["code"],
            row["label"],
            row["tenure"] or "LCRA and LCHO",
            result,
            "" if row["total"] is None else row["total"],
            "",
            "",
            "",
            "",
            "",
            "",
        ]
