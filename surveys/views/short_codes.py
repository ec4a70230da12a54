"""The short address on a letter: the resident types the short code printed beside the QR code and
goes on to their own survey link. Wrong codes count against the address that tried them, with
unknown links (surveys/links.py)."""

from django.shortcuts import redirect, render

from core.access import public_page
from surveys.forms import ShortCodeForm
from surveys.links import attempts_used_up, count_miss, too_many_tries
from surveys.short_codes import invitation_for


@public_page
def survey_code(request):
    if attempts_used_up(request):
        return too_many_tries(request)
    form = ShortCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation = invitation_for(form.cleaned_data["code"])
        token = invitation.token if invitation is not None else None
        if token is not None:
            return redirect("surveys:answer_start", token)
        count_miss(request)
        form.add_error("code", ShortCodeForm.WRONG)
    return render(request, "surveys/answer/short_code.html", {"form": form})
