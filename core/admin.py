from django.contrib import admin

from core.models import LanguageRule


@admin.register(LanguageRule)
class LanguageRuleAdmin(admin.ModelAdmin):
    """The respectful-language word list: administrators keep it up to date in the browser."""

    list_display = ["phrase", "alternative", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["phrase", "alternative", "why"]
