from django.urls import path

from engagement import views

urlpatterns = [
    path("", views.home, name="home"),
    path("residents/", views.resident_search, name="resident_search"),
    path("accessibility/", views.accessibility_statement, name="accessibility"),
    path("privacy/", views.privacy_notice, name="privacy"),
]
