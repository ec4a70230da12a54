"""Answering online: one question a page, check your answers, confirmation.

Everything is keyed on the resident's personal link (the invitation token), not on the session:
the answers are saved on the server as each page is sent, so a timed-out session, a second tab or
coming back next week carries on from the same response.
"""

import uuid
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core.access import page, public_page
from engagement.audit import record_change
from engagement.models import AuditAction, AuditSubject
from surveys import easy_read, link_holders, selectors, services, translations
from surveys.flow import Flow
from surveys.forms import CodeForm, QuestionForm
from surveys.links import UnknownLink, hash_token, limit_link_attempts
from surveys.messages import language_of as messages_language_of
from surveys.models import Invitation, Response


def _invitation(token):
    invitation = (
        Invitation.objects.select_related("survey", "resident__household__home", "resident__user")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if invitation is None:
        raise UnknownLink("No survey has that link.")
    return invitation


def _unavailable(request, invitation):
    """A page saying why the link cannot be used, or None when it can."""
    if invitation.expires_at < timezone.now():
        reason = "expired"
    elif invitation.survey.closed_at is not None or invitation.survey.current_version is None:
        reason = "closed"
    else:
        return None
    return render(
        request, "surveys/answer/unavailable.html", {"reason": reason, "survey": invitation.survey}, status=410
    )


def _arrived_another_way(request, survey, response):
    """The page saying the resident's answers arrived another way (a paper form, a call, a visit, the
    agency), or None when the response, if any, is the resident's own online one. One response per
    person: the link cannot start a second (see services.route_meets)."""
    if response is None or services.route_meets(response, by_link=True) != services.REFUSE:
        return None
    return render(
        request,
        "surveys/answer/arrived.html",
        {
            "survey_title": survey.title_in(_language()),
            "response": response,
            "how": ARRIVED_BY.get(response.mode, ARRIVED_BY["online"]),
            "phone": settings.LANDLORD_PHONE,
        },
    )


ARRIVED_BY = {
    "online": _lazy("through the survey company"),
    "paper": _lazy("on a paper form"),
    "phone": _lazy("by phone"),
    "phone_interpreter": _lazy("by phone, with an interpreter"),
    "in_person": _lazy("in person"),
    "bsl": _lazy("in British Sign Language"),
}


def _sent_only(request, invitation, response):
    """The "your answers were sent" page when the holder of the link may not read them, else None."""
    if response is None or link_holders.may_read(request, response):
        return None
    return render(
        request,
        "surveys/answer/sent.html",
        {
            "survey_title": invitation.survey.title_in(_language()),
            "response": response,
            "token": invitation.token,
            "staff": link_holders.staff_signed_in(request, response),
            "phone": settings.LANDLORD_PHONE,
            "email": link_holders.masked(email) if (email := link_holders.own_email(response)) else "",
        },
    )


def _language():
    return translation.get_language() or "en-gb"


def in_the_residents_language(view):
    """The whole page in the resident's language when the survey is offered in it (its text and the
    interface are complete in it, surveys.translations.complete_languages): the survey's text, and
    the interface's words, errors, messages and the copy of the answers, through Django's catalogue.
    Otherwise the page is in the site's language."""

    @wraps(view)
    def in_language(request, token, *args, **kwargs):
        language = _residents_language(request, token)
        if language is None:
            return view(request, token, *args, **kwargs)
        with translation.override(language):
            return view(request, token, *args, **kwargs)

    return in_language


def _residents_language(request, token):
    """The language asked for on the start page, else the one the response was started in, else the
    resident's own (their invitation's), when the survey is offered in it; None for the site's."""
    invitation = (
        Invitation.objects.select_related("survey", "resident__contact_details")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if invitation is None:
        return None
    offered = _offered(invitation.survey)
    if not offered:
        return None
    asked = request.POST.get("survey_language") or request.GET.get("language") or ""
    if asked == settings.LANGUAGE_CODE:
        return None
    if asked in offered:
        return asked
    response = selectors.response_for(invitation)
    if response is not None:
        return response.language if response.language in offered else None
    # Not started: the language of the resident's emails, texts and letters, as the invitation was.
    language = messages_language_of(invitation.resident, invitation.survey)
    return language if language in offered else None


def _offered(survey):
    """{code: name} of the languages this survey's text is complete in, besides the site's own."""
    return dict(translations.complete_languages(survey, survey.current_version))


def _chosen_language(request, survey):
    """The survey language asked for on the start page (?language= or the posted choice), if offered."""
    asked = request.POST.get("survey_language") or request.GET.get("language") or ""
    return asked if asked in _offered(survey) else _language()


def _survey_language(response):
    """The language the resident chose for this survey's text, while the survey is complete in it."""
    return response.language if response.language in _offered(response.survey) else _language()


def _text_direction(language):
    return {"lang": language, "dir": "rtl" if translations.is_right_to_left(language) else "ltr"}


def _where_next(token, flow, *, changing=False):
    """The first question still to answer, or the check-your-answers page. After a change, only a
    question that needs an answer (one the change has just opened up) comes before the answers."""
    question = next(iter(flow.missing()), None) if changing else flow.first_unanswered()
    if question is None:
        return reverse("surveys:answer_check", args=[token])
    return reverse("surveys:answer_question", args=[token, question.code])


def _start_page(request, survey, response, action):
    language = _chosen_language(request, survey)
    return render(
        request,
        "surveys/answer/start.html",
        {
            "survey": survey,
            "title": survey.title_in(language),
            "purpose": survey.purpose_in(language),
            "text": _text_direction(language),
            "survey_language": language,
            "other_languages": [(code, name) for code, name in _offered(survey).items() if code != language],
            "site_language": settings.LANGUAGE_CODE,
            "response": response,
            "key": uuid.uuid4(),
            "action": action,
        },
    )


@public_page
@limit_link_attempts
@in_the_residents_language
def answer_start(request, token):
    invitation = _invitation(token)
    if (blocked := _unavailable(request, invitation)) is not None:
        return blocked
    response = selectors.response_for(invitation)
    if (arrived := _arrived_another_way(request, invitation.survey, response)) is not None:
        return arrived
    if (sent := _sent_only(request, invitation, response)) is not None:
        return sent
    if request.method == "POST":
        language = _chosen_language(request, invitation.survey)
        response = services.response_start(invitation=invitation, key=_posted_key(request), language=language)
        return redirect(_where_next(token, Flow(response)))
    if response is not None and response.is_submitted:
        # Sent already: show the answers, each with a Change link, until the survey closes.
        return redirect("surveys:answer_check", token)
    return _start_page(request, invitation.survey, response, request.path)


def _posted_key(request):
    try:
        return uuid.UUID(request.POST.get("key", ""))
    except ValueError:
        return None


@public_page
@limit_link_attempts
@in_the_residents_language
def answer_question(request, token, code):
    invitation = _invitation(token)
    if (blocked := _unavailable(request, invitation)) is not None:
        return blocked
    response = selectors.response_for(invitation)
    if response is None:
        return redirect("surveys:answer_start", token)
    if (arrived := _arrived_another_way(request, invitation.survey, response)) is not None:
        return arrived
    if (sent := _sent_only(request, invitation, response)) is not None:
        return sent
    flow = Flow(response)
    question = flow.question(code)
    if question is None:
        # Not asked of this resident (routing), or not in this version: carry on from where they are.
        return redirect(_where_next(token, flow))
    language = _survey_language(response)
    changing = request.GET.get("change") == "1"
    in_easy_read = easy_read.wanted(invitation, language, response.version)
    form = QuestionForm(
        request.POST or None,
        question=question,
        language=language,
        initial_answer=flow.answers.get(code),
        easy_read=in_easy_read,
    )
    if request.method == "POST" and form.is_valid():
        if _posted_key(request) != response.key:
            raise Http404("That form belongs to another response.")
        response = services.answer_save(response_key=response.key, question=question, value=form.value)
        flow = Flow(response)
        following = flow.after(code)
        if changing or response.is_submitted or following is None:
            return redirect(_where_next(token, flow, changing=changing or response.is_submitted))
        return redirect("surveys:answer_question", token, following.code)
    previous = flow.before(code)
    if changing:
        back = reverse("surveys:answer_check", args=[token])
    elif previous is None:
        back = reverse("surveys:answer_start", args=[token])
    else:
        back = reverse("surveys:answer_question", args=[token, previous.code])
    asked = flow.asked
    return render(
        request,
        "surveys/answer/question.html",
        {
            "form": form,
            "survey_title": invitation.survey.title_in(language),
            "question": question,
            "question_text": " ".join(easy_read.lines(question)) if in_easy_read else question.text_in(language),
            "number": asked.index(question) + 1,
            "count": len(asked),
            "more_may_follow": bool(flow.depending_on_answers_to_come()),
            "text": _text_direction(language),
            "back": back,
            "key": response.key,
            "submitted": response.is_submitted,
        },
    )


@public_page
@limit_link_attempts
@in_the_residents_language
def answer_check(request, token):
    invitation = _invitation(token)
    if (blocked := _unavailable(request, invitation)) is not None:
        return blocked
    response = selectors.response_for(invitation)
    if response is None:
        return redirect("surveys:answer_start", token)
    if (arrived := _arrived_another_way(request, invitation.survey, response)) is not None:
        return arrived
    if (sent := _sent_only(request, invitation, response)) is not None:
        return sent
    if request.method == "POST":
        if _posted_key(request) != response.key:
            raise Http404("That form belongs to another response.")
        try:
            response = services.response_submit(response_key=response.key)
        except services.IncompleteResponse as missing:
            return redirect("surveys:answer_question", token, missing.question.code)
        if not link_holders.staff_signed_in(request, response):
            link_holders.prove(request, response)  # this browser wrote the answers it just sent
        return redirect("surveys:answer_done", token)
    flow = Flow(response)
    missing = flow.missing()
    if missing:
        return redirect("surveys:answer_question", token, missing[0].code)
    language = _survey_language(response)
    return render(
        request,
        "surveys/answer/check.html",
        {
            "survey_title": invitation.survey.title_in(language),
            "rows": selectors.answer_rows(
                flow, language, token, easy_read=easy_read.wanted(invitation, language, response.version)
            ),
            "key": response.key,
            "submitted": response.is_submitted,
            "submitted_at": response.submitted_at,
            "text": _text_direction(language),
            "back": reverse("surveys:answer_question", args=[token, flow.asked[-1].code]),
        },
    )


@public_page
@limit_link_attempts
@in_the_residents_language
def answer_done(request, token):
    invitation = _invitation(token)
    if (blocked := _unavailable(request, invitation)) is not None:
        return blocked
    response = selectors.response_for(invitation)
    if response is None or not response.is_submitted:
        return redirect("surveys:answer_start", token)
    if (arrived := _arrived_another_way(request, invitation.survey, response)) is not None:
        return arrived
    if (sent := _sent_only(request, invitation, response)) is not None:
        return sent
    email = link_holders.own_email(response)
    if request.method == "POST" and email:
        if link_holders.send_allowed("copy", response, email):
            services.response_copy_send(response=response, email=email, language=_language())
            _audit_copy(request, response)
            messages.success(
                request, _("We have sent a copy of your answers to %(email)s.") % {"email": link_holders.masked(email)}
            )
        else:
            messages.error(request, _("We have already sent copies today. Try again tomorrow, or call us."))
        return redirect("surveys:answer_done", token)
    return render(
        request,
        "surveys/answer/done.html",
        {
            "survey_title": invitation.survey.title_in(_language()),
            "response": response,
            "token": token,
            "email": link_holders.masked(email) if email else "",
        },
    )


def _audit_copy(request, response):
    record_change(
        user=request.user if request.user.is_authenticated else None,
        resident=response.resident,
        subject=AuditSubject.SURVEY_ANSWERS,
        action=AuditAction.EXPORTED,
        object_id=response.pk,
        path=request.path,
    )


@public_page
@limit_link_attempts
@in_the_residents_language
def answer_code(request, token):
    """The resident proves the link is theirs with a code sent to their own email address."""
    invitation = _invitation(token)
    if (blocked := _unavailable(request, invitation)) is not None:
        return blocked
    response = selectors.response_for(invitation)
    if response is None or not response.is_submitted:
        return redirect("surveys:answer_start", token)
    if (arrived := _arrived_another_way(request, invitation.survey, response)) is not None:
        return arrived
    if link_holders.may_read(request, response):
        return redirect("surveys:answer_check", token)
    if link_holders.staff_signed_in(request, response) or not link_holders.own_email(response):
        return _sent_only(request, invitation, response)
    form = CodeForm(request.POST if "code" in request.POST else None)
    if request.method == "POST" and "send" in request.POST:
        if link_holders.code_send(response, _language()):
            messages.success(
                request,
                _("We have emailed a code to %(email)s.")
                % {"email": link_holders.masked(link_holders.own_email(response))},
            )
        else:
            messages.error(request, _("We have already sent 3 codes today. Use the last one, or try again tomorrow."))
        return redirect("surveys:answer_code", token)
    if form.is_bound and form.is_valid():
        outcome = link_holders.code_check(response, form.cleaned_data["code"])
        if outcome == "right":
            link_holders.prove(request, response)
            return redirect("surveys:answer_check", token)
        form.add_error("code", form.WRONG if outcome == "wrong" else form.NONE_WAITING)
    return render(
        request,
        "surveys/answer/code.html",
        {
            "survey_title": invitation.survey.title_in(_language()),
            "form": form,
            "email": link_holders.masked(link_holders.own_email(response)),
            "minutes": link_holders.CODE_MINUTES,
        },
    )


# Signed-in residents --------------------------------------------------------------------------------


def _resident_of(request):
    resident = getattr(request.user, "resident", None)
    if resident is None:
        raise Http404("This account is not linked to a resident.")
    return resident


@page("surveys.answer_survey")
def my_surveys(request):
    resident = getattr(request.user, "resident", None)
    return render(
        request,
        "surveys/mine.html",
        {"rows": selectors.surveys_for_resident(resident, _language()) if resident else []},
    )


@page("surveys.answer_survey")
def begin(request, pk):
    resident = _resident_of(request)
    survey = get_object_or_404(selectors.open_surveys_for_anyone(), pk=pk)
    response = Response.objects.filter(survey=survey, resident=resident, repair_reference="").first()
    if (arrived := _arrived_another_way(request, survey, response)) is not None:
        return arrived
    if request.method == "POST":
        invitation = services.invitation_for_signed_in(survey=survey, resident=resident)
        language = _chosen_language(request, survey)
        response = services.response_start(invitation=invitation, key=_posted_key(request), language=language)
        return redirect(_where_next(invitation.token, Flow(response)))
    if response is not None and response.is_submitted and response.invitation_id:
        return redirect("surveys:answer_check", response.invitation.token)
    return _start_page(request, survey, response, request.path)
