"""Reads the survey pages share."""

from collections import Counter

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse

from core.languages import name_of
from surveys import easy_read as easy
from surveys.choices import DONT_KNOW, DONT_KNOW_LABEL, Mode, SurveyKind
from surveys.models import (
    Answer,
    Delivery,
    DeliveryKind,
    DeliveryStatus,
    Invitation,
    InvitationChannel,
    Response,
    Survey,
    SurveyVersion,
)


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


def response_for(invitation):
    """The response to this invitation's survey by its resident (about its repair), if started."""
    return Response.objects.filter(
        survey=invitation.survey, resident=invitation.resident, repair_reference=invitation.repair_reference
    ).first()


def answer_rows(flow, language, token, *, easy_read=False):
    """Check-your-answers rows: question (in easy read for a resident reading it so), the answer as
    the resident saw it, and a change link."""
    rows = []
    for question in flow.asked:
        value = flow.answers.get(question.code)
        shown = question.shown_in(value, language)
        rows.append(
            {
                "question": " ".join(easy.lines(question)) if easy_read else question.text_in(language),
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
    counts, answered = Counter(), Counter()
    for code, value in Answer.objects.filter(response__survey=survey, response__submitted_at__isnull=False).values_list(
        "question__code", "value"
    ):
        answered[code] += 1 if value else 0  # a written answer is one answer, semicolons and all
        for part in value.split(";") if value else []:
            counts[(code, part)] += 1
    version = survey.current_version or survey.versions.order_by("-number").first()
    tables = []
    for question in version.questions.all() if version else []:
        if not question.has_choices:
            tables.append({"question": question, "rows": [], "total": answered[question.code], "free": True})
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


def surveys_to_invite_to():
    """Open, published surveys a resident can be invited to one by one (not the after-repair ones)."""
    return open_surveys_for_anyone().order_by("-pk")


def delivery_counts(survey):
    """Per channel: how many invitations are at each delivery status, and how many have not answered."""
    rows = (
        Delivery.objects.filter(invitation__survey=survey, kind=DeliveryKind.INVITATION)
        .values_list("channel", "status")
        .annotate(n=Count("id"))
    )
    by_channel = {}
    for channel, status, n in rows:
        by_channel.setdefault(channel, dict.fromkeys(DeliveryStatus.values, 0))[status] = n
    labels = dict(InvitationChannel.choices)
    statuses = dict(DeliveryStatus.choices)
    return {
        "statuses": [(value, statuses[value]) for value in DeliveryStatus.values],
        "rows": [
            {"label": labels[channel], "counts": [counts[value] for value in DeliveryStatus.values]}
            for channel, counts in sorted(by_channel.items())
        ],
        **Invitation.objects.filter(survey=survey)
        .annotate(
            gone=Exists(
                Delivery.objects.filter(invitation=OuterRef("pk"), kind=DeliveryKind.INVITATION, status__in=GONE)
            )
        )
        .aggregate(
            # Emails, texts and letters not sent (or posted) yet; calls and visits are counted apart,
            # as the people on their lists still to call or visit.
            not_sent=Count("pk", filter=Q(gone=False, channel__in=SENT_BY_US)),
            to_call=Count("pk", filter=Q(channel=InvitationChannel.PHONE) & ~Q(response__submitted_at__isnull=False)),
            to_visit=Count(
                "pk", filter=Q(channel=InvitationChannel.IN_PERSON) & ~Q(response__submitted_at__isnull=False)
            ),
            not_answered=Count("pk", filter=~Q(response__submitted_at__isnull=False)),
        ),
    }


SENT_BY_US = [InvitationChannel.EMAIL, InvitationChannel.TEXT, InvitationChannel.LETTER]
# A delivery in one of these has left us (or was tried and failed): the invitation is not "not sent yet".
GONE = [
    DeliveryStatus.SENDING,
    DeliveryStatus.SENT,
    DeliveryStatus.DELIVERED,
    DeliveryStatus.POSTED,
    DeliveryStatus.FAILED,
    DeliveryStatus.BOUNCED,
]


SEND_LISTS = {
    "online": ([InvitationChannel.EMAIL, InvitationChannel.TEXT], "Email and text links"),
    "letters": ([InvitationChannel.LETTER], "Letter addresses"),
    "calls": ([InvitationChannel.PHONE], "Call list"),
    "visits": ([InvitationChannel.IN_PERSON], "Visit list"),
}


def send_list(survey, name):
    channels, _label = SEND_LISTS[name]
    return (
        Invitation.objects.filter(survey=survey, channel__in=channels)
        .select_related(
            "resident__household__home", "resident__contact_details", "resident__communication_preference", "response"
        )
        .prefetch_related("deliveries", "resident__contact_restrictions")
        .order_by("channel", "resident__household__home__postcode", "resident__last_name", "pk")
    )


def delivery_status(invitation):
    """The invitation's delivery (and its reminder's) in words: "Sent", "Queued; reminder: sent"."""
    shown = []
    for delivery in sorted(invitation.deliveries.all(), key=lambda d: d.kind != DeliveryKind.INVITATION):
        words = delivery.get_status_display()
        if delivery.kind == DeliveryKind.REMINDER:
            words = f"reminder by {delivery.get_channel_display().lower()}: {words.lower()}"
        shown.append(words)
    return "; ".join(shown) or "Not sent yet"


def best_time(invitation):
    """When to call: the resident's own words, and any restriction on call times."""
    preference = getattr(invitation.resident, "communication_preference", None)
    times = [preference.best_times] if preference and preference.best_times else []
    times += [f"Restriction: {r.details}" for r in invitation.resident.contact_restrictions.all() if r.is_current]
    return "; ".join(times)


def invitation_status(invitation):
    """Invited, started or completed: where this resident is with this survey."""
    response = getattr(invitation, "response", None)
    if response is None:
        return "invited"
    return "completed" if response.is_submitted else "started"
