from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from config.health import healthz
from core.access import public_page
from core.forms.sign_in import SignInForm
from core.views import sessions, two_factor
from inequities.urls import root_urlpatterns as inequities_root
from repairs.views import complaints_report as complaints_report_views
from surveys.views import public as public_views
from surveys.views import short_codes

admin.site.site_header = "Administration"
admin.site.site_title = "Administration"

urlpatterns = [
    path("", include("core.urls")),
    path("", include("desk.urls")),
    path("", include("engagement.urls")),
    path("", include(inequities_root)),
    path("repairs/", include("repairs.urls")),
    path("surveys/", include("surveys.urls")),
    path("insight/", include("inequities.urls")),
    # Published for tenants: no sign-in.
    path("tenant-satisfaction/", public_views.tenant_satisfaction, name="tenant_satisfaction"),
    # The short address printed on letters, where the short code is typed (surveys/short_codes.py).
    path("code/", short_codes.survey_code, name="survey_code"),
    path("tenant-satisfaction.csv", public_views.tenant_satisfaction_csv, name="tenant_satisfaction_csv"),
    # The Complaint Handling Code's annual report, published beside the TSM results.
    path("complaints-report/", complaints_report_views.complaints_report_public, name="complaints_report_public"),
    path(
        "accounts/login/",
        public_page(auth_views.LoginView.as_view(authentication_form=SignInForm)),
        name="login",
    ),
    path("accounts/logout/", public_page(auth_views.LogoutView.as_view(), post_only=True), name="logout"),
    path("accounts/sign-out-everywhere/", sessions.sign_out_everywhere_view, name="sign_out_everywhere"),
    path("accounts/two-factor/", two_factor.two_factor_setup, name="two_factor_setup"),
    path("accounts/two-factor/off/", two_factor.two_factor_off, name="two_factor_off"),
    path("accounts/two-factor/code/", two_factor.two_factor_verify, name="two_factor_verify"),
    path("i18n/setlang/", public_page(set_language, post_only=True), name="set_language"),
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
]

handler500 = "config.middleware.server_error"
