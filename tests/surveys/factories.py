"""Factories and helpers for surveys: the built-in surveys, a draft of every question kind, invitations and answered responses."""

from datetime import timedelta

import factory
from django.utils import timezone

from surveys import builtin
from surveys import services as survey_services
from surveys.models import Invitation
from tests.engagement.factories import ResidentFactory


def tsm_survey():
    """The built-in TSM perception survey, published as version 1."""
    return survey_services.survey_create(definition=builtin.TSM_SURVEY, questions=builtin.TSM_QUESTIONS)


def transactional_survey():
    return survey_services.survey_create(
        definition=builtin.TRANSACTIONAL_SURVEY, questions=builtin.TRANSACTIONAL_QUESTIONS
    )


def draft_survey():
    """A pulse survey being built: a draft version 1 with a question of each kind, EXTRA routed."""
    from surveys import building

    survey = building.survey_start(
        title="Heating", purpose="How warm is your home?", kind="pulse", minutes_to_complete=3
    )
    version = survey.versions.get()
    kinds = [
        ("WARM", "yes_no", "Is your home warm enough?", []),
        ("EXTRA", "free_text", "What would help most?", []),
        ("RATING", "satisfaction", "How satisfied are you with your heating?", []),
        ("AGREE", "agreement", "My heating is easy to use.", []),
        ("ROOMS", "number", "How many rooms are cold?", []),
        ("FUEL", "single_choice", "How is your home heated?", [["gas", "Gas"], ["electric", "Electric"]]),
        ("HELP", "multiple_choice", "What help have you had?", [["grant", "A grant"], ["advice", "Advice"]]),
    ]
    for code, kind, text, choices in kinds:
        building.question_add(version=version, fields={"code": code, "kind": kind, "text": text, "choices": choices})
    version.questions.filter(code="EXTRA").update(asked_if_code="WARM", asked_if_answer="no")
    return survey


# Easy read for each question of draft_survey() (surveys/easy_read.py).
EASY = {
    "WARM": "Is your home warm enough?\nTick yes or no.",
    "EXTRA": "What would make your home warmer?\nWrite it in the box.",
    "RATING": "Think about your heating.\nAre you happy with it?",
    "AGREE": "Is your heating easy to use?",
    "ROOMS": "Some rooms may be cold.\nHow many rooms are cold?",
    "FUEL": "What heats your home?",
    "HELP": "Have you had help with heating?\nTick all the help you had.",
}


def with_easy_read(survey):
    """draft_survey() with an easy read, written for its wording, on every question."""
    from surveys.models import Question

    for question in Question.objects.filter(version__survey=survey):
        question.easy_read, question.easy_read_of = EASY[question.code], question.text
        question.save()
    return survey


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    survey = factory.LazyFunction(tsm_survey)
    resident = factory.SubFactory(ResidentFactory)
    channel = "letter"
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))


# A complete set of TSM answers for a rented home without communal areas, no repair, no complaint.
TSM_ANSWERS_NO_REPAIR = {
    "TP01": "fairly_satisfied",
    "REPAIR_12M": "no",
    "TP04": "very_satisfied",
    "TP05": "neither",
    "TP06": "dont_know",
    "TP07": "fairly_dissatisfied",
    "TP08": "agree",
    "COMPLAINT_12M": "no",
    "TP11": "very_dissatisfied",
    "TP12": "fairly_satisfied",
    "INFORMED_REPAIRS": "4",
    "INFORMED_COMPLAINTS": "dont_know",
    "INFORMED_DECISIONS": "3",
    "INFORMED_OFFICER": "2",
    "INFORMED_RENT": "5",
}


def answered_response(invitation, answers=None, submit=True, language="en-gb"):
    """A response through the online services, answered with `answers` (code -> value)."""
    from surveys.models import Question

    response = survey_services.response_start(invitation=invitation, key=None, language=language)
    for code, value in (TSM_ANSWERS_NO_REPAIR if answers is None else answers).items():
        question = Question.objects.get(version=response.version, code=code)
        survey_services.answer_save(response_key=response.key, question=question, value=value)
    if submit:
        survey_services.response_submit(response_key=response.key)
    response.refresh_from_db()
    return response


class PublishedMeasureFactory(factory.django.DjangoModelFactory):
    """Another landlord's published figure (the Regulator's TSM dataset), a housing association of
    fewer than 5,000 homes in the North by default."""

    class Meta:
        model = "surveys.PublishedMeasure"

    year = 2025
    landlord_code = factory.Sequence(lambda n: f"L{n:04d}")
    landlord_name = factory.LazyAttribute(lambda o: f"Landlord {o.landlord_code}")
    landlord_type = "PRP"
    size_band = "<5,000"
    region = "North"
    mostly_supported = False
    measure = "TP01"
    tenure = "LCRA"
    value = 0.7


def translate_survey(survey, language, words=None):
    """Every piece of the survey's current (or only) version translated into `language`: the words
    given for an English text, else the English marked with the language ("PL Heating")."""
    from surveys import translations

    words = words or {}
    version = survey.current_version or survey.versions.order_by("-number").first()
    owners = {}
    for entry in translations.entries(survey, version):
        stored = entry.owner.translations.setdefault(language, {})
        text = words.get(entry.english, f"{language.upper()} {entry.english}")
        if entry.is_choice:
            stored.setdefault("choices", {})[entry.field] = text
        else:
            stored[entry.field] = text
        owners[id(entry.owner)] = entry.owner
    for owner in owners.values():
        owner.save(update_fields=["translations"])
    return survey
