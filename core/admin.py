from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import ReadOnlyPasswordHashWidget, UserChangeForm

from core.models import LanguageRule
from core.sign_out import sign_out_everywhere

User = get_user_model()
admin.site.unregister(User)


class PasswordSummaryWidget(ReadOnlyPasswordHashWidget):
    """Django's password summary without `disabled` on its <div> (only form controls take it: the
    W3C checker's error on the user page)."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].pop("disabled", None)
        return context


class PersonChangeForm(UserChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "password" in self.fields:
            self.fields["password"].widget = PasswordSummaryWidget()


@admin.register(User)
class PersonAdmin(UserAdmin):
    """Django's user admin, with signing the chosen people out everywhere (a lost phone, a leaver)."""

    form = PersonChangeForm
    actions = ["sign_out_everywhere"]

    @admin.action(description="Sign out everywhere (every session of the chosen people ends)")
    def sign_out_everywhere(self, request, queryset):
        for user in queryset:
            sign_out_everywhere(user)
        self.message_user(
            request, f"Signed out everywhere: {', '.join(u.username for u in queryset)}.", messages.SUCCESS
        )


@admin.register(LanguageRule)
class LanguageRuleAdmin(admin.ModelAdmin):
    """The respectful-language word list: administrators keep it up to date in the browser."""

    list_display = ["phrase", "alternative", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["phrase", "alternative", "why"]
