"""Steps a resident takes through the online survey with the test client, as the browser would."""

from django.urls import reverse

from surveys.models import Response


def start_url(token):
    return reverse("surveys:answer_start", args=[token])


def question_url(token, code):
    return reverse("surveys:answer_question", args=[token, code])


def check_url(token):
    return reverse("surveys:answer_check", args=[token])


def start(client, token):
    """Open the start page and press Start now; returns the redirect response."""
    page = client.get(start_url(token))
    return client.post(start_url(token), {"key": str(page.context["key"])})


def response_of(invitation):
    return Response.objects.get(survey=invitation.survey, resident=invitation.resident)


def answer(client, invitation, code, value):
    key = str(response_of(invitation).key)
    return client.post(question_url(invitation.token, code), {"key": key, "answer": value})


def code_of(url, token):
    prefix = f"/surveys/answer/{token}/"
    return url.removeprefix(prefix).strip("/")


def walk(client, invitation, answers):
    """Answer each page the survey shows, in order, from `answers`; return the codes shown."""
    token = invitation.token
    shown = []
    location = start(client, token).url
    while location != check_url(token):
        code = code_of(location, token)
        shown.append(code)
        location = answer(client, invitation, code, answers[code]).url
    return shown


def submit(client, invitation):
    return client.post(check_url(invitation.token), {"key": str(response_of(invitation).key)})


def sent_from(client, invitation, answers=None):
    """A complete response sent from this client's browser (which may then read it), returned fresh."""
    from tests.surveys.factories import answered_response

    answered_response(invitation, answers, submit=False)
    assert submit(client, invitation).url.endswith("/done/")
    return response_of(invitation)
