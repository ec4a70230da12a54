"""{% fragment "name" shown %}…{% endfragment %}: the enclosed markup cached by what it shows
(core/fragments.py): `shown` is the values it shows, such as a tuple made by the page's presenter."""

from django import template

from core.fragments import cached_fragment

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, name, shown, nodelist):
        self.name, self.shown, self.nodelist = name, shown, nodelist

    def render(self, context):
        return cached_fragment(
            self.name.resolve(context), self.shown.resolve(context), lambda: self.nodelist.render(context)
        )


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError('Use {% fragment "name" shown %}…{% endfragment %}.')
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(parser.compile_filter(bits[1]), parser.compile_filter(bits[2]), nodelist)
