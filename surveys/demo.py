"""Demo data: a TSM survey round and surveys after repairs, answered in several modes and languages.

Who answers, and how, differs by group as it does in real surveys: younger tenants answer online
more, older tenants on paper, tenants who need an interpreter almost never online (they answer when
called with an interpreter), and tenants in the most deprived areas answer less often (half as
often: the "low response" signal). Disabled residents are more often dissatisfied, as nationally,
except with how well their home is maintained, which the adaptations programme keeps up (the
"opposite to the national pattern" signal).
"""

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from core.languages import code_of
from core.periods import default_period
from engagement.models import CommunicationPreference, EqualityProfile, Region
from repairs.demo import SLOW_REGIONS
from surveys import builtin, reach, services
from surveys.channels import channel_for
from surveys.choices import DONT_KNOW, AskedOf, Mode, QuestionKind, tenure_of
from surveys.models import Answer, Delivery, DeliveryStatus, Invitation, Response
from surveys.routing import is_asked

SCALE = ["very_satisfied", "fairly_satisfied", "neither", "fairly_dissatisfied", "very_dissatisfied"]
AGREE = ["strongly_agree", "agree", "neither", "disagree", "strongly_disagree"]
COMMENTS = [
    "The repair was done quickly and the operative was polite.",
    "I had to phone three times before anyone came.",
    "Damp in the bedroom keeps coming back.",
    "Nobody tells us when the caretaker changes.",
    "Fairly happy, but the communal lights are often broken.",
]
WELSH = {
    "title": "Arolwg bodlonrwydd tenantiaid",
    "TP01": "Gan ystyried popeth, pa mor fodlon neu anfodlon ydych chi â'r gwasanaeth a ddarperir gan {landlord}?",
    "choices": {
        "very_satisfied": "Bodlon iawn",
        "fairly_satisfied": "Eithaf bodlon",
        "very_dissatisfied": "Anfodlon iawn",
    },
}


def seed_surveys(landlord):
    rng = landlord.rng
    # The surveys were answered in the weeks before the end of the figures' period (the last whole
    # month), so the demo's first snapshot counts them whatever the day of the month.
    today = default_period(landlord.today)[1]
    tsm = services.survey_create(definition=builtin.TSM_SURVEY, questions=builtin.TSM_QUESTIONS)
    _translate_a_little(tsm)
    leads = [r for r in landlord.residents if r.is_lead_tenant]
    profiles = {p.resident_id: p for p in EqualityProfile.objects.filter(resident__in=leads)}
    preferences = {p.resident_id: p for p in CommunicationPreference.objects.filter(resident__in=leads)}
    invitations = _invite(rng, tsm, leads, profiles, preferences, repairs=None)
    answered = _answer(rng, today, tsm, invitations, profiles, days_back=25)
    _sent_earlier(invitations, on=today - timedelta(days=27))

    after_repair = services.survey_create(
        definition=builtin.TRANSACTIONAL_SURVEY, questions=builtin.TRANSACTIONAL_QUESTIONS
    )
    repaired = rng.sample(leads, min(len(leads), max(1, len(leads) // 12)))
    repairs = {r.pk: (f"DEMO-{n:05d}", today - timedelta(days=rng.randint(1, 28))) for n, r in enumerate(repaired, 1)}
    repair_invitations = _invite(rng, after_repair, repaired, profiles, preferences, repairs=repairs)
    repair_answered = _answer(rng, today, after_repair, repair_invitations, profiles, days_back=14)
    return (
        f"Surveys: a TSM round ({len(invitations)} invited, {answered} answered) and a survey after repairs "
        f"({len(repair_invitations)} invited, {repair_answered} answered)."
    )


LAST_YEAR_SAMPLE = 0.5  # last year's round went to a random half of the households


def seed_last_years_survey(landlord):
    """Last year's TSM round, answered in the weeks before that reporting year closed, so the trends
    page and the tenant results have a year before this one. It went to a random sample of half
    the households (cheaper to build, and a landlord of this size may sample) and is closed. It
    draws its own random numbers, so every other step draws as before."""
    rng = random.Random(f"last-year-{landlord.rng.getstate()[1][:8]}")  # a string seeds the same every run
    year_end = default_period(landlord.today)[0] - timedelta(days=1)
    title = f"{builtin.TSM_SURVEY['title']} {year_end.year - 1} to {year_end.year}"
    tsm = services.survey_create(definition={**builtin.TSM_SURVEY, "title": title}, questions=builtin.TSM_QUESTIONS)
    leads = [r for r in landlord.residents if r.is_lead_tenant]
    sample = rng.sample(leads, round(len(leads) * LAST_YEAR_SAMPLE))
    profiles = {p.resident_id: p for p in EqualityProfile.objects.filter(resident__in=sample)}
    preferences = {p.resident_id: p for p in CommunicationPreference.objects.filter(resident__in=sample)}
    invitations = _invite(rng, tsm, sample, profiles, preferences, repairs=None)
    answered = _answer(rng, year_end, tsm, invitations, profiles, days_back=40)
    sent_at = timezone.make_aware(datetime.combine(year_end - timedelta(days=45), time(9)))
    Invitation.objects.filter(survey=tsm).update(created_at=sent_at, sent_at=sent_at)
    tsm.closed_at = timezone.make_aware(datetime.combine(year_end, time(17)))
    tsm.save(update_fields=["closed_at"])
    return f"Last year's TSM round: {len(invitations)} invited, {answered} answered by {year_end:%-d %B %Y}."


def _translate_a_little(survey):
    # Only part of the survey is in Welsh, so the demo shows the fallback to English.
    survey.translations = {"cy": {"title": WELSH["title"]}}
    survey.save(update_fields=["translations"])
    question = survey.current_version.questions.get(code="TP01")
    question.translations = {"cy": {"text": WELSH["TP01"], "choices": WELSH["choices"]}}
    question.save(update_fields=["translations"])


def _demo_channel(rng, resident, profile, today):
    """Where no preference is recorded, a plausible one: interpreters by phone, older people by letter."""
    if profile is not None and profile.interpreter_needed == "yes":
        return "phone", profile.main_language
    age = resident.age_on(today) or 50
    roll = rng.random()
    if age >= 70:
        return ("letter" if roll < 0.65 else "phone" if roll < 0.92 else "in_person"), ""
    if age < 40:
        return ("email" if roll < 0.6 else "text" if roll < 0.85 else "letter"), ""
    return ("email" if roll < 0.4 else "letter" if roll < 0.85 else "phone"), ""


def _invite(rng, survey, residents, profiles, preferences, *, repairs):
    expires = timezone.now() + timedelta(days=42)
    rows = []
    loaded = {resident.pk: resident for resident in reach.with_reach(residents)}
    for resident in (loaded[r.pk] for r in residents):
        channel, formats, interpreter = services.invitation_plan(resident)
        if resident.pk not in preferences:
            guess, guessed_interpreter = _demo_channel(rng, resident, profiles.get(resident.pk), timezone.localdate())
            if not reach.ruled_out(resident, guess) and channel_for(guess).address(resident):
                channel, interpreter = guess, guessed_interpreter
            formats = ["large_print"] if channel == "letter" and rng.random() < 0.08 else []
        if channel is None:
            continue  # a contact restriction rules every channel out
        reference, completed = (repairs or {}).get(resident.pk, ("", None))
        rows.append(
            Invitation(
                survey=survey,
                resident=resident,
                channel=channel,
                formats=formats,
                interpreter_language=interpreter,
                repair_reference=reference,
                repair_completed_on=completed,
                expires_at=expires,
            )
        )
    return Invitation.objects.bulk_create(rows, batch_size=1000)


def _sent_earlier(invitations, *, on):
    """The TSM round went out before the demo's today: its emails, texts and letters were sent then
    (a few emails bounced; the letters were posted). Calls and visits were worked from their lists. The survey after repairs is
    left unsent, so "Send the invitations not sent yet" and the print pack have something to do."""
    rng = random.Random(f"deliveries-{len(invitations)}")  # its own, so later steps draw as before
    sent_at = timezone.make_aware(datetime.combine(on, time(9)))
    rows = []
    for invitation in invitations:
        if invitation.channel not in ("email", "text", "letter"):
            continue
        status = {"email": DeliveryStatus.SENT, "text": DeliveryStatus.DELIVERED}.get(
            invitation.channel, DeliveryStatus.POSTED
        )
        detail = ""
        if invitation.channel == "email" and rng.random() < 0.04:
            status, detail = DeliveryStatus.BOUNCED, "The mail server said 550: 5.1.1 No such mailbox here"
        rows.append(
            Delivery(
                invitation=invitation,
                channel=invitation.channel,
                status=status,
                detail=detail,
                sent_at=sent_at,
                attempts=1,
            )
        )
    Delivery.objects.bulk_create(rows, batch_size=1000)
    Invitation.objects.filter(pk__in=[i.pk for i in invitations]).update(created_at=sent_at)  # the round began then
    Invitation.objects.filter(pk__in=[d.invitation_id for d in rows]).update(sent_at=sent_at)


# Chance of answering at all, by channel; then the mode the answer comes in.
RESPONSE_RATE = {"email": 0.22, "text": 0.18, "letter": 0.24, "phone": 0.4, "in_person": 0.5, "signed_in": 0.6}
MODES = {
    "email": [(Mode.ONLINE, 0.92), (Mode.PHONE, 0.08)],
    "text": [(Mode.ONLINE, 0.9), (Mode.PHONE, 0.1)],
    "letter": [(Mode.PAPER, 0.85), (Mode.ONLINE, 0.1), (Mode.PHONE, 0.05)],
    "phone": [(Mode.PHONE, 1.0)],
    "in_person": [(Mode.IN_PERSON, 0.9), (Mode.BSL, 0.1)],
}


def _pick(rng, pairs):
    roll, total = rng.random(), 0.0
    for value, share in pairs:
        total += share
        if roll < total:
            return value
    return pairs[-1][0]


def _answer(rng, today, survey, invitations, profiles, *, days_back):
    version = survey.current_version
    questions = list(version.questions.all())
    responses, answer_values = [], []
    slow_regions = set(Region.objects.filter(name__in=SLOW_REGIONS).values_list("pk", flat=True))
    for invitation in invitations:
        resident = invitation.resident
        home = resident.household.home
        profile = profiles.get(resident.pk)
        rate = RESPONSE_RATE.get(invitation.channel, 0.2)
        if home.imd_decile and home.imd_decile <= 2:
            rate *= 0.5  # the most deprived areas answer least: a silence to find (a "low response" signal)
        if rng.random() >= rate:
            continue
        mode = _pick(rng, MODES.get(invitation.channel, [(Mode.PAPER, 1.0)]))
        language = "en-gb"
        if invitation.interpreter_language:
            mode, language = Mode.PHONE_INTERPRETER, code_of(invitation.interpreter_language) or "en-gb"
        elif mode == Mode.ONLINE and rng.random() < 0.03:
            language = "cy"
        elif mode != Mode.ONLINE:
            language = "en-gb"
        when = timezone.make_aware(datetime.combine(today - timedelta(days=rng.randint(0, days_back)), time(10)))
        responses.append(
            Response(
                survey=survey,
                version=version,
                resident=resident,
                repair_reference=invitation.repair_reference,
                invitation=invitation,
                mode=mode,
                language=language,
                tenure=tenure_of(home),
                started_at=when,
                submitted_at=when + timedelta(minutes=rng.randint(4, 25)),
                entered_at=None if mode == Mode.ONLINE else when + timedelta(days=2),
                received_on=when.date(),
            )
        )
        mood = _mood(rng, home, profile)
        moods = _moods(mood, home.region_id in slow_regions, profile)
        answer_values.append(_answers_for(rng, questions, home, mode, mood, moods))
    Response.objects.bulk_create(responses, batch_size=1000)
    by_code = {q.code: q for q in questions}
    Answer.objects.bulk_create(
        [
            Answer(response=response, question=by_code[code], value=value)
            for response, values in zip(responses, answer_values, strict=True)
            for code, value in values.items()
        ],
        batch_size=2000,
    )
    return len(responses)


def _mood(rng, home, profile):
    """How satisfied this household tends to be: 0 (best) to 4 (worst), lower for the better served."""
    mood = 1.3
    if profile is not None and profile.disability == "yes":
        mood += 0.5
    if home.imd_decile and home.imd_decile <= 3:
        mood += 0.3
    if home.scheme_type == "shared_ownership":
        mood += 0.4
    return mood + rng.uniform(-0.8, 0.8)


ADAPTED = "TP04"  # the landlord's aids-and-adaptations programme: disabled residents' homes are kept up
# and other homes less well: wide enough a gap to stay clear after the false discovery control on any
# day's data, while disabled residents' dissatisfied answers stay above the 1 to 7 that are hidden.
UNADAPTED_UPKEEP = 0.4
REPAIRS_QUESTIONS = ("TP02", "TP03")


def _moods(mood, slow_repairs, profile):
    """A mood of its own for some questions. Disabled residents, whose homes the adaptations
    programme keeps up, are less often dissatisfied with how their home is maintained than others,
    the opposite of the national pattern (an "opposite to the national pattern" signal). Where
    repairs are slow (repairs/demo.py: SLOW_REGIONS), residents are more often dissatisfied with
    the repairs service, below the English Housing Survey's figure for the region (a "region"
    signal)."""
    moods = {}
    if slow_repairs:
        moods.update({code: mood + 0.7 for code in REPAIRS_QUESTIONS})
    if profile is not None and profile.disability == "yes":
        moods[ADAPTED] = mood - 1.1
    else:
        moods[ADAPTED] = mood + UNADAPTED_UPKEEP
    return moods


def _scale_answer(rng, mood, scale):
    return scale[max(0, min(4, round(rng.gauss(mood, 1.0))))]


def _answers_for(rng, questions, home, mode, mood, moods=None):
    answers, moods = {}, moods or {}
    for question in questions:
        if not is_asked(question, answers, home):
            continue
        if question.kind in (QuestionKind.SATISFACTION, QuestionKind.AGREEMENT):
            if question.offer_dont_know and rng.random() < 0.08:
                value = DONT_KNOW
            elif mode != Mode.ONLINE and question.asked_of == AskedOf.EVERYONE and rng.random() < 0.01:
                value = DONT_KNOW  # said unprompted on the phone or written on the form
            else:
                scale = SCALE if question.kind == QuestionKind.SATISFACTION else AGREE
                value = _scale_answer(rng, moods.get(question.code, mood), scale)
        elif question.kind == QuestionKind.YES_NO:
            chance = {"REPAIR_12M": 0.55, "COMPLAINT_12M": 0.12}.get(question.code, 0.7)
            value = "yes" if rng.random() < chance else "no"
        elif question.kind == QuestionKind.SINGLE_CHOICE:
            value = DONT_KNOW if rng.random() < 0.1 else str(max(1, min(5, round(rng.gauss(4.6 - mood, 1.0)))))
        elif question.kind == QuestionKind.FREE_TEXT:
            if rng.random() >= 0.2:
                continue
            value = rng.choice(COMMENTS)
        else:
            continue
        answers[question.code] = value
    return answers
