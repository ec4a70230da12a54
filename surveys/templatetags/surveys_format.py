from django import template

from core.languages import name_of
from engagement.models import Format

register = template.Library()


@register.filter
def percent(value, places=1):
    """0.6667 -> "66.7%"; None (nothing to divide by) -> "–"."""
    if value is None:
        return "–"
    return f"{value * 100:.{int(places)}f}%"


@register.filter
def language_name(code):
    """A stored language code (BCP 47) as its name in the reader's language: "pl" -> "Polish"."""
    return name_of(code) if code else ""


@register.filter
def format_names(codes):
    """Stored formats as words: ["large_print", "bsl"] -> "Large print, British Sign Language"."""
    labels = dict(Format.choices)
    return ", ".join(str(labels.get(code, code)) for code in codes or [])
