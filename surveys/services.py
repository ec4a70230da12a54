"""Writes: building surveys, inviting residents, and recording responses however they arrive."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from surveys import reach
from surveys.choices import Mode, tenure_of
from surveys.flow import Flow
from surveys.models import (
    Answer,
    AnswerChange,
    Invitation,
    InvitationChannel,
    Question,
    Response,
    SetAsideDraft,
    Survey,
    SurveyVersion,
)


class SurveyClosed(Exception):
    pass


class AlreadyResponded(Exception):
    """A second sent answer is refused, whatever its route; the message says who sent the first, and when."""

    def __init__(self, response):
        super().__init__(already_answered(response))
        self.response = response


class IncompleteResponse(Exception):
    def __init__(self, question):
        super().__init__(f"{question.code} still needs an answer.")
        self.question = question


# Building surveys -------------------------------------------------------------------------------


@transaction.atomic
def survey_create(*, definition, questions, publish=True):
    """A survey with version 1 holding `questions` (dicts of Question fields, in order)."""
    survey = Survey.objects.create(**definition)
    version = SurveyVersion.objects.create(survey=survey, number=1, published_at=timezone.now() if publish else None)
    for position, fields in enumerate(questions, start=1):
        Question.objects.create(version=version, position=position, **fields)
    return survey


@transaction.atomic
def survey_version_new(*, survey):
    """The draft to edit: the latest version when it is still a draft, else a copy of the latest.

    A survey with no version yet gets an empty version 1. Copying never touches what residents
    already answered: their answers stay with the published version they saw."""
    latest = survey.versions.select_for_update().order_by("-number").first()
    if latest is None:
        return SurveyVersion.objects.create(survey=survey, number=1)
    if not latest.is_published:
        return latest
    version = SurveyVersion.objects.create(survey=survey, number=latest.number + 1)
    for question in latest.questions.all():
        question.pk = None
        question.version = version
        question.save()
    return version


class NotPublishable(Exception):
    pass


@transaction.atomic
def survey_version_publish(*, version):
    """Residents answer this version from now on. A version with no questions cannot be published."""
    if not version.questions.exists():
        raise NotPublishable(f"{version} has no questions.")
    if version.published_at is None:
        version.published_at = timezone.now()
        version.save(update_fields=["published_at"])
    return version


def survey_close(*, survey):
    """No new answers and no changes from now on; the answers given so far are kept."""
    if survey.closed_at is None:
        survey.closed_at = timezone.now()
        survey.save(update_fields=["closed_at"])
    return survey


def survey_reopen(*, survey):
    survey.closed_at = None
    survey.save(update_fields=["closed_at"])
    return survey


# Invitations -------------------------------------------------------------------------------------


def invitation_plan(resident):
    """(channel, formats, interpreter language) for one resident, following their preferences and
    any contact restriction (see surveys/reach.py). The channel is None when none may be used."""
    channels = reach.reachable_channels(resident)
    preference = getattr(resident, "communication_preference", None)
    formats = list(preference.formats) if preference else []
    return (channels[0] if channels else None), formats, (preference.interpreter_language if preference else "")


def _link_expiry():
    return timezone.now() + timedelta(days=settings.SURVEY_LINK_DAYS)


@transaction.atomic
def invitations_create(*, survey, residents, repairs=None):
    """Invite each resident once (once per repair for transactional surveys). Returns the new ones.

    `repairs` maps resident id to (repair reference, completed date) for a transactional survey.
    """
    repairs = repairs or {}
    already = set(Invitation.objects.filter(survey=survey).values_list("resident_id", "repair_reference"))
    expires_at = _link_expiry()
    new = []
    for resident in _with_reach(residents):
        reference, completed_on = repairs.get(resident.pk, ("", None))
        if (resident.pk, reference) in already:
            continue
        already.add((resident.pk, reference))
        channel, formats, interpreter = invitation_plan(resident)
        if channel is None:
            continue  # a contact restriction rules out every channel: their officer decides
        new.append(
            Invitation(
                survey=survey,
                resident=resident,
                repair_reference=reference,
                repair_completed_on=completed_on,
                channel=channel,
                formats=formats,
                interpreter_language=interpreter,
                expires_at=expires_at,
            )
        )
    return Invitation.objects.bulk_create(new, batch_size=1000)


def _with_reach(residents, chunk=1000):
    residents = list(residents)
    for start in range(0, len(residents), chunk):
        yield from reach.with_reach(residents[start : start + chunk])


def invitation_for_signed_in(*, survey, resident):
    """A signed-in resident answers through the same personal link as an invited one."""
    invitation, _created = Invitation.objects.get_or_create(
        survey=survey,
        resident=resident,
        repair_reference="",
        defaults={"channel": InvitationChannel.SIGNED_IN, "expires_at": _link_expiry()},
    )
    if invitation.expires_at < timezone.now():
        invitation.expires_at = _link_expiry()
        invitation.save(update_fields=["expires_at"])
    return invitation


def invitation_link(invitation):
    return settings.SURVEY_LINK_BASE_URL.rstrip("/") + reverse("surveys:answer_start", args=[invitation.token])


# Responses ---------------------------------------------------------------------------------------


def _check_open(survey):
    if survey.closed_at is not None:
        raise SurveyClosed(f"{survey} is closed.")


# One response per person, whatever the route --------------------------------------------------------

CARRY_ON, SET_ASIDE, REFUSE = "carry on", "set aside", "refuse"


def route_meets(existing, *, by_link=False):
    """What an answer arriving now does when this person's response `existing` is already there.

    The one rule for every route. `by_link`: the resident answering through their own link (or
    signed in); otherwise staff entry or the agency's file, whatever mode they record. Nothing there,
    or the resident carrying on with their own online response: CARRY_ON. An online response started
    but never sent gives way to answers that arrive another way: SET_ASIDE (kept aside, not counted).
    A response already sent is never replaced by another route, nor one that arrived another way by
    the link: REFUSE (the link says the answers arrived another way)."""
    if existing is None:
        return CARRY_ON
    if by_link:
        return CARRY_ON if existing.is_by_link else REFUSE
    if existing.is_by_link and not existing.is_submitted:
        return SET_ASIDE
    return REFUSE


def already_answered(response):
    """Who sent a response, how and when, for the message that refuses a second one."""
    when = date_format(response.received_on or timezone.localdate(response.submitted_at), "j F Y")
    how = Mode(response.mode).label
    if response.entered_by is not None:
        who = response.entered_by.get_full_name() or response.entered_by.get_username()
        detail = _("%(how)s, entered by %(who)s, answered on %(when)s") % {"how": how, "who": who, "when": when}
    elif response.imported_from:
        detail = _("%(how)s, from the file %(file)s, answered on %(when)s") % {
            "how": how,
            "file": response.imported_from,
            "when": when,
        }
    else:
        detail = _("%(how)s, sent by the resident on %(when)s") % {"how": how, "when": when}
    return _("This resident has already answered this survey (%(detail)s).") % {"detail": detail}


def responses_of(survey, residents):
    """{(resident id, repair reference): their response to this survey}, for the residents given."""
    ids = [getattr(resident, "pk", resident) for resident in residents]
    found = Response.objects.filter(survey=survey, resident_id__in=ids).select_related("entered_by")
    return {(response.resident_id, response.repair_reference): response for response in found}


def _make_way(*, survey, resident, repair_reference, by_link):
    """Apply the rule (route_meets) before a response arrives: the response to carry on
    with (or None: make one), after setting aside an unsent online draft; AlreadyResponded if sent."""
    existing = (
        Response.objects.select_for_update(of=("self",))
        .select_related("entered_by")
        .filter(survey=survey, resident=resident, repair_reference=repair_reference)
        .first()
    )
    outcome = route_meets(existing, by_link=by_link)
    if outcome == REFUSE:
        raise AlreadyResponded(existing)
    if outcome == SET_ASIDE:
        SetAsideDraft.objects.create(
            survey=survey,
            resident=resident,
            repair_reference=repair_reference,
            version=existing.version,
            language=existing.language,
            started_at=existing.started_at,
            answers={answer.question.code: answer.value for answer in existing.answers.select_related("question")},
        )
        existing.delete()
        return None
    return existing


def set_aside_for(response):
    """Mark the drafts set aside for this response as replaced by it."""
    SetAsideDraft.objects.filter(
        survey=response.survey,
        resident=response.resident,
        repair_reference=response.repair_reference,
        replaced_by__isnull=True,
    ).update(replaced_by=response)


def response_start(*, invitation, key, language, mode=Mode.ONLINE):
    """The invitation's response, created on first start. Two tabs, a resumed link or a double
    click all get the same one: the unique constraint settles any race. A response that arrived
    another way is refused (AlreadyResponded): the link says so."""
    survey = invitation.survey
    _check_open(survey)
    lookup = {"survey": survey, "resident": invitation.resident, "repair_reference": invitation.repair_reference}
    with transaction.atomic():
        existing = _make_way(**lookup, by_link=True)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Response.objects.create(
                **lookup,
                version=survey.current_version,
                invitation=invitation,
                key=key or uuid.uuid4(),
                mode=mode,
                language=language,
                tenure=tenure_of(invitation.resident.household.home),
            )
    except IntegrityError:
        # Another tab started this response a moment ago: carry on with that one.
        started = Response.objects.filter(**lookup).first()
        if started is not None:
            return started
        # The key is already another response's (a form copied or replayed from someone else's
        # page): never join their response; start this one with a key of its own.
        return response_start(invitation=invitation, key=None, language=language, mode=mode)


@transaction.atomic
def answer_save(*, response_key, question, value):
    """Keep one answer as soon as it is given. Changing it later replaces it; it is never duplicated."""
    response = Response.objects.select_for_update().select_related("survey").get(key=response_key)
    _check_open(response.survey)
    before = Answer.objects.filter(response=response, question=question).values_list("value", flat=True).first()
    Answer.objects.update_or_create(response=response, question=question, defaults={"value": value})
    if response.is_submitted:
        # A change after sending stays on the same response, with a record of what changed and when.
        if before != value:
            AnswerChange.objects.create(response=response, question=question, old_value=before or "", new_value=value)
        _drop_answers_not_asked(response, record=True)
    return response


@transaction.atomic
def response_submit(*, response_key):
    """Submit once. Submitting again (a double click, the back button, a second tab) changes nothing."""
    response = Response.objects.select_for_update().get(key=response_key)
    flow = Flow(response)
    missing = flow.missing()
    if missing:
        raise IncompleteResponse(missing[0])
    _drop_answers_not_asked(response, flow)
    if response.submitted_at is None:
        response.submitted_at = timezone.now()
        response.received_on = timezone.localdate(response.submitted_at)
        response.save(update_fields=["submitted_at", "received_on", "updated_at"])
    return response


def _drop_answers_not_asked(response, flow=None, record=False):
    # An answer to a question the routing no longer asks (say, TP02 after "no repair") is not counted.
    flow = flow or Flow(response)
    stale = response.answers.filter(question__code__in=flow.not_asked_codes()).select_related("question")
    if record:
        AnswerChange.objects.bulk_create(
            AnswerChange(response=response, question=answer.question, old_value=answer.value) for answer in stale
        )
    stale.delete()


@transaction.atomic
def response_enter(
    *, key, survey, resident, mode, language, received_on, answers, entered_by, imported_from="", repair_reference=""
):
    """A paper form, phone interview or contractor row keyed in by staff, with who and when.

    `answers` maps question code to value (blank: not answered); answers the routing skips are
    left out. `repair_reference`: the repair a transactional survey's form is about (the one its
    questionnaire reference names). Returns (response, created): the same key twice (a double submit) gives the same response.
    An online response the resident started but never sent is set aside for it (see route_meets);
    one already sent is refused with AlreadyResponded.
    """
    same = Response.objects.filter(key=key).first()
    if same is not None:
        return same, False
    _check_open(survey)
    _make_way(survey=survey, resident=resident, repair_reference=repair_reference, by_link=False)
    now = timezone.now()
    invitation = Invitation.objects.filter(survey=survey, resident=resident, repair_reference=repair_reference).first()
    try:
        # In a savepoint: two staff keying the same form at once (or one double click) both pass the
        # checks above; the unique constraints let one in and the other lands here, told plainly.
        with transaction.atomic():
            response = _create_entered(
                survey,
                resident,
                invitation,
                key,
                mode,
                language,
                now,
                entered_by,
                received_on,
                imported_from,
                repair_reference,
            )
    except IntegrityError:
        same = Response.objects.filter(key=key).first()
        if same is not None:
            return same, False
        earlier = Response.objects.filter(
            survey=survey, resident=resident, repair_reference=repair_reference, submitted_at__isnull=False
        ).first()
        if earlier is None:
            raise
        raise AlreadyResponded(earlier) from None
    questions = {question.code: question for question in response.version.questions.all()}
    Answer.objects.bulk_create(
        [Answer(response=response, question=questions[code], value=value) for code, value in answers.items() if value]
    )
    _drop_answers_not_asked(response)
    set_aside_for(response)
    return response, True


def _create_entered(  # noqa: PLR0913 - the entered response's fields, one each
    survey, resident, invitation, key, mode, language, now, entered_by, received_on, imported_from, repair_reference
):
    return Response.objects.create(
        survey=survey,
        version=survey.current_version,
        resident=resident,
        repair_reference=repair_reference,
        invitation=invitation if invitation and not hasattr(invitation, "response") else None,
        key=key,
        mode=mode,
        language=language,
        tenure=tenure_of(resident.household.home),
        started_at=now,
        submitted_at=now,
        entered_by=entered_by,
        entered_at=now,
        received_on=received_on,
        imported_from=imported_from,
    )


def response_copy_send(*, response, email, language):
    """Email the respondent a copy of their answers (through the configured email backend)."""
    flow = Flow(response)
    lines = [response.survey.title_in(language), ""]
    for question in flow.asked:
        value = flow.answers.get(question.code)
        if value is None:
            continue
        shown = "; ".join(question.shown_in(value, language))
        lines += [question.text_in(language), f"  {shown}", ""]
    send_mail(
        subject=response.survey.title_in(language), message="\n".join(lines), from_email=None, recipient_list=[email]
    )
