"""Form fields rendered once per distinct look, then from the cache (issue 29).

crispy-forms renders every field through several templates (the GOV.UK field, its label, hint,
errors and widget, and each radio or option in turn): 17 ms of the 40 ms of CPU the log-a-contact
page cost at 150,000 homes. `cached(layout)` wraps each crispy-forms-gds `Field` of a layout so
that its markup is kept as a fragment keyed by everything it shows (core/fragments.py): the
field's name, label, hint, the value shown, its choices, its widget and the widget's attributes,
the layout's template and settings, and the form's own settings. A field with errors, a hidden
field (a once-only key changes every time) or a field whose choices are read from the database as
it renders is rendered as before, every time.
"""

import datetime
import decimal
import uuid

from crispy_forms.layout import LayoutObject
from crispy_forms.utils import TEMPLATE_PACK
from crispy_forms_gds.layout import Field
from django.utils.functional import Promise

from core.fragments import cached_fragment

# The template variables the GOV.UK field templates read besides the field (crispy-forms-gds's
# templates and the helper's attributes): part of a field's key when they are set.
TEMPLATE_SETTINGS = (
    "additional_input_attributes", "checkboxes_small", "error_text_inline", "field_class", "field_template",
    "form_show_errors", "form_show_labels", "form_style", "help_text_inline", "hidden", "inline", "label_class",
    "label_size", "label_tag", "legend_size", "legend_tag", "max_characters", "max_words", "radios_inline",
    "radios_small", "tag", "threshold", "use_custom_control", "wrapper_class",
)  # fmt: skip
PLAIN = (str, int, float, bool, type(None), datetime.date, datetime.time, decimal.Decimal, uuid.UUID)


class Uncachable(Exception):
    pass


def cached(layout_object):
    """`layout_object` with every crispy-forms-gds Field in it (however deep) cached by what it shows."""
    if isinstance(layout_object, Field):
        return CachedField(layout_object)
    for name in ("fields",):
        children = getattr(layout_object, name, None)
        if isinstance(children, list):
            children[:] = [cached(child) for child in children]
    for reveal in getattr(layout_object, "reveals", ()):  # desk.forms.reveal.RevealedByCheckboxes
        reveal.layout = cached(reveal.layout)
    return layout_object


class CachedField(LayoutObject):
    def __init__(self, field):
        self.field = field
        self.fields = field.fields

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        def render():
            return self.field.render(form, context, template_pack=template_pack, **kwargs)

        try:
            shown = _shown(self.field, form, context, template_pack, kwargs)
        except Uncachable:
            return render()
        html = cached_fragment("field", shown, render)
        form.rendered_fields.update(self.fields)  # as crispy-forms does when it renders a field
        return html


def _shown(layout_field, form, context, template_pack, kwargs):
    settings = tuple((name, _plain(context.get(name))) for name in TEMPLATE_SETTINGS if context.get(name) is not None)
    shown = [
        template_pack,
        layout_field.get_template_name(template_pack),
        _plain(layout_field.attrs),
        _plain(layout_field.context),
        _plain(kwargs),
        settings,
        form.is_bound,
        form.prefix,
        _plain(form.auto_id),
        type(form).__qualname__,
    ]
    for name in layout_field.fields:
        if not isinstance(name, str) or name not in form.fields:
            raise Uncachable
        bound = form[name]
        field, widget = bound.field, bound.field.widget
        if widget.is_hidden or (form.is_bound and bound.errors):
            raise Uncachable
        shown.append(
            (
                name,
                type(field).__qualname__,
                str(bound.label),
                str(bound.help_text),
                field.required,
                field.disabled,
                field.show_hidden_initial,
                _plain(bound.value()),
                _widget(widget),
                tuple(_widget(each) for each in getattr(widget, "widgets", ())),
            )
        )
    return shown


def _widget(widget):
    choices = getattr(widget, "choices", ())
    if not isinstance(choices, (list, tuple)):
        raise Uncachable  # read from the database as it renders
    return (type(widget).__qualname__, widget.input_type if hasattr(widget, "input_type") else "",
            _plain(widget.attrs), _plain(choices))  # fmt: skip


def _plain(value):
    """`value` as plain data whose repr says what it shows (no object addresses)."""
    if isinstance(value, PLAIN):
        return value
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, (list, tuple)):
        return tuple(_plain(each) for each in value)
    if isinstance(value, dict):
        return tuple(sorted((str(key), _plain(each)) for key, each in value.items()))
    if type(value).__str__ is object.__str__:
        raise Uncachable  # an object that does not say what it shows
    return (type(value).__qualname__, str(value))
