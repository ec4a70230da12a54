from django.urls import path

from inequities import views

app_name = "inequities"
urlpatterns = [
    path("figures/", views.figures, name="figures"),
    path("figures.csv", views.figures_csv, name="figures_csv"),
    path("figures/recompute/", views.recompute, name="recompute"),
]
