"""Helpers for the tests of stale saves (issue 24 item 3, core/concurrency.py)."""

from tests.reliability.htmlforms import forms_on

STALE = "Someone else changed this record since you opened this page"


def revision_on(page):
    """The revision the page's edit form was read at (its hidden field), as a person's browser holds it."""
    found = [form.hidden["revision"] for form in forms_on(page.content.decode()) if "revision" in form.hidden]
    assert found, "the edit form should carry the revision it was read at"
    return found[0]


def assert_refused(response, *shown):
    """The save was refused with the message, what is saved now, and the person's values kept."""
    assert response.status_code == 200
    html = response.content.decode()
    assert STALE in html
    assert 'class="govuk-error-summary"' in html
    for text in shown:
        assert text in html, text
    return html


def post_data(form):
    """What a browser sends for `form` (an unbound form as drawn) untouched: each field's value,
    date inputs as day, month and year, ticked boxes as "on"."""
    data = {}
    for name, field in form.fields.items():
        bound = form[name]
        value = bound.value()
        widget = field.widget
        if hasattr(widget, "widgets"):  # the GOV.UK date input: name_0, name_1, name_2
            parts = widget.decompress(value) if value else [None] * len(widget.widgets)
            for index, part in enumerate(parts):
                data[f"{bound.html_name}_{index}"] = "" if part is None else str(part)
        elif field.widget.input_type == "checkbox" if hasattr(field.widget, "input_type") else False:
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[bound.html_name] = list(value)
        else:
            data[bound.html_name] = "" if value is None else str(value)
    return data
