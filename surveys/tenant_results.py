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

import math
from datetime import timedelta

from django.conf import settings
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from engagement.models import SchemeType
from repairs import management_information
from surveys import peers, representativeness, small_numbers, tsm
from surveys.choices import DONT_KNOW, SCALE_GROUPS, TSM_TENURES, Mode, SurveyKind, Tenure
from surveys.models import (
    Answer,
    Invitation,
    Response,
    SampleMethod,
    Survey,
    SurveyApproach,
    WeightingCharacteristic,
)


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
    """Whether a perception result's base is too small to publish (surveys.small_numbers): fewer
    than INEQUITIES_MIN_DENOMINATOR answers, or 1 to INEQUITIES_MAX_SMALL satisfied or not."""
    if result is None or not result.valid_responses:
        return False  # nothing to publish: shown as no result
    return small_numbers.small_share(result.satisfied, result.valid_responses)


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


def _peer_figures(perception, management):
    """[(measure, tenure, ours)] to place, and {(measure, tenure): (measure's words, tenure's)}."""
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
    return figures, words


def peer_rows(perception, management, profile=None):
    """This year's figures (`perception_rows`, `management_rows`) placed among all landlords and
    among our peers, by the Regulator's latest published figures (surveys/peers.py). A perception
    figure too small to publish is not placed; the other landlords' figures still show."""
    figures, words = _peer_figures(perception, management)
    return [
        {"measure": words[(p.measure, p.tenure)][0], "tenure": words[(p.measure, p.tenure)][1], "source": p.source,
         **p.cells()}
        for p in peers.place_all(figures, profile)
    ]  # fmt: skip


def peer_placements(perception, management, profile=None):
    """{(measure, tenure): peers.Placement} of the same figures as `peer_rows`, for the CSV."""
    figures, _words = _peer_figures(perception, management)
    return {(p.measure, p.tenure): p for p in peers.place_all(figures, profile)}


def relevant_responses(survey):
    """Responses sent from rented and shared ownership homes: leaseholders are outside the measures
    and are counted nowhere on the page."""
    return Response.objects.filter(survey=survey, submitted_at__isnull=False, tenure__in=TSM_TENURES)


def required_responses(homes, margin):
    """The responses needed for a margin of error of `margin` at 95% confidence on a 50% result, with
    the finite population correction, among `homes` homes (the precision the Regulator requires)."""
    if not homes:
        return 0
    first = tsm.Z_95**2 * 0.25 / margin**2
    return math.ceil(first / (1 + (first - 1) / homes))


def counted(n):
    """A count of people as published: 1 to INEQUITIES_MAX_SMALL says only "fewer than"."""
    if small_numbers.small_count(n):
        return _("fewer than %(n)s") % {"n": settings.INEQUITIES_MAX_SMALL + 1}
    return f"{n:,}"


def _by_tenure(counts):
    """ "N (A rented, B shared ownership)": the split only when neither part is a small count."""
    total = counted(sum(counts.values()))
    if any(small_numbers.small_count(n) for n in counts.values()):
        return total
    return _("%(total)s (%(rented)s rented, %(owned)s shared ownership)") % {
        "total": total,
        "rented": f"{counts[Tenure.LCRA]:,}",
        "owned": f"{counts[Tenure.LCHO]:,}",
    }


def channels(responses):
    """Responses by how people answered, small channels merged so none can be worked out."""
    by_mode = dict(responses.values_list("mode").annotate(n=Count("id")))
    rows = [{"name": str(label), "answers": by_mode.get(value, 0)} for value, label in Mode.choices]
    rows = sorted((row for row in rows if row["answers"]), key=lambda row: -row["answers"])
    if not rows:
        return []
    return small_numbers.merge_small_groups(
        rows, lambda row: small_numbers.small_count(row["answers"]), _("Other ways together")
    )


def _channel_words(rows):
    words = []
    for row in rows:
        name = f"{row['name']} ({', '.join(row['merged'])})" if row.get("merged") else row["name"]
        words.append(f"{name}: {counted(row['answers'])}")
    return "; ".join(words) or _("none yet")


def summary_of_approach(survey):
    """The summary of approach the Regulator asks for beside the results (Survey Requirements,
    paragraph 35, items a-k): what the service counts, the representativeness assessment, any
    weighting, and what the administrator wrote. Only rented and shared ownership tenants count."""
    approach = SurveyApproach.objects.filter(survey=survey).first() or SurveyApproach(survey=survey)
    responses = relevant_responses(survey)
    by_tenure = dict(responses.values_list("tenure").annotate(n=Count("id")))
    by_tenure = {tenure: by_tenure.get(tenure, 0) for tenure in TSM_TENURES}
    homes = tsm.homes_by_tenure()
    invited = (
        Invitation.objects.filter(survey=survey)
        .exclude(resident__household__home__scheme_type=SchemeType.LEASEHOLD)
        .count()
    )
    first = responses.order_by("received_on").values_list("received_on", flat=True).first()
    last = responses.order_by("-received_on").values_list("received_on", flat=True).first()
    channel_rows = channels(responses)
    day = timezone.localdate(survey.closed_at) if survey.closed_at else timezone.localdate()
    people, respondents = representativeness.frames(survey, day)
    assessments = representativeness.assessments(people, respondents)
    weights = (
        representativeness.rake(people, respondents, approach.weight_by)
        if approach.weighted and len(respondents)
        else None
    )
    shortfalls = []
    for tenure in TSM_TENURES:
        if not homes[tenure]:
            continue
        margin = tsm.required_margin(homes[tenure])
        needed = required_responses(homes[tenure], margin)
        shortfalls.append(
            _("%(tenure)s: %(needed)s responses needed for ± %(margin)s%%, %(got)s achieved, %(short)s")
            % {
                "tenure": Tenure(tenure).label,
                "needed": f"{needed:,}",
                "margin": f"{100 * margin:.0f}",
                "got": counted(by_tenure[tenure]),
                "short": _("%(n)s short") % {"n": f"{needed - by_tenure[tenure]:,}"}
                if by_tenure[tenure] < needed
                else _("no shortfall"),
            }
        )
    if approach.shortfall_reason:
        shortfalls.append(approach.shortfall_reason)
    excluded = {Tenure.LCRA: approach.excluded_rented, Tenure.LCHO: approach.excluded_shared_ownership}
    exclusions = _by_tenure(excluded) if sum(excluded.values()) else _("None")
    if approach.exclusion_reasons:
        exclusions = f"{exclusions}: {approach.exclusion_reasons}"
    contractor = approach.run_by
    if approach.contractor_name:
        contractor = _("%(role)s (external contractor: %(name)s)") % {
            "role": contractor,
            "name": approach.contractor_name,
        }
    fieldwork = _("%(first)s to %(last)s") % {"first": _date(first), "last": _date(last)}
    items = [
        ("a", _("Achieved sample size"), _by_tenure(by_tenure)),
        ("b", _("When the answers were collected"), fieldwork),
        ("c", _("How people answered"), _channel_words(channel_rows)),
        (
            "d",
            _("How tenants were chosen"),
            _("%(method)s; %(invited)s households invited of %(homes)s rented and shared ownership homes")
            % {
                "method": SampleMethod(approach.sample_method).label,
                "invited": counted(invited),
                "homes": f"{homes[Tenure.LCRA] + homes[Tenure.LCHO]:,}",
            },
        ),
        ("e", _("How representative the answers are"), representativeness_words(assessments)),
        ("f", _("Weighting"), weighting_words(approach, weights)),
        ("g", _("Who ran the survey"), contractor),
        ("h", _("Households left out, and why"), exclusions),
        ("i", _("Shortfall against the required sample size"), "; ".join(shortfalls) or _("None")),
        ("j", _("Incentives"), approach.incentives or _("None")),
        ("k", _("Anything else that affects the results, including comparison with last year"),
         approach.other_notes or _("Nothing")),
    ]  # fmt: skip
    return {
        "items": items,
        "assessments": assessments,
        "weights": weights,
        "weighted": weighted_rows(survey, weights) if weights is not None else [],
        "channels": channel_rows,
    }


def representativeness_words(assessments):
    names = ", ".join(a.label.lower() for a in assessments)
    differ = [a.label.lower() for a in assessments if a.differs]
    words = _(
        "We compared the tenants who answered with all our rented and shared ownership tenants by %(names)s "
        "(a chi-square goodness-of-fit test at the 5%% level)."
    ) % {"names": names}
    if differ:
        return f"{words} " + _("Those who answered differ from all our tenants by %(differ)s.") % {
            "differ": ", ".join(differ)
        }
    return f"{words} " + _("We found no evidence that those who answered differ from all our tenants.")


def weighting_words(approach, weights):
    if weights is None:
        return approach.weighting
    names = ", ".join(str(WeightingCharacteristic(c).label).lower() for c in weights.characteristics)
    return _(
        "Weighted by %(names)s (raking: the answers' weighted shares match all our tenants' on each), "
        "giving an effective sample size of %(effective)s. The measures above are as answered "
        "(unweighted); the weighted results are shown below, and are the ones in our return to the Regulator."
    ) % {"names": names, "effective": f"{weights.effective_sample_size:,.0f}"}


def weighted_rows(survey, weights):
    """Each perception measure's satisfied share with the respondents weighted, published where the
    unweighted result is."""
    answers = (
        Answer.objects.filter(response__in=relevant_responses(survey))
        .exclude(question__tsm_measure="")
        .exclude(value=DONT_KNOW)
        .values_list("response_id", "question__tsm_measure", "response__tenure", "value")
    )
    totals = {}
    for response, measure, tenure, value in answers:
        weight = float(weights.weights.get(response, 0.0))
        cell = totals.setdefault((measure, tenure), [0.0, 0.0])
        cell[0] += weight if SCALE_GROUPS[value] == "satisfied" else 0.0
        cell[1] += weight
    rows = []
    for row in perception_rows(survey):
        satisfied, valid = totals.get((row["now"].measure, row["now"].tenure), (0.0, 0.0))
        rows.append({**row, "weighted": satisfied / valid if valid else None})
    return rows


def _date(day):
    return day.strftime("%-d %B %Y") if day else "–"


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
    # Where this year's figure sits among all landlords and our peers, as the page's table places it.
    *peers.CSV_COLUMNS,
]
NO_PLACEMENT = [""] * len(peers.CSV_COLUMNS)
NOT_PUBLISHED = "not published: too few answers to show without revealing how individuals answered"


def _proportion(value):
    return "" if value is None else f"{value:.4f}"


def csv_rows(survey, previous):
    """The same table as the page: the perception measures, then the management information, each
    with its placing among other landlords (the page's "Among other landlords" table: a measure's
    first row, where the Regulator publishes it), then the summary of approach."""
    perception, management = perception_rows(survey, previous), management_rows(survey)
    placements = peer_placements(perception, management)

    def placed(measure, tenure):
        placement = placements.pop((measure, tenure), None)
        return placement.csv_cells() if placement else NO_PLACEMENT

    for row in perception:
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
            *placed(now.measure, now.tenure),
        ]
    for row in management:
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
            *placed(row["code"], row["tenure"]),
        ]
    for row in approach_csv_rows(summary_of_approach(survey)):
        yield [*row, *NO_PLACEMENT]


def approach_csv_rows(summary):
    """The summary of approach in the same columns: its items a-k (words in `note`), the
    representativeness assessment by characteristic and group (respondents' share in `result`, their
    number in `valid_responses`, the population's share in `note`), the test, and any weighted
    results."""
    blank = [""] * 5
    for letter, label, words in summary["items"]:
        yield [f"approach ({letter})", str(label), "LCRA and LCHO", "", "", *blank, str(words)]
    for assessment in summary["assessments"]:
        for group in assessment.groups:
            withheld = group.get("withheld")
            name = f"{assessment.label}: {group['name']}"
            if group.get("merged"):
                name = f"{name} ({', '.join(group['merged'])})"
            yield [
                "representativeness",
                name,
                "LCRA and LCHO",
                "" if withheld else _proportion(group["respondent_share"]),
                "" if withheld else group["respondents"],
                *blank,
                NOT_PUBLISHED if withheld else f"share of all tenants {_proportion(group['population_share'])}",
            ]
        p_value = "" if assessment.p_value is None else _proportion(assessment.p_value)
        statistic = "" if assessment.statistic is None else f"{assessment.statistic:.2f}"
        yield [
            "representativeness",
            f"{assessment.label}: chi-square goodness-of-fit test (p-value)",
            "LCRA and LCHO",
            p_value,
            assessment.respondents,
            *blank,
            f"chi-square {statistic} on {assessment.degrees_of_freedom} degrees of freedom"
            + ("; differs at the 5% level" if assessment.differs else ""),
        ]
    for row in summary["weighted"]:
        now = row["now"]
        yield [
            now.measure,
            f"{now.name} (weighted)",
            now.tenure,
            "" if row["hidden"] else _proportion(row["weighted"]),
            now.valid_responses,
            *blank,
            NOT_PUBLISHED if row["hidden"] else "",
        ]
