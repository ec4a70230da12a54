from django import template

register = template.Library()


@register.filter
def percent(value, places=1):
    """0.6667 -> "66.7%"; None (nothing to divide by) -> "–"."""
    if value is None:
        return "–"
    return f"{value * 100:.{int(places)}f}%"
