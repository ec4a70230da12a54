"""Pages anyone may read: the accessibility statement and the privacy notice."""

from django.shortcuts import render

from core.access import public_page


@public_page
def accessibility_statement(request):
    return render(request, "pages/accessibility.html")


@public_page
def privacy_notice(request):
    return render(request, "pages/privacy.html")
