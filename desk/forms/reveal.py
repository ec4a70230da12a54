"""GOV.UK conditional reveal for a list of "I asked this" checkboxes.

Each checkbox reveals the questions it stands for. Without JavaScript every question is shown (GOV.UK
Frontend hides a conditional part only once its script runs), so the form works either way.
"""

from crispy_forms.layout import LayoutObject
from crispy_forms.utils import TEMPLATE_PACK
from django.template.loader import render_to_string


class Reveal:
    """One checkbox and the layout it reveals, with the fields whose answers mean it was ticked."""

    def __init__(self, checkbox, layout, answers=()):
        self.checkbox, self.layout, self.answers = checkbox, layout, list(answers)


class RevealedByCheckboxes(LayoutObject):
    template = "desk/forms/revealed_by_checkboxes.html"

    def __init__(self, *reveals, legend, legend_size="govuk-fieldset__legend--m", intro=None):
        self.reveals, self.legend, self.legend_size, self.intro = list(reveals), legend, legend_size, intro
        self.fields = []

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        items = []
        for reveal in self.reveals:
            field = form[reveal.checkbox]
            items.append({
                "field": field,
                "id": f"conditional-{field.html_name}",
                "checked": bool(field.value()) or _answered(form, reveal.answers),
                "revealed": reveal.layout.render(form, context, template_pack=template_pack, **kwargs),
            })  # fmt: skip
        intro = self.intro.render(form, context, template_pack=template_pack, **kwargs) if self.intro else ""
        return render_to_string(
            self.template, {"items": items, "legend": self.legend, "legend_size": self.legend_size, "intro": intro}
        )


def _answered(form, names):
    """An answer given without ticking the box (possible without JavaScript) keeps the part open."""
    return form.is_bound and any(form.data.get(name) for name in names)
