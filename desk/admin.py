from django.contrib import admin

from desk.models import LanguageFlag


@admin.register(LanguageFlag)
class LanguageFlagAdmin(admin.ModelAdmin):
    """What the check flagged, to count how it is used. Read-only: it is a record of what happened."""

    list_display = ["phrase", "source", "text_changed", "still_in_text", "flagged_at"]
    list_filter = ["source", "text_changed", "still_in_text"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
