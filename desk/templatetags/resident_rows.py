"""The rows of the patch's resident tables (the worklist's "not contacted" and each patch group),
written in one pass and cached by what they show (core/fragments.py): through the template, a
hundred rows cost about ten milliseconds a page in lookups, filters and escaping (docs/scaling.md).
The same markup as the template wrote."""

from django import template
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html_join
from django.utils.timezone import template_localtime
from django.utils.translation import gettext

from core.fragments import cached_fragment

register = template.Library()

ROW = (
    '\n    <tr class="govuk-table__row">\n      <th scope="row" class="govuk-table__header"><a class="govuk-link" '
    'href="{}">{}</a><br><span class="govuk-body-s">{}</span></th>\n      <td class="govuk-table__cell">{}</td>\n'
    "    </tr>"
)


@register.simple_tag
def resident_rows(residents):
    residents = list(residents)
    shown = [(r.pk, r.first_name, r.last_name, str(r.household.home), r.last_contact) for r in residents]
    return cached_fragment("resident-rows", shown, lambda: _rows(residents))


def _rows(residents):
    never = gettext("Never")
    return format_html_join(
        "",
        ROW,
        (
            (
                reverse("resident_detail", kwargs={"pk": resident.pk}),
                resident.full_name,
                resident.household.home,
                date_format(template_localtime(resident.last_contact), "j M Y") if resident.last_contact else never,
            )
            for resident in residents
        ),
    )
