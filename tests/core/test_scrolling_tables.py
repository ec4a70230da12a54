"""{% scrolling_table %}: a data table in a region named by its caption, which takes keyboard focus."""

import re

import pytest
from django.template import Context, Template, TemplateSyntaxError


def render(body):
    return Template("{% load tables %}{% scrolling_table %}" + body + "{% endscrolling_table %}").render(Context())


def test_the_region_is_named_by_the_caption_given_an_id_when_it_has_none():
    html = render('<table class="govuk-table"><caption class="c">Visits</caption><tr><td>1</td></tr></table>')
    ident = re.search(r'<caption id="([^"]+)" class="c">Visits</caption>', html)[1]
    assert html.startswith(f'<div class="app-table-scroll" role="region" aria-labelledby="{ident}" tabindex="0"><table')
    assert html.endswith("</table></div>")
    again = render('<table><caption class="c">Visits</caption></table>')
    assert re.search(r'<caption id="([^"]+)"', again)[1] != ident  # two tables on a page: two names


def test_a_caption_keeps_its_own_id_and_a_table_without_one_is_refused():
    html = render('<table><caption class="c" id="visits-caption">Visits</caption></table>')
    assert 'aria-labelledby="visits-caption"' in html and html.count('id="visits-caption"') == 1
    with pytest.raises(TemplateSyntaxError):
        render("<table><tr><td>1</td></tr></table>")
