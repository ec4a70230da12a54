"""Keeping what the respectful-language check flagged (core.language_check announces it)."""

from desk.models import LanguageFlag


def record_flags(sender, *, source, by, flags, text_changed, about, **kwargs):
    """One LanguageFlag per phrase flagged, first time or in the saved text."""
    return LanguageFlag.objects.bulk_create(
        LanguageFlag(
            source=source,
            rule=finding.rule,
            phrase=finding.rule.phrase,
            matched_text=finding.matched_text[:200],
            text_changed=text_changed,
            still_in_text=still_in_text,
            flagged_by=by,
            **about,
        )
        for finding, still_in_text in flags
    )
