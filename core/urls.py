"""The shared pages: the accessibility statement, the privacy notice (no namespace)."""

from django.urls import path

from core.views import pages

urlpatterns = [
    path("accessibility/", pages.accessibility_statement, name="accessibility"),
    path("privacy/", pages.privacy_notice, name="privacy"),
]
