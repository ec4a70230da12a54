"""The respectful-language check. It advises and never blocks.

The same rules run here (on save, so it works without JavaScript) and in static/js/language-check.js
(as the officer types). A rule's phrase is matched as whole words, ignoring capitals; a space in
the phrase also matches a hyphen; a word ending in * matches any ending. A rule can name words that
change the meaning: "refus* access" unless preceded by "landlord" or "we" flags "the resident
refused access" (stated as a fact about the resident) but not "the landlord refused access".
"""

import json
import re
from dataclasses import dataclass

from core.models import LanguageRule
from core.signals import language_flagged

SENTENCE_END = re.compile(r"[.!?;\n]")
WORD = re.compile(r"[\w']+")
WORDS_BEFORE = 3
WORDS_AFTER = 2


@dataclass(frozen=True)
class Finding:
    rule: LanguageRule
    matched_text: str
    start: int


def phrase_pattern(phrase):
    """The regular expression for a rule's phrase (the JavaScript builds the same one)."""
    parts = []
    for token in re.split(r"[\s\-]+", phrase.strip().lower()):
        if not token:
            continue
        if token.endswith("*"):
            parts.append(re.escape(token.rstrip("*")) + r"\w*")
        else:
            parts.append(re.escape(token))
    return re.compile(r"(?<!\w)" + r"[\s\-]+".join(parts) + r"(?!\w)", re.IGNORECASE)


def word_list(text):
    return {word.strip().lower() for word in text.split(",") if word.strip()}


def active_rules():
    return list(LanguageRule.objects.filter(is_active=True))


def check(text, rules=None):
    """Every stigmatising phrase in `text`, in the order it appears."""
    rules = active_rules() if rules is None else rules
    findings = []
    for rule in rules:
        before_words, after_words = word_list(rule.unless_preceded_by), word_list(rule.unless_followed_by)
        for match in phrase_pattern(rule.phrase).finditer(text or ""):
            if before_words & set(_words_before(text, match.start())):
                continue
            if after_words & set(_words_after(text, match.end())):
                continue
            findings.append(Finding(rule, match.group(0), match.start()))
    return sorted(findings, key=lambda finding: finding.start)


def _words_before(text, at):
    sentence_start = max((m.end() for m in SENTENCE_END.finditer(text, 0, at)), default=0)
    return [word.lower() for word in WORD.findall(text[sentence_start:at])][-WORDS_BEFORE:]


def _words_after(text, at):
    end = SENTENCE_END.search(text, at)
    return [word.lower() for word in WORD.findall(text[at : end.start() if end else len(text)])][:WORDS_AFTER]


def rules_for_browser(rules):
    """The rules as JSON, for the data attribute the as-you-type check reads."""
    return json.dumps(
        [
            {
                "phrase": rule.phrase,
                "alternative": rule.alternative,
                "why": rule.why,
                "before": sorted(word_list(rule.unless_preceded_by)),
                "after": sorted(word_list(rule.unless_followed_by)),
            }
            for rule in rules
        ]
    )


class LanguageReview:
    """The check at save time for one text field.

    `original` is the text as it was when the check first flagged something (kept in a hidden
    field: set by the server when it shows the flags, or by the browser when it flags as you type).
    With no original and something flagged, the writer has not seen the advice yet: show the form
    again with the flags. Otherwise save, and record what was flagged and whether the text changed.
    """

    def __init__(self, text, original, rules):
        self.text = text or ""
        self.original = original or ""
        self.findings = check(self.text, rules)
        self.original_findings = check(self.original, rules) if self.original else []

    @property
    def needs_review(self):
        return bool(self.findings) and not self.original

    @property
    def text_changed(self):
        return bool(self.original) and self.original.strip() != self.text.strip()

    def flags(self):
        """(finding, still in the saved text) for everything flagged, first time or now."""
        still = {(f.rule.pk, f.matched_text.lower()) for f in self.findings}
        seen, result = set(), []
        for finding in self.original_findings + self.findings:
            key = (finding.rule.pk, finding.matched_text.lower())
            if key not in seen:
                seen.add(key)
                result.append((finding, key in still))
        return result

    def record(self, *, source, by, **about):
        """Announce what was flagged in the saved text (`about` names it: contact= or complaint_stage=);
        the desk keeps the flags (desk.models.LanguageFlag). Returns the flags kept."""
        answers = language_flagged.send(
            sender=type(self), source=source, by=by, flags=self.flags(), text_changed=self.text_changed, about=about
        )
        return [flag for _receiver, kept in answers for flag in kept]


def add_language_check(form, field_name, rules):
    """Give a form's text field the check: the hidden 'as first flagged' copy and the browser's rules."""
    from django import forms

    hidden_name = f"{field_name}_as_flagged"
    form.fields[hidden_name] = forms.CharField(required=False, widget=forms.HiddenInput, strip=False)
    attrs = form.fields[field_name].widget.attrs
    attrs["data-language-rules"] = rules_for_browser(rules)
    attrs["data-language-as-flagged"] = f"id_{hidden_name}"
    attrs["data-language-report"] = f"{field_name}-language-check"
    if getattr(form, "helper", None) is not None:
        form.helper.render_hidden_fields = True  # a layout made before the check was added
    return hidden_name


def review_form(form, field_name, rules):
    """After `form.is_valid()`: the review of the field, and when it needs review, the form made
    ready to show again with the text kept as first flagged."""
    hidden_name = f"{field_name}_as_flagged"
    review = LanguageReview(form.cleaned_data.get(field_name, ""), form.cleaned_data.get(hidden_name, ""), rules)
    if review.needs_review:
        form.data = form.data.copy()
        form.data[hidden_name] = review.text
    return review
