"""The survey builder: administrators and insight analysts make a survey, edit its draft version's
questions, preview it as residents see it in every format, publish it, and close or reopen it.

Every page works without JavaScript: moving a question is a button, removing one is a button."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import page
from core.concurrency import StaleEdit, read_at, refuse_stale, save_form_unless_changed, with_revision
from surveys import building, builtin, easy_read, services, translations
from surveys.builder_forms import ApproachForm, BuilderQuestionForm, SurveyForm, TranslationUploadForm
from surveys.forms import QuestionForm
from surveys.models import Survey, SurveyApproach
from surveys.presenters import PrintedSurvey, plain_text, routing_note

BUILD = "surveys.change_survey"


def _draft(pk):
    survey = get_object_or_404(Survey, pk=pk)
    version = survey.versions.order_by("-number").first()
    if version is None or version.is_published:
        raise Http404("This survey has no draft version.")
    return survey, version


@page("surveys.add_survey", BUILD)
def survey_new(request):
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        survey = building.survey_start(**form.cleaned_data)
        messages.success(request, _("Survey created. Add its questions, then publish it."))
        return redirect("surveys:draft", survey.pk)
    return render(request, "surveys/builder/new.html", {"form": form})


@page(BUILD)
def draft(request, pk):
    survey, version = _draft(pk)
    questions = list(version.questions.all())
    by_code = {question.code: question for question in questions}
    rows = [
        {
            "question": question,
            "locked": builtin.is_locked(question),
            "routing": routing_note(question, by_code),
            "first": index == 0,
            "last": index == len(questions) - 1,
            "easy_read": easy_read.lines(question) if easy_read.is_current(question) else [],
            "easy_read_needs_check": easy_read.needs_check(question),
        }
        for index, question in enumerate(questions)
    ]
    context = {
        "survey": survey,
        "version": version,
        "rows": rows,
        "easy_read_done": sum(1 for question in questions if easy_read.is_current(question)),
        "easy_read_complete": easy_read.has_easy_read(version, questions),
    }
    return render(request, "surveys/builder/draft.html", context)


@page(BUILD)
def question_new(request, pk):
    survey, version = _draft(pk)
    form = BuilderQuestionForm(request.POST or None, version=version)
    if request.method == "POST" and form.is_valid():
        question = building.question_add(version=version, fields=form.fields_to_save)
        messages.success(request, _("Question %(code)s added.") % {"code": question.code})
        return redirect("surveys:draft", pk)
    return render(request, "surveys/builder/question.html", {"survey": survey, "version": version, "form": form})


def _question(version, code):
    question = version.questions.filter(code=code).first()
    if question is None:
        raise Http404("No such question in the draft.")
    return question


@page(BUILD)
def question_edit(request, pk, code):
    survey, version = _draft(pk)
    question = _question(version, code)
    if builtin.is_locked(question):
        messages.info(request, _("%(code)s uses the Regulator's wording, so it cannot be changed.") % {"code": code})
        return redirect("surveys:draft", pk)
    form = with_revision(BuilderQuestionForm(request.POST or None, version=version, question=question), question)
    if request.method == "POST" and form.is_valid():
        try:
            building.question_update(
                question=question,
                fields=form.fields_to_save,
                read_at=read_at(form, question),
                easy_read_checked=form.easy_read_checked,
            )
        except StaleEdit as error:
            refuse_stale(form, error)
        else:
            messages.success(request, _("Question %(code)s saved.") % {"code": question.code})
            return redirect("surveys:draft", pk)
    context = {"survey": survey, "version": version, "form": form, "question": question}
    return render(request, "surveys/builder/question.html", context)


def _refusable(action):
    """Run a builder change; a refusal comes back to the draft page in words."""

    def run(request, pk, **kwargs):
        try:
            action(request, pk, **kwargs)
        except building.Refused as refusal:
            messages.error(request, str(refusal))
        return redirect("surveys:draft", pk)

    return run


@page(BUILD, post_only=True)
@require_POST
@_refusable
def question_move(request, pk, code):
    _survey, version = _draft(pk)
    building.question_move(question=_question(version, code), up=request.POST.get("direction") == "up")


@page(BUILD, post_only=True)
@require_POST
@_refusable
def question_remove(request, pk, code):
    _survey, version = _draft(pk)
    building.question_remove(question=_question(version, code))
    messages.success(request, _("Question %(code)s removed.") % {"code": code})


@page(BUILD, post_only=True)
@require_POST
def version_new(request, pk):
    survey = get_object_or_404(Survey, pk=pk)
    services.survey_version_new(survey=survey)
    return redirect("surveys:draft", pk)


@page(BUILD, post_only=True)
@require_POST
def publish(request, pk):
    survey, version = _draft(pk)
    try:
        services.survey_version_publish(version=version)
    except services.NotPublishable:
        messages.error(request, _("Add at least one question before publishing."))
        return redirect("surveys:draft", pk)
    messages.success(
        request, _("Version %(number)s published. Residents answer it from now on.") % {"number": version.number}
    )
    return redirect("surveys:detail", pk)


@page(BUILD, post_only=True)
@require_POST
def close(request, pk):
    survey = get_object_or_404(Survey, pk=pk)
    services.survey_close(survey=survey)
    messages.success(request, _("Survey closed. Nobody can answer or change answers until it is reopened."))
    return redirect("surveys:detail", pk)


@page(BUILD, post_only=True)
@require_POST
def reopen(request, pk):
    survey = get_object_or_404(Survey, pk=pk)
    services.survey_reopen(survey=survey)
    messages.success(request, _("Survey reopened."))
    return redirect("surveys:detail", pk)


PREVIEW_FORMATS = ("online", "text", "print", "large-print", "phone")


@page(BUILD)
def preview(request, pk, fmt):
    """The draft as a resident (or an interviewer) will see it, before it is published."""
    survey, version = _draft(pk)
    language = request.GET.get("language", "en")
    if fmt == "text":
        return HttpResponse(plain_text(survey, version, language), content_type="text/plain; charset=utf-8")
    if fmt == "easy-read":
        return _easy_read_preview(survey, version)
    printed = PrintedSurvey(survey, version, language)
    context = {"printed": printed, "survey": survey, "preview": True}
    if fmt in ("print", "large-print"):
        large = fmt == "large-print" or request.GET.get("size") == "large"
        return render(request, "surveys/print.html", {**context, "large": large})
    if fmt == "phone":
        return render(request, "surveys/phone_script.html", context)
    if fmt != "online":
        raise Http404("No such format.")
    forms = [
        QuestionForm(question=question, language=language, prefix=question.code) for question in version.questions.all()
    ]
    for form in forms:
        form.helper.layout.fields = form.helper.layout.fields[:1]  # the question without its Continue button
    return render(request, "surveys/builder/preview.html", {**context, "forms": forms, "version": version})


def _easy_read_preview(survey, version):
    """The easy-read questionnaire as the print pack prints it (a PDF), once every question has its easy read."""
    from core.pdf import document, pdf_of
    from surveys.print_pack import questionnaire_html

    if not easy_read.has_easy_read(version):
        raise Http404("Not every question of this draft has an easy read yet.")
    with translation.override(settings.LANGUAGE_CODE):
        html = questionnaire_html(survey, version, settings.LANGUAGE_CODE, large=True, easy=True)
    response = HttpResponse(pdf_of(document(html)), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="easy-read-{survey.pk}-v{version.number}.pdf"'
    return response


@page(BUILD)
def translation_list(request, pk):
    """Each survey language's completeness, a PO file to download for each, and the upload."""
    survey, version = _draft(pk)
    form = TranslationUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        language = form.cleaned_data["language"]
        try:
            filled = translations.po_import(
                survey=survey, version=version, language=language, content=form.cleaned_data["po_file"]
            )
        except translations.BadTranslationFile as problem:
            form.add_error("po_file", str(problem))
        else:
            messages.success(request, _("%(count)s translations kept.") % {"count": filled})
            return redirect("surveys:translations", pk)
    rows = []
    for code, name in settings.SURVEY_LANGUAGES:
        done, total = translations.completeness(survey, version, code)
        rtl = translations.is_right_to_left(code)
        rows.append({"code": code, "name": name, "done": done, "total": total, "complete": done == total, "rtl": rtl})
    names = dict(settings.SURVEY_LANGUAGES)
    changed = [
        {"entry": entry, "previous": previous, "languages": [{"code": code, "name": names[code]} for code in codes]}
        for entry, previous, codes in translations.changed_since_translated(survey, version)
    ]
    context = {"survey": survey, "version": version, "rows": rows, "form": form, "changed": changed}
    return render(request, "surveys/builder/translations.html", context)


@page(BUILD, html=False)
def translation_file(request, pk, language):
    survey, version = _draft(pk)
    if language not in dict(settings.SURVEY_LANGUAGES):
        raise Http404("Not a survey language.")
    response = HttpResponse(
        str(translations.po_export(survey, version, language)), content_type="text/x-gettext-translation; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="survey-{pk}-v{version.number}-{language}.po"'
    return response


@page(BUILD)
def approach(request, pk):
    """How the survey was run, for the published TSM results: saved only if nobody else saved it
    since the page was opened (core.concurrency)."""
    survey = get_object_or_404(Survey, pk=pk)
    instance = SurveyApproach.objects.filter(survey=survey).first() or SurveyApproach(survey=survey)
    form = with_revision(ApproachForm(request.POST or None, instance=instance), instance)
    if request.method == "POST" and form.is_valid():
        try:
            if instance.pk is None:
                form.save()
            else:
                save_form_unless_changed(form, read_at(form, instance))
        except StaleEdit as error:
            refuse_stale(form, error)
        else:
            messages.success(request, _("How the survey was run is saved."))
            return redirect("surveys:detail", pk)
    return render(request, "surveys/builder/approach.html", {"survey": survey, "form": form})
