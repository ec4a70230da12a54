"""Surveys that come built in: the Tenant Satisfaction Measures perception survey and a short survey
after a repair. Question wording follows the Regulator of Social Housing's TSM tenant survey
requirements; "{landlord}" is replaced by the landlord's name when shown."""

from surveys.choices import AskedOf, QuestionKind, SurveyKind

S, A, YN, ONE, TEXT = (
    QuestionKind.SATISFACTION,
    QuestionKind.AGREEMENT,
    QuestionKind.YES_NO,
    QuestionKind.SINGLE_CHOICE,
    QuestionKind.FREE_TEXT,
)

# Housing Ombudsman call for evidence on communication: a rating from 1 (very poor) to 5 (very good).
RATING_1_TO_5 = [
    ["1", "1 – very poor"],
    ["2", "2 – poor"],
    ["3", "3 – neither good nor poor"],
    ["4", "4 – good"],
    ["5", "5 – very good"],
]


def q(code, kind, text, *, measure="", dont_know=False, asked_if=None, asked_of=AskedOf.EVERYONE, **extra):
    if_code, if_answer = asked_if or ("", "")
    return {
        "code": code,
        "kind": kind,
        "text": text,
        "tsm_measure": measure,
        "offer_dont_know": dont_know,
        "asked_if_code": if_code,
        "asked_if_answer": if_answer,
        "asked_of": asked_of,
        **extra,
    }


def _informed(code, topic):
    return q(
        code,
        ONE,
        f"How well does {{landlord}} keep you informed about {topic}?",
        hint="Give a rating from 1 (very poor) to 5 (very good).",
        choices=RATING_1_TO_5,
        dont_know=True,
    )


# In the required order: TP01 first, each filter question just before the measures it routes.
TSM_QUESTIONS = [
    q(
        "TP01",
        S,
        "Taking everything into account, how satisfied or dissatisfied are you with the service provided by {landlord}?",
        measure="TP01",
    ),
    q(
        "REPAIR_12M",
        YN,
        "Has {landlord} carried out a repair to your home in the last 12 months?",
        asked_of=AskedOf.RENTED,
    ),
    q(
        "TP02",
        S,
        "How satisfied or dissatisfied are you with the overall repairs service from {landlord} over the last 12 months?",
        measure="TP02",
        asked_if=("REPAIR_12M", "yes"),
        asked_of=AskedOf.RENTED,
    ),
    q(
        "TP03",
        S,
        "How satisfied or dissatisfied are you with the time taken to complete your most recent repair after you reported it?",
        measure="TP03",
        asked_if=("REPAIR_12M", "yes"),
        asked_of=AskedOf.RENTED,
    ),
    q(
        "TP04",
        S,
        "How satisfied or dissatisfied are you that {landlord} provides a home that is well maintained?",
        measure="TP04",
        asked_of=AskedOf.RENTED,
    ),
    q(
        "TP05",
        S,
        "Thinking about the condition of the property or building you live in, how satisfied or dissatisfied are you that {landlord} provides a home that is safe?",
        measure="TP05",
        dont_know=True,
    ),
    q(
        "TP06",
        S,
        "How satisfied or dissatisfied are you that {landlord} listens to your views and acts upon them?",
        measure="TP06",
        dont_know=True,
    ),
    q(
        "TP07",
        S,
        "How satisfied or dissatisfied are you that {landlord} keeps you informed about things that matter to you?",
        measure="TP07",
        dont_know=True,
    ),
    q(
        "TP08",
        A,
        "To what extent do you agree or disagree with the following: “{landlord} treats me fairly and with respect”?",
        measure="TP08",
        dont_know=True,
    ),
    q("COMPLAINT_12M", YN, "Have you made a complaint to {landlord} in the last 12 months?"),
    q(
        "TP09",
        S,
        "How satisfied or dissatisfied are you with {landlord}’s approach to complaints handling?",
        measure="TP09",
        asked_if=("COMPLAINT_12M", "yes"),
    ),
    q(
        "TP10",
        S,
        "How satisfied or dissatisfied are you that {landlord} keeps the communal areas of your building clean and well maintained?",
        measure="TP10",
        asked_of=AskedOf.COMMUNAL_AREAS,
    ),
    q(
        "TP11",
        S,
        "How satisfied or dissatisfied are you that {landlord} makes a positive contribution to your neighbourhood?",
        measure="TP11",
        dont_know=True,
    ),
    q(
        "TP12",
        S,
        "How satisfied or dissatisfied are you with {landlord}’s approach to handling anti-social behaviour?",
        measure="TP12",
        dont_know=True,
    ),
    _informed("INFORMED_REPAIRS", "your repairs"),
    _informed("INFORMED_COMPLAINTS", "your complaints"),
    _informed("INFORMED_DECISIONS", "decisions that affect your home"),
    _informed("INFORMED_OFFICER", "changes to the officer who looks after your home"),
    _informed("INFORMED_RENT", "your rent and service charges"),
    q(
        "COMMENTS",
        TEXT,
        "Is there anything else you would like to tell us about {landlord}?",
        hint="You do not have to answer this.",
        required=False,
    ),
]

TSM_SURVEY = {
    "title": "Tenant satisfaction survey",
    "purpose": (
        "Every year we ask residents how satisfied they are with {landlord}. We publish the results "
        "and use them to decide what to improve first. Your answers are confidential: staff who deal "
        "with your home do not see who said what."
    ),
    "kind": SurveyKind.TSM,
    "minutes_to_complete": 10,
}

TRANSACTIONAL_QUESTIONS = [
    q("REPAIR_OVERALL", S, "How satisfied or dissatisfied are you with the repair we recently completed at your home?"),
    q("REPAIR_TIME", S, "How satisfied or dissatisfied are you with the time it took to complete the repair?"),
    q("REPAIR_FIRST_TIME", YN, "Was the repair fixed on the first visit?"),
    q(
        "REPAIR_RESPECT",
        A,
        "To what extent do you agree or disagree: “the people who came treated me and my home with respect”?",
        dont_know=True,
    ),
    q(
        "REPAIR_COMMENTS",
        TEXT,
        "Is there anything else you would like to tell us about this repair?",
        hint="You do not have to answer this.",
        required=False,
    ),
]

TRANSACTIONAL_SURVEY = {
    "title": "Your recent repair",
    "purpose": "We ask everyone whose repair we complete how it went, so we can put right what went wrong and learn from it.",
    "kind": SurveyKind.TRANSACTIONAL,
    "minutes_to_complete": 2,
}

# The questions whose wording the Regulator sets: each measure and the filter questions that route
# to one. In a TSM survey the builder keeps them exactly as here; extra questions can go around them.
REGULATOR_CODES = frozenset(
    [question["code"] for question in TSM_QUESTIONS if question["tsm_measure"]]
    + [question["asked_if_code"] for question in TSM_QUESTIONS if question["tsm_measure"] and question["asked_if_code"]]
)

# What a new survey of each kind starts with; the other kinds start empty.
STARTING_QUESTIONS = {SurveyKind.TSM: TSM_QUESTIONS, SurveyKind.TRANSACTIONAL: TRANSACTIONAL_QUESTIONS}


def is_locked(question):
    """A TSM survey's Regulator questions: the builder shows them but never changes or removes them."""
    return question.version.survey.kind == SurveyKind.TSM and question.code in REGULATOR_CODES
