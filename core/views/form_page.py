from django.shortcuts import render


def form_page(
    request,
    form,
    *,
    title,
    caption="",
    back_url=None,
    back_label="",
    intro="",
    multipart=False,
    template="core/form_page.html",
    **extra,
):
    """The one helper for a form page: error summary, back link (labelled "Back" unless
    `back_label` names where it goes), caption, heading, the form. A page that shows more after
    the form passes a `template` that extends core/form_page.html."""
    context = {
        "form": form,
        "title": title,
        "caption": caption,
        "back_url": back_url,
        "back_label": back_label,
        "intro": intro,
        "multipart": multipart,
        **extra,
    }
    return render(request, template, context)
