from django.shortcuts import render


def form_page(request, form, *, title, caption="", back_url=None, intro="", multipart=False, **extra):
    """One template for every plain form page: error summary, caption, heading, the form."""
    context = {
        "form": form,
        "title": title,
        "caption": caption,
        "back_url": back_url,
        "intro": intro,
        "multipart": multipart,
        **extra,
    }
    return render(request, "core/form_page.html", context)
