from django.urls import path

from inequities import views
from inequities.dashboards import DASHBOARDS
from inequities.views import representation, trends

app_name = "inequities"
urlpatterns = [
    path("figures/", views.figures, name="figures"),
    path("figures.csv", views.figures_csv, name="figures_csv"),
    path("figures/recompute/", views.recompute, name="recompute"),
    path("dashboards/", views.dashboards, name="dashboards"),
    path("dashboards/table.csv", views.dashboard_csv, name="dashboard_csv"),
    path("dashboards/signals/", views.signals, name="signals"),
    path("dashboards/trends/", trends.trends, name="trends"),
    path("dashboards/trends.csv", trends.trends_csv, name="trends_csv"),
]
# One address per dashboard (no URL arguments: each is its own named page).
urlpatterns += [
    path(f"dashboards/{d.slug}/", views.dashboard, {"slug": d.slug}, name=d.url_name.split(":")[1]) for d in DASHBOARDS
]

# The representation review keeps its address among the engagement pages, and its name without a namespace.
root_urlpatterns = [path("engagement/representation/", representation.representation, name="representation")]
