"""The shared pages: imports, the accessibility statement, the privacy notice (no namespace)."""

from django.urls import path

from core.views import imports, pages

urlpatterns = [
    path("imports/", imports.import_start, name="import_start"),
    path("imports/<int:pk>/", imports.import_review, name="import_review"),
    path("accessibility/", pages.accessibility_statement, name="accessibility"),
    path("privacy/", pages.privacy_notice, name="privacy"),
]
