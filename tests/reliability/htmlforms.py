"""Read the forms a page draws, as a browser would, so a test can fill and send them."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

TEXT_TYPES = {"text", "search", "email", "tel", "url", "number", "password", None}


@dataclass
class HtmlForm:
    method: str
    action: str
    text_fields: list = field(default_factory=list)  # names a person types into
    choices: dict = field(default_factory=dict)  # name -> values offered (radios, selects)
    checked: dict = field(default_factory=dict)  # name -> values checked or selected
    hidden: dict = field(default_factory=dict)  # name -> value (csrf token, idempotency keys)
    files: list = field(default_factory=list)

    def baseline(self, fill):
        """POST data: hidden values, the first choice of each radio and select, and `fill(name)` typed."""
        data = {name: [value] for name, value in self.hidden.items()}
        for name, values in self.choices.items():
            picked = self.checked.get(name) or [value for value in values if value][:1]
            if picked:
                data[name] = picked
        for name, values in self.checked.items():
            data.setdefault(name, values)
        for name in self.text_fields:
            data[name] = [fill(name)]
        return data


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self.form = None
        self.select = None
        self.option = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.form = HtmlForm(method=(attrs.get("method") or "get").lower(), action=attrs.get("action") or "")
            self.forms.append(self.form)
            return
        if self.form is None or "name" not in attrs and tag != "option":
            return
        name = attrs.get("name")
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind == "hidden":
                self.form.hidden[name] = attrs.get("value") or ""
            elif kind in ("radio", "checkbox"):
                self.form.choices.setdefault(name, []).append(attrs.get("value") or "on")
                if "checked" in attrs:
                    self.form.checked.setdefault(name, []).append(attrs.get("value") or "on")
            elif kind == "file":
                self.form.files.append(name)
            elif kind in TEXT_TYPES or kind == "date":
                self.form.text_fields.append(name)
        elif tag == "textarea":
            self.form.text_fields.append(name)
        elif tag == "select":
            self.select = name
            self.form.choices.setdefault(name, [])
        elif tag == "option" and self.select is not None:
            value = attrs.get("value", "")
            self.form.choices[self.select].append(value)
            if "selected" in attrs:
                self.form.checked.setdefault(self.select, []).append(value)

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None


def forms_on(html):
    parser = _Parser()
    parser.feed(html)
    return parser.forms
