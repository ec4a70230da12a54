"""Reads the survey pages share."""

from collections import Counter

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse

from core.languages import name_of
from surveys.choices import DONT_KNOW, DONT_KNOW_LABEL, Mode, SurveyKind
from surveys.models import Answer, Invitation, InvitationChannel, Response, Survey, SurveyVersion


def open_surveys_for_anyone():
    """Open surveys a signed-in resident may start without an invitation (not the after-repair ones)."""
    published = SurveyVersion.objects.filter(survey=OuterRef("pk"), published_at__isnull=False)
    return Survey.objects.filter(Exists(published), closed_at__isnull=True).exclude(kind=SurveyKind.TRANSACTIONAL)


def surveys_for_resident(resident, language):
    """Each survey open to this resident, with where they are in it and the link to carry on."""
    responses = {r.survey_id: r for r in Response.objects.filter(resident=resident, repair_reference="")}
    rows = []
    for survey in open_surveys_for_anyone():
        response = responses.get(survey.pk)
        url = reverse("surveys:begin", args=[survey.pk])
        rows.append({"title": survey.title_in(language), "response": response, "url": url})
    invited = Invitation.objects.filter(resident=resident).exclude(repair_reference="").select_related("survey")
    for invitation in invited.filter(survey__closed_at__isnull=True):
        response = Response.objects.filter(invitation=invitation).first()
        url = reverse("surveys:answer_start", args=[invitation.token])
        title = invitation.survey.title_in(language)
        rows.append({"title": title, "response": response, "url": url, "repair": invitation.repair_reference})
    return rows


def answer_rows(flow, language, token):
    """Check-your-answers rows: question, the answer as the resident saw it, and a change link."""
    rows = []
    for question in flow.asked:
        value = flow.answers.get(question.code)
        labels = dict(question.choices_in(language, dont_know=True))
        shown = [labels.get(part, part) for part in value.split(";")] if value else []
        rows.append(
            {
                "question": question.text_in(language),
                "answers": shown,
                "change": reverse("surveys:answer_question", args=[token, question.code]) + "?change=1",
            }
        )
    return rows


def response_counts(survey):
    submitted = Response.objects.filter(survey=survey, submitted_at__isnull=False)
    by_mode = dict(submitted.values_list("mode").annotate(n=Count("id")))
    modes = [(label, by_mode.get(value, 0)) for value, label in Mode.choices]
    languages = Counter()
    for code, n in submitted.values_list("language").annotate(n=Count("id")):
        languages[name_of(code)] += n
    languages = sorted(languages.items(), key=lambda item: (-item[1], item[0]))
    return {"total": submitted.count(), "modes": modes, "languages": languages}


def distribution(survey):
    """Every question's full answer distribution (all versions, by question code), in question order."""
    counts = Counter()
    for code, value in Answer.objects.filter(response__survey=survey, response__submitted_at__isnull=False).values_list(
        "question__code", "value"
    ):
        for part in value.split(";") if value else []:
            counts[(code, part)] += 1
    version = survey.current_version or survey.versions.order_by("-number").first()
    tables = []
    for question in version.questions.all() if version else []:
        if not question.has_choices:
            answered = sum(n for (code, _v), n in counts.items() if code == question.code)
            tables.append({"question": question, "rows": [], "total": answered, "free": True})
            continue
        options = [*question.choices, [DONT_KNOW, DONT_KNOW_LABEL]]
        total = sum(counts[(question.code, value)] for value, _label in options)
        rows = [
            {
                "label": label,
                "count": counts[(question.code, value)],
                "share": counts[(question.code, value)] / total if total else None,
            }
            for value, label in options
            if value != DONT_KNOW or question.offer_dont_know or counts[(question.code, value)]
        ]
        tables.append({"question": question, "rows": rows, "total": total, "free": False})
    return tables


def invitation_progress(survey):
    """Invited, started and completed, per channel: the funnel from invitation to answer."""
    rows = (
        Invitation.objects.filter(survey=survey)
        .values("channel")
        .annotate(
            invited=Count("id"),
            started=Count("response"),
            completed=Count("response", filter=Q(response__submitted_at__isnull=False)),
        )
        .order_by("channel")
    )
    labels = dict(InvitationChannel.choices)
    return [{**row, "label": labels[row["channel"]]} for row in rows]


SEND_LISTS = {
    "online": ([InvitationChannel.EMAIL, InvitationChannel.TEXT], "Email and text links"),
    "letters": ([InvitationChannel.LETTER], "Print pack for letters"),
    "calls": ([InvitationChannel.PHONE], "Call list"),
    "visits": ([InvitationChannel.IN_PERSON], "Visits"),
}


def send_list(survey, name):
    channels, _label = SEND_LISTS[name]
    return (
        Invitation.objects.filter(survey=survey, channel__in=channels)
        .select_related("resident__household__home", "resident__user", "response")
        .order_by("channel", "resident__household__home__postcode", "resident__last_name", "pk")
    )


def invitation_status(invitation):
    """Invited, started or completed: where this resident is with this survey."""
    response = getattr(invitation, "response", None)
    if response is None:
        return "invited"
    return "completed" if response.is_submitted else "started"
