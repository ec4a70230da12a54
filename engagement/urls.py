from django.urls import path

from engagement import views
from engagement.views import imports, items, preferences, residents

urlpatterns = [
    path("", views.home, name="home"),
    path("residents/", views.resident_search, name="resident_search"),
    path("residents/reviews-due/", residents.reviews_due, name="reviews_due"),
    path("residents/<int:pk>/", residents.resident_detail, name="resident_detail"),
    path("residents/<int:pk>/equality/", residents.equality_profile, name="equality_profile"),
    path("residents/<int:pk>/equality/change/", residents.equality_profile_edit, name="equality_profile_edit"),
    path("residents/<int:pk>/needs/add/", items.support_need_add, name="support_need_add"),
    path("residents/<int:resident_pk>/needs/<int:pk>/", items.support_need_edit, name="support_need_edit"),
    path("residents/<int:pk>/adjustments/add/", items.adjustment_add, name="adjustment_add"),
    path("residents/<int:resident_pk>/adjustments/<int:pk>/", items.adjustment_edit, name="adjustment_edit"),
    path("residents/<int:pk>/restrictions/add/", items.restriction_add, name="restriction_add"),
    path("residents/<int:resident_pk>/restrictions/<int:pk>/", items.restriction_edit, name="restriction_edit"),
    path("residents/<int:pk>/preferences/", items.preferences_edit, name="preferences_edit"),
    path("my-contact-preferences/", preferences.my_preferences, name="my_preferences"),
    path("imports/", imports.import_start, name="import_start"),
    path("imports/<int:pk>/", imports.import_review, name="import_review"),
    path("accessibility/", views.accessibility_statement, name="accessibility"),
    path("privacy/", views.privacy_notice, name="privacy"),
]
